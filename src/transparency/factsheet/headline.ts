import { t } from '../../i18n/index.js';
import { latestFigure } from '../editions.js';
import { type SectionContext, statesMethod } from './context.js';
import type { Paragraph, Section } from './model.js';
import { bullet, text } from './notebook.js';
import { longDate, periodWords, qualified } from './words.js';

/** The opening list: where the Convention stands on the date, one line per pillar. */
export function headline(context: SectionContext): Section {
  const { summary, notebook, known, asOf } = context;
  const share = Math.floor((summary.statesParties / summary.statesTotal) * 100);
  const shareNote = notebook.computed('states_parties_share_percent', share, 'percent', statesMethod());
  const paragraphs: Paragraph[] = [
    text(t('factsheet:headline.intro', { date: longDate(asOf) })),
    bullet(
      t('factsheet:headline.parties', { parties: summary.statesParties, share, total: summary.statesTotal }),
      notebook.computed('states_parties', summary.statesParties, 'states', statesMethod()),
      shareNote,
    ),
  ];
  const destroyed = latestFigure(known, 'stockpiled_mines_destroyed_since_1997');
  if (destroyed) {
    paragraphs.push(
      bullet(
        t('factsheet:headline.destroyed', {
          amount: qualified(destroyed.qualifier, destroyed.value),
          period: periodWords(destroyed.period),
        }),
        notebook.reported(destroyed),
      ),
    );
  }
  const casualties = latestFigure(known, 'casualties_mines_erw');
  if (casualties) {
    paragraphs.push(
      bullet(
        t('factsheet:headline.casualties', {
          amount: qualified(casualties.qualifier, casualties.value),
          period: casualties.period,
        }),
        notebook.reported(casualties),
      ),
    );
  }
  const area = latestFigure(known, 'area_cleared_km2');
  if (area)
    paragraphs.push(
      bullet(
        t('factsheet:headline.area', { amount: qualified(area.qualifier, area.value), period: area.period }),
        notebook.reported(area),
      ),
    );
  const funding = latestFigure(known, 'international_support_usd');
  if (funding)
    paragraphs.push(
      bullet(
        t('factsheet:headline.funding', {
          amount: qualified(funding.qualifier, funding.value, 'USD'),
          period: funding.period,
        }),
        notebook.reported(funding),
      ),
    );
  return { id: 'headline', title: t('factsheet:headline.title'), paragraphs };
}

export function conclusion(context: SectionContext): Section {
  const { summary, plan, notebook } = context;
  const withdrawals = summary.withdrawals.effective.length + summary.withdrawals.pending.length;
  const notes = [notebook.computed('states_parties', summary.statesParties, 'states', statesMethod())];
  if (withdrawals > 0)
    notes.push(notebook.computed('withdrawals_effective_or_pending', withdrawals, 'states', statesMethod()));
  const sentences = [
    t('factsheet:conclusion.bound', {
      date: longDate(context.asOf),
      parties: summary.statesParties,
      notParty: summary.notParty,
    }),
    withdrawals > 0
      ? t('factsheet:conclusion.withdrawals', { count: withdrawals })
      : t('factsheet:conclusion.noWithdrawals'),
    plan ? t('factsheet:conclusion.plan', { plan: plan.name, period: plan.period }) : '',
    t('factsheet:conclusion.method'),
  ];
  return {
    id: 'conclusion',
    title: t('factsheet:conclusion.title'),
    paragraphs: [text(sentences.filter(Boolean).join(' '), ...notes)],
  };
}
