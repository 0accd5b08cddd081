/**
 * What makes a ledger readable (README, "Bad input"): each entry on its own, then the ledger as a
 * whole against the treaty engine. Every problem names the entry (by its index) and the field,
 * so an import can name the row and column. No I/O here.
 */
import type { CalendarDate } from '../core/date.js';
import { type PartialDate, earliestDay, latestDay, partialDateProblem } from '../core/partial-date.js';
import { QUALIFIERS, SOURCE_ID_PATTERN } from '../core/source.js';
import { isStateCode } from '../core/states.js';
import type { TreatyEngine } from '../treaty/status.js';
import { compareSpans, entriesOf } from './ledger.js';
import { ENTRY_KINDS, type LedgerEntry, MINE_TYPES, RETAINED_PURPOSES } from './model.js';
import { remainingOn } from './remaining.js';

export interface LedgerProblem {
  /** Position of the entry in the list checked. */
  index: number;
  field: string;
  expected: string;
  found: string | null;
}

const WHOLE = 'a whole number of mines, 0 or more';
/** The Convention was adopted in 1997: no ledger entry is older. */
const FIRST_YEAR = 1997;

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
const show = (v: string | number | boolean | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);

/** The date fields an entry has, the main one first. */
function datesOf(e: LedgerEntry): [string, PartialDate][] {
  switch (e.kind) {
    case 'destroyed':
    case 'completed':
      return e.from === null
        ? [['date', e.date]]
        : [
            ['date', e.date],
            ['from', e.from],
          ];
    case 'found':
      return e.destroyed === null
        ? [['date', e.date]]
        : [
            ['date', e.date],
            ['destroyed', e.destroyed],
          ];
    case 'retained':
      return [];
    default:
      return [['date', e.date]];
  }
}

/** The problems of one entry, read alone. */
export function entryProblems(e: LedgerEntry, index = 0): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const bad = (field: string, expected: string, found: string | number | null): void => {
    problems.push({ index, field, expected, found: show(found) });
  };
  if (!(ENTRY_KINDS as readonly string[]).includes(e.kind)) bad('kind', `one of ${ENTRY_KINDS.join(', ')}`, e.kind);
  if (!isStateCode(e.iso3)) bad('iso3', 'the ISO 3166-1 alpha-3 code of one of the 197 States', e.iso3);
  if (e.sources.length === 0) bad('sources', 'at least one source id (for example S30)', '');
  for (const id of e.sources) if (!SOURCE_ID_PATTERN.test(id)) bad('sources', 'a source id such as S30', id);
  for (const [field, date] of datesOf(e)) {
    const problem = partialDateProblem(date);
    if (problem !== null) bad(field, problem, date);
    else if (Number(date.slice(0, 4)) < FIRST_YEAR)
      bad(field, `a date from ${FIRST_YEAR}, when the Convention was adopted`, date);
  }
  if ('quantity' in e && e.quantity !== null && !isCount(e.quantity)) bad('quantity', WHOLE, e.quantity);
  if ('qualifier' in e && !(QUALIFIERS as readonly string[]).includes(e.qualifier)) {
    bad('qualifier', `one of ${QUALIFIERS.join(', ')}`, e.qualifier);
  }
  if ('mineType' in e && !(MINE_TYPES as readonly string[]).includes(e.mineType)) {
    bad('type', `a mine type minefree knows (${MINE_TYPES.join(', ')})`, e.mineType);
  }
  if (problems.some((p) => p.field === 'date' || p.field === 'from' || p.field === 'destroyed')) return problems;
  if ((e.kind === 'destroyed' || e.kind === 'completed') && e.from !== null && compareSpans(e.from, e.date) > 0) {
    bad('from', `a start on or before the end (${e.date})`, e.from);
  }
  if (e.kind === 'found' && e.destroyed !== null && latestDay(e.destroyed) < earliestDay(e.date)) {
    bad('destroyed', `a date on or after the report (${e.date})`, e.destroyed);
  }
  if (e.kind === 'transferred' && e.recipient !== null && !isStateCode(e.recipient)) {
    bad('recipient', 'the ISO 3166-1 alpha-3 code of the receiving State', e.recipient);
  }
  if (e.kind === 'retained') {
    if (!Number.isSafeInteger(e.year) || e.year < FIRST_YEAR || e.year > 9999) {
      bad('year', `the year (YYYY, from ${FIRST_YEAR}) whose end the count is for`, e.year);
    }
    if (!isCount(e.held)) bad('held', WHOLE, e.held);
    if (e.consumed !== null && !isCount(e.consumed)) bad('consumed', WHOLE, e.consumed);
    if (!(RETAINED_PURPOSES as readonly string[]).includes(e.purpose)) {
      bad('purpose', `one of ${RETAINED_PURPOSES.join(', ')}`, e.purpose);
    }
  }
  return problems;
}

