/**
 * Clearance records in the database: one State's records written in one transaction with one
 * audit row, read back grouped for the rules, summarised for the CLI and the API.
 */
import { sql } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import { type Actor, writeAudit } from '../store/audit.js';
import { insertBatched } from '../store/batch.js';
import type { Store } from '../store/database.js';
import { RejectedWriteError } from '../store/errors.js';
import type { TreatyEngine } from '../treaty/status.js';
import { boundingBox } from './geometry/area.js';
import type { AreaFacts, ReleaseFacts, StateRecords } from './land-release.js';
import type { BBox, ClearanceRecords } from './model.js';
import { type BatchProblem, type RecordLabel, batchProblems, readStoredContext } from './store-checks.js';
import {
  activityFromRow,
  activityRow,
  devicesFromRow,
  devicesRow,
  hazardAreaFromRow,
  hazardAreaRow,
  releaseFromRow,
  releaseRow,
} from './store-rows.js';
import { type ClearanceSummary, summariseClearance } from './summary.js';

export interface ClearanceCounts {
  hazardAreas: number;
  activities: number;
  landReleases: number;
  devicesDestroyed: number;
}

export const countsOf = (r: ClearanceRecords): ClearanceCounts => ({
  hazardAreas: r.areas.length,
  activities: r.activities.length,
  landReleases: r.releases.length,
  devicesDestroyed: r.devices.length,
});

const storeLabel: RecordLabel = (kind, index) => `${kind} ${index + 1}`;

function rejection(problems: readonly BatchProblem[]): RejectedWriteError {
  const [first] = problems;
  if (first === undefined) throw new Error('no problem to report');
  const where = first.at === null ? '' : `${storeLabel(first.at.kind, first.at.index)}: `;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new RejectedWriteError(first.reason, first.field, `${where}${first.expected}${more}`);
}

export interface SaveOptions {
  /** What the records came from, for the audit row (a file name, "demo"). */
  origin?: string;
}

/**
 * Adds `records` to the State's, all or nothing, with one audit row. Records must be read
 * through input.ts (geometry checked, area computed). Refuses, writing nothing, any batch
 * with a problem (see store-checks.ts): re-checked here inside the transaction, so two writers
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
    if (store.dialect === 'sqlite') {
      // Take the write lock first, so the checks below see what the insert will meet.
      await trx.updateTable('hazard_areas').set({ name: '' }).where('id', '=', '').execute();
    }
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
    await insertBatched(
      trx,
      store.dialect,
      'land_releases',
      records.releases.map((r) => releaseRow(r, iso3, boundingBox(r.geometry))),
    );
    await insertBatched(
      trx,
      store.dialect,
      'devices_destroyed',
      records.devices.map((d) => devicesRow(d, iso3)),
    );
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
      const areaColumns = withGeometry
        ? trx.selectFrom('hazard_areas').selectAll()
        : trx.selectFrom('hazard_areas').select(AREA_COLUMNS);
      const areas = await areaColumns.where('iso3', '=', iso3).orderBy(byId).execute();
      const activities = await trx
        .selectFrom('activities')
        .selectAll()
        .where('iso3', '=', iso3)
        .orderBy(byId)
        .execute();
      const releaseColumns = withGeometry
        ? trx.selectFrom('land_releases').selectAll()
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

const AREA_COLUMNS = [
  'id',
  'iso3',
  'local_ref',
  'name',
  'type',
  'devices',
  'status',
  'status_date',
  'area_m2',
  'min_x',
  'min_y',
  'max_x',
  'max_y',
  'information_date',
  'organisation',
  'source_id',
  'synthetic',
  'previously_unknown',
] as const;
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
export async function storedAreaCounts(store: Store, iso3: StateCode): Promise<{ synthetic: number; real: number }> {
  const rows = await store.db
    .selectFrom('hazard_areas')
    .select(['synthetic', (eb) => eb.fn.countAll<number>().as('n')])
    .where('iso3', '=', iso3)
    .groupBy('synthetic')
    .execute();
  return {
    synthetic: Number(rows.find((r) => r.synthetic === 1)?.n ?? 0),
    real: Number(rows.find((r) => r.synthetic === 0)?.n ?? 0),
  };
}

/** Deletes the State's synthetic records (the demo's), with one audit row; real records are never touched. */
export async function deleteSyntheticRecords(store: Store, iso3: StateCode, actor: Actor): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('hazard_areas')
      .where('iso3', '=', iso3)
      .where('synthetic', '=', 1)
      .executeTakeFirst();
    const count = Number(deleted.numDeletedRows);
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
 * What the land-release arithmetic reads of one State, grouped per area: only the columns it
 * needs, no polygons, no activities (a stored device's activity is always one of the State's).
 * A third of the time of loadClearanceRecords on 200,000 areas.
 */
