import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDate } from '../../core/date.js';
import { SYSTEM } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { initDatabase } from '../../setup/seed.js';
import { forEachDatabase } from '../../store/test-databases.js';
import { demoRecords } from '../demo/demo.js';
import { type InputResult, readActivity, readDevices, readHazardArea, readRelease } from '../input.js';
import type { ClearanceRecords } from '../model.js';
import { loadClearanceRecords, saveClearanceRecords } from '../store.js';
import { exportClearanceFile } from './export.js';
import { FILE_FORMATS } from './import.js';
import { importClearanceFile } from './import.js';
import { shapeContains, stateShape } from './state-shapes.js';
import { square, tempDir } from './test-files.js';

const valid = <T>(r: InputResult<T>): T => {
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
};

/** Real-looking records using every field: a hole, a MultiPolygon, closed and handed-over areas, a cited source. */
function realRecords(): ClearanceRecords {
  const withHole = {
    type: 'Polygon',
    coordinates: [
      [
        [104, 12],
        [104.01, 12],
        [104.01, 12.01],
        [104, 12.01],
        [104, 12],
      ],
      [
        [104.004, 12.004],
        [104.004, 12.006],
        [104.006, 12.006],
        [104.006, 12.004],
        [104.004, 12.004],
      ],
    ],
  };
  const twoParts = {
    type: 'MultiPolygon',
    coordinates: [square(104.2, 12.2).coordinates, square(104.21, 12.2).coordinates],
  };
  const base = { iso3: 'KHM', informationDate: '2019-03-04', organisation: 'CMAC' };
  return {
    areas: [
      valid(
        readHazardArea(
          {
            ...base,
            id: 'KHM-R1',
            localRef: 'BTB-001',
            name: 'Rice field, "north" side',
            type: 'CHA',
            devices: [
              { category: 'ap-mine', certainty: 'confirmed' },
              { category: 'erw', certainty: 'suspected' },
            ],
            geometry: withHole,
            sourceId: 'S00',
          },
          '',
        ),
      ),
      valid(
        readHazardArea(
          {
            ...base,
            id: 'KHM-R2',
            localRef: 'BTB-002',
            name: 'Two plots; one record',
            type: 'SHA',
            status: 'closed',
            statusDate: '2021-05-06',
            geometry: twoParts,
            previouslyUnknown: true,
          },
          '',
        ),
      ),
      valid(
        readHazardArea(
          {
            ...base,
            id: 'KHM-R3',
            localRef: 'BTB-003',
            name: 'Handed over',
            type: 'CHA',
            status: 'handed-over',
            statusDate: '2022-01-01',
            geometry: square(104.3, 12.3),
          },
          '',
        ),
      ),
    ],
    revisions: [],
    activities: [
      valid(
        readActivity(
          { id: 'KHM-R1-C', hazardAreaId: 'KHM-R1', kind: 'clearance', organisation: 'HALO', start: '2020-01-01' },
          '',
        ),
      ),
      valid(
        readActivity(
          {
            id: 'KHM-R2-N',
            hazardAreaId: 'KHM-R2',
            kind: 'non-technical-survey',
            organisation: 'MAG',
            start: '2021-01-01',
            end: '2021-05-06',
          },
          '',
        ),
      ),
    ],
    releases: [
      valid(
        readRelease(
          {
            id: 'KHM-R1-C1',
            hazardAreaId: 'KHM-R1',
            activityId: 'KHM-R1-C',
            kind: 'cleared',
            date: '2020-06-30',
            geometry: square(104, 12, 0.004),
          },
          '',
        ),
      ),
      valid(
        readRelease(
          {
            id: 'KHM-R2-N1',
            hazardAreaId: 'KHM-R2',
            activityId: 'KHM-R2-N',
            kind: 'cancelled',
            date: '2021-05-06',
            geometry: twoParts,
          },
          '',
        ),
      ),
    ],
    devices: [
      valid(readDevices({ activityId: 'KHM-R1-C', category: 'ap-mine', model: 'PMN-2', count: 4, date: '2020-06-29' })),
      valid(readDevices({ activityId: 'KHM-R1-C', category: 'erw', count: 1, date: '2020-06-30' })),
    ],
  };
}

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const laos = stateShape('LAO');
if (laos === null) throw new Error('no shape for LAO');
const demo = demoRecords(laos, shapeContains(laos), {
  iso3: 'LAO',
  areas: 40,
  seed: 11,
  asOf: parseDate('2026-06-30'),
});

