import { t } from '../../i18n/index.js';
import { figureFor, latestFigure } from '../editions.js';
import type { SectionContext } from './context.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { qualified } from './words.js';

/** The shares of international support the fact sheet names, in order, with what each went to. */
const SHARES = {
  international_support_share_clearance_risk_education:
    'factsheet:cooperation.share.international_support_share_clearance_risk_education',
  international_support_share_victim_assistance:
    'factsheet:cooperation.share.international_support_share_victim_assistance',
  international_support_share_stockpile_destruction:
    'factsheet:cooperation.share.international_support_share_stockpile_destruction',
} as const;

export function cooperation(context: SectionContext): Section {
  const { notebook, known } = context;
  const paragraphs: Paragraph[] = [
    heading(t('factsheet:cooperation.question')),
    text(t('factsheet:cooperation.requirement')),
    heading(t('factsheet:heading.achievements')),
  ];
  const international = latestFigure(known, 'international_support_usd');
  if (international) {
    const year = international.period;
    const notes = [notebook.reported(international)];
    const shares = Object.entries(SHARES).flatMap(([indicator, label]) => {
      const share = figureFor(known, indicator, year);
      if (!share) return [];
      notes.push(notebook.reported(share));
      return [
        t('factsheet:cooperation.shareItem', {
          share: qualified(share.qualifier, share.value, 'percent'),
          label: t(label),
        }),
      ];
    });
    const split = shares.length > 0 ? t('factsheet:cooperation.split', { shares: shares.join(', ') }) : '';
    paragraphs.push(
      text(
        t('factsheet:cooperation.international', {
          amount: qualified(international.qualifier, international.value, 'USD'),
          period: year,
          split,
        }),
        ...notes,
      ),
    );
    const national = figureFor(known, 'national_support_usd', year);
    if (national)
      paragraphs.push(
        text(
          t('factsheet:cooperation.national', {
            amount: qualified(national.qualifier, national.value, 'USD'),
            period: year,
          }),
          notebook.reported(national),
        ),
      );
  } else {
    paragraphs.push(text(t('factsheet:cooperation.noInternational')));
  }
  paragraphs.push(heading(t('factsheet:heading.challenges')));
  const previous = international
    ? figureFor(known, 'international_support_usd', String(Number(international.period) - 1))
    : null;
  if (international && previous) {
    paragraphs.push(
      text(
        t(international.value >= previous.value ? 'factsheet:cooperation.up' : 'factsheet:cooperation.down', {
          period: international.period,
          amount: qualified(previous.qualifier, previous.value, 'USD'),
          previous: previous.period,
        }),
        notebook.reported(previous),
      ),
    );
  } else {
    paragraphs.push(text(t('factsheet:cooperation.noPrevious')));
  }
  paragraphs.push(...whatNeedsToBeDone(context, 'cooperation'));
  return { id: 'cooperation', title: t('factsheet:cooperation.title'), paragraphs };
}
