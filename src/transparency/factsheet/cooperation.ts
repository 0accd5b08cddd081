import { figureFor, latestFigure } from '../editions.js';
import type { SectionContext } from './context.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { qualified } from './words.js';

const SHARES: readonly [string, string][] = [
  ['international_support_share_clearance_risk_education', 'clearance and risk education'],
  ['international_support_share_victim_assistance', 'victim assistance'],
  ['international_support_share_stockpile_destruction', 'stockpile destruction'],
];

export function cooperation(context: SectionContext): Section {
  const { notebook, known } = context;
  const paragraphs: Paragraph[] = [
    heading('What does the Convention require?'),
    text(
      'Each State Party has the right to seek and receive assistance, and each State Party in a position to do so shall provide assistance for mine clearance, stockpile destruction, mine awareness and the care and reintegration of victims (Article 6).',
    ),
    heading('Achievements'),
  ];
  const international = latestFigure(known, 'international_support_usd');
  if (international) {
    const year = international.period;
    const notes = [notebook.reported(international)];
    const shares = SHARES.flatMap(([indicator, label]) => {
      const share = figureFor(known, indicator, year);
      if (!share) return [];
      notes.push(notebook.reported(share));
      return [`${qualified(share.qualifier, share.value, 'percent')} to ${label}`];
    });
    const split = shares.length > 0 ? ` Of this, ${shares.join(', ')}.` : '';
    paragraphs.push(
      text(
        `Donors provided ${qualified(international.qualifier, international.value, 'USD')} of international support for mine action in ${year}.${split}`,
        ...notes,
      ),
    );
    const national = figureFor(known, 'national_support_usd', year);
    if (national)
      paragraphs.push(
        text(
          `Affected States contributed ${qualified(national.qualifier, national.value, 'USD')} to their own programmes in ${year}.`,
          notebook.reported(national),
        ),
      );
  } else {
    paragraphs.push(
      text("No figure of international support for mine action is known for this date in minefree's data."),
    );
  }
  paragraphs.push(heading('Remaining challenges'));
  const previous = international
    ? figureFor(known, 'international_support_usd', String(Number(international.period) - 1))
    : null;
  if (international && previous) {
    const change = international.value >= previous.value ? 'up from' : 'down from';
    paragraphs.push(
      text(
        `International support in ${international.period} was ${change} ${qualified(previous.qualifier, previous.value, 'USD')} in ${previous.period}.`,
        notebook.reported(previous),
      ),
    );
  } else {
    paragraphs.push(text('No earlier year of international support is known for comparison on this date.'));
  }
  paragraphs.push(...whatNeedsToBeDone(context, 'cooperation'));
  return { id: 'cooperation', title: 'International cooperation and assistance', paragraphs };
}
