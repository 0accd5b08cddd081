/**
 * Spatial indexes for vector tiles (issue 15 §4): a tile reads only the rows whose box meets it,
 * instead of a server holding every State's polygons in memory. SQLite: an R*Tree per polygon
 * table, kept in step by triggers (so cascaded deletes and every writer are covered, in the
 * writing transaction); the R*Tree's integer key maps to the text id through a keys table,
 * because a text-keyed table's rowid may change on VACUUM. PostgreSQL: a GiST index over the
 * box of the stored min/max columns (the built-in `box` type: no PostGIS needed). Both: one row
 * per write with the box it touched, so cached tiles that do not meet it stay valid.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { idColumn } from '../../store/migration-helpers.js';

const TABLES = [
  { table: 'hazard_areas', keys: 'hazard_area_tile_keys', boxes: 'hazard_area_boxes' },
  { table: 'land_releases', keys: 'land_release_tile_keys', boxes: 'land_release_boxes' },
] as const;

async function sqliteUp(db: Kysely<unknown>): Promise<void> {
  for (const { table, keys, boxes } of TABLES) {
    const [t, k, b] = [sql.table(table), sql.table(keys), sql.table(boxes)];
    await sql`create table ${k} (key integer primary key, id text not null unique)`.execute(db);
    await sql`create virtual table ${b} using rtree(key, min_x, max_x, min_y, max_y)`.execute(db);
    await sql`insert into ${k} (id) select id from ${t} order by id`.execute(db);
    await sql`insert into ${b} select k.key, t.min_x, t.max_x, t.min_y, t.max_y from ${t} t join ${k} k on k.id = t.id`.execute(
      db,
    );
    await sql`create trigger ${sql.raw(`${table}_tile_insert`)} after insert on ${t} begin
      insert into ${k} (id) values (new.id);
      insert into ${b} values ((select key from ${k} where id = new.id), new.min_x, new.max_x, new.min_y, new.max_y);
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_tile_update`)} after update of id, min_x, min_y, max_x, max_y on ${t} begin
      update ${k} set id = new.id where id = old.id;
      update ${b} set min_x = new.min_x, max_x = new.max_x, min_y = new.min_y, max_y = new.max_y
        where key = (select key from ${k} where id = new.id);
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_tile_delete`)} after delete on ${t} begin
      delete from ${b} where key = (select key from ${k} where id = old.id);
      delete from ${k} where id = old.id;
    end`.execute(db);
  }
}

async function postgresUp(db: Kysely<unknown>): Promise<void> {
  for (const { table } of TABLES)
    await sql`create index ${sql.raw(`${table}_tile_box`)} on ${sql.table(table)} using gist (box(point(min_x, min_y), point(max_x, max_y)))`.execute(
      db,
    );
}

export function tileIndexMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') await sqliteUp(db);
      else await postgresUp(db);
      await db.schema
        .createTable('clearance_tile_changes')
        .addColumn('id', 'integer', idColumn(dialect))
        .addColumn('iso3', 'text', (c) => c.notNull())
        .addColumn('min_x', 'double precision', (c) => c.notNull())
        .addColumn('min_y', 'double precision', (c) => c.notNull())
        .addColumn('max_x', 'double precision', (c) => c.notNull())
        .addColumn('max_y', 'double precision', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('clearance_tile_changes_iso3')
        .on('clearance_tile_changes')
        .columns(['iso3', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('clearance_tile_changes').execute();
      for (const { table, keys, boxes } of TABLES) {
        if (dialect === 'sqlite') {
          for (const what of ['insert', 'update', 'delete'])
            await sql`drop trigger ${sql.raw(`${table}_tile_${what}`)}`.execute(db);
          await sql`drop table ${sql.table(boxes)}`.execute(db);
          await sql`drop table ${sql.table(keys)}`.execute(db);
        } else await sql`drop index ${sql.raw(`${table}_tile_box`)}`.execute(db);
      }
    },
  };
}
