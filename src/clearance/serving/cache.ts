/**
 * What the server keeps of a State's clearance records between writes: the ledger (any date's
 * summary at once: service.ts clearanceAnswer) and the vector tiles. Each is rebuilt when the State's clearance version —
 * the id of its latest clearance audit row — has moved, so a write through another process
 * sharing the database is seen too; a write through this one invalidates at once.
 */
import { auditVersion } from '../../store/versions.js';
import type { StateCode } from '../../core/states.js';
import type { Store } from '../../store/database.js';
import { type ClearanceLedger, buildLedger } from '../ledger.js';
import type { BBox, ClearanceCounts } from '../model.js';
import { loadClearanceRecords, loadStateFacts } from '../store.js';
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
  clearance?: Promise<StateClearance>;
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

  /** The State's ledger, bounds and record counts (no polygons are read). */
  async clearance(iso3: StateCode): Promise<StateClearance> {
    const entry = await this.entry(iso3);
    entry.clearance ??= loadStateFacts(this.store, iso3).then(({ records, bounds, counts }) => ({
      ledger: buildLedger(records),
      bounds,
      records: counts,
    }));
    return this.settled(iso3, entry, entry.clearance);
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
