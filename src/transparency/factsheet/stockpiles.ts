import { earliestDay } from '../../core/partial-date.js';
import type { StateCode } from '../../core/states.js';
import { stateName, t } from '../../i18n/index.js';
import { latestFigure, publicationDay } from '../editions.js';
import type { ReportedFigure } from '../model.js';
import { type LedgerStockpiles, type SectionContext, stockpileLedgerMethod } from './context.js';
import type { Paragraph, Section } from './model.js';
import { heading, text } from './notebook.js';
import { whatNeedsToBeDone } from './what-needs-to-be-done.js';
import { amount, list, longDate, periodWords, qualified } from './words.js';

const name = (s: { iso3: string; name: string }): string => stateName(s.iso3, undefined, s.name);

/** The latest stock the ledger records declared by a State that missed its deadline, as a reported figure with its source. */
function remainingFigure(context: SectionContext, missed: LedgerStockpiles['missed'][number]): ReportedFigure | null {
  const { iso3, declared } = missed;
  if (declared === null || declared.quantity === null || declared.quantity === 0) return null;
  if (earliestDay(declared.date) > context.asOf) return null;
  const source = declared.sources
    .map((id) => context.sources.get(id))
    .find((s) => s?.published && publicationDay(s.published) <= context.asOf);
  if (!source?.published) return null;
  return {
    indicator: 'stockpile_remaining',
    scope: iso3,
    period: declared.date,
    value: declared.quantity,
    qualifier: declared.qualifier,
    unit: 'mines',
    source: source.id,
    citedDocument: null,
    citedPage: null,
    edition: null,
    published: publicationDay(source.published),
    notes: '',
  };
}

export function stockpiles(context: SectionContext): Section {
  const { notebook, known, engine, asOf } = context;
  const ledger = context.stockpiles;
  const byCode = new Map(context.states.map((s) => [s.iso3, s]));
  const nameOf = (iso3: StateCode): string => {
    const state = byCode.get(iso3);
    return state ? name(state) : iso3;
  };
  const deadlineOf = (iso3: StateCode) => byCode.get(iso3)?.article4.deadline ?? null;
  const byName = (a: StateCode, b: StateCode): number => nameOf(a).localeCompare(nameOf(b));
  const paragraphs: Paragraph[] = [
    heading(t('factsheet:stockpiles.question')),
    text(t('factsheet:stockpiles.requirement')),
    heading(t('factsheet:heading.achievements')),
  ];
  const destroyed = latestFigure(known, 'stockpiled_mines_destroyed_since_1997');
  if (destroyed) {
    paragraphs.push(
      text(
        t('factsheet:stockpiles.destroyed', {
          amount: qualified(destroyed.qualifier, destroyed.value),
          period: periodWords(destroyed.period),
        }),
        notebook.reported(destroyed),
      ),
    );
  }
  // The published count of completions stays: the ledger does not yet hold every State's completion.
  const completed = latestFigure(known, 'states_parties_completed_destruction');
  if (completed) {
    paragraphs.push(
      text(
        t('factsheet:stockpiles.completed', {
          amount: amount(completed.value),
          period: periodWords(completed.period),
        }),
        notebook.reported(completed),
      ),
    );
  }
  if (ledger.noStockpile > 0) {
    const n = notebook.computed('states_parties_no_stockpile', ledger.noStockpile, 'states', stockpileLedgerMethod());
    paragraphs.push(text(t('factsheet:stockpiles.noStockpile', { count: ledger.noStockpile }), n));
  }
  const lateButDone = ledger.missed.filter((m) => m.completed !== null).sort((a, b) => byName(a.iso3, b.iso3));
  if (lateButDone.length > 0) {
    const n = notebook.computed(
      'states_parties_completed_destruction_after_deadline',
      lateButDone.length,
      'states',
      stockpileLedgerMethod(),
    );
    const items = lateButDone.map((m) =>
      t('factsheet:stockpiles.lateItem', {
        name: nameOf(m.iso3),
        deadline: deadlineOf(m.iso3)?.slice(0, 4) ?? t('factsheet:unknownMark'),
        completed: m.completed === null ? t('factsheet:unknownMark') : periodWords(m.completed),
      }),
    );
    paragraphs.push(text(t('factsheet:stockpiles.lateButDone', { count: lateButDone.length, list: list(items) }), n));
  }

  paragraphs.push(heading(t('factsheet:heading.challenges')));
  if (ledger.missed.length > 0) {
    const n = notebook.computed(
      'states_parties_missed_article4_deadline',
      ledger.missed.length,
      'states',
      stockpileLedgerMethod(),
    );
    paragraphs.push(text(t('factsheet:stockpiles.missedTotal', { count: ledger.missed.length }), n));
    const missed = ledger.missed.filter((m) => m.completed === null).sort((a, b) => byName(a.iso3, b.iso3));
    if (missed.length > 0) {
      const items = missed.map(({ iso3 }) => {
        const deadline = deadlineOf(iso3);
        return t('factsheet:stateDate', {
          name: nameOf(iso3),
          date: deadline ? longDate(deadline) : t('factsheet:unknownMark'),
        });
      });
      paragraphs.push(text(t('factsheet:stockpiles.missed', { count: missed.length, list: list(items) }), n));
    }
    for (const m of missed) {
      const remaining = remainingFigure(context, m);
      if (remaining)
        paragraphs.push(
          text(
            // A day takes "on" (on 2 April 2008), a month or year "in" (in June 2024).
            t(remaining.period.length === 10 ? 'factsheet:stockpiles.stillHeldOn' : 'factsheet:stockpiles.stillHeld', {
              name: nameOf(m.iso3),
              amount: qualified(remaining.qualifier, remaining.value),
              period: periodWords(remaining.period),
            }),
            notebook.reported(remaining),
          ),
        );
    }
  }
  const together = latestFigure(known, 'stockpile_remaining_greece_ukraine', 'GRC;UKR');
  if (together) {
    paragraphs.push(
      text(
        t('factsheet:stockpiles.greeceUkraine', {
          amount: qualified(together.qualifier, together.value),
          period: together.period,
        }),
        notebook.reported(together),
      ),
    );
  }
  if (ledger.holding.length > 0) {
    const n = notebook.computed(
      'states_parties_holding_stockpiles',
      ledger.holding.length,
      'states',
      stockpileLedgerMethod(),
    );
    const holding = [...ledger.holding].sort(byName);
    paragraphs.push(
      text(t('factsheet:stockpiles.holding', { count: holding.length, list: list(holding.map(nameOf)) }), n),
    );
    const missedCodes = new Set(ledger.missed.map((m) => m.iso3));
    const within = holding.filter((iso3) => {
      const deadline = deadlineOf(iso3);
      return !missedCodes.has(iso3) && deadline !== null && deadline >= asOf && engine.state(iso3, asOf) !== null;
    });
    if (within.length > 0) {
      const items = within.map((iso3) => {
        const deadline = deadlineOf(iso3);
        return t('factsheet:stateDate', {
          name: nameOf(iso3),
          date: deadline ? longDate(deadline) : t('factsheet:unknownMark'),
        });
      });
      paragraphs.push(text(t('factsheet:stockpiles.within', { count: within.length, list: list(items) }), n));
    }
  }
  paragraphs.push(...whatNeedsToBeDone(context, 'stockpiles'));
  return { id: 'stockpile-destruction', title: t('factsheet:stockpiles.title'), paragraphs };
}
