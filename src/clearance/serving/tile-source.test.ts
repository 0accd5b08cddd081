import { VectorTile } from '@mapbox/vector-tile';
import type { Position } from 'geojson';
import { sql } from 'kysely';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StateCode } from '../../core/states.js';
import { SYSTEM } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { forEachDatabase } from '../../store/test-databases.js';
import { initDatabase } from '../../setup/seed.js';
import { boundingBox } from '../geometry/area.js';
import type { AreaGeometry, ClearanceRecords, HazardArea } from '../model.js';
import { deleteSyntheticRecords, loadClearanceRecords, saveClearanceRecords } from '../store.js';
import { TILE_CHANGES_KEPT, hasPostgis, recordTileChange, tileChangesAfter } from '../store-tiles.js';
import { activity, hazardArea, release } from '../test-records.js';
import { clearanceVersion } from './cache.js';
import { TileCache } from './tile-cache.js';
import { IndexedTiles, PostgisTiles, type TileSource } from './tile-source.js';
import { ClearanceTiles, HAZARD_AREA_POINTS_LAYER, POLYGON_MIN_ZOOM } from './tiles.js';
import { square, tileAt } from './test-tiles.js';

const area = (id: string, geometry: AreaGeometry, extra: Partial<HazardArea> = {}): HazardArea =>
  hazardArea(id, '2020-01-15', 10_000, { geometry, bbox: boundingBox(geometry), ...extra });

/** A grid of areas near Battambang (one a MultiPolygon whose first part is not its box), half with a release; one far away. */
function khmRecords(prefix: string, west = 103.2, count = 24): ClearanceRecords {
  const areas: HazardArea[] = [];
  for (let i = 0; i < count; i++)
    areas.push(
      area(
        `${prefix}-${String(i).padStart(2, '0')}`,
        square(west + (i % 6) * 0.013, 13.1 + Math.floor(i / 6) * 0.013, 0.01),
      ),
    );
  areas.push(
    area(
      `${prefix}-M`,
      {
        type: 'MultiPolygon',
        coordinates: [square(west + 0.3, 13.3, 0.01).coordinates, square(west + 0.6, 13.6, 0.02).coordinates],
      },
      { type: 'SHA', status: 'closed', statusDate: areas[0]?.informationDate ?? null },
    ),
  );
  const withRelease = areas.filter((_, i) => i % 2 === 0);
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
}

// Fiji's Taveuni straddles 180°: a MultiPolygon cut there, with a release on each side.
const east: Position[] = [
  [179.9, -16.9],
  [180, -16.9],
  [180, -16.8],
  [179.9, -16.8],
  [179.9, -16.9],
];
const west: Position[] = [
  [-180, -16.9],
  [-179.9, -16.9],
  [-179.9, -16.8],
  [-180, -16.8],
  [-180, -16.9],
];
const fiji: ClearanceRecords = {
  areas: [
    area('FJI-X', { type: 'MultiPolygon', coordinates: [[east], [west]] }, { iso3: 'FJI', synthetic: false }),
    area('FJI-Y', square(178.4, -18.2, 0.01), { iso3: 'FJI', synthetic: false }),
  ],
  revisions: [],
  activities: [activity('FJI-X')],
  releases: [
    { ...release('FJI-X-R', 'FJI-X', '2022-05-01', 1, 'cleared'), geometry: { type: 'Polygon', coordinates: [west] } },
  ],
  devices: [],
};

/** Tiles over the data at every zoom, points and polygons, around the antimeridian, and empty ones. */
function tilesToCompare(records: ClearanceRecords): [number, number, number][] {
  const out = new Map<string, [number, number, number]>();
  const add = (t: [number, number, number]): void => void out.set(t.join('/'), t);
  for (const a of records.areas.filter((_, i) => i % 5 === 0)) {
    const [w, s, e, n] = a.bbox;
    for (const z of [0, 3, 6, 8, 9, 10, 11, 12, 13, 14]) {
      add(tileAt(z, (w + Math.min(e, w + 1)) / 2, (s + n) / 2));
      if (z >= POLYGON_MIN_ZOOM) add(tileAt(z, w, s));
    }
  }
  add([10, 0, 0]); // empty, at the world's corner
  add(tileAt(12, 0, 0)); // empty, in the Gulf of Guinea
  add(tileAt(4, 0, -16.85)); // points layer, empty
  return [...out.values()];
}

const bytes = (tile: Uint8Array | null): string | null => (tile === null ? null : Buffer.from(tile).toString('base64'));

type Features = Record<string, string[]>;
/** Layer → its features' ids, once each (geojson-vt wraps a copy across 180°), or for points their properties; sorted. */
function features(tile: Uint8Array | null): Features {
  if (tile === null) return {};
  const out: Features = {};
  for (const [name, layer] of Object.entries(new VectorTile(new PbfReader(tile)).layers)) {
    const all = Array.from({ length: layer.length }, (_, i) => {
      const p = layer.feature(i).properties;
      return name === HAZARD_AREA_POINTS_LAYER ? JSON.stringify(Object.entries(p).sort()) : String(p.id);
    });
    out[name] = (name === HAZARD_AREA_POINTS_LAYER ? all : [...new Set(all)]).sort();
  }
  return out;
}

