// Runs the real `minefree` command on the clearance pillar as a user would: demo data, the
// summary, export to every format and import back, and a refused import.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/minefree.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'minefree-clearance-cli-'));
const AS_OF = '2026-06-30';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function minefree(db: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // The SQLite file, even where DATABASE_URL points at PostgreSQL.
  const env: NodeJS.ProcessEnv = { ...process.env, MINEFREE_DB: join(dir, db), DATABASE_URL: '' };
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function summary(db: string, iso3: string): Record<string, unknown> {
  const result = minefree(db, 'clearance', iso3, '--as-of', AS_OF, '--json');
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const square = (n: number, bad = false) => ({
  type: 'Feature',
  properties: {
    id: `THA-F${n}`,
    localRef: `F-${n}`,
    name: `Field ${n}`,
    type: 'SHA',
    informationDate: '2024-01-01',
    organisation: 'TMAC',
  },
  geometry: {
    type: 'Polygon',
    // A bow-tie for the bad one: its last two corners swapped.
    coordinates: [
      bad
        ? [
            [102, 14],
            [102.001, 14.001],
            [102.001, 14],
            [102, 14.001],
            [102, 14],
          ]
        : [
            [102 + (n % 30) * 0.01, 14 + Math.floor(n / 30) * 0.01],
            [102.001 + (n % 30) * 0.01, 14 + Math.floor(n / 30) * 0.01],
            [102.001 + (n % 30) * 0.01, 14.001 + Math.floor(n / 30) * 0.01],
            [102 + (n % 30) * 0.01, 14 + Math.floor(n / 30) * 0.01],
          ],
    ],
  },
});

describe('minefree demo clearance, clearance, export and import', () => {
  let original: Record<string, unknown>;

  it('generates synthetic areas and summarises them, flagged synthetic', () => {
    const demo = minefree(
      'a.db',
      'demo',
      'clearance',
      '--state',
      'khm',
      '--areas',
      '30',
      '--seed',
      '5',
      '--as-of',
      AS_OF,
    );
    expect(demo.stderr).toBe('');
    expect(demo.stdout).toMatch(
      /^Generated synthetic data for KHM \(seed 5, up to 2026-06-30\): 30 hazard areas, \d+ activities, \d+ land releases, \d+ devices-destroyed records\n$/,
    );
    original = summary('a.db', 'KHM');
    expect(Object.keys(original)).toEqual([
      'iso3',
      'asOf',
      'open',
      'released',
      'devicesDestroyed',
      'reconciliation',
      'deadline',
      'forecast',
      'synthetic',
    ]);
    expect(original).toMatchObject({ iso3: 'KHM', asOf: AS_OF, deadline: '2030-12-31', synthetic: true });
    expect(Object.keys(original.forecast as object)).toEqual(['completion', 'low', 'high', 'verdict']);
    const text = minefree('a.db', 'clearance', 'KHM', '--as-of', AS_OF);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Cambodia \(KHM\): mine clearance on 2026-06-30 \(SYNTHETIC DEMO DATA\)\n/);
    expect(text.stdout).toMatch(/\nArticle 5 deadline: 2030-12-31\n/);
    expect(text.stdout).toMatch(/\nVerdict: (on track|at risk|off track|unknown)/);
  });

  it.each(['geojson', 'gpkg', 'csv'])(
    'exports %s that imports into an empty database as the same records',
    (format) => {
      const out = join(dir, `khm.${format}`);
      const exported = minefree('a.db', 'export', 'clearance', '--state', 'KHM', '--format', format, '--out', out);
      expect(exported.stderr).toBe('');
      expect(exported.stdout).toMatch(/^Wrote .*: 30 hazard areas, .* of KHM \(SYNTHETIC DEMO DATA\)\n$/);
      const imported = minefree(`from-${format}.db`, 'import', 'clearance', out, '--state', 'KHM');
      expect(imported.stderr).toBe('');
      expect(imported.status).toBe(0);
      expect(imported.stdout).toMatch(new RegExp(`^Imported khm\\.${format} into KHM: 30 hazard areas`));
      expect(summary(`from-${format}.db`, 'KHM')).toEqual(original);
    },
  );

  it('imports nothing and exits 1 when one feature of 1,000 is bad, naming it', () => {
    const features = Array.from({ length: 1000 }, (_, i) => square(i, i === 736));
    const path = join(dir, 'thailand.geojson');
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
    const result = minefree('a.db', 'import', 'clearance', path, '--state', 'THA');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(
        /^thailand\.geojson, feature 737 \(id THA-F736, local ref F-736\): geometry: expected rings that do not cross themselves or each other, found a self-intersection \(for example a bow-tie\) at \[102\.000\d+, 14\.000\d+\]$/,
      ),
      'minefree: thailand.geojson: nothing imported: 1 problem in 1 feature',
      '',
    ]);
    expect(summary('a.db', 'THA')).toMatchObject({
      open: { sha: { count: 0, areaM2: 0 }, cha: { count: 0, areaM2: 0 } },
      released: [],
      synthetic: false,
    });
  });

  it('keeps real records out of a State holding demo data until that is deleted', () => {
    const path = join(dir, 'real-khm.geojson');
    const feature = square(1);
    writeFileSync(
      path,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            ...feature,
            properties: { ...feature.properties, id: 'KHM-REAL-1' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [104, 12],
                  [104.001, 12],
                  [104.001, 12.001],
                  [104, 12],
                ],
              ],
            },
          },
        ],
      }),
    );
    const refused = minefree('a.db', 'import', 'clearance', path, '--state', 'KHM');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^real-khm\.geojson: synthetic: expected no real records for KHM while it holds 30 synthetic hazard areas \(demo data never mixes with real data\): remove them first with `minefree demo clearance --state KHM --delete`\n/,
    );
    const again = minefree('a.db', 'demo', 'clearance', '--state', 'KHM', '--areas', '5');
    expect(again).toMatchObject({
      status: 1,
      stderr:
        'minefree: --state: expected a State with no hazard areas recorded (KHM has 30 synthetic hazard areas: remove them first with --delete)\n',
    });
    expect(minefree('a.db', 'demo', 'clearance', '--state', 'KHM', '--delete').stdout).toBe(
      'Deleted 30 synthetic hazard areas of KHM, with their activities, releases and devices\n',
    );
    const imported = minefree('a.db', 'import', 'clearance', path, '--state', 'KHM');
    expect(imported).toMatchObject({
      status: 0,
      stdout:
        'Imported real-khm.geojson into KHM: 1 hazard area, 0 activities, 0 land releases, 0 devices-destroyed records\n',
    });
    expect(summary('a.db', 'KHM')).toMatchObject({ open: { sha: { count: 1 } }, synthetic: false });
  });

  it.each([
    [['clearance', 'XYZ'], /^minefree: "XYZ" is not a State/],
    [
      ['import', 'clearance', 'areas.shp', '--state', 'KHM'],
      /^minefree: "areas\.shp": expected a file ending \.geojson, \.json, \.gpkg or \.csv/,
    ],
    [['import', 'clearance', 'areas.geojson'], /^minefree: required option '--state <ISO3>' not specified/],
    [
      ['export', 'clearance', '--state', 'KHM', '--out', 'x.shp'],
      /^minefree: --format "": expected one of geojson, gpkg, csv/,
    ],
    [
      ['demo', 'clearance', '--state', 'KHM', '--areas', '0'],
      /^minefree: --areas "0": expected a whole number from 1 to 1,000,000/,
    ],
    [['clearance', 'KHM', '--as-of', '2025-02-29'], /^minefree: --as-of "2025-02-29"/],
  ])('refuses %j with exit status 2', (args, message) => {
    const result = minefree('usage.db', ...args);
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(2);
  });
});
