// Migration 0022 on a database that already holds polygons: the rows are packed, the tile rows
// filled, and a tile is the same bytes as the one built from every record; going down and up again
// changes nothing, and a row written without tile_geometry is drawn from its GeoJSON.
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../setup/migrations.js';
import { initDatabase } from '../../setup/seed.js';
import { SYSTEM } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { forEachDatabase } from '../../store/test-databases.js';
import { boundingBox } from '../geometry/area.js';
import type { ClearanceRecords } from '../model.js';
import { loadClearanceRecords, saveClearanceRecords } from '../store.js';
import { activity, hazardArea, release } from '../test-records.js';
import { IndexedTiles } from '../serving/tile-source.js';
import { ClearanceTiles } from '../serving/tiles.js';
import { square, tileAt } from '../serving/test-tiles.js';

async function migrateTo(store: Store, name: string): Promise<void> {
  const schema =
    store.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: () => Promise.resolve(migrations(store.dialect)) },
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error } = await migrator.migrateTo(name);
  if (error !== undefined) throw error as Error;
}

const records = (): ClearanceRecords => {
  const areas = Array.from({ length: 12 }, (_, i) => {
    const geometry = square(103.2 + (i % 4) * 0.013, 13.1 + Math.floor(i / 4) * 0.013, 0.01);
    return hazardArea(`KHM-T${String(i).padStart(2, '0')}`, '2020-01-15', 10_000, {
      geometry,
      bbox: boundingBox(geometry),
    });
  });
  const withRelease = areas.filter((_, i) => i % 3 === 0);
  return {
    areas,
    revisions: [],
    activities: withRelease.map((a) => activity(a.id)),
    releases: withRelease.map((a) => ({
      ...release(`${a.id}-R`, a.id, '2022-05-01', 2_000, 'cleared'),
      geometry: square(a.bbox[0], a.bbox[1], 0.005),
    })),
    devices: [],
  };
};

const TILES = [
  tileAt(10, 103.21, 13.11),
  tileAt(12, 103.205, 13.105),
  tileAt(13, 103.23, 13.12),
  tileAt(8, 103.2, 13.1),
];
const bytes = (tile: Uint8Array | null): string | null => (tile === null ? null : Buffer.from(tile).toString('base64'));

async function expectSameTiles(store: Store): Promise<void> {
  const memory = ClearanceTiles.fromRecords(await loadClearanceRecords(store, 'KHM'));
  const indexed = new IndexedTiles(store);
  for (const at of TILES) {
    expect(memory.tile(...at), at.join('/')).not.toBeNull();
    expect(bytes(await indexed.tile('KHM', ...at)), at.join('/')).toBe(bytes(memory.tile(...at)));
  }
}

forEachDatabase((database) => {
  describe('migration 0022, tile rows', () => {
    it('packs the polygons already stored, and keeps the tiles the same down and up again', async () => {
      const store = await database.open();
      await initDatabase(store);
      await saveClearanceRecords(store, 'KHM', records(), SYSTEM);
      await expectSameTiles(store);
      await migrateTo(store, '0019-tile-index');
      await migrateTo(store, '0022-tile-rows');
      const { rows } = await sql<{
        n: number;
      }>`select count(*) as n from hazard_areas where tile_geometry is null`.execute(store.db);
      expect(Number(rows[0]?.n)).toBe(0);
      await expectSameTiles(store);
    });

    it('draws a row written without tile_geometry from its GeoJSON', async () => {
      const store = await database.open();
      await initDatabase(store);
      await saveClearanceRecords(store, 'KHM', records(), SYSTEM);
      await sql`update hazard_areas set tile_geometry = null`.execute(store.db);
      await sql`update land_releases set tile_geometry = null`.execute(store.db);
      await expectSameTiles(store);
    });
  });
});
