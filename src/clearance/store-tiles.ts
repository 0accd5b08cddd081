/**
 * What a vector tile reads (issue 15 §4), queries only: the hazard areas and land releases whose
 * box meets a tile's query box, by index (SQLite's R*Tree, PostgreSQL's GiST over `box`), in id
 * order; the boxes clearance writes touched, so a tile cache drops only the tiles they meet; and
 * PostGIS's ST_AsMVT over the same rows when the extension is there.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import type { Database, DialectName, Store } from '../store/database.js';
import { dateNumber } from './calendar.js';
import { type PackedPolygon, packPolygon, unpackBytes } from './geometry/packed-polygon.js';
import { sqliteTileCentres, sqliteTileFeatures } from './store-tiles-sqlite.js';
import type { AreaGeometry, BBox } from './model.js';
import type { HazardAreaTileProperties, LandReleaseTileProperties, TileFeature } from './serving/tiles.js';

/** Closed date of an area still open (tiles.ts STILL_OPEN; repeated so this file needs no serving import). */
const STILL_OPEN = 99991231;

/** The query box as longitude spans inside ±180 (a box may reach across the antimeridian: tiles.ts tileQueryBox). */
export function boxSpans([west, south, east, north]: BBox): BBox[] {
  const spans: BBox[] = [[Math.max(west, -180), south, Math.min(east, 180), north]];
  if (west < -180) spans.push([west + 360, south, 180, north]);
  if (east > 180) spans.push([-180, south, east - 360, north]);
  return spans;
}

/** Byte order on both engines (PostgreSQL's default collation sorts "-" and case its own way). */
const byId = (dialect: DialectName, column: string): RawBuilder<unknown> =>
  dialect === 'postgres' ? sql`${sql.ref(column)} collate "C"` : sql.ref(column);

/**
 * `from` clause of the `alias` rows of `table` whose box meets one of `spans`, and the condition
 * to add. SQLite: the R*Tree first, then the keys and the table by primary key (CROSS JOIN fixes
 * that order: left to choose, SQLite walks the State's index and probes the R*Tree per row).
 * PostgreSQL: the table, filtered by its GiST box index.
 */
function meeting(
  dialect: DialectName,
  table: 'hazard_areas' | 'land_releases',
  alias: string,
  spans: BBox[],
): { from: RawBuilder<unknown>; where: RawBuilder<unknown> } {
  if (dialect === 'postgres') {
    const box = sql`box(point(${sql.ref(`${alias}.min_x`)}, ${sql.ref(`${alias}.min_y`)}), point(${sql.ref(`${alias}.max_x`)}, ${sql.ref(`${alias}.max_y`)}))`;
    return {
      from: sql`${sql.table(table)} ${sql.raw(alias)}`,
      where: sql.join(
        spans.map(
          ([w, s, e, n]) => sql`${box} && box(point(${w}::float8, ${s}::float8), point(${e}::float8, ${n}::float8))`,
        ),
        sql` or `,
      ),
    };
  }
  const [keys, boxes] =
    table === 'hazard_areas'
      ? ['hazard_area_tile_keys', 'hazard_area_boxes']
      : ['land_release_tile_keys', 'land_release_boxes'];
  // union, not union all: a box across the whole world meets both spans of a tile at the edge.
  const inBoxes = sql.join(
    spans.map(
      ([w, s, e, n]) =>
        sql`select key from ${sql.table(boxes)} where min_x <= ${e} and max_x >= ${w} and min_y <= ${n} and max_y >= ${s}`,
    ),
    sql` union `,
  );
  return {
    from: sql`(${inBoxes}) as b cross join ${sql.table(keys)} as k on k.key = b.key cross join ${sql.table(table)} as ${sql.raw(alias)} on ${sql.ref(`${alias}.id`)} = k.id`,
    where: sql`1 = 1`,
  };
}

