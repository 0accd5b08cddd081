import { t } from '../../i18n/index.js';
import { latestFigure } from '../editions.js';
import type { SectionContext } from './context.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { casualtyTrend } from './universalization.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { qualified } from './words.js';

/** Victim-assistance indicators of the fact sheet, in order, with the sentence each becomes. */
const INDICATORS = {
  states_parties_significant_victims: 'factsheet:victims.indicator.states_parties_significant_victims',
  states_parties_va_coordination_mechanism: 'factsheet:victims.indicator.states_parties_va_coordination_mechanism',
  states_parties_va_plan: 'factsheet:victims.indicator.states_parties_va_plan',
  states_parties_va_survivor_participation: 'factsheet:victims.indicator.states_parties_va_survivor_participation',
  states_parties_victims_implementing_programmes:
    'factsheet:victims.indicator.states_parties_victims_implementing_programmes',
} as const;

export function victims(context: SectionContext): Section {
  const { notebook, known } = context;
  const paragraphs: Paragraph[] = [
    heading(t('factsheet:victims.question')),
    text(t('factsheet:victims.requirement')),
    heading(t('factsheet:heading.achievements')),
  ];
  let found = false;
  for (const [indicator, sentence] of Object.entries(INDICATORS)) {
    const figure = latestFigure(known, indicator);
    if (!figure) continue;
    found = true;
    paragraphs.push(
      text(
        t(sentence, { value: qualified(figure.qualifier, figure.value), period: figure.period }),
        notebook.reported(figure),
      ),
    );
  }
  if (!found) paragraphs.push(text(t('factsheet:victims.noIndicator')));
  paragraphs.push(heading(t('factsheet:heading.challenges')));
  const trend = casualtyTrend(context);
  paragraphs.push(trend ? text(trend.sentence, ...trend.notes) : text(t('factsheet:victims.noCasualties')));
  paragraphs.push(...whatNeedsToBeDone(context, 'victims'));
  return { id: 'victim-assistance', title: t('factsheet:victims.title'), paragraphs };
}