export async function loadStateFacts(
  store: Store,
  iso3: StateCode,
): Promise<{ records: StateRecords; bounds: BBox | null; counts: ClearanceCounts }> {
  return store.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const areaRows = await trx
        .selectFrom('hazard_areas')
        .select([
          'id',
          'type',
          'status',
          'status_date',
          'area_m2',
          'information_date',
          'synthetic',
          'previously_unknown',
          'min_x',
          'min_y',
          'max_x',
          'max_y',
        ])
        .where('iso3', '=', iso3)
        .execute();
      const releaseRows = await trx
        .selectFrom('land_releases')
        .select(['hazard_area_id', 'kind', 'area_m2', 'release_date'])
        .where('iso3', '=', iso3)
        .execute();
      const deviceRows = await trx
        .selectFrom('devices_destroyed')
        .select(['category', 'count', 'destroyed_on'])
        .where('iso3', '=', iso3)
        .execute();
      const activities = await trx
        .selectFrom('activities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('iso3', '=', iso3)
        .executeTakeFirst();

      const areas = new Map<string, { area: AreaFacts; releases: ReleaseFacts[]; revisions: [] }>();
      const bounds: BBox = [180, 90, -180, -90];
      for (const r of areaRows) {
        areas.set(r.id, {
          area: {
            id: r.id,
            type: r.type,
            status: r.status,
            statusDate: r.status_date,
            areaM2: r.area_m2,
            informationDate: r.information_date,
            synthetic: r.synthetic === 1,
            previouslyUnknown: r.previously_unknown === 1,
          },
          releases: [],
          // Re-surveys are updates; the store has none yet, so no size ever changed.
          revisions: [],
        });
        bounds[0] = Math.min(bounds[0], r.min_x);
        bounds[1] = Math.min(bounds[1], r.min_y);
        bounds[2] = Math.max(bounds[2], r.max_x);
        bounds[3] = Math.max(bounds[3], r.max_y);
      }
      for (const r of releaseRows)
        areas.get(r.hazard_area_id)?.releases.push({ kind: r.kind, areaM2: r.area_m2, date: r.release_date });
      for (const a of areas.values())
        if (a.releases.length > 1) a.releases.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
      return {
        records: {
          iso3,
          areas: [...areas.values()],
          devices: deviceRows.map((d) => ({ category: d.category, count: d.count, date: d.destroyed_on })),
        },
        bounds: areaRows.length === 0 ? null : bounds,
        counts: {
          hazardAreas: areaRows.length,
          activities: Number(activities?.n ?? 0),
          landReleases: releaseRows.length,
          devicesDestroyed: deviceRows.length,
        },
      };
    });
}

/** The `minefree clearance` / API answer for a State on a date; the deadline comes from the treaty engine. */
export async function clearanceSummary(
  store: Store,
  engine: TreatyEngine,
  iso3: StateCode,
  asOf: CalendarDate,
): Promise<ClearanceSummary> {
  const { records } = await loadStateFacts(store, iso3);
  const deadline = engine.state(iso3, asOf)?.article5.currentDeadline ?? null;
  return summariseClearance(records, asOf, deadline);
}
