/**
 * Clearance records in the database, queries only: one State's records written in one
 * transaction with one audit row, read back whole or as the land-release arithmetic needs them.
 * What is computed from them is service.ts's.
 */
import { sql } from 'kysely';
import type { StateCode } from '../core/states.js';
import { type Actor, writeAudit } from '../store/audit.js';
import { chunksFor, insertBatched } from '../store/batch.js';
import type { BulkRow } from '../store/bulk.js';
import type { Store } from '../store/database.js';
import { lockForWrite } from '../store/write-lock.js';
import { RejectedWriteError, rejectionOf } from '../core/rejection.js';
import { type BatchProblem, type RecordLabel, type StoredContext, batchProblems } from './consistency.js';
import { boundingBox, boxUnion } from './geometry/area.js';
import { LedgerChanges } from './ledger.js';
import type { BBox, ClearanceCounts, ClearanceRecords, HazardArea } from './model.js';
import { areaCounts, readStoredContext } from './store-checks.js';
import { type StateFacts, clearanceLock, readStateFacts, writeLedger } from './store-ledger.js';
import { recordTileChange } from './store-tiles.js';
import { deferTileIndex, fillTileIndex, fillTileIndexSoFar, idsMeetingBox } from './store-tile-index.js';
import {
  HAZARD_AREA_COLUMNS,
  activityFromRow,
  activityRow,
  devicesFromRow,
  devicesRow,
  hazardAreaFromRow,
  hazardAreaOfValues,
  hazardAreaRow,
  releaseFromRow,
  releaseRow,
} from './store-rows.js';

export const countsOf = (r: ClearanceRecords): ClearanceCounts => ({
  hazardAreas: r.areas.length,
  activities: r.activities.length,
  landReleases: r.releases.length,
  devicesDestroyed: r.devices.length,
});

const storeLabel: RecordLabel = (kind, index) => `${kind} ${index + 1}`;

function rejection(problems: readonly BatchProblem[]): RejectedWriteError {
  const labelled = problems.map((p) => ({
    field: p.field,
    expected: `${p.at === null ? '' : `${storeLabel(p.at.kind, p.at.index)}: `}${p.expected}`,
  }));
  return rejectionOf(labelled, problems[0]?.reason);
}

export interface SaveOptions {
  /** What the records came from, for the audit row (a file name, "demo"). */
  origin?: string;
}

/**
 * Adds `records` to the State's, all or nothing, with one audit row. Records must be read
 * through input.ts (geometry checked, area computed). Refuses, writing nothing, any batch
 * with a problem (consistency.ts batchProblems): re-checked here inside the transaction, so two writers
 * cannot both pass the checks the import made before.
 */
export async function saveClearanceRecords(
  store: Store,
  iso3: StateCode,
  records: ClearanceRecords,
  actor: Actor,
  options: SaveOptions = {},
): Promise<ClearanceCounts> {
  return store.db.transaction().execute(async (trx) => {
    // The State's lock first, so the checks and the ledger below see what another writer of the
    // State (another request, another process) has committed, and the ledger is rewritten whole.
    await lockForWrite(trx, store.dialect, clearanceLock(iso3));
    const context = await readStoredContext(trx, store.dialect, iso3, records);
    const problems = batchProblems(iso3, records, context, storeLabel);
    if (problems.length > 0) throw rejection(problems);
    await insertBatched(trx, store.dialect, 'hazard_areas', records.areas.map(hazardAreaRow));
    await insertBatched(
      trx,
      store.dialect,
      'activities',
      records.activities.map((a) => activityRow(a, iso3)),
    );
    const releaseBoxes = records.releases.map((r) => boundingBox(r.geometry));
    await insertBatched(
      trx,
      store.dialect,
      'land_releases',
      records.releases.map((r, i) => releaseRow(r, iso3, releaseBoxes[i] ?? boundingBox(r.geometry))),
    );
    await insertBatched(
      trx,
      store.dialect,
      'devices_destroyed',
      records.devices.map((d) => devicesRow(d, iso3)),
    );
    await writeLedger(trx, store.dialect, iso3);
    // Cached tiles not meeting what this write drew stay valid (serving/tile-cache.ts).
    await recordTileChange(trx, iso3, boxUnion([...records.areas.map((a) => a.bbox), ...releaseBoxes]));
    const counts = countsOf(records);
    // One row for the whole import: the records themselves are the "after", and can be exported.
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'clearance',
      entityId: iso3,
      before: context.stored,
      after: { origin: options.origin ?? null, ...counts },
    });
    return counts;
  });
}

/** Rows a streamed import writes between two fillings of the tile index. */
const TILE_INDEX_EVERY = 8192;

