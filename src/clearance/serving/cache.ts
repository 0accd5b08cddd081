/**
 * What the server keeps of a State's clearance records between writes: the vector tiles, rebuilt
 * when the State's clearance version — the id of its latest clearance audit row — has moved, so
 * a write through another process sharing the database is seen too; a write through this one
 * invalidates at once. Summaries are no longer kept here: the ledger is stored with the records
 * (store-ledger.ts) and read for the date asked, and the HTTP read cache keeps the answers.
 */
import { auditVersion } from '../../store/versions.js';
import type { StateCode } from '../../core/states.js';
import type { Store } from '../../store/database.js';
import type { CalendarDate } from '../../core/date.js';
import type { ClearanceLedger } from '../ledger.js';
import type { BBox, ClearanceCounts } from '../model.js';
import { loadClearanceRecords } from '../store.js';
import { storedClearance } from '../store-ledger.js';
import { ClearanceTiles } from './tiles.js';

/** The audit entity of clearance records (store.ts writes one row per State and batch). */
const ENTITY = 'clearance';

export interface StateClearance {
  ledger: ClearanceLedger;
  /** Of all the State's hazard areas; null when it has none. */
  bounds: BBox | null;
  records: ClearanceCounts;
}

interface Entry {
  version: number;
  tiles?: Promise<ClearanceTiles>;
}

/** Moves whenever the State's clearance records change (the latest clearance audit row of the State). */
export const clearanceVersion = (store: Store, iso3: StateCode): Promise<number> =>
  auditVersion(store, { entities: [ENTITY], entityId: iso3 });

export class ClearanceCache {
  private readonly entries = new Map<StateCode, Entry>();

  constructor(private readonly store: Store) {}

  private async entry(iso3: StateCode): Promise<Entry> {
    const version = await clearanceVersion(this.store, iso3);
    const known = this.entries.get(iso3);
    if (known?.version === version) return known;
    const fresh: Entry = { version };
    this.entries.set(iso3, fresh);
    return fresh;
  }

  /** The State's ledger as it stands on `asOf`, bounds and record counts, from the stored ledger (a few rows). */
  clearance(iso3: StateCode, asOf: CalendarDate): Promise<StateClearance> {
    return storedClearance(this.store, iso3, asOf);
  }

  async tiles(iso3: StateCode): Promise<ClearanceTiles> {
    const entry = await this.entry(iso3);
    entry.tiles ??= loadClearanceRecords(this.store, iso3).then((records) => ClearanceTiles.fromRecords(records));
    return this.settled(iso3, entry, entry.tiles);
  }

  /** After a write through this process: the next read rebuilds. */
  invalidate(iso3: StateCode): void {
    this.entries.delete(iso3);
  }

  /** A failed read is not kept: the next request tries again. */
  private async settled<T>(iso3: StateCode, entry: Entry, value: Promise<T>): Promise<T> {
    try {
      return await value;
    } catch (error) {
      if (this.entries.get(iso3) === entry) this.entries.delete(iso3);
      throw error;
    }
  }
}
