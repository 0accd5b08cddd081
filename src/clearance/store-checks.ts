/**
 * What is stored that a batch of clearance records touches, read before the batch is checked
 * (consistency.ts batchProblems): ids already taken, the stored records it links to, the sources
 * it cites, and how many synthetic and real hazard areas the State holds.
 */
import type { Kysely } from 'kysely';
import type { StateCode } from '../core/states.js';
import { chunksFor } from '../store/batch.js';
import type { DialectName } from '../store/database.js';
import type { Database } from '../store/database.js';
import type { StoredContext } from './consistency.js';
import type { ClearanceRecords } from './model.js';
import { activityFromRow, hazardAreaFromRow } from './store-rows.js';

async function inChunks<T>(
  ids: readonly string[],
  dialect: DialectName,
  query: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (const chunk of chunksFor([...new Set(ids)], 1, dialect)) out.push(...(await query(chunk)));
  return out;
}

export async function readStoredContext(
  db: Kysely<Database>,
  dialect: DialectName,
  iso3: StateCode,
  records: ClearanceRecords,
): Promise<StoredContext> {
  const areaIds = records.areas.map((a) => a.id);
  const activityIds = records.activities.map((a) => a.id);
  const newAreas = new Set(areaIds);
  const newActivities = new Set(activityIds);
  const linkedAreas = [...records.activities, ...records.releases]
    .map((r) => r.hazardAreaId)
    .filter((id) => !newAreas.has(id));
  const linkedActivities = [...records.releases, ...records.devices]
    .map((r) => r.activityId)
    .filter((id) => !newActivities.has(id));
  const cited = records.areas.flatMap((a) => (a.sourceId === null ? [] : [a.sourceId]));

  const ids = async (table: 'hazard_areas' | 'activities' | 'land_releases', wanted: string[]): Promise<Set<string>> =>
    new Set(
      (
        await inChunks(wanted, dialect, (chunk) => db.selectFrom(table).select('id').where('id', 'in', chunk).execute())
      ).map((r) => r.id),
    );
  const areas = await inChunks(linkedAreas, dialect, (chunk) =>
    db.selectFrom('hazard_areas').selectAll().where('id', 'in', chunk).execute(),
  );
  const activities = await inChunks(linkedActivities, dialect, (chunk) =>
    db.selectFrom('activities').selectAll().where('id', 'in', chunk).execute(),
  );
  const sources = await inChunks(cited, dialect, (chunk) =>
    db.selectFrom('sources').select('id').where('id', 'in', chunk).execute(),
  );
  return {
    taken: {
      'hazard-area': await ids('hazard_areas', areaIds),
      activity: await ids('activities', activityIds),
      'land-release': await ids(
        'land_releases',
        records.releases.map((r) => r.id),
      ),
    },
    areas: new Map(areas.map((r) => [r.id, hazardAreaFromRow(r)])),
    activities: new Map(activities.map((r) => [r.id, { ...activityFromRow(r), iso3: r.iso3 }])),
    sources: new Set(sources.map((r) => r.id)),
    stored: await areaCounts(db, iso3),
  };
}

/** Stored hazard areas of the State: synthetic and real. */
export async function areaCounts(db: Kysely<Database>, iso3: StateCode): Promise<{ synthetic: number; real: number }> {
  const rows = await db
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
