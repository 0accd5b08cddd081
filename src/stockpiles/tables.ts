/**
 * The stockpile ledger as Kysely sees it: one row per entry, the kind's fields in their own
 * columns (null where the kind has none), dates as TEXT (partial where the source gives no more),
 * source ids as JSON text (src/treaty/tables.ts: one shape for both engines).
 */
import type { Generated } from 'kysely';
import type { PartialDate } from '../core/partial-date.js';
import type { Qualifier } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import type { Flag, SourceIdsJson } from '../store/database.js';
import type { EntryKind, MineType, RetainedPurpose } from './model.js';

export interface StockpileEntriesTable {
  id: Generated<number>;
  iso3: StateCode;
  kind: EntryKind;
  date: PartialDate | null;
  date_from: PartialDate | null;
  year: number | null;
  quantity: number | null;
  qualifier: Qualifier | null;
  mine_type: MineType | null;
  method: string | null;
  place: string | null;
  recipient: StateCode | null;
  destroyed: PartialDate | null;
  met: Flag | null;
  held: number | null;
  consumed: number | null;
  purpose: RetainedPurpose | null;
  sources: SourceIdsJson;
  notes: string;
}

/** The tables the seed loads from data/, children before parents. */
export const STOCKPILES_REFERENCE_TABLES = ['stockpile_entries'] as const;

declare module '../store/database.js' {
  interface Database {
    stockpile_entries: StockpileEntriesTable;
  }
}