interface AreaTileRow {
  id: string;
  type: 'SHA' | 'CHA';
  status: 'open' | 'closed' | 'handed-over';
  information_date: CalendarDate;
  status_date: CalendarDate | null;
  area_m2: number;
  synthetic: number;
  tile_geometry: Uint8Array | null;
  /** The GeoJSON, only when the row was written without tile_geometry. */
  geometry: string | null;
}
interface ReleaseTileRow {
  id: string;
  hazard_area_id: string;
  kind: 'cancelled' | 'reduced' | 'cleared';
  release_date: CalendarDate;
  area_m2: number;
  synthetic: number;
  tile_geometry: Uint8Array | null;
  geometry: string | null;
}

const flag = (n: number): 0 | 1 => (Number(n) === 1 ? 1 : 0);
const polygonOf = (row: { tile_geometry: Uint8Array | null; geometry: string | null }): PackedPolygon =>
  row.tile_geometry !== null
    ? unpackBytes(row.tile_geometry)
    : packPolygon(JSON.parse(row.geometry ?? '{"type":"MultiPolygon","coordinates":[]}') as AreaGeometry);
/**
 * The rows a tile draws from PostgreSQL: the polygon tables through the GiST box index, in id
 * order (SQLite reads them aggregated: sqliteTileFeatures).
 */
async function postgresTileRows(
  trx: Kysely<Database>,
  iso3: StateCode,
  spans: BBox[],
): Promise<{ areas: AreaTileRow[]; releases: ReleaseTileRow[] }> {
  const polygon = (alias: string): RawBuilder<unknown> =>
    sql`${sql.ref(`${alias}.tile_geometry`)}, case when ${sql.ref(`${alias}.tile_geometry`)} is null then ${sql.ref(`${alias}.geometry`)} end as geometry`;
  const areas = meeting('postgres', 'hazard_areas', 'a', spans);
  const releases = meeting('postgres', 'land_releases', 'r', spans);
  const areaRows = await sql<AreaTileRow>`select a.id, a.type, a.status, a.information_date, a.status_date,
      a.area_m2, a.synthetic, ${polygon('a')}
    from ${areas.from} where a.iso3 = ${iso3} and (${areas.where})
    order by ${byId('postgres', 'a.id')}`.execute(trx);
  const releaseRows = await sql<ReleaseTileRow>`select r.id, r.hazard_area_id, r.kind, r.release_date, r.area_m2,
      h.synthetic, ${polygon('r')}
    from ${releases.from} join hazard_areas h on h.id = r.hazard_area_id
    where r.iso3 = ${iso3} and (${releases.where})
    order by ${byId('postgres', 'r.id')}`.execute(trx);
  return { areas: areaRows.rows, releases: releaseRows.rows };
}

/**
 * The State's hazard areas and land releases whose stored box meets `box`, each in id order,
 * shaped as tile features (a release takes its hazard area's synthetic flag). A superset of what
 * the tile draws: tiles.ts picks by each polygon part's box, as it does with every record.
 */
export async function readTileFeatures(
  store: Store,
  iso3: StateCode,
  box: BBox,
): Promise<{
  areas: TileFeature<HazardAreaTileProperties>[];
  releases: TileFeature<LandReleaseTileProperties>[];
}> {
  const spans = boxSpans(box);
  return store.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      if (store.dialect === 'sqlite') return sqliteTileFeatures(trx, iso3, spans);
      const { areas, releases } = await postgresTileRows(trx, iso3, spans);
      return {
        areas: areas.map((r) => ({
          polygon: polygonOf(r),
          properties: {
            id: r.id,
            type: r.type,
            status: r.status,
            recorded: dateNumber(r.information_date),
            closed: r.status_date === null ? STILL_OPEN : dateNumber(r.status_date),
            areaM2: Number(r.area_m2),
            synthetic: flag(r.synthetic),
          },
        })),
        releases: releases.map((r) => ({
          polygon: polygonOf(r),
          properties: {
            id: r.id,
            hazardAreaId: r.hazard_area_id,
            kind: r.kind,
            released: dateNumber(r.release_date),
            areaM2: Number(r.area_m2),
            synthetic: flag(r.synthetic),
          },
        })),
      };
    });
}

/**
 * Tile changes kept per State: older ones are deleted as new ones are written, so the table does
 * not grow with every write for ever. A tile cache that fell further behind than this drops all
 * the State's tiles instead of the ranges (tileChangesAfter says so).
 */
