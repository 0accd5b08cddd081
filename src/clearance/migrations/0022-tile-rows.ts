/**
 * Tile rows (issue 15 §4): a vector tile of thousands of polygons spent most of its time in the
 * database joining text ids and in parsing GeoJSON. Both polygon tables get `tile_geometry`, the
 * polygon packed as numbers (geometry/packed-polygon.ts), written with the GeoJSON; existing rows
 * are packed here, in batches. SQLite: the R*Tree's keys table becomes the tile row itself (what
 * a tile draws, kept by the triggers in the writing transaction), so a tile is the R*Tree and one
 * integer-key lookup per polygon; a row written without tile_geometry keeps its GeoJSON there
 * instead. PostgreSQL reads the polygon tables through the GiST box index as before.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { packPolygon, packedBytes } from '../geometry/packed-polygon.js';
import type { AreaGeometry } from '../model.js';

const BATCH = 1000;
const POLYGON_TABLES = ['hazard_areas', 'land_releases'] as const;

/** Packs the GeoJSON of every row of `table` into tile_geometry, BATCH rows at a time (never a whole State in memory). */
async function packExisting(
  db: Kysely<unknown>,
  dialect: DialectName,
  table: (typeof POLYGON_TABLES)[number],
): Promise<void> {
  let after = '';
  for (;;) {
    const { rows } = await sql<{ id: string; geometry: string }>`select id, geometry from ${sql.table(table)}
      where id > ${after} order by id limit ${BATCH}`.execute(db);
    const last = rows.at(-1);
    if (last === undefined) return;
    const values = rows.map(
      ({ id, geometry }) =>
        sql`(${id}${dialect === 'postgres' ? sql`::text` : sql``}, ${packedBytes(packPolygon(JSON.parse(geometry) as AreaGeometry))}${dialect === 'postgres' ? sql`::bytea` : sql``})`,
    );
    // SQLite names a VALUES list's columns column1, column2; PostgreSQL takes them after the alias.
    const source =
      dialect === 'sqlite'
        ? sql`(select column1 as id, column2 as g from (values ${sql.join(values)})) as v`
        : sql`(values ${sql.join(values)}) as v(id, g)`;
    await sql`update ${sql.table(table)} set tile_geometry = v.g from ${source} where ${sql.table(table)}.id = v.id`.execute(
      db,
    );
    after = last.id;
  }
}

/** The tile columns of each keys table, and the values the triggers write into them. */
const AREA_COLUMNS = ['iso3', 'type', 'status', 'information_date', 'status_date', 'area_m2', 'synthetic'];
const RELEASE_COLUMNS = ['iso3', 'hazard_area_id', 'kind', 'release_date', 'area_m2'];
const columnTypes: Record<string, string> = { area_m2: 'real', synthetic: 'integer' };

const list = (columns: readonly string[], prefix = ''): string => columns.map((c) => `${prefix}${c}`).join(', ');
/** tile_geometry when the writer packed it, else the GeoJSON text. */
const polygonValues = (row: string): string =>
  `${row}.tile_geometry, case when ${row}.tile_geometry is null then ${row}.geometry end`;
const releaseSynthetic = (row: string): string =>
  `(select synthetic from hazard_areas where id = ${row}.hazard_area_id)`;

