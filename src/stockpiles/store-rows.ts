/** Ledger entries to rows and back: the one place that knows which column holds which field. */
import type { Insertable, Selectable } from 'kysely';
import type { PartialDate } from '../core/partial-date.js';
import { parseSourceIds, sourceIdsJson } from '../store/json.js';
import type { LedgerEntry, StoredEntry } from './model.js';
import type { StockpileEntriesTable } from './tables.js';

type Row = Insertable<StockpileEntriesTable>;

const EMPTY = {
  date: null,
  date_from: null,
  year: null,
  quantity: null,
  qualifier: null,
  mine_type: null,
  method: null,
  place: null,
  recipient: null,
  destroyed: null,
  met: null,
  held: null,
  consumed: null,
  purpose: null,
} satisfies Partial<Row>;

export function entryRow(e: LedgerEntry): Row {
  const base = { ...EMPTY, iso3: e.iso3, kind: e.kind, sources: sourceIdsJson(e.sources), notes: e.notes };
  switch (e.kind) {
    case 'declared':
      return { ...base, date: e.date, quantity: e.quantity, qualifier: e.qualifier, mine_type: e.mineType };
    case 'none-held':
      return { ...base, date: e.date };
    case 'destroyed':
      return {
        ...base,
        date: e.date,
        date_from: e.from,
        quantity: e.quantity,
        qualifier: e.qualifier,
        mine_type: e.mineType,
        method: e.method,
        place: e.place,
      };
    case 'transferred':
      return {
        ...base,
        date: e.date,
        quantity: e.quantity,
        qualifier: e.qualifier,
        mine_type: e.mineType,
        recipient: e.recipient,
      };
    case 'found':
      return {
        ...base,
        date: e.date,
        quantity: e.quantity,
        qualifier: e.qualifier,
        mine_type: e.mineType,
        destroyed: e.destroyed,
      };
    case 'completed':
      return { ...base, date: e.date, date_from: e.from };
    case 'stated':
      return { ...base, date: e.date, met: e.met ? 1 : 0 };
    case 'retained':
      return { ...base, year: e.year, held: e.held, consumed: e.consumed, purpose: e.purpose, qualifier: e.qualifier };
  }
}

/** pg returns bigint as a string: one conversion for both engines. */
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function entryFromRow(r: Selectable<StockpileEntriesTable>): StoredEntry {
  const base = { id: r.id, iso3: r.iso3, sources: parseSourceIds(r.sources), notes: r.notes };
  const date = r.date ?? ('' as PartialDate);
  const qualifier = r.qualifier ?? 'exact';
  const mineType = r.mine_type ?? 'unspecified';
  const quantity = num(r.quantity);
  switch (r.kind) {
    case 'declared':
      return { ...base, kind: r.kind, date, quantity, qualifier, mineType };
    case 'none-held':
      return { ...base, kind: r.kind, date };
    case 'destroyed':
      return {
        ...base,
        kind: r.kind,
        from: r.date_from,
        date,
        quantity,
        qualifier,
        mineType,
        method: r.method,
        place: r.place,
      };
    case 'transferred':
      return { ...base, kind: r.kind, date, quantity, qualifier, mineType, recipient: r.recipient };
    case 'found':
      return { ...base, kind: r.kind, date, quantity, qualifier, mineType, destroyed: r.destroyed };
    case 'completed':
      return { ...base, kind: r.kind, from: r.date_from, date };
    case 'stated':
      return { ...base, kind: r.kind, date, met: r.met === 1 };
    case 'retained':
      return {
        ...base,
        kind: r.kind,
        year: num(r.year) ?? 0,
        held: num(r.held) ?? 0,
        consumed: num(r.consumed),
        purpose: r.purpose ?? 'unspecified',
        qualifier,
      };
  }
}