export const TILE_CHANGES_KEPT = 1000;

/**
 * Records, in the writing transaction, the box a clearance write touched (none: nothing drawn
 * changed), and deletes the State's changes older than the latest `kept`.
 */
export async function recordTileChange(
  db: Kysely<Database>,
  iso3: StateCode,
  box: BBox | null,
  kept = TILE_CHANGES_KEPT,
): Promise<void> {
  if (box === null) return;
  const [min_x, min_y, max_x, max_y] = box;
  await db.insertInto('clearance_tile_changes').values({ iso3, min_x, min_y, max_x, max_y }).execute();
  // One statement: the oldest change still kept is `kept` index entries from the newest, on (iso3, id).
  await db
    .deleteFrom('clearance_tile_changes')
    .where('iso3', '=', iso3)
    .where('id', '<', (eb) =>
      eb
        .selectFrom('clearance_tile_changes')
        .select('id')
        .where('iso3', '=', iso3)
        .orderBy('id', 'desc')
        .limit(1)
        .offset(kept - 1),
    )
    .execute();
}

export interface TileChange {
  id: number;
  box: BBox;
}

export interface TileChangesAfter {
  /** The State's changes after the one asked for, in order. */
  changes: TileChange[];
  /** false when changes after it may have been deleted (TILE_CHANGES_KEPT): every cached tile of the State is then stale. */
  complete: boolean;
}

/**
 * The State's tile changes after change `after` (0: from the first). Complete when the change
 * `after` is still stored (the oldest are deleted first, so every later one is too), or, from the
 * first, when fewer than `kept` are stored (none was ever deleted).
 */
export async function tileChangesAfter(
  store: Store,
  iso3: StateCode,
  after: number,
  kept = TILE_CHANGES_KEPT,
): Promise<TileChangesAfter> {
  const rows = await store.db
    .selectFrom('clearance_tile_changes')
    .select(['id', 'min_x', 'min_y', 'max_x', 'max_y'])
    .where('iso3', '=', iso3)
    .where('id', '>=', after)
    .orderBy('id')
    .execute();
  const found = rows.map((r) => ({ id: Number(r.id), box: [r.min_x, r.min_y, r.max_x, r.max_y] as BBox }));
  if (after === 0) return { changes: found, complete: found.length < kept };
  const complete = found[0]?.id === after;
  return { changes: complete ? found.slice(1) : found, complete };
}

/** True when PostGIS's ST_AsMVT can be called on this connection (PostgreSQL with the extension on the search path). */
export async function hasPostgis(store: Store): Promise<boolean> {
  if (store.dialect !== 'postgres') return false;
  // ST_AsMVT is overloaded, so to_regproc cannot name it: look for a visible one.
  const { rows } = await sql<{
    found: boolean;
  }>`select exists (select 1 from pg_proc where proname = 'st_asmvt' and pg_function_is_visible(oid)) as found`.execute(
    store.db,
  );
  return rows[0]?.found === true;
}

