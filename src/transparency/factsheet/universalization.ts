import { addYears } from '../../core/date.js';
import { stateName, t } from '../../i18n/index.js';
import { figureFor, latestFigure, periodEnd } from '../editions.js';
import { type SectionContext, statesMethod } from './context.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { amount, list, longDate, periodWords, qualified } from './words.js';

const TREND = {
  up: 'factsheet:trend.up',
  down: 'factsheet:trend.down',
  unchanged: 'factsheet:trend.unchanged',
} as const;

const CONSENT_KIND = {
  ratification: 'common:consentKind.ratification',
  acceptance: 'common:consentKind.acceptance',
  approval: 'common:consentKind.approval',
  accession: 'common:consentKind.accession',
  succession: 'common:consentKind.succession',
} as const;

/** Casualties of the latest three years known, as "8,605 in 2016 – up from 6,461 in 2015 and 3,695 in 2014". */
export function casualtyTrend(context: SectionContext): { sentence: string; notes: number[] } | null {
  const latest = latestFigure(context.known, 'casualties_mines_erw');
  if (!latest) return null;
  const year = Number(latest.period);
  const earlier = [year - 1, year - 2]
    .map((y) => figureFor(context.known, 'casualties_mines_erw', String(y)))
    .filter((f) => f !== null);
  const notes = [latest, ...earlier].map((f) => context.notebook.reported(f));
  const first = earlier[0];
  const direction = first
    ? latest.value > first.value
      ? 'up'
      : latest.value < first.value
        ? 'down'
        : 'unchanged'
    : null;
  const rest = earlier.map((f) =>
    t('factsheet:trend.item', { amount: qualified(f.qualifier, f.value), period: f.period }),
  );
  const trend = direction && rest.length > 0 ? t(TREND[direction], { list: list(rest) }) : '';
  return {
    sentence: t('factsheet:trend.sentence', {
      amount: qualified(latest.qualifier, latest.value),
      period: latest.period,
      trend,
    }),
    notes,
  };
}

export function universalization(context: SectionContext): Section {
  const { summary, notebook, asOf, engine } = context;
  const paragraphs: Paragraph[] = [heading(t('factsheet:heading.achievements'))];
  const parties = notebook.computed('states_parties', summary.statesParties, 'states', statesMethod());
  const latest = summary.latestToJoin;
  paragraphs.push(
    text(
      latest
        ? t('factsheet:universalization.partiesLatest', {
            date: longDate(asOf),
            parties: summary.statesParties,
            name: stateName(latest.iso3, undefined, latest.name),
            instrument: t(CONSENT_KIND[latest.instrument]),
            joined: longDate(latest.date),
          })
        : t('factsheet:universalization.parties', { date: longDate(asOf), parties: summary.statesParties }),
      parties,
    ),
  );
  // A published count is shown beside the computed one only while it is recent enough to compare.
  const reported = latestFigure(context.known, 'states_parties');
  if (reported && reported.value !== summary.statesParties && periodEnd(reported.period) >= addYears(asOf, -1)) {
    paragraphs.push(
      text(
        t('factsheet:universalization.reportedCount', {
          value: reported.value,
          period: periodWords(reported.period),
        }),
        notebook.reported(reported),
      ),
    );
  }
  const produced = latestFigure(context.known, 'states_ever_produced_ap_mines');
  const ended = latestFigure(context.known, 'states_ended_production');
  if (produced && ended) {
    paragraphs.push(
      text(
        t('factsheet:universalization.production', {
          produced: qualified(produced.qualifier, produced.value),
          ended: amount(ended.value),
          period: ended.period,
        }),
        notebook.reported(produced),
        notebook.reported(ended),
      ),
    );
  }

  paragraphs.push(heading(t('factsheet:heading.challenges')));
  const outside = notebook.computed('states_not_party', summary.notParty, 'states', statesMethod());
  const signatories = context.states
    .filter((s) => s.status === 'signatory')
    .map((s) => stateName(s.iso3, undefined, s.name));
  paragraphs.push(
    text(
      signatories.length > 0
        ? t('factsheet:universalization.outsideSignatories', {
            count: signatories.length,
            notParty: summary.notParty,
            total: summary.statesTotal,
            list: list(signatories),
          })
        : t('factsheet:universalization.outside', { notParty: summary.notParty, total: summary.statesTotal }),
      outside,
    ),
  );
  const withdrawn = context.states.filter((s) => s.withdrawal.state === 'effective');
  if (withdrawn.length > 0) {
    const n = notebook.computed('withdrawals_effective', withdrawn.length, 'states', statesMethod());
    const dates = withdrawn.map((s) =>
      t('factsheet:stateDate', {
        name: stateName(s.iso3, undefined, s.name),
        date: s.withdrawal.effective ? longDate(s.withdrawal.effective) : t('factsheet:universalization.dateUnknown'),
      }),
    );
    paragraphs.push(text(t('factsheet:universalization.withdrawn', { count: withdrawn.length, list: list(dates) }), n));
  }
  for (const pending of context.states.filter((s) => s.withdrawal.state === 'pending')) {
    const record = engine.record(pending.iso3)?.withdrawal;
    const n = notebook.computed('withdrawals_pending', 1, 'states', statesMethod());
    const name = stateName(pending.iso3, undefined, pending.name);
    const since = record?.deposited
      ? t('factsheet:universalization.receivedOn', { date: longDate(record.deposited) })
      : record?.announced
        ? t('factsheet:universalization.announcedOn', { date: longDate(record.announced) })
        : t('factsheet:universalization.announced');
    const effect = pending.withdrawal.effective
      ? t('factsheet:universalization.takesEffect', { date: longDate(pending.withdrawal.effective) })
      : t('factsheet:universalization.armedConflict', { name });
    paragraphs.push(text(t('factsheet:universalization.pending', { name, since, effect }), n));
  }
  const trend = casualtyTrend(context);
  if (trend) paragraphs.push(text(trend.sentence, ...trend.notes));
  paragraphs.push(...whatNeedsToBeDone(context, 'universalization'));
  return { id: 'universalization', title: t('factsheet:universalization.title'), paragraphs };
}
