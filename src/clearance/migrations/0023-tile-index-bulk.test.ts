// Migration 0023 over 0022: its insert triggers are 0022's with the deferral check, and going
// down gives back 0022's exactly (SQLite only: on PostgreSQL the migration does nothing; the
// deferral itself is shown by files/geojson-import.test.ts).
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo } from '../../setup/migrations.js';
import type { Store } from '../../store/database.js';
import { forEachDatabase } from '../../store/test-databases.js';

/** The insert triggers' SQL, whitespace folded. */
async function insertTriggers(store: Store): Promise<Record<string, string>> {
  const { rows } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
    where type = 'trigger' and name like '%_tile_insert' order by name`.execute(store.db);
  return Object.fromEntries(rows.map((r) => [r.name, r.sql.replace(/\s+/g, ' ')]));
}

const DEFERRAL = (table: string): string =>
  `when not exists (select 1 from tile_index_deferred where tbl = '${table}')`;

forEachDatabase((database) => {
  describe('0023-tile-index-bulk', () => {
    it.skipIf(database.name !== 'sqlite')(
      "adds the deferral check to 0022's insert triggers, and gives them back going down",
      async () => {
        const store = await database.open();
        await migrateTo(store, '0022-tile-rows');
        const before = await insertTriggers(store);
        expect(Object.keys(before)).toEqual(['hazard_areas_tile_insert', 'land_releases_tile_insert']);
        await migrateTo(store, '0023-tile-index-bulk');
        const deferred = await insertTriggers(store);
        for (const [name, table] of [
          ['hazard_areas_tile_insert', 'hazard_areas'],
          ['land_releases_tile_insert', 'land_releases'],
        ] as const) {
          expect(deferred[name]).toContain(DEFERRAL(table));
          // The body is 0022's: the check aside, the same text.
          expect(deferred[name]?.replace(` ${DEFERRAL(table)}`, '')).toBe(before[name]);
        }
        await migrateTo(store, '0022-tile-rows');
        expect(await insertTriggers(store)).toEqual(before);
        expect(
          (await sql`select name from sqlite_master where name = 'tile_index_deferred'`.execute(store.db)).rows,
        ).toEqual([]);
      },
    );
  });
});