/** The day an entry happened at the latest (a retained count: the end of its year). */
function lastDayOf(e: LedgerEntry): CalendarDate {
  return e.kind === 'retained' ? latestDay(String(e.year).padStart(4, '0') as PartialDate) : latestDay(e.date);
}

function firstDayOf(e: LedgerEntry): CalendarDate {
  if (e.kind === 'retained') return earliestDay(String(e.year).padStart(4, '0') as PartialDate);
  return earliestDay(e.kind === 'destroyed' || e.kind === 'completed' ? (e.from ?? e.date) : e.date);
}

export interface LedgerCheckOptions {
  /** The treaty engine: each State must be a State Party on each entry's date. */
  engine?: TreatyEngine;
  /** No entry may be dated after this day (an import's as-of date). */
  asOf?: CalendarDate;
}

/**
 * The problems of one State's whole ledger (entries of one State, in any order): each entry's own,
 * then none-held beside stock, destruction before the first declared stock, a remaining stock that
 * goes below zero, two counts of retained mines for one year and purpose, an entry after the as-of
 * date, and an entry dated when the State was not a State Party.
 */
export function ledgerProblems(entries: readonly LedgerEntry[], options: LedgerCheckOptions = {}): LedgerProblem[] {
  const problems = entries.flatMap((e, i) => entryProblems(e, i));
  if (problems.length > 0) return problems;
  const bad = (index: number, field: string, expected: string, found: string | number | null): void => {
    problems.push({ index, field, expected, found: show(found) });
  };
  const noneHeld = entriesOf(entries, 'none-held').length > 0;
  const declared = entriesOf(entries, 'declared');
  const firstDeclared = declared.length === 0 ? null : (declared.map((d) => earliestDay(d.date)).sort()[0] ?? null);
  const retainedYears = new Map<string, number>();
  entries.forEach((e, i) => {
    const stock = (x: LedgerEntry): boolean =>
      ['destroyed', 'transferred', 'completed'].includes(x.kind) || (x.kind === 'declared' && x.quantity !== 0);
    if (noneHeld && stock(e)) {
      bad(i, 'kind', 'no stock recorded for a State that declared it held none (none-held)', e.kind);
    }
    if (e.kind === 'none-held' && entries.some(stock)) {
      bad(i, 'kind', 'a declaration of none held only for a State whose ledger records no stock', e.kind);
    }
    if (
      (e.kind === 'destroyed' || e.kind === 'transferred') &&
      firstDeclared !== null &&
      latestDay(e.date) < firstDeclared
    ) {
      bad(i, 'date', `a date on or after the first declared stock (${firstDeclared})`, e.date);
    }
    if (e.kind === 'retained') {
      const key = `${e.year}/${e.purpose}`;
      const seen = retainedYears.get(key);
      if (seen !== undefined)
        bad(i, 'year', `one count per year and purpose (entry ${seen + 1} has ${e.year})`, e.year);
      else retainedYears.set(key, i);
    }
    if (options.asOf !== undefined && firstDayOf(e) > options.asOf) {
      bad(
        i,
        e.kind === 'retained' ? 'year' : 'date',
        `a date on or before ${options.asOf}`,
        e.kind === 'retained' ? e.year : e.date,
      );
    }
    if (options.engine !== undefined && e.kind !== 'stated') {
      const day = lastDayOf(e);
      const state = options.engine.state(e.iso3, day);
      const first = options.engine.state(e.iso3, firstDayOf(e));
      if (state?.status !== 'state-party' || (first !== null && first.status === 'withdrawn')) {
        bad(
          i,
          e.kind === 'retained' ? 'year' : 'date',
          `a date on which ${e.iso3} is a State Party (it is ${state?.status ?? 'unknown'} on ${day})`,
          e.kind === 'retained' ? e.year : e.date,
        );
      }
    }
  });
  if (problems.length > 0) return problems;
  // The remaining stock at each dated event never goes below zero.
  entries.forEach((e, i) => {
    if (e.kind !== 'destroyed' && e.kind !== 'transferred' && e.kind !== 'found') return;
    const day = e.kind === 'found' && e.destroyed !== null ? latestDay(e.destroyed) : latestDay(e.date);
    const remaining = remainingOn(entries, day);
    if (remaining !== null && remaining < 0) {
      bad(
        i,
        'quantity',
        `no more mines than the stock held then (${remaining + (e.quantity ?? 0)} on ${day})`,
        e.quantity,
      );
    }
  });
  return problems;
}