async function seeded(open: () => Promise<Store>): Promise<Store> {
  const store = await open();
  await initDatabase(store);
  await saveClearanceRecords(store, 'KHM', khmRecords('KHM'), SYSTEM);
  await saveClearanceRecords(store, 'FJI', fiji, SYSTEM);
  return store;
}

forEachDatabase((database) => {
  const { name } = database;
  const open = (): Promise<Store> => database.open();
  describe('tiles from the spatial index', () => {
    let store: Store;
    beforeAll(async () => {
      store = await seeded(open);
    });

    it.each([
      { iso3: 'KHM' as const, records: () => khmRecords('KHM') },
      { iso3: 'FJI' as const, records: () => fiji },
    ])('gives the same bytes as the tiles built from every record of $iso3', async ({ iso3, records }) => {
      const memory = ClearanceTiles.fromRecords(await loadClearanceRecords(store, iso3));
      const indexed = new IndexedTiles(store);
      const wanted = tilesToCompare(records());
      if (iso3 === 'FJI')
        wanted.push(
          tileAt(10, 179.95, -16.85),
          tileAt(10, -179.95, -16.85),
          [3, 7, 4],
          [3, 0, 4],
          [0, 0, 0],
          tileAt(10, 0, -16.85),
        );
      let drawn = 0;
      for (const [z, x, y] of wanted) {
        const expected = memory.tile(z, x, y);
        if (expected !== null) drawn++;
        expect(bytes(await indexed.tile(iso3, z, x, y)), `${iso3} ${z}/${x}/${y}`).toBe(bytes(expected));
      }
      // The comparison must have met drawn tiles and empty ones.
      expect(drawn).toBeGreaterThan(5);
      expect(drawn).toBeLessThan(wanted.length);
    });

    it('draws the Fiji area cut at 180° on both sides, and not in the middle of the world', async () => {
      const indexed = new IndexedTiles(store);
      for (const at of [tileAt(10, 179.95, -16.85), tileAt(10, -179.95, -16.85)])
        // The part across the line comes too, as geojson-vt's wrapped copy in the buffer.
        expect(new Set(features(await indexed.tile('FJI', ...at))['hazard_areas'])).toEqual(new Set(['FJI-X']));
      expect(await indexed.tile('FJI', ...tileAt(10, 0, -16.85))).toBeNull();
    });

    it('keeps the index in step with deletes (cascaded releases too)', async () => {
      const other = await seeded(open);
      await deleteSyntheticRecords(other, 'KHM', SYSTEM);
      const at = tileAt(12, 103.205, 13.105);
      expect(await new IndexedTiles(other).tile('KHM', ...at)).toBeNull();
      if (other.dialect === 'sqlite') {
        const { rows } = await sql<{
          n: number;
        }>`select (select count(*) from hazard_area_boxes) + (select count(*) from land_release_boxes) + (select count(*) from hazard_area_tile_keys) as n`.execute(
          other.db,
        );
        // FJI's two areas and one release are left, each with a box and (areas) a key; and its release's key.
        expect(Number(rows[0]?.n)).toBe(2 + 1 + 2);
      }
    });
  });

  describe('tile cache, invalidated per changed range', () => {
    it('rebuilds only the tiles meeting what a write touched', async () => {
      const store = await seeded(open);
      let built = 0;
      const indexed = new IndexedTiles(store);
      const counting: TileSource = {
        tile: (iso3, z, x, y) => {
          built++;
          return indexed.tile(iso3, z, x, y);
        },
      };
      const cache = new TileCache(counting, store);
      const near = tileAt(11, 103.21, 13.11);
      const far = tileAt(11, 105.495, 13.105); // no area yet: the write lands here
      const other = tileAt(11, 179.95, -16.85);
      const read = async (iso3: StateCode, t: [number, number, number]) =>
        cache.tile(iso3, ...t, await clearanceVersion(store, iso3));
      const before = { near: await read('KHM', near), far: await read('KHM', far), other: await read('FJI', other) };
      expect(before.far).toBeNull();
      expect(built).toBe(3);
      await read('KHM', near);
      expect(built, 'served from the cache').toBe(3);

      await saveClearanceRecords(store, 'KHM', khmRecords('KHN', 105.49, 2), SYSTEM);
      const after = { near: await read('KHM', near), far: await read('KHM', far), other: await read('FJI', other) };
      expect(built, 'only the tile meeting the write was rebuilt').toBe(4);
      expect(bytes(after.near)).toBe(bytes(before.near));
      expect(features(after.far)['hazard_areas']).toEqual(['KHN-00', 'KHN-01']);
      expect(bytes(after.far)).toBe(bytes(await indexed.tile('KHM', ...far)));

      await deleteSyntheticRecords(store, 'KHM', SYSTEM);
      expect(await read('KHM', near)).toBeNull();
      expect(await read('KHM', far)).toBeNull();
      expect(bytes(await read('FJI', other))).toBe(bytes(before.other));
      expect(built, 'the delete touched both KHM tiles, not FJI').toBe(6);
    });
  });

  describe('tile changes, the latest kept per State', () => {
    const ids = async (store: Store, iso3: StateCode): Promise<number[]> =>
      (
        await store.db
          .selectFrom('clearance_tile_changes')
          .select('id')
          .where('iso3', '=', iso3)
          .orderBy('id')
          .execute()
      ).map((r) => Number(r.id));

    it("deletes a State's changes older than the latest kept, and no other State's", async () => {
      const store = await seeded(open);
      const fiji = await ids(store, 'FJI');
      expect(fiji).toHaveLength(1);
      for (let i = 0; i < 5; i++) await recordTileChange(store.db, 'KHM', [103, 13, 103.1 + i / 100, 13.1], 3);
      const khm = await ids(store, 'KHM');
      expect(khm).toHaveLength(3);
      expect(await ids(store, 'FJI')).toEqual(fiji);
      // A write that drew nothing records nothing and deletes nothing.
      await recordTileChange(store.db, 'KHM', null, 1);
      expect(await ids(store, 'KHM')).toEqual(khm);
      const [oldest, middle, newest] = khm as [number, number, number];

      // From a change still kept: the later ones, complete.
      expect(await tileChangesAfter(store, 'KHM', oldest, 3)).toEqual({
        changes: [
          { id: middle, box: [103, 13, 103.13, 13.1] },
          { id: newest, box: [103, 13, 103.14, 13.1] },
        ],
        complete: true,
      });
      expect(await tileChangesAfter(store, 'KHM', newest, 3)).toEqual({ changes: [], complete: true });
      // From a deleted one: what is kept, said incomplete.
      const deleted = await tileChangesAfter(store, 'KHM', oldest - 1, 3);
      expect(deleted.changes.map((c) => c.id)).toEqual(khm);
      expect(deleted.complete).toBe(false);
      // From the first: complete only while fewer than the kept number are stored (none deleted yet).
      expect((await tileChangesAfter(store, 'KHM', 0, 3)).complete).toBe(false);
      expect((await tileChangesAfter(store, 'KHM', 0, 4)).complete).toBe(true);
      expect(await tileChangesAfter(store, 'FJI', 0)).toMatchObject({ complete: true });
      expect(TILE_CHANGES_KEPT).toBe(1000);
    });

    it("makes a tile cache that fell behind the kept changes drop all the State's tiles", async () => {
      const store = await seeded(open);
      let built = 0;
      const indexed = new IndexedTiles(store);
      const cache = new TileCache(
        {
          tile: (iso3, z, x, y) => {
            built++;
            return indexed.tile(iso3, z, x, y);
          },
        },
        store,
      );
      const near = tileAt(11, 103.21, 13.11);
      const version = await clearanceVersion(store, 'KHM');
      await cache.tile('KHM', ...near, version);
      await cache.tile('KHM', ...near, version);
      expect(built).toBe(1);
      // Changes far from the tile, the first of them since deleted: the tile may be stale.
      await recordTileChange(store.db, 'KHM', [105.49, 13.1, 105.5, 13.11]);
      await recordTileChange(store.db, 'KHM', [105.49, 13.1, 105.5, 13.11], 1);
      await cache.tile('KHM', ...near, version + 1);
      expect(built, 'rebuilt though no kept change meets it').toBe(2);
      // Then changes far from it, all kept: the tile stays cached.
      await recordTileChange(store.db, 'KHM', [105.49, 13.1, 105.5, 13.11]);
      await cache.tile('KHM', ...near, version + 2);
      expect(built).toBe(2);
    });
  });

  describe('PostGIS ST_AsMVT, the same features', () => {
    it.skipIf(name !== 'postgres')(
      'gives the same features as the index (skipped without PostGIS)',
      async (context) => {
        const store = await seeded(open);
        const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]?.s ?? '';
        const installed = await sql<{
          n: number;
        }>`select count(*)::int as n from pg_extension where extname = 'postgis'`.execute(store.db);
        const available = await sql<{
          n: number;
        }>`select count(*)::int as n from pg_available_extensions where name = 'postgis'`.execute(store.db);
        if (installed.rows[0]?.n === 0 && available.rows[0]?.n === 1)
          await sql`create extension if not exists postgis schema ${sql.id(schema)}`.execute(store.db);
        if (!(await hasPostgis(store))) return context.skip();
        const indexed = new IndexedTiles(store);
        const postgis = new PostgisTiles(store);
        for (const iso3 of ['KHM', 'FJI'] as StateCode[]) {
          // Points too: the same areas with the same properties (positions may round apart).
          const wanted = tilesToCompare(iso3 === 'KHM' ? khmRecords('KHM') : fiji);
          for (const [z, x, y] of wanted)
            expect(features(await postgis.tile(iso3, z, x, y)), `${iso3} ${z}/${x}/${y}`).toEqual(
              features(await indexed.tile(iso3, z, x, y)),
            );
        }
      },
    );
  });
});
