/**
 * A ledger as the cells of a file (data/stockpile_ledger.csv's columns, LEDGER_COLUMNS): the
 * inverse of `readLedgerRow`, so that an exported ledger imports back to the same entries.
 */
import type { LedgerEntry } from '../model.js';
import { LEDGER_COLUMNS } from '../reference-rows.js';

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];
export type LedgerCells = Record<LedgerColumn, string | number>;

const EMPTY: LedgerCells = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, ''])) as LedgerCells;
const text = (v: string | null): string => v ?? '';
const count = (v: number | null): string | number => v ?? '';

/** One entry as cells: text where the file holds text (dates stay partial), numbers for counts. */
export function entryCells(e: LedgerEntry): LedgerCells {
  const base: LedgerCells = { ...EMPTY, iso3: e.iso3, kind: e.kind, sources: e.sources.join(';'), notes: e.notes };
  switch (e.kind) {
    case 'declared':
      return { ...base, date: e.date, quantity: count(e.quantity), qualifier: e.qualifier, type: e.mineType };
    case 'none-held':
      return { ...base, date: e.date };
    case 'destroyed':
      return {
        ...base,
        date: e.date,
        from: text(e.from),
        quantity: count(e.quantity),
        qualifier: e.qualifier,
        type: e.mineType,
        method: text(e.method),
        place: text(e.place),
      };
    case 'transferred':
      return {
        ...base,
        date: e.date,
        quantity: count(e.quantity),
        qualifier: e.qualifier,
        type: e.mineType,
        recipient: text(e.recipient),
      };
    case 'found':
      return {
        ...base,
        date: e.date,
        quantity: count(e.quantity),
        qualifier: e.qualifier,
        type: e.mineType,
        destroyed: text(e.destroyed),
      };
    case 'completed':
      return { ...base, date: e.date, from: text(e.from) };
    case 'stated':
      return { ...base, date: e.date, met: e.met ? 'yes' : 'no' };
    case 'retained':
      return {
        ...base,
        year: e.year,
        held: e.held,
        consumed: count(e.consumed),
        purpose: e.purpose,
        qualifier: e.qualifier,
      };
  }
}
