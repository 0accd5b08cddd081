import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, listRecentAudit } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { initDatabase } from '../../setup/seed.js';
import { forEachDatabase } from '../../store/test-databases.js';
import { loadClearanceRecords } from '../store.js';
import { importClearanceFile } from './import.js';
import { areaFeature, problemsOf, square, tempDir, writeCollection } from './test-files.js';
import { BOW_TIE } from '../test-records.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

forEachDatabase((database) => {
  describe('importing a clearance file', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });

    it('imports nothing from 1,000 features when one is bad, and names it', async () => {
      const features = Array.from({ length: 1000 }, (_, i) => areaFeature(i + 1));
      features[536] = areaFeature(537, {}, BOW_TIE);
      const path = writeCollection(dir, 'one-bad.geojson', features);
      const audit = await listRecentAudit(store);
      const problems = await problemsOf(store, path);
      expect(problems).toEqual([
        'one-bad.geojson, feature 537 (id KHM-T537, local ref T-537): geometry: expected rings that do not cross themselves or each other, found a self-intersection (for example a bow-tie) at [104.005, 12.005]',
      ]);
      expect((await loadClearanceRecords(store, 'KHM')).areas).toEqual([]);
      expect(await listRecentAudit(store)).toEqual(audit);
    });

    it('names every problem of every feature, each with what was expected', async () => {
      const features = [
        areaFeature(1, { informationdate: '2020-01-01', informationDate: undefined }),
        areaFeature(2, { iso3: 'THA' }),
        areaFeature(3, { id: 'KHM-T1', informationdate: undefined }),
        areaFeature(1),
        {
          type: 'Feature',
          properties: {
            record: 'land-release',
            id: 'R1',
            hazardAreaId: 'nowhere',
            activityId: 'A1',
            kind: 'cleared',
            date: '2021-01-01',
          },
          geometry: square(104, 12),
        },
        {
          type: 'Feature',
          properties: {
            record: 'activity',
            id: 'A1',
            hazardAreaId: 'KHM-T1',
            kind: 'clearance',
            organisation: 'CMAC',
            start: '2021-01-01',
          },
          geometry: square(104, 12),
        },
        { type: 'Feature', properties: { record: 'mine' }, geometry: null },
        areaFeature(8, { informationDate: '2020-02-30' }),
        areaFeature(
          9,
          {},
          {
            type: 'Polygon',
            coordinates: [
              [
                [104, 12],
                [104.01, 12],
                [104.01, 12.01],
                [104, 12.01],
              ],
            ],
          },
        ),
      ];
      const problems = await problemsOf(store, writeCollection(dir, 'many.geojson', features));
      expect(problems).toEqual([
        'many.geojson, feature 1 (id KHM-T1, local ref T-1): informationDate: expected the date of the information: a date written YYYY-MM-DD',
        'many.geojson, feature 1 (id KHM-T1, local ref T-1): informationdate: expected no such field (check its spelling)',
        'many.geojson, feature 6 (id A1): geometry: expected none (an activity has no polygon; its hazard area has)',
        'many.geojson, feature 7: record: expected one of "hazard-area", "activity", "land-release", "devices-destroyed" (left out: a hazard area)',
        'many.geojson, feature 8 (id KHM-T8, local ref T-8): informationDate: expected the date of the information: a day between 01 and 29 for 2020-02',
        'many.geojson, feature 9 (id KHM-T9, local ref T-9): geometry, ring 1 (exterior): expected a closed ring: its last position must repeat its first ([104,12]), found an unclosed ring ending at [104,12.01]',
        'many.geojson, feature 4 (id KHM-T1, local ref T-1): id: expected an id used once (feature 3 has "KHM-T1" too)',
        'many.geojson, feature 2 (id KHM-T2, local ref T-2): iso3: expected KHM, the State being written (found THA)',
        'many.geojson, feature 5 (id R1): hazardAreaId: expected the id of a hazard area in the file or stored ("nowhere" is neither)',
        'many.geojson, feature 5 (id R1): activityId: expected the id of an activity in the file or stored ("A1" is neither)',
      ]);
    });

    it('reads CSV with WKT and names the line of a bad cell', async () => {
      const path = join(dir, 'areas.csv');
      writeFileSync(
        path,
        [
          'id,localRef,name,type,informationDate,organisation,synthetic,wkt',
          'KHM-C1,C-1,First,CHA,2020-01-01,CMAC,false,"POLYGON((104 12,104.001 12,104.001 12.001,104 12.001,104 12))"',
          'KHM-C2,C-2,Second,SHA,2020-01-01,CMAC,no,"POLYGON((104 12,104.001"',
          'KHM-C3,C-3,Third,SHA,2020-01-01,CMAC,maybe,',
        ].join('\n'),
      );
      expect(await problemsOf(store, path)).toEqual([
        expect.stringMatching(
          /^areas\.csv, line 3 \(id KHM-C2, local ref C-2\): wkt: expected the polygon as well-known text, POLYGON\(\(lon lat, \.\.\.\)\) or MULTIPOLYGON\(\.\.\.\), in WGS84; found "POLYGON\(\(104 12,104\.001"/,
        ),
        'areas.csv, line 4 (id KHM-C3, local ref C-3): wkt: expected the polygon as well-known text, POLYGON((lon lat, ...)) or MULTIPOLYGON(...), in WGS84 (the cell is empty)',
      ]);
    });

    it('refuses a file that is not what its name says, as a whole', async () => {
      const path = join(dir, 'broken.geojson');
      writeFileSync(path, '{"type": "FeatureCollection", "features": [');
      expect(await problemsOf(store, path)).toEqual([
        expect.stringMatching(/^broken\.geojson: expected GeoJSON, found text that is not JSON/),
      ]);
      writeFileSync(path, '{"type": "Feature"}');
      expect(await problemsOf(store, path)).toContainEqual(
        expect.stringMatching(
          /^broken\.geojson, feature 1: geometry: expected a GeoJSON Polygon or MultiPolygon geometry/,
        ),
      );
      expect(await problemsOf(store, join(dir, 'missing.gpkg'))).toEqual([
        'missing.gpkg: expected a readable file (ENOENT)',
      ]);
      writeFileSync(join(dir, 'not.gpkg'), 'plain text');
      expect((await problemsOf(store, join(dir, 'not.gpkg')))[0]).toMatch(/^not\.gpkg: expected a GeoPackage/);
    });

    it('imports with warnings it does not stop on, and repairs ring orientation', async () => {
      const clockwise = {
        type: 'Polygon',
        coordinates: [
          [
            [104.5, 12.5],
            [104.5, 12.501],
            [104.501, 12.501],
            [104.501, 12.5],
            [104.5, 12.5],
          ],
        ],
      };
      const features = [
        areaFeature(1, {}, square(104.1, 12.1, 0.01)),
        areaFeature(2, {}, square(104.105, 12.105, 0.01)), // overlaps a quarter of area 1
        areaFeature(3, {}, square(100.5, 13.75)), // Bangkok: Thailand, far outside Cambodia
        areaFeature(4, {}, clockwise),
        {
          type: 'Feature',
          properties: {
            record: 'activity',
            id: 'A1',
            hazardAreaId: 'KHM-T1',
            kind: 'clearance',
            organisation: 'CMAC',
            start: '2021-01-01',
            end: '2021-02-01',
          },
          geometry: null,
        },
        {
          type: 'Feature',
          properties: {
            record: 'land-release',
            id: 'R1',
            hazardAreaId: 'KHM-T1',
            activityId: 'A1',
            kind: 'cleared',
            date: '2021-02-01',
          },
          geometry: square(104.095, 12.1, 0.01),
        },
        {
          type: 'Feature',
          properties: {
            record: 'devices-destroyed',
            activityId: 'A1',
            category: 'ap-mine',
            count: 2,
            date: '2021-01-20',
          },
          geometry: null,
        },
      ];
      const result = await importClearanceFile(store, writeCollection(dir, 'warned.geojson', features), 'KHM', SYSTEM);
      expect(result.counts).toEqual({ hazardAreas: 4, activities: 1, landReleases: 1, devicesDestroyed: 1 });
      expect(result.warnings).toEqual([
        expect.stringMatching(
          /^feature KHM-T3 lies partly outside the State's boundary: [\d,]+ m² \(100\.0 %\), up to [\d,]+ m beyond it/,
        ),
        expect.stringMatching(/^feature KHM-T2 overlaps open hazard area KHM-T1: [\d,]+ m², 25\.\d % of its area$/),
        expect.stringMatching(/^release R1 extends beyond hazard area KHM-T1: [\d,]+ m², 50\.0 % of the release$/),
      ]);
      expect(result.repairs).toEqual([
        'warned.geojson, feature 4 (id KHM-T4, local ref T-4): ring orientation repaired: exterior rings counter-clockwise, holes clockwise (RFC 7946)',
      ]);
      const stored = await loadClearanceRecords(store, 'KHM');
      expect(stored.areas.find((a) => a.id === 'KHM-T4')?.geometry.coordinates).toEqual([
        [...(clockwise.coordinates[0] ?? [])].reverse(),
      ]);
      // Importing the same file again would double every record: refused, by id.
      const again = await problemsOf(store, join(dir, 'warned.geojson'));
      expect(again[0]).toBe(
        'warned.geojson, feature 1 (id KHM-T1, local ref T-1): id: expected an id not stored yet ("KHM-T1" is; ids are unique across States)',
      );
      const overlapping = writeCollection(dir, 'later.geojson', [areaFeature(10, {}, square(104.1, 12.1, 0.01))]);
      expect((await importClearanceFile(store, overlapping, 'KHM', SYSTEM)).warnings).toEqual([
        expect.stringMatching(/^feature KHM-T10 overlaps open hazard area KHM-T1: [\d,]+ m², 100\.0 % of its area$/),
        expect.stringMatching(/^feature KHM-T10 overlaps open hazard area KHM-T2: [\d,]+ m², 25\.0 % of its area$/),
      ]);
    });

    it('gives records without an id one from their local reference or their content', async () => {
      const features = [
        {
          ...areaFeature(1),
          properties: {
            localRef: 'L 1',
            name: 'No id',
            type: 'SHA',
            informationDate: '2020-01-01',
            organisation: 'CMAC',
          },
        },
        {
          ...areaFeature(2),
          properties: {
            localRef: 'L2',
            name: 'No id',
            type: 'SHA',
            informationDate: '2020-01-01',
            organisation: 'CMAC',
          },
        },
      ];
      const result = await importClearanceFile(store, writeCollection(dir, 'no-ids.geojson', features), 'THA', SYSTEM);
      expect(result.counts.hazardAreas).toBe(2);
      const ids = (await loadClearanceRecords(store, 'THA')).areas.map((a) => a.id);
      expect(ids).toEqual([expect.stringMatching(/^THA-HA-[0-9a-f]{16}$/), 'THA-L2']);
    });
  });
});
