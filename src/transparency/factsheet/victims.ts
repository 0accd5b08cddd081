import { latestFigure } from '../editions.js';
import type { SectionContext } from './context.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { casualtyTrend } from './universalization.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { qualified } from './words.js';

/** Victim-assistance indicators of the fact sheet, with the sentence each becomes. */
const INDICATORS: readonly [string, (v: string, period: string) => string][] = [
  [
    'states_parties_significant_victims',
    (v, p) => `${v} States Parties reported significant numbers of mine victims (${p}).`,
  ],
  [
    'states_parties_va_coordination_mechanism',
    (v, p) => `${v} of them had a coordination mechanism for victim assistance (${p}).`,
  ],
  ['states_parties_va_plan', (v, p) => `${v} had a national plan for victim assistance (${p}).`],
  ['states_parties_va_survivor_participation', (v, p) => `${v} involved survivors in their coordination (${p}).`],
  [
    'states_parties_victims_implementing_programmes',
    (v, p) => `${v} States Parties were implementing victim assistance programmes (${p}).`,
  ],
];

export function victims(context: SectionContext): Section {
  const { notebook, known } = context;
  const paragraphs: Paragraph[] = [
    heading('What does the Convention require for victims?'),
    text(
      'Each State Party in a position to do so shall provide assistance for the care and rehabilitation, and the social and economic reintegration, of mine victims (Article 6.3); the action plans set out what affected States Parties commit to do.',
    ),
    heading('Achievements'),
  ];
  let found = false;
  for (const [indicator, sentence] of INDICATORS) {
    const figure = latestFigure(known, indicator);
    if (!figure) continue;
    found = true;
    paragraphs.push(
      text(sentence(qualified(figure.qualifier, figure.value), figure.period), notebook.reported(figure)),
    );
  }
  if (!found) paragraphs.push(text("No victim assistance indicator is known for this date in minefree's data."));
  paragraphs.push(heading('Remaining challenges'));
  const trend = casualtyTrend(context);
  paragraphs.push(
    trend
      ? text(trend.sentence, ...trend.notes)
      : text("No casualty figure is known for this date in minefree's data."),
  );
  paragraphs.push(...whatNeedsToBeDone(context, 'victims'));
  return { id: 'victim-assistance', title: 'Victim assistance', paragraphs };
}
