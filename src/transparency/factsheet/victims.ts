import { t } from '../../i18n/index.js';
import { latestFigure } from '../editions.js';
import { type SectionContext, type VictimFrameworks, vaFrameworksMethod } from './context.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { casualtyTrend } from './universalization.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { longDate, qualified } from './words.js';

/** Victim-assistance indicators of the fact sheet, in order, with the sentence each becomes. */
const INDICATORS = {
  states_parties_significant_victims: 'factsheet:victims.indicator.states_parties_significant_victims',
  states_parties_va_coordination_mechanism: 'factsheet:victims.indicator.states_parties_va_coordination_mechanism',
  states_parties_va_plan: 'factsheet:victims.indicator.states_parties_va_plan',
  states_parties_va_survivor_participation: 'factsheet:victims.indicator.states_parties_va_survivor_participation',
  states_parties_victims_implementing_programmes:
    'factsheet:victims.indicator.states_parties_victims_implementing_programmes',
} as const;

/** The four counts the frameworks data can compute, with the key of its count. */
const COMPUTED = {
  states_parties_significant_victims: 'significantNumberOfVictims',
  states_parties_va_coordination_mechanism: 'withCoordinationMechanism',
  states_parties_va_plan: 'withPlanInForce',
  states_parties_va_survivor_participation: 'withSurvivorParticipation',
} as const satisfies Partial<Record<keyof typeof INDICATORS, keyof VictimFrameworks['counts']>>;

/** The sentence each computed count becomes. */
const COMPUTED_WORDS = {
  states_parties_significant_victims: 'factsheet:victims.computed.states_parties_significant_victims',
  states_parties_va_coordination_mechanism: 'factsheet:victims.computed.states_parties_va_coordination_mechanism',
  states_parties_va_plan: 'factsheet:victims.computed.states_parties_va_plan',
  states_parties_va_survivor_participation: 'factsheet:victims.computed.states_parties_va_survivor_participation',
} as const satisfies Record<keyof typeof COMPUTED, string>;

/**
 * The frameworks data's counts stand in for the published ones only when complete: every State
 * counted has its mechanism, plan and survivor participation stated, and they are at least as many
 * as the latest published count of States with significant numbers of victims.
 */
function computedFrameworks(context: SectionContext): VictimFrameworks | null {
  const f = context.frameworks;
  if (f === null || !f.complete) return null;
  const published = latestFigure(context.known, 'states_parties_significant_victims');
  return published && f.states < published.value ? null : f;
}

export function victims(context: SectionContext): Section {
  const { notebook, known } = context;
  const paragraphs: Paragraph[] = [
    heading(t('factsheet:victims.question')),
    text(t('factsheet:victims.requirement')),
    heading(t('factsheet:heading.achievements')),
  ];
  let found = false;
  const computed = computedFrameworks(context);
  for (const [indicator, sentence] of Object.entries(INDICATORS)) {
    if (computed !== null && indicator in COMPUTED) {
      const key = COMPUTED[indicator as keyof typeof COMPUTED];
      const value = computed.counts[key];
      const note = notebook.computed(indicator, value, 'states', vaFrameworksMethod(computed));
      found = true;
      paragraphs.push(
        text(
          t(COMPUTED_WORDS[indicator as keyof typeof COMPUTED], {
            value: qualified('exact', value),
            date: longDate(context.asOf),
          }),
          note,
        ),
      );
      continue;
    }
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
  const partial = context.frameworks;
  if (computed === null && partial !== null) {
    const note = notebook.computed('va_frameworks_states', partial.states, 'states', vaFrameworksMethod(partial));
    paragraphs.push(text(t('factsheet:victims.frameworksPartial', { count: partial.states }), note));
  }
  paragraphs.push(heading(t('factsheet:heading.challenges')));
  const trend = casualtyTrend(context);
  paragraphs.push(trend ? text(trend.sentence, ...trend.notes) : text(t('factsheet:victims.noCasualties')));
  paragraphs.push(...whatNeedsToBeDone(context, 'victims'));
  return { id: 'victim-assistance', title: t('factsheet:victims.title'), paragraphs };
}
