/**
 * Rows of a ledger file (data/stockpile_ledger.csv, or a State's CSV/XLSX import) into ledger
 * entries. Pure: rows in, entries and problems out; every problem names file, line and column.
 */
import type { CsvRow } from '../core/csv.js';
import type { DataProblem } from '../core/errors.js';
import { FieldReader } from '../core/field-reader.js';
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import { QUALIFIERS, type Qualifier, type SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import type { TreatyEngine } from '../treaty/status.js';
import { ledgerProblems } from './checks.js';
import {
  ENTRY_KINDS,
  type EntryKind,
  type LedgerEntry,
  MINE_TYPES,
  type MineType,
  RETAINED_PURPOSES,
  type RetainedPurpose,
} from './model.js';

export const LEDGER_COLUMNS = [
  'iso3',
  'kind',
  'date',
  'from',
  'year',
  'quantity',
  'qualifier',
  'type',
  'method',
  'place',
  'recipient',
  'destroyed',
  'met',
  'held',
  'consumed',
  'purpose',
  'sources',
  'notes',
] as const;

function oneOf<T extends string>(r: FieldReader, field: string, values: readonly T[], fallback: T): T {
  const value = r.text(field);
  if (value === '') return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  r.report(field, `one of ${values.join(', ')}`);
  return fallback;
}

function requiredDate(r: FieldReader, field: string): PartialDate {
  const value = r.partialDate(field);
  if (value === null && r.text(field) === '') r.report(field, 'a date (YYYY-MM-DD, YYYY-MM or YYYY)');
  return value ?? ('0000' as PartialDate);
}

/** Fields a kind does not use must be empty, so a value is never silently dropped. */
const USED: Record<EntryKind, readonly string[]> = {
  declared: ['date', 'quantity', 'qualifier', 'type'],
  'none-held': ['date'],
  destroyed: ['date', 'from', 'quantity', 'qualifier', 'type', 'method', 'place'],
  transferred: ['date', 'quantity', 'qualifier', 'type', 'recipient'],
  found: ['date', 'quantity', 'qualifier', 'type', 'destroyed'],
  completed: ['date', 'from'],
  stated: ['date', 'met'],
  retained: ['year', 'held', 'consumed', 'purpose', 'qualifier'],
};
const ALWAYS = ['iso3', 'kind', 'sources', 'notes'];

/** One row into an entry; null when a field is wrong (the reader holds the problems). */
export function readLedgerRow(r: FieldReader, known: ReadonlySet<SourceId> | null): LedgerEntry | null {
  const iso3 = r.state('iso3');
  const kindText = r.text('kind');
  const sources = r.sources(known);
  const notes = r.text('notes');
  if (!(ENTRY_KINDS as readonly string[]).includes(kindText)) {
    r.report('kind', `one of ${ENTRY_KINDS.join(', ')}`);
    return null;
  }
  const kind = kindText as EntryKind;
  for (const field of LEDGER_COLUMNS) {
    if (!ALWAYS.includes(field) && !USED[kind].includes(field) && r.row.has(field) && r.text(field) !== '') {
      r.report(field, `an empty cell (a ${kind} entry has no ${field})`);
    }
  }
  const qualifier = (): Qualifier => oneOf(r, 'qualifier', QUALIFIERS, 'exact');
  const mineType = (): MineType => oneOf(r, 'type', MINE_TYPES, 'unspecified');
  const text = (field: string): string | null => (r.text(field) === '' ? null : r.text(field));
  const base = { iso3: iso3 ?? 'AFG', sources, notes };
  let entry: LedgerEntry;
  switch (kind) {
    case 'declared':
      entry = {
        ...base,
        kind,
        date: requiredDate(r, 'date'),
        quantity: r.count('quantity'),
        qualifier: qualifier(),
        mineType: mineType(),
      };
      break;
    case 'none-held':
      entry = { ...base, kind, date: requiredDate(r, 'date') };
      break;
    case 'destroyed':
      entry = {
        ...base,
        kind,
        from: r.partialDate('from'),
        date: requiredDate(r, 'date'),
        quantity: r.count('quantity'),
        qualifier: qualifier(),
        mineType: mineType(),
        method: text('method'),
        place: text('place'),
      };
      break;
    case 'transferred': {
      const recipient = r.text('recipient') === '' ? null : r.state('recipient');
      entry = {
        ...base,
        kind,
        date: requiredDate(r, 'date'),
        quantity: r.count('quantity'),
        qualifier: qualifier(),
        mineType: mineType(),
        recipient,
      };
      break;
    }
    case 'found':
      entry = {
        ...base,
        kind,
        date: requiredDate(r, 'date'),
        quantity: r.count('quantity'),
        qualifier: qualifier(),
        mineType: mineType(),
        destroyed: r.partialDate('destroyed'),
      };
      break;
    case 'completed':
      entry = { ...base, kind, from: r.partialDate('from'), date: requiredDate(r, 'date') };
      break;
    case 'stated': {
      const met = r.yesNo('met');
      if (met === null && r.text('met') === '') r.report('met', '"yes" or "no": what the source says of the deadline');
      entry = { ...base, kind, date: requiredDate(r, 'date'), met: met ?? false };
      break;
    }
    case 'retained': {
      const year = r.year('year');
      if (year === null && r.text('year') === '') r.report('year', 'the year (YYYY) whose end the count is for');
      const held = r.count('held');
      if (held === null && r.text('held') === '') r.report('held', 'the number held at the end of the year');
      const purpose: RetainedPurpose = oneOf(r, 'purpose', RETAINED_PURPOSES, 'unspecified');
      entry = {
        ...base,
        kind,
        year: Number(year ?? 0),
        held: held ?? 0,
        consumed: r.count('consumed'),
        purpose,
        qualifier: qualifier(),
      };
      break;
    }
  }
  return r.ok ? entry : null;
}

export interface LedgerRows {
  ledgers: Map<StateCode, LedgerEntry[]>;
  problems: DataProblem[];
}

/**
 * Every row read, then each State's ledger checked as a whole (against the engine and the as-of
 * date when given); a problem of the ledger names the row of the entry at fault.
 */
export function ledgerFromRows(
  rows: readonly CsvRow[],
  known: ReadonlySet<SourceId> | null,
  options: { engine?: TreatyEngine; asOf?: CalendarDate } = {},
): LedgerRows {
  const problems: DataProblem[] = [];
  const byState = new Map<StateCode, { entry: LedgerEntry; row: CsvRow }[]>();
  for (const row of rows) {
    const reader = new FieldReader(row);
    const entry = readLedgerRow(reader, known);
    problems.push(...reader.problems);
    if (entry === null) continue;
    const list = byState.get(entry.iso3) ?? [];
    list.push({ entry, row });
    byState.set(entry.iso3, list);
  }
  const ledgers = new Map<StateCode, LedgerEntry[]>();
  for (const [iso3, list] of byState) {
    const entries = list.map((x) => x.entry);
    for (const p of ledgerProblems(entries, options)) {
      const row = list[p.index]?.row;
      if (row === undefined) continue;
      const field = row.has(p.field) ? p.field : 'kind';
      problems.push(row.problem(field, p.expected, p.found));
    }
    ledgers.set(iso3, entries);
  }
  return { ledgers, problems };
}
