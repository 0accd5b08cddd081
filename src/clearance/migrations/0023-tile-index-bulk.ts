/**
 * The tile index filled once after a bulk load instead of per row (issue 15 §3). Migration 0019's
 * insert triggers write the keys table and the R*Tree for every row: most of the write time of a
 * 200,000-area import. They now stand aside while the table's name is in `tile_index_deferred`,
 * a row a bulk import writes and deletes in its own transaction (so no other connection ever sees
 * it), filling the index for its rows in two statements before it commits (store-tile-index.ts).
 * SQLite only: PostgreSQL's GiST index is kept by the engine.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';

const TABLES = [
  { table: 'hazard_areas', keys: 'hazard_area_tile_keys', boxes: 'hazard_area_boxes' },
  { table: 'land_releases', keys: 'land_release_tile_keys', boxes: 'land_release_boxes' },
] as const;

async function insertTriggers(db: Kysely<unknown>, deferrable: boolean): Promise<void> {
  for (const { table, keys, boxes } of TABLES) {
    const [t, k, b] = [sql.table(table), sql.table(keys), sql.table(boxes)];
    const name = sql.raw(`${table}_tile_insert`);
    await sql`drop trigger ${name}`.execute(db);
    const when = deferrable
      ? sql`when not exists (select 1 from tile_index_deferred where tbl = ${sql.lit(table)})`
      : sql``;
    await sql`create trigger ${name} after insert on ${t} ${when} begin
      insert into ${k} (id) values (new.id);
      insert into ${b} values ((select key from ${k} where id = new.id), new.min_x, new.max_x, new.min_y, new.max_y);
    end`.execute(db);
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
