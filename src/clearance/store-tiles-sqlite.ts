/**
 * What a vector tile draws, read from SQLite's tile index (issue 15 §4) as one row per layer:
 * the R*Tree gives the keys, the tile rows (0022) give the rest, aggregated by SQLite into one
 * text of every property and one blob of every packed polygon. Read row by row, better-sqlite3
 * made a string per column and a Buffer per polygon: for the densest z10 tile (3,600 rows) the
 * read went from 34 to about 17 ms (README, "Densest z10 tile against PostGIS").
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import type { Database } from '../store/database.js';
import { dateNumber } from './calendar.js';
import { type PackedPolygon, firstRingBox, packPolygon, splitPacked } from './geometry/packed-polygon.js';
import type { AreaGeometry, BBox } from './model.js';
import type {
  HazardAreaPointProperties,
  HazardAreaTileProperties,
  LandReleaseTileProperties,
  TileFeature,
} from './serving/tiles.js';

/** Closed date of an area still open (tiles.ts STILL_OPEN; repeated so this file needs no serving import). */
const STILL_OPEN = 99991231;
/** Between properties and between rows: ids, dates and kinds never hold it (input.ts), GeoJSON text neither. */
const SEPARATOR = '\u0000';

interface Aggregate {
  n: number;
  /** Each row's properties (`columns` of them, the last the GeoJSON of a row without tile_geometry), all joined by SEPARATOR. */
  text: string | null;
  /** Every row's tile_geometry, in the same order. */
  polygons: Uint8Array | null;
}

/** The keys whose box meets one of `spans` (union: a box across the whole world meets both spans of a tile at the edge). */
const inBoxes = (boxes: 'hazard_area_boxes' | 'land_release_boxes', spans: BBox[]): RawBuilder<unknown> =>
  sql.join(
    spans.map(
      ([w, s, e, n]) =>
        sql`select key from ${sql.table(boxes)} where min_x <= ${e} and max_x >= ${w} and min_y <= ${n} and max_y >= ${s}`,
    ),
    sql` union `,
  );

/** One layer's rows as strings (row-major, one more than `columns` per row) and their polygons. */
async function aggregate(
  trx: Kysely<Database>,
  keys: 'hazard_area_tile_keys' | 'land_release_tile_keys',
  boxes: 'hazard_area_boxes' | 'land_release_boxes',
  columns: readonly string[],
  iso3: StateCode,
  spans: BBox[],
): Promise<{ n: number; fields: string[]; polygons: (PackedPolygon | null)[] }> {
  // coalesce: a null would make the row's whole text null, and group_concat would skip it.
  const fields = sql.join(
    [
      ...columns.map((c) => sql`coalesce(${sql.ref(`t.${c}`)}, '')`),
      sql`case when t.tile_geometry is null then coalesce(t.geometry, '') else '' end`,
    ],
    sql` || char(0) || `,
  );
  // CROSS JOIN: the R*Tree first, then each tile row by its integer key. group_concat keeps a
  // blob's bytes, and the cast hands them back as a blob.
  const { rows } = await sql<Aggregate>`select count(*) as n, group_concat(${fields}, char(0)) as text,
      cast(group_concat(t.tile_geometry, '') as blob) as polygons
    from (${inBoxes(boxes, spans)}) as b cross join ${sql.table(keys)} as t on t.key = b.key
    where t.iso3 = ${iso3}`.execute(trx);
  const row = rows[0];
  const n = Number(row?.n ?? 0);
  if (n === 0 || row?.text == null) return { n: 0, fields: [], polygons: [] };
  const width = columns.length + 1;
  const split = row.text.split(SEPARATOR);
  if (split.length !== n * width)
    throw new Error(`${keys}: a value holds the character U+0000, which no writer of minefree stores`);
  const present = Array.from({ length: n }, (_, i) => split[i * width + columns.length] === '');
  return { n, fields: split, polygons: splitPacked(row.polygons ?? new Uint8Array(0), present) };
}

/**
 * Row indices in byte order of the ids (UTF-8), as SQLite's `order by id` gives them. JavaScript's
 * default sort compares UTF-16 units, which sort the same unless an id holds a character from
 * U+D800 up; it sorts "id U+0000 index" without calling back into JavaScript (a comparator took
 * 3 ms a layer): U+0000 is below any character of an id, so a shorter id still sorts first.
 */
function orderById(ids: readonly string[]): number[] {
  if (ids.some((id) => /[\uD800-\uFFFF]/.test(id))) {
    const bytes = ids.map((id) => Buffer.from(id));
    return ids.map((_, i) => i).sort((a, b) => Buffer.compare(bytes[a] as Buffer, bytes[b] as Buffer));
  }
  const keyed = ids.map((id, i) => `${id}${SEPARATOR}${i}`).sort();
  return keyed.map((key) => Number(key.slice(key.lastIndexOf(SEPARATOR) + 1)));
}

