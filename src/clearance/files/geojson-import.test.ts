import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, listRecentAudit } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { initDatabase } from '../../setup/seed.js';
import { forEachDatabase } from '../../store/test-databases.js';
import { boxUnion } from '../geometry/area.js';
import { packPolygon } from '../geometry/packed-polygon.js';
import { loadClearanceRecords, saveClearanceRecords, saveHazardAreaRows } from '../store.js';
import { hazardAreaValues } from '../store-rows.js';
import { readTileFeatures } from '../store-tiles.js';
import { importClearanceFile } from './import.js';
import { readRecords } from './read-records.js';
import { rawFeatureOf } from './geojson.js';
import { areaFeature, problemsOf, square, tempDir } from './test-files.js';
import { BOW_TIE } from '../test-records.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A FeatureCollection written as exports are: one feature a line, so feature n is on line n + 1. */
function writeLines(name: string, features: readonly unknown[], raw: Record<number, string> = {}): string {
  const path = join(dir, name);
  const lines = features.map((f, i) => raw[i] ?? JSON.stringify(f));
  writeFileSync(path, `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`);
  return path;
}

const activity = (id: string, hazardAreaId: string) => ({
  type: 'Feature',
  properties: { record: 'activity', id, hazardAreaId, kind: 'clearance', organisation: 'CMAC', start: '2021-01-01' },
  geometry: null,
});

const areas = (n: number, from = 1) => Array.from({ length: n }, (_, i) => areaFeature(from + i));

/**
 * Every area of the store, streamed or written one by one, has one key and one box, its own (the
 * R*Tree keeps 32-bit floats, rounded outwards). SQLite only.
 */
async function expectEveryAreaIndexed(store: Store): Promise<void> {
  const { rows } = await sql<{ areas: number; keys: number; boxes: number; own: number }>`select
      (select count(*) from hazard_areas) as areas, (select count(*) from hazard_area_tile_keys) as keys,
      (select count(*) from hazard_area_boxes) as boxes,
      (select count(*) from hazard_area_boxes b join hazard_area_tile_keys k on k.key = b.key join hazard_areas a on a.id = k.id
        where b.min_x <= a.min_x and b.max_x >= a.max_x and b.min_y <= a.min_y and b.max_y >= a.max_y
          and b.min_x > a.min_x - 1e-4 and b.max_x < a.max_x + 1e-4 and b.min_y > a.min_y - 1e-4 and b.max_y < a.max_y + 1e-4) as own`.execute(
    store.db,
  );
  const counts = rows[0];
  expect(counts?.keys).toBe(counts?.areas);
  expect(counts?.boxes).toBe(counts?.areas);
  expect(counts?.own).toBe(counts?.areas);
  expect(await store.db.selectFrom('tile_index_deferred').selectAll().execute()).toEqual([]);
}