/** What a streamed import sees before its rows go in: the State's stored areas, counted and as boxes. */
export interface StoredBefore {
  stored: StoredContext['stored'];
  /** The State's open hazard areas, id and box only (the overlap warnings load the few they need). */
  openBoxes: readonly { id: string; bbox: BBox }[];
  /** Source ids of `ids` that exist. */
  sources: (ids: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Stored areas by id, with their polygons (read inside the transaction). */
  areas: (ids: readonly string[]) => Promise<HazardArea[]>;
}

/**
 * Hazard areas streamed in as row values (HAZARD_AREA_COLUMNS) while a file is still being read,
 * all or nothing, with one audit row: the rows go in first, under the State's lock, with the
 * tile index filled in ranges as they go (store-tile-index.ts); then `settle` checks the batch with
 * what was stored before and returns the areas written (or throws, and nothing is). A stored or
 * repeated id is refused by the primary key as the rows go in: the caller then checks the file
 * the ordinary way to name it.
 */
export async function saveHazardAreaRows(
  store: Store,
  iso3: StateCode,
  rows: AsyncIterable<readonly BulkRow[]>,
  settle: (before: StoredBefore) => Promise<readonly HazardArea[]>,
  actor: Actor,
  options: SaveOptions = {},
): Promise<ClearanceCounts> {
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store.dialect, clearanceLock(iso3));
    const stored = await areaCounts(trx, iso3);
    const open = await trx
      .selectFrom('hazard_areas')
      .select(['id', 'min_x', 'min_y', 'max_x', 'max_y'])
      .where('iso3', '=', iso3)
      .where('status', '=', 'open')
      .execute();
    // What the ledger counts of the State before, so it is not read back with the new rows; its
    // changes collected as the rows go in (the stored areas, each new one, then the devices: the
    // order a read back lists them in), not after the last row, when the checking is over.
    const factsBefore = await readStateFacts(trx, iso3);
    const changes = new LedgerChanges();
    for (const history of factsBefore.records.areas) changes.addArea(history);
    const mark = await deferTileIndex(trx, store.dialect, 'hazard_areas');
    async function* indexedAsTheyGo(): AsyncGenerator<readonly BulkRow[]> {
      let since = 0;
      for await (const chunk of rows) {
        yield chunk;
        for (const row of chunk) changes.addArea({ area: hazardAreaOfValues(row), releases: [], revisions: [] });
        since += chunk.length;
        if (since < TILE_INDEX_EVERY) continue;
        since = 0;
        await fillTileIndexSoFar(trx, store.dialect, 'hazard_areas', mark);
      }
    }
    await store.bulkInsert(trx, 'hazard_areas', HAZARD_AREA_COLUMNS, indexedAsTheyGo());
    const areas = await settle({
      stored,
      openBoxes: open.map((r) => ({ id: r.id, bbox: [r.min_x, r.min_y, r.max_x, r.max_y] })),
      sources: async (ids) => {
        const found = new Set<string>();
        for (const chunk of chunksFor([...new Set(ids)], 1, store.dialect))
          for (const r of await trx.selectFrom('sources').select('id').where('id', 'in', chunk).execute())
            found.add(r.id);
        return found;
      },
      areas: async (ids) => {
        const found: HazardArea[] = [];
        for (const chunk of chunksFor([...new Set(ids)], 1, store.dialect))
          found.push(
            ...(await trx.selectFrom('hazard_areas').selectAll().where('id', 'in', chunk).execute()).map(
              hazardAreaFromRow,
            ),
          );
        return found;
      },
    });
    await fillTileIndex(trx, store.dialect, 'hazard_areas', mark);
    const boxes = areas.map((a) => a.bbox);
    for (const d of factsBefore.records.devices) changes.addDevices(d);
    // New areas have no releases yet: nothing stored changes but the box and the count of areas.
    await writeLedger(trx, store.dialect, iso3, {
      changes,
      bounds: boxUnion(factsBefore.bounds === null ? boxes : [factsBefore.bounds, ...boxes]),
      counts: { ...factsBefore.counts, hazardAreas: factsBefore.counts.hazardAreas + areas.length },
    });
    await recordTileChange(trx, iso3, boxUnion(boxes));
    const counts: ClearanceCounts = { hazardAreas: areas.length, activities: 0, landReleases: 0, devicesDestroyed: 0 };
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'clearance',
      entityId: iso3,
      before: stored,
      after: { origin: options.origin ?? null, ...counts },
    });
    return counts;
  });
}

export interface LoadOptions {
  /** false: polygons are left out (GEOMETRY_NOT_LOADED), for reads that only add areas up. */
  geometry?: boolean;
}