async function sqliteUp(db: Kysely<unknown>): Promise<void> {
  const run = (text: string): Promise<unknown> => sql.raw(text).execute(db);
  for (const [keys, columns] of [
    ['hazard_area_tile_keys', [...AREA_COLUMNS]],
    ['land_release_tile_keys', [...RELEASE_COLUMNS, 'synthetic']],
  ] as const)
    for (const column of [...columns, 'tile_geometry', 'geometry'])
      await run(
        `alter table ${keys} add column ${column} ${column === 'tile_geometry' ? 'blob' : (columnTypes[column] ?? 'text')}`,
      );
  await run(`update hazard_area_tile_keys set (${list(AREA_COLUMNS)}, tile_geometry, geometry) =
    (select ${list(AREA_COLUMNS, 'a.')}, ${polygonValues('a')} from hazard_areas a where a.id = hazard_area_tile_keys.id)`);
  await run(`update land_release_tile_keys set (${list(RELEASE_COLUMNS)}, synthetic, tile_geometry, geometry) =
    (select ${list(RELEASE_COLUMNS, 'r.')}, ${releaseSynthetic('r')}, ${polygonValues('r')} from land_releases r where r.id = land_release_tile_keys.id)`);
  for (const what of ['insert', 'update'])
    for (const table of POLYGON_TABLES) await run(`drop trigger ${table}_tile_${what}`);
  await run(`create trigger hazard_areas_tile_insert after insert on hazard_areas begin
    insert into hazard_area_tile_keys (id, ${list(AREA_COLUMNS)}, tile_geometry, geometry)
      values (new.id, ${list(AREA_COLUMNS, 'new.')}, ${polygonValues('new')});
    insert into hazard_area_boxes values ((select key from hazard_area_tile_keys where id = new.id), new.min_x, new.max_x, new.min_y, new.max_y);
  end`);
  await run(`create trigger hazard_areas_tile_update after update on hazard_areas begin
    update hazard_area_tile_keys set (id, ${list(AREA_COLUMNS)}, tile_geometry, geometry) =
      (new.id, ${list(AREA_COLUMNS, 'new.')}, ${polygonValues('new')}) where id = old.id;
    update hazard_area_boxes set min_x = new.min_x, max_x = new.max_x, min_y = new.min_y, max_y = new.max_y
      where key = (select key from hazard_area_tile_keys where id = new.id);
    update land_release_tile_keys set hazard_area_id = new.id, synthetic = new.synthetic
      where id in (select id from land_releases where hazard_area_id = new.id);
  end`);
  await run(`create trigger land_releases_tile_insert after insert on land_releases begin
    insert into land_release_tile_keys (id, ${list(RELEASE_COLUMNS)}, synthetic, tile_geometry, geometry)
      values (new.id, ${list(RELEASE_COLUMNS, 'new.')}, ${releaseSynthetic('new')}, ${polygonValues('new')});
    insert into land_release_boxes values ((select key from land_release_tile_keys where id = new.id), new.min_x, new.max_x, new.min_y, new.max_y);
  end`);
  await run(`create trigger land_releases_tile_update after update on land_releases begin
    update land_release_tile_keys set (id, ${list(RELEASE_COLUMNS)}, synthetic, tile_geometry, geometry) =
      (new.id, ${list(RELEASE_COLUMNS, 'new.')}, ${releaseSynthetic('new')}, ${polygonValues('new')}) where id = old.id;
    update land_release_boxes set min_x = new.min_x, max_x = new.max_x, min_y = new.min_y, max_y = new.max_y
      where key = (select key from land_release_tile_keys where id = new.id);
  end`);
}

/** 0019's triggers, as they were. */
async function sqliteDown(db: Kysely<unknown>): Promise<void> {
  const run = (text: string): Promise<unknown> => sql.raw(text).execute(db);
  for (const [table, keys, boxes] of [
    ['hazard_areas', 'hazard_area_tile_keys', 'hazard_area_boxes'],
    ['land_releases', 'land_release_tile_keys', 'land_release_boxes'],
  ] as const) {
    for (const what of ['insert', 'update']) await run(`drop trigger ${table}_tile_${what}`);
    await run(`create trigger ${table}_tile_insert after insert on ${table} begin
      insert into ${keys} (id) values (new.id);
      insert into ${boxes} values ((select key from ${keys} where id = new.id), new.min_x, new.max_x, new.min_y, new.max_y);
    end`);
    await run(`create trigger ${table}_tile_update after update of id, min_x, min_y, max_x, max_y on ${table} begin
      update ${keys} set id = new.id where id = old.id;
      update ${boxes} set min_x = new.min_x, max_x = new.max_x, min_y = new.min_y, max_y = new.max_y
        where key = (select key from ${keys} where id = new.id);
    end`);
    const columns = table === 'hazard_areas' ? AREA_COLUMNS : [...RELEASE_COLUMNS, 'synthetic'];
    for (const column of [...columns, 'tile_geometry', 'geometry'])
      await run(`alter table ${keys} drop column ${column}`);
  }
}

export function tileRowsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const table of POLYGON_TABLES)
        await db.schema
          .alterTable(table)
          .addColumn('tile_geometry', dialect === 'sqlite' ? 'blob' : 'bytea')
          .execute();
      for (const table of POLYGON_TABLES) await packExisting(db, dialect, table);
      if (dialect === 'sqlite') await sqliteUp(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') await sqliteDown(db);
      for (const table of POLYGON_TABLES) await db.schema.alterTable(table).dropColumn('tile_geometry').execute();
    },
  };
}