forEachDatabase((database) => {
  describe('importing a large GeoJSON file as a stream, checked in worker threads', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });

    it('writes the same records as the in-thread read, with the tile index filled once', async () => {
      const features = areas(700, 5000);
      const path = writeLines('streamed.geojson', features);
      const result = await importClearanceFile(store, path, 'KHM', SYSTEM, { worker: true });
      expect(result.counts).toEqual({ hazardAreas: 700, activities: 0, landReleases: 0, devicesDestroyed: 0 });
      const expected = readRecords(
        'streamed.geojson',
        'KHM',
        features.map((f, i) => rawFeatureOf(f, `feature ${i + 1}`)),
      );
      const loaded = (await loadClearanceRecords(store, 'KHM')).areas.filter((a) => a.id.startsWith('KHM-T5'));
      expect(loaded).toEqual([...expected.areas].sort((a, b) => (a.id < b.id ? -1 : 1)));
      if (database.name === 'sqlite') {
        const boxes = await sql<{
          n: number;
        }>`select count(*) as n from hazard_area_boxes b join hazard_area_tile_keys k on k.key = b.key where k.id like 'KHM-T5%'`.execute(
          store.db,
        );
        expect(boxes.rows[0]?.n).toBe(700);
        expect(await store.db.selectFrom('tile_index_deferred').selectAll().execute()).toEqual([]);
        // The triggers index the next ordinary write again.
        const [one] = readRecords('x', 'KHM', [rawFeatureOf(areaFeature(9999), 'feature 1')]).areas;
        if (one === undefined) throw new Error('no area read');
        await saveClearanceRecords(
          store,
          'KHM',
          { areas: [one], revisions: [], activities: [], releases: [], devices: [] },
          SYSTEM,
        );
        const indexed = await sql<{
          n: number;
        }>`select count(*) as n from hazard_area_tile_keys where id = 'KHM-T9999'`.execute(store.db);
        expect(indexed.rows[0]?.n).toBe(1);
      }
    });

    it('draws the streamed areas in a tile read from the index, with their packed polygons', async () => {
      const features = [
        ...areas(39, 8100),
        areaFeature(
          8139,
          {},
          { type: 'MultiPolygon', coordinates: [square(104.5, 14.1).coordinates, square(104.6, 14.1).coordinates] },
        ),
      ];
      const path = writeLines('tile.geojson', features);
      await importClearanceFile(store, path, 'KHM', SYSTEM, { worker: true });
      const expected = [
        ...readRecords(
          'tile.geojson',
          'KHM',
          features.map((f, i) => rawFeatureOf(f, `feature ${i + 1}`)),
        ).areas,
      ].sort((a, b) => (a.id < b.id ? -1 : 1));
      const box = boxUnion(expected.map((a) => a.bbox));
      if (box === null) throw new Error('no box');
      const ids = new Set(expected.map((a) => a.id));
      const drawn = (await readTileFeatures(store, 'KHM', box)).areas.filter((f) => ids.has(f.properties.id));
      expect(drawn.map((f) => f.properties)).toEqual(
        expected.map((a) => ({
          id: a.id,
          type: 'CHA',
          status: 'open',
          recorded: 20200115,
          closed: 99991231,
          areaM2: a.areaM2,
          synthetic: 0,
        })),
      );
      expect(drawn.map((f) => Array.from(f.polygon))).toEqual(expected.map((a) => Array.from(packPolygon(a.geometry))));
      // The keys rows hold what 0022's insert trigger would have written: the packed polygon, no GeoJSON.
      const same =
        database.name === 'sqlite'
          ? sql<{ n: number }>`select count(*) as n from hazard_area_tile_keys k join hazard_areas a on a.id = k.id
              where k.id between 'KHM-T8100' and 'KHM-T8139' and (k.iso3, k.type, k.status, k.information_date, k.status_date, k.area_m2,
                k.synthetic, k.tile_geometry, k.geometry) is (a.iso3, a.type, a.status, a.information_date, a.status_date,
                a.area_m2, a.synthetic, a.tile_geometry, null) and a.tile_geometry is not null`
          : sql<{
              n: number;
            }>`select count(*) as n from hazard_areas where id between 'KHM-T8100' and 'KHM-T8139' and tile_geometry is not null`;
      expect(Number((await same.execute(store.db)).rows[0]?.n)).toBe(40);
      if (database.name === 'sqlite') await expectEveryAreaIndexed(store);
    });

    it('fills the tile index in ranges while the rows of a large file go in', async () => {
      if (database.name !== 'sqlite') return;
      // Small squares side by side in central Cambodia, written as a streamed import writes them
      // (no fallback to the ordinary way here, which would hide a tile index refused midway).
      const features = Array.from({ length: 20_000 }, (_, i) =>
        rawFeatureOf(
          areaFeature(20_000 + i, {}, square(104 + (i % 400) * 0.004, 12 + Math.floor(i / 400) * 0.004)),
          `feature ${i + 1}`,
        ),
      );
      const written = readRecords('ranges.geojson', 'KHM', features).areas;
      const chunks = Array.from({ length: Math.ceil(written.length / 256) }, (_, i) =>
        written.slice(i * 256, i * 256 + 256).map(hazardAreaValues),
      );
      async function* batches(): AsyncGenerator<unknown[][]> {
        for (const chunk of chunks) {
          await Promise.resolve(); // a chunk that comes later, as from a file being read
          yield chunk;
        }
      }
      await saveHazardAreaRows(store, 'KHM', batches(), () => Promise.resolve(written), SYSTEM);
      await expectEveryAreaIndexed(store);
    });

    it.each<[string, () => string, (line: number) => string[]]>([
      [
        'a bad polygon among 600',
        () => {
          const features: unknown[] = areas(600, 100);
          features[536] = areaFeature(636, {}, BOW_TIE);
          return writeLines('one-bad.geojson', features);
        },
        () => [
          'one-bad.geojson, feature 537, line 538 (id KHM-T636, local ref T-636): geometry: expected rings that do not cross themselves or each other, found a self-intersection (for example a bow-tie) at [104.005, 12.005]',
        ],
      ],
      [
        'a feature that is not JSON, and a field misspelt',
        () =>
          writeLines('bad-json.geojson', [...areas(300, 100), areaFeature(400, { informationdate: '2020-01-01' })], {
            2: '{"type": "Feature", "properties": {"id": "x",}}',
          }),
        () => [
          `bad-json.geojson, feature 3, line 4: feature: expected a GeoJSON Feature, found text that is not JSON (${badJsonMessage()})`,
          'bad-json.geojson, feature 301, line 302 (id KHM-T400, local ref T-400): informationdate: expected no such field (check its spelling)',
        ],
      ],
      [
        'an id given twice (the database refuses the row; the ordinary checks name it)',
        () => writeLines('twice.geojson', [...areas(300, 100), areaFeature(150)]),
        () => [
          'twice.geojson, feature 301, line 302 (id KHM-T150, local ref T-150): id: expected an id used once (feature 51, line 52 has "KHM-T150" too)',
        ],
      ],
      [
        'an id stored already',
        () => writeLines('stored.geojson', [areaFeature(5000), ...areas(5, 8000)]),
        () => [
          'stored.geojson, feature 1, line 2 (id KHM-T5000, local ref T-5000): id: expected an id not stored yet ("KHM-T5000" is; ids are unique across States)',
        ],
      ],
    ])('refuses %s, naming file, feature, line and field, and writes nothing', async (_, write, expected) => {
      const path = write();
      const audit = await listRecentAudit(store);
      const before = (await loadClearanceRecords(store, 'KHM')).areas.length;
      const problems = await problemsOf(store, path, { worker: true });
      // The in-thread read finds the same problems, naming the feature without its line.
      const inThread = await problemsOf(store, path, { worker: false });
      if (!problems.some((p) => p.includes('not JSON')))
        expect(problems.map((p) => p.replace(/, line \d+/g, ''))).toEqual(inThread);
      for (const p of expected(0)) expect(problems).toContain(p);
      expect(problems).toHaveLength(expected(0).length);
      expect((await loadClearanceRecords(store, 'KHM')).areas).toHaveLength(before);
      expect(await listRecentAudit(store)).toEqual(audit);
    });

    it.each<[string, string, string]>([
      [
        'a missing comma',
        '{"type":"FeatureCollection","features":[\n{"type":"Feature"}\n{"type":"Feature"}]}',
        'expected GeoJSON, found text that is not JSON ("{" where a comma was expected at line 3)',
      ],
      [
        'a document cut short',
        '{"type":"FeatureCollection","features":[\n{"type":"Feature"},',
        'expected GeoJSON, found text that is not JSON (the document cut short at line 2)',
      ],
      [
        'another type',
        '{"type":"Topology","features":[]}',
        'expected a GeoJSON FeatureCollection (or a single Feature) with a "features" list',
      ],
      [
        'features that are no list',
        '{"type":"FeatureCollection","features":{}}',
        'expected a GeoJSON FeatureCollection (or a single Feature) with a "features" list',
      ],
      [
        'no features',
        '{"type":"FeatureCollection","features":[]}',
        'expected at least one feature (the file has none)',
      ],
    ])('refuses %s as a whole', async (_, text, message) => {
      const path = join(dir, 'whole.geojson');
      writeFileSync(path, text);
      expect(await problemsOf(store, path, { worker: true })).toEqual([`whole.geojson: ${message}`]);
    });

    it('imports a file mixing kinds, and a single Feature, the ordinary way', async () => {
      const mixed = writeLines('mixed.geojson', [
        areaFeature(7000),
        activity('KHM-ACT-7000', 'KHM-T7000'),
        areaFeature(7001),
      ]);
      const result = await importClearanceFile(store, mixed, 'KHM', SYSTEM, { worker: true });
      expect(result.counts).toEqual({ hazardAreas: 2, activities: 1, landReleases: 0, devicesDestroyed: 0 });
      const single = join(dir, 'single.geojson');
      writeFileSync(single, JSON.stringify(areaFeature(7002, {}, square(104.5, 12.5))));
      expect((await importClearanceFile(store, single, 'KHM', SYSTEM, { worker: true })).counts.hazardAreas).toBe(1);
      const ids = (await loadClearanceRecords(store, 'KHM')).areas.map((a) => a.id);
      expect(ids).toEqual(expect.arrayContaining(['KHM-T7000', 'KHM-T7001', 'KHM-T7002']));
    });
  });
});

/** V8's own words for the bad member above. */
function badJsonMessage(): string {
  try {
    JSON.parse('{"type": "Feature", "properties": {"id": "x",}}');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '';
}