/** The State's records, each list in id order (devices in the order written). */
export async function loadClearanceRecords(
  store: Store,
  iso3: StateCode,
  options: LoadOptions = {},
): Promise<ClearanceRecords> {
  const withGeometry = options.geometry ?? true;
  // Byte order on both engines (PostgreSQL's default collation would sort "-" and case its own way).
  const byId = store.dialect === 'postgres' ? sql`id collate "C"` : sql`id`;
  return store.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      // Never tile_geometry: the GeoJSON is the record; the packed copy is only for tiles.
      const areaColumns = withGeometry
        ? trx.selectFrom('hazard_areas').select([...AREA_COLUMNS, 'geometry'])
        : trx.selectFrom('hazard_areas').select(AREA_COLUMNS);
      const areas = await areaColumns.where('iso3', '=', iso3).orderBy(byId).execute();
      const activities = await trx
        .selectFrom('activities')
        .selectAll()
        .where('iso3', '=', iso3)
        .orderBy(byId)
        .execute();
      const releaseColumns = withGeometry
        ? trx.selectFrom('land_releases').select([...RELEASE_COLUMNS, 'geometry'])
        : trx.selectFrom('land_releases').select(RELEASE_COLUMNS);
      const releases = await releaseColumns.where('iso3', '=', iso3).orderBy(byId).execute();
      const devices = await trx
        .selectFrom('devices_destroyed')
        .selectAll()
        .where('iso3', '=', iso3)
        .orderBy('id')
        .execute();
      return {
        areas: areas.map(hazardAreaFromRow),
        // Re-surveys are updates; the store has none yet, so no size ever changed.
        revisions: [],
        activities: activities.map(activityFromRow),
        releases: releases.map(releaseFromRow),
        devices: devices.map(devicesFromRow),
      };
    });
}

/** The columns a hazard area is read back from: those it is written with, but its polygon (asked for apart). */
const AREA_COLUMNS = HAZARD_AREA_COLUMNS.filter(
  (c): c is Exclude<(typeof HAZARD_AREA_COLUMNS)[number], 'geometry' | 'tile_geometry'> =>
    c !== 'geometry' && c !== 'tile_geometry',
);
const RELEASE_COLUMNS = [
  'id',
  'iso3',
  'hazard_area_id',
  'activity_id',
  'kind',
  'area_m2',
  'min_x',
  'min_y',
  'max_x',
  'max_y',
  'release_date',
] as const;

/** Stored hazard areas of the State: synthetic and real. */
export function storedAreaCounts(store: Store, iso3: StateCode): Promise<{ synthetic: number; real: number }> {
  return areaCounts(store.db, iso3);
}

/** The State's open hazard areas whose box meets `box` (for the overlap warnings of an import). */
export async function loadOpenAreasMeeting(store: Store, iso3: StateCode, box: BBox): Promise<HazardArea[]> {
  const [west, south, east, north] = box;
  let query = store.db
    .selectFrom('hazard_areas')
    .selectAll()
    .where('iso3', '=', iso3)
    .where('status', '=', 'open')
    .where('max_x', '>=', west)
    .where('min_x', '<=', east)
    .where('max_y', '>=', south)
    .where('min_y', '<=', north);
  // SQLite has no other index over the boxes (migration 0026): the R*Tree's candidates.
  if (store.dialect === 'sqlite') query = query.where(sql<boolean>`id in ${idsMeetingBox('hazard_areas', box)}`);
  const rows = await query.execute();
  return rows.map(hazardAreaFromRow);
}

/** Deletes the State's synthetic records (the demo's), with one audit row; real records are never touched. */
export async function deleteSyntheticRecords(store: Store, iso3: StateCode, actor: Actor): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store.dialect, clearanceLock(iso3));
    // Releases are deleted with their areas and lie inside them: the areas' box covers every tile redrawn.
    const touched = await trx
      .selectFrom('hazard_areas')
      .select((eb) => [
        eb.fn.min('min_x').as('min_x'),
        eb.fn.min('min_y').as('min_y'),
        eb.fn.max('max_x').as('max_x'),
        eb.fn.max('max_y').as('max_y'),
      ])
      .where('iso3', '=', iso3)
      .where('synthetic', '=', 1)
      .executeTakeFirst();
    const deleted = await trx
      .deleteFrom('hazard_areas')
      .where('iso3', '=', iso3)
      .where('synthetic', '=', 1)
      .executeTakeFirst();
    const count = Number(deleted.numDeletedRows);
    if (count > 0) await writeLedger(trx, store.dialect, iso3);
    if (count > 0 && touched?.min_x != null && touched.min_y != null && touched.max_x != null && touched.max_y != null)
      await recordTileChange(trx, iso3, [touched.min_x, touched.min_y, touched.max_x, touched.max_y]);
    if (count > 0)
      await writeAudit(trx, actor, {
        action: 'delete',
        entity: 'clearance',
        entityId: iso3,
        before: { synthetic: count },
        after: null,
      });
    return count;
  });
}

/**
 * What the land-release arithmetic reads of one State, grouped per area (store-rows.ts
 * stateFactsFromRows): only the columns it needs, no polygons, no activities but their count.
 * A third of the time of loadClearanceRecords on 200,000 areas.
 */
export async function loadStateFacts(store: Store, iso3: StateCode): Promise<StateFacts> {
  return store.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => readStateFacts(trx, iso3));
}