/** The latest tile change of the State (0 when none). */
export async function latestTileChange(store: Store, iso3: StateCode): Promise<number> {
  const row = await store.db
    .selectFrom('clearance_tile_changes')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('iso3', '=', iso3)
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export interface CentreRow {
  properties: Omit<HazardAreaTileProperties, 'id' | 'areaM2'>;
  /** The area's stored box; from SQLite, its first part's outer ring's box already. */
  box: BBox;
  /** GeoJSON text of a MultiPolygon (its first part's box is not the stored one); null for a Polygon, and from SQLite. */
  multi: string | null;
}

interface CentreTileRow {
  type: 'SHA' | 'CHA';
  status: 'open' | 'closed' | 'handed-over';
  information_date: CalendarDate;
  status_date: CalendarDate | null;
  synthetic: number;
  min_x: number;
  min_y: number;
  max_x: number;
  max_y: number;
  multi: string | null;
}

/**
 * The State's hazard areas whose box meets `box`, in id order, without their polygons (a
 * Polygon's centre is its stored box's): what a tile below POLYGON_MIN_ZOOM draws as points.
 */
export async function readTileCentres(store: Store, iso3: StateCode, box: BBox): Promise<CentreRow[]> {
  if (store.dialect === 'sqlite') {
    const centres = await sqliteTileCentres(store.db, iso3, boxSpans(box));
    return centres.map(({ properties, box: first }) => ({ properties, box: first, multi: null }));
  }
  const centres = meeting(store.dialect, 'hazard_areas', 'a', boxSpans(box));
  const { rows } = await sql<CentreTileRow>`select a.type, a.status, a.information_date, a.status_date, a.synthetic,
      a.min_x, a.min_y, a.max_x, a.max_y,
      case when a.geometry like '%"MultiPolygon"%' then a.geometry end as multi
    from ${centres.from} where a.iso3 = ${iso3} and (${centres.where})
    order by ${byId(store.dialect, 'a.id')}`.execute(store.db);
  return rows.map((r) => ({
    properties: {
      type: r.type,
      status: r.status,
      recorded: dateNumber(r.information_date),
      closed: r.status_date === null ? STILL_OPEN : dateNumber(r.status_date),
      synthetic: flag(r.synthetic),
    },
    box: [Number(r.min_x), Number(r.min_y), Number(r.max_x), Number(r.max_y)],
    multi: r.multi,
  }));
}

/**
 * The tile from PostGIS: ST_AsMVT over the rows the GiST box index returns, the same layers and
 * properties (its own clipping and simplification, so the same features, not the same bytes).
 */
export async function postgisTile(
  store: Store,
  iso3: StateCode,
  z: number,
  x: number,
  y: number,
  box: BBox,
  points: boolean,
): Promise<Uint8Array | null> {
  const spans = boxSpans(box);
  const geom = (alias: string): RawBuilder<unknown> =>
    sql`ST_SetSRID(ST_GeomFromGeoJSON(${sql.ref(`${alias}.geometry`)}), 4326)`;
  const recorded = sql`replace(a.information_date, '-', '')::int`;
  const closed = sql`coalesce(replace(a.status_date, '-', '')::int, ${STILL_OPEN})`;
  const env = sql`ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int)`;
  const query = points
    ? sql<{ mvt: Buffer | null }>`select ST_AsMVT(t, 'hazard_area_points', 4096, 'geom') as mvt from (
        select a.type, a.status, ${recorded} as recorded, ${closed} as closed, a.synthetic,
          ST_AsMVTGeom(ST_Transform(ST_Centroid(ST_Envelope(ST_ExteriorRing(ST_GeometryN(${geom('a')}, 1)))), 3857), ${env}, 4096, 64, true) as geom
        from hazard_areas a where a.iso3 = ${iso3} and (${meeting('postgres', 'hazard_areas', 'a', spans).where})
        order by a.id collate "C") t where geom is not null`
    : sql<{ mvt: Buffer | null }>`select (select ST_AsMVT(t, 'hazard_areas', 4096, 'geom') from (
          select a.id, a.type, a.status, ${recorded} as recorded, ${closed} as closed, a.area_m2 as "areaM2", a.synthetic,
            ST_AsMVTGeom(ST_Transform(${geom('a')}, 3857), ${env}, 4096, 64, true) as geom
          from hazard_areas a where a.iso3 = ${iso3} and (${meeting('postgres', 'hazard_areas', 'a', spans).where})
          order by a.id collate "C") t where geom is not null)
        || (select ST_AsMVT(t, 'land_releases', 4096, 'geom') from (
          select r.id, r.hazard_area_id as "hazardAreaId", r.kind, replace(r.release_date, '-', '')::int as released,
            r.area_m2 as "areaM2", h.synthetic, ST_AsMVTGeom(ST_Transform(${geom('r')}, 3857), ${env}, 4096, 64, true) as geom
          from land_releases r join hazard_areas h on h.id = r.hazard_area_id
          where r.iso3 = ${iso3} and (${meeting('postgres', 'land_releases', 'r', spans).where})
          order by r.id collate "C") t where geom is not null) as mvt`;
  const { rows } = await query.execute(store.db);
  const mvt = rows[0]?.mvt ?? null;
  return mvt === null || mvt.length === 0 ? null : new Uint8Array(mvt.buffer, mvt.byteOffset, mvt.byteLength);
}
