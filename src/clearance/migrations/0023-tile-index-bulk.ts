/**
 * The tile index filled once after a bulk load instead of per row (issue 15 §3). The insert
 * triggers of 0019, as 0022 rewrote them (the keys table holds what a tile draws), write the keys
 * table and the R*Tree for every row: most of the write time of a 200,000-area import. They now
 * stand aside while the table's name is in `tile_index_deferred`, a row a bulk import writes and
 * deletes in its own transaction (so no other connection ever sees it), filling the index for its
 * rows in two statements before it commits (store-tile-index.ts, which writes the same columns).
 * SQLite only: PostgreSQL's GiST index is kept by the engine.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';

/** 0022's keys columns and the values its insert triggers write, copied: a migration does not change when a later one does. */
const AREA_COLUMNS = 'iso3, type, status, information_date, status_date, area_m2, synthetic';
const RELEASE_COLUMNS = 'iso3, hazard_area_id, kind, release_date, area_m2';
const prefixed = (columns: string, row: string): string =>
  columns
    .split(', ')
    .map((c) => `${row}.${c}`)
    .join(', ');
const polygonValues = `new.tile_geometry, case when new.tile_geometry is null then new.geometry end`;

const TABLES = [
  {
    table: 'hazard_areas',
    keys: 'hazard_area_tile_keys',
    boxes: 'hazard_area_boxes',
    columns: `${AREA_COLUMNS}, tile_geometry, geometry`,
    values: `${prefixed(AREA_COLUMNS, 'new')}, ${polygonValues}`,
  },
  {
    table: 'land_releases',
    keys: 'land_release_tile_keys',
    boxes: 'land_release_boxes',
    columns: `${RELEASE_COLUMNS}, synthetic, tile_geometry, geometry`,
    values: `${prefixed(RELEASE_COLUMNS, 'new')}, (select synthetic from hazard_areas where id = new.hazard_area_id), ${polygonValues}`,
  },
] as const;

/** 0022's insert triggers, standing aside while their table is deferred when `deferrable`. */
async function insertTriggers(db: Kysely<unknown>, deferrable: boolean): Promise<void> {
  for (const { table, keys, boxes, columns, values } of TABLES) {
    await sql.raw(`drop trigger ${table}_tile_insert`).execute(db);
    const when = deferrable ? `when not exists (select 1 from tile_index_deferred where tbl = '${table}')` : '';
    await sql
      .raw(
        `create trigger ${table}_tile_insert after insert on ${table} ${when} begin
      insert into ${keys} (id, ${columns}) values (new.id, ${values});
      insert into ${boxes} values ((select key from ${keys} where id = new.id), new.min_x, new.max_x, new.min_y, new.max_y);
    end`,
      )
      .execute(db);
  }
}

export function tileIndexBulkMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'sqlite') return;
      await sql`create table tile_index_deferred (tbl text primary key)`.execute(db);
      await insertTriggers(db, true);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'sqlite') return;
      await insertTriggers(db, false);
      await sql`drop table tile_index_deferred`.execute(db);
    },
  };
}
