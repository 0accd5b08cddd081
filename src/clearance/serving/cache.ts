/**
 * What the clearance routes read through: summaries from the stored ledger (store-ledger.ts,
 * read for the date asked; the HTTP read cache keeps the answers) and vector tiles built from
 * only the rows meeting each tile (tile-source.ts), kept per tile until a write touching its
 * range moves the State's clearance version — the id of its latest clearance audit row — so a
 * write through another process sharing the database is seen too (tile-cache.ts).
 */
import { auditVersion } from '../../store/versions.js';
import type { StateCode } from '../../core/states.js';
import type { Store } from '../../store/database.js';
import type { CalendarDate } from '../../core/date.js';
import type { ClearanceLedger } from '../ledger.js';
import type { BBox, ClearanceCounts } from '../model.js';
import { storedClearance } from '../store-ledger.js';
import { TileCache } from './tile-cache.js';
import { type TileSource, databaseTiles } from './tile-source.js';

/** The audit entity of clearance records (store.ts writes one row per State and batch). */
const ENTITY = 'clearance';

export interface StateClearance {
  ledger: ClearanceLedger;
  /** Of all the State's hazard areas; null when it has none. */
  bounds: BBox | null;
  records: ClearanceCounts;
}

/** Moves whenever the State's clearance records change (the latest clearance audit row of the State). */
export const clearanceVersion = (store: Store, iso3: StateCode): Promise<number> =>
  auditVersion(store, { entities: [ENTITY], entityId: iso3 });

export class ClearanceCache {
  private source: Promise<TileCache> | null = null;

  constructor(
    private readonly store: Store,
    /** The tiles' source; by default the database's fastest (databaseTiles). */
    private readonly tiles: TileSource | null = null,
  ) {}

  /** The State's ledger as it stands on `asOf`, bounds and record counts, from the stored ledger (a few rows). */
  clearance(iso3: StateCode, asOf: CalendarDate): Promise<StateClearance> {
    return storedClearance(this.store, iso3, asOf);
  }

  /** The State's tile z/x/y (MVT bytes), null when nothing is drawn in it. */
  async tile(iso3: StateCode, z: number, x: number, y: number): Promise<Uint8Array | null> {
    this.source ??= (this.tiles === null ? databaseTiles(this.store) : Promise.resolve(this.tiles)).then(
      (source) => new TileCache(source, this.store),
    );
    const source = this.source;
    const [cache, version] = await Promise.all([source, clearanceVersion(this.store, iso3)]).catch((error: unknown) => {
      if (this.source === source) this.source = null;
      throw error;
    });
    return cache.tile(iso3, z, x, y, version);
  }

  /**
   * After a write through this process. Nothing to drop: the write moved the State's version and
   * recorded the range it touched, which the next tile read checks.
   */
  invalidate(_iso3: StateCode): void {}
}