const polygonOf = (packed: PackedPolygon | null, geojson: string): PackedPolygon =>
  packed ??
  packPolygon(JSON.parse(geojson === '' ? '{"type":"MultiPolygon","coordinates":[]}' : geojson) as AreaGeometry);
const flag = (text: string): 0 | 1 => (Number(text) === 1 ? 1 : 0);
const closedOn = (text: string): number => (text === '' ? STILL_OPEN : dateNumber(text as CalendarDate));

const AREA_COLUMNS = ['id', 'type', 'status', 'information_date', 'status_date', 'area_m2', 'synthetic'] as const;
const RELEASE_COLUMNS = ['id', 'hazard_area_id', 'kind', 'release_date', 'area_m2', 'synthetic'] as const;

/**
 * One layer's features from its aggregated rows (`columns` properties, then the GeoJSON text used
 * when no packed polygon was stored), sorted by id as the encoder wants them.
 */
function featuresOf<P>(
  rows: { n: number; fields: string[]; polygons: (PackedPolygon | null)[] },
  columns: number,
  properties: (fields: string[], at: number) => P,
): TileFeature<P>[] {
  const { n, fields: f, polygons } = rows;
  const w = columns + 1;
  const features: TileFeature<P>[] = [];
  for (const i of orderById(Array.from({ length: n }, (_, i) => f[i * w] ?? ''))) {
    const o = i * w;
    features.push({ polygon: polygonOf(polygons[i] ?? null, f[o + columns] ?? ''), properties: properties(f, o) });
  }
  return features;
}

/** The State's hazard areas and land releases whose box meets one of `spans`, each in id order, as tile features. */
export async function sqliteTileFeatures(
  trx: Kysely<Database>,
  iso3: StateCode,
  spans: BBox[],
): Promise<{
  areas: TileFeature<HazardAreaTileProperties>[];
  releases: TileFeature<LandReleaseTileProperties>[];
}> {
  const areaRows = await aggregate(trx, 'hazard_area_tile_keys', 'hazard_area_boxes', AREA_COLUMNS, iso3, spans);
  const releaseRows = await aggregate(
    trx,
    'land_release_tile_keys',
    'land_release_boxes',
    RELEASE_COLUMNS,
    iso3,
    spans,
  );
  const areas = featuresOf(areaRows, AREA_COLUMNS.length, (f, o) => ({
    id: f[o] ?? '',
    type: f[o + 1] as HazardAreaTileProperties['type'],
    status: f[o + 2] as HazardAreaTileProperties['status'],
    recorded: dateNumber((f[o + 3] ?? '') as CalendarDate),
    closed: closedOn(f[o + 4] ?? ''),
    areaM2: Number(f[o + 5]),
    synthetic: flag(f[o + 6] ?? ''),
  }));
  const releases = featuresOf(releaseRows, RELEASE_COLUMNS.length, (f, o) => ({
    id: f[o] ?? '',
    hazardAreaId: f[o + 1] ?? '',
    kind: f[o + 2] as LandReleaseTileProperties['kind'],
    released: dateNumber((f[o + 3] ?? '') as CalendarDate),
    areaM2: Number(f[o + 4]),
    synthetic: flag(f[o + 5] ?? ''),
  }));
  return { areas, releases };
}

const CENTRE_COLUMNS = ['id', 'type', 'status', 'information_date', 'status_date', 'synthetic'] as const;

/**
 * The State's hazard areas whose box meets one of `spans`, in id order, as the box of their first
 * part's outer ring (where tiles below POLYGON_MIN_ZOOM put the area's point) and what the point
 * shows: read aggregated like the polygons, the box taken from the packed polygon.
 */
export async function sqliteTileCentres(
  trx: Kysely<Database>,
  iso3: StateCode,
  spans: BBox[],
): Promise<{ properties: HazardAreaPointProperties; box: BBox }[]> {
  const {
    n,
    fields: f,
    polygons,
  } = await aggregate(trx, 'hazard_area_tile_keys', 'hazard_area_boxes', CENTRE_COLUMNS, iso3, spans);
  const w = CENTRE_COLUMNS.length + 1;
  return orderById(Array.from({ length: n }, (_, i) => f[i * w] ?? '')).map((i) => {
    const o = i * w;
    return {
      properties: {
        type: f[o + 1] as HazardAreaPointProperties['type'],
        status: f[o + 2] as HazardAreaPointProperties['status'],
        recorded: dateNumber((f[o + 3] ?? '') as CalendarDate),
        closed: closedOn(f[o + 4] ?? ''),
        synthetic: flag(f[o + 5] ?? ''),
      },
      box: firstRingBox(polygonOf(polygons[i] ?? null, f[o + 6] ?? '')),
    };
  });
}