forEachDatabase((database) => {
  describe('export and import again', () => {
    let source: Store;
    beforeAll(async () => {
      source = await database.open();
      await initDatabase(source);
      await saveClearanceRecords(source, 'KHM', realRecords(), SYSTEM);
      await saveClearanceRecords(source, 'LAO', demo, SYSTEM);
    });

    it.each(FILE_FORMATS)(
      '%s: a file minefree exports imports back into an empty database as the same records',
      async (format) => {
        const target = await database.open();
        await initDatabase(target);
        for (const iso3 of ['KHM', 'LAO'] as const) {
          const path = join(dir, `${database.name}-${iso3}.${format}`);
          const exported = await exportClearanceFile(source, iso3, format, path);
          expect(exported.synthetic).toBe(iso3 === 'LAO');
          const imported = await importClearanceFile(target, path, iso3, SYSTEM);
          expect(imported.counts).toEqual(exported.counts);
          expect(imported.repairs).toEqual([]);
          expect(await loadClearanceRecords(target, iso3)).toEqual(await loadClearanceRecords(source, iso3));
        }
      },
    );

    it('writes a GeoPackage a GIS reads: its tables, geometry columns and WGS84 registered', async () => {
      const path = join(dir, `${database.name}-check.gpkg`);
      await exportClearanceFile(source, 'KHM', 'gpkg', path);
      const db = new SQLite(path, { readonly: true });
      try {
        expect(db.pragma('application_id', { simple: true })).toBe(0x47504b47); // "GPKG"
        expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(10200);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.prepare('select table_name, data_type, srs_id from gpkg_contents order by table_name').all()).toEqual(
          [
            { table_name: 'activities', data_type: 'attributes', srs_id: null },
            { table_name: 'devices_destroyed', data_type: 'attributes', srs_id: null },
            { table_name: 'hazard_areas', data_type: 'features', srs_id: 4326 },
            { table_name: 'land_releases', data_type: 'features', srs_id: 4326 },
          ],
        );
        expect(
          db
            .prepare(
              'select table_name, column_name, geometry_type_name, srs_id from gpkg_geometry_columns order by table_name',
            )
            .all(),
        ).toEqual([
          // One Polygon, one MultiPolygon among the areas: the column says GEOMETRY.
          { table_name: 'hazard_areas', column_name: 'geom', geometry_type_name: 'GEOMETRY', srs_id: 4326 },
          { table_name: 'land_releases', column_name: 'geom', geometry_type_name: 'GEOMETRY', srs_id: 4326 },
        ]);
        expect(db.prepare('select count(*) as n from gpkg_spatial_ref_sys where srs_id = 4326').get()).toEqual({
          n: 1,
        });
        const blobs = db.prepare('select geom from hazard_areas').all() as { geom: Buffer }[];
        expect(blobs.map((b) => b.geom.subarray(0, 2).toString('latin1'))).toEqual(['GP', 'GP', 'GP']);
      } finally {
        db.close();
      }
    });
  });
});

/** GDAL is not part of the project's install: this runs where `ogrinfo` is (apt-get install gdal-bin). */
const ogrinfo = (() => {
  try {
    execFileSync('ogrinfo', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

describe('GeoPackage read by GDAL', () => {
  it.runIf(ogrinfo)('ogrinfo opens every layer of an export', async () => {
    const path = join(dir, 'gdal.gpkg');
    const { writeGeoPackage } = await import('./gpkg.js');
    await writeGeoPackage({ ...realRecords() }, path);
    const out = execFileSync('ogrinfo', ['-ro', '-al', '-so', path], { encoding: 'utf8' });
    expect(out).toContain("using driver `GPKG' successful");
    expect(out).toMatch(/Layer name: hazard_areas\nGeometry: Unknown \(any\)\nFeature Count: 3/);
    expect(out).toMatch(/Layer name: activities\nGeometry: None\nFeature Count: 2/);
    expect(out).not.toMatch(/ERROR|Warning/);
  });
});
