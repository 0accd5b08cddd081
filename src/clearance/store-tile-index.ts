/**
 * The SQLite tile index (migration 0019's R*Tree and keys table, whose rows hold what a tile draws
 * since 0022) filled once for a bulk import's rows instead of by a trigger per row (migration
 * 0023), inside the import's transaction: the keys rows get the very values 0022's insert
 * triggers would write. On PostgreSQL both are no-ops: its GiST index is kept by the engine.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database, DialectName } from '../store/database.js';
import type { BBox } from './model.js';

/** tile_geometry when the writer packed it, else the GeoJSON text (0022's triggers). */
const POLYGON = 't.tile_geometry, case when t.tile_geometry is null then t.geometry end';

/** Each table's keys table and R*Tree, and the keys columns with the values its insert trigger writes from row `t`. */
const INDEX = {
  hazard_areas: {
    keys: 'hazard_area_tile_keys',
    boxes: 'hazard_area_boxes',
    columns: 'id, iso3, type, status, information_date, status_date, area_m2, synthetic, tile_geometry, geometry',
    values: `t.id, t.iso3, t.type, t.status, t.information_date, t.status_date, t.area_m2, t.synthetic, ${POLYGON}`,
  },
  land_releases: {
    keys: 'land_release_tile_keys',
    boxes: 'land_release_boxes',
    columns: 'id, iso3, hazard_area_id, kind, release_date, area_m2, synthetic, tile_geometry, geometry',
    values: `t.id, t.iso3, t.hazard_area_id, t.kind, t.release_date, t.area_m2,
      (select synthetic from hazard_areas where id = t.hazard_area_id), ${POLYGON}`,
  },
} as const;
type Indexed = keyof typeof INDEX;

/** Where a table and its keys table ended before a bulk import (their largest rowid and key), and how far it is indexed. */
export interface TileIndexMark {
  rowid: number;
  key: number;
  /** The import's rows up to this rowid are indexed (fillTileIndexSoFar). */
  filled: number;
}

/**
 * From here to fillTileIndex, rows inserted into `table` in this transaction are not indexed one
 * by one. Returns where the table ends: the rows the import adds are those after it (a rowid
 * table, written by this transaction alone, numbers new rows after the largest).
 */
export async function deferTileIndex(
  trx: Kysely<Database>,
  dialect: DialectName,
  table: Indexed,
): Promise<TileIndexMark | null> {
  if (dialect !== 'sqlite') return null;
  if (!trx.isTransaction) throw new Error('the tile index is deferred inside a transaction only');
  await trx.insertInto('tile_index_deferred').values({ tbl: table }).execute();
  const { rows } = await sql<
    Omit<TileIndexMark, 'filled'>
  >`select (select coalesce(max(rowid), 0) from ${sql.table(table)}) as rowid,
    (select coalesce(max(key), 0) from ${sql.table(INDEX[table].keys)}) as key`.execute(trx);
  const mark = rows[0] ?? { rowid: 0, key: 0 };
  return { ...mark, filled: mark.rowid };
}

/**
 * Indexes the rows inserted since the last call (or since deferTileIndex gave `mark`), up to the
 * table's last row now: a range of rowids read in order, not a lookup by text id per row. Called
 * while an import still writes, so the R*Tree's inserts share the time the workers check the
 * file instead of coming after it. Each new row's key is its rowid moved past the keys table's
 * end (rowid − mark.rowid + mark.key): above every key stored, one per row, so the R*Tree's rows
 * come from the same range without joining the keys table back by id.
 */
export async function fillTileIndexSoFar(
  trx: Kysely<Database>,
  dialect: DialectName,
  table: Indexed,
  mark: TileIndexMark | null,
): Promise<void> {
  if (dialect !== 'sqlite' || mark === null) return;
  const { rows } = await sql<{ last: number | null }>`select max(rowid) as last from ${sql.table(table)}`.execute(trx);
  const last = Number(rows[0]?.last ?? 0);
  if (last <= mark.filled) return;
  const { keys, boxes, columns, values } = INDEX[table];
  const key = sql`t.rowid - ${mark.rowid} + ${mark.key}`;
  const range = sql`t.rowid > ${mark.filled} and t.rowid <= ${last}`;
  await sql`insert into ${sql.table(keys)} (key, ${sql.raw(columns)})
    select ${key}, ${sql.raw(values)} from ${sql.table(table)} t where ${range} order by t.rowid`.execute(trx);
  await sql`insert into ${sql.table(boxes)} select ${key}, t.min_x, t.max_x, t.min_y, t.max_y
    from ${sql.table(table)} t where ${range}`.execute(trx);
  mark.filled = last;
}

/** Indexes the rest of the import's rows and lets the triggers index rows again. */
export async function fillTileIndex(
  trx: Kysely<Database>,
  dialect: DialectName,
  table: Indexed,
  mark: TileIndexMark | null,
): Promise<void> {
  if (dialect !== 'sqlite' || mark === null) return;
  await fillTileIndexSoFar(trx, dialect, table, mark);
  await trx.deleteFrom('tile_index_deferred').where('tbl', '=', table).execute();
}

/**
 * SQLite: the ids of `table`'s rows whose R*Tree box meets `box`, as a subquery. The R*Tree keeps
 * 32-bit floats rounded outwards, so these are candidates: the caller's own conditions on the
 * stored boxes decide.
 */
export function idsMeetingBox(table: Indexed, [west, south, east, north]: BBox): RawBuilder<unknown> {
  const { keys, boxes } = INDEX[table];
  return sql`(select k.id from ${sql.table(boxes)} b cross join ${sql.table(keys)} k on k.key = b.key
    where b.max_x >= ${west} and b.min_x <= ${east} and b.max_y >= ${south} and b.min_y <= ${north})`;
}
