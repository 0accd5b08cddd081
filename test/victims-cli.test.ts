// Runs the real `minefree victims`, `minefree import casualties` and `minefree demo casualties`
// commands as a user would: a CSV imported (and a bad one refused, naming file, row and field),
// demo records added and never mixed with real ones, the public view as text and JSON.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_COLUMNS } from '../src/victims/records.js';

const bin = fileURLToPath(new URL('../bin/minefree.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'minefree-victims-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function minefree(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MINEFREE_DB: join(dir, 'm.db'),
    DATABASE_URL: '',
    MINEFREE_FROM_SOURCE: '1',
  };
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const line = (id: string, change: Record<string, string> = {}): string => {
  const base: Record<string, string> = {
    id,
    iso3: 'AGO',
    incident_date: '2019-05-01',
    device: 'ap-mine',
    outcome: 'injured',
    sex: 'male',
    age: '30',
    status: 'civilian',
    ...change,
  };
  return RECORD_COLUMNS.map((c) => base[c] ?? '').join(',');
};
const csv = (rows: string[]): string => `${[RECORD_COLUMNS.join(','), ...rows].join('\n')}\n`;

describe('minefree import casualties, demo casualties, victims', { timeout: 240_000 }, () => {
  it('refuses a bad file, naming file, row and field, and writes nothing', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      csv([line('AGO-1'), line('AGO-2', { sex: 'x' }), line('AGO-3', { incident_date: '2099-01-01' })]),
    );
    const result = minefree('import', 'casualties', bad, '--state', 'AGO');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bad.csv row 3 field sex: expected one of female, male, unknown');
    expect(result.stderr).toContain('bad.csv row 4 field incident_date');
    expect(result.stderr).toContain('nothing was written');
    const view = JSON.parse(minefree('victims', 'AGO', '--json').stdout) as { casualties: unknown[] };
    expect(view.casualties).toEqual([]);
    expect(minefree('import', 'casualties', join(dir, 'x.txt'), '--state', 'AGO').status).toBe(2);
  });

  it('imports a CSV; the public view withholds small cells', () => {
    const good = join(dir, 'ago.csv');
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => line(`AGO-I${i}`)),
      ...Array.from({ length: 8 }, (_, i) => line(`AGO-K${i}`, { outcome: 'killed' })),
      line('AGO-2020', { incident_date: '2020-01-01' }),
    ];
    writeFileSync(good, csv(rows));
    const result = minefree('import', 'casualties', good, '--state', 'AGO');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('29 casualty records of AGO imported');
    const json = minefree('victims', 'AGO', '--json');
    const body = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'iso3',
      'asOf',
      'significantNumberOfVictims',
      'coordination',
      'plan',
      'survivorParticipation',
      'casualties',
      'series',
      'synthetic',
    ]);
    expect(body.casualties).toEqual([
      { year: 2019, killed: null, injured: null, total: null, suppressed: true },
      { year: 2020, killed: null, injured: null, total: null, suppressed: true },
    ]);
    // No total published for Angola alone: the series has the withheld recorded totals only.
    expect(body.series).toEqual([
      { year: 2019, published: null, editions: [], recorded: null, suppressed: true, difference: null },
      { year: 2020, published: null, editions: [], recorded: null, suppressed: true, difference: null },
    ]);
    const text = minefree('victims', 'AGO');
    expect(text.stdout).toContain('Angola (AGO): victim assistance on');
    expect(text.stdout).toContain('<5*');
    expect(text.stdout).not.toContain('AGO-I1');
  });

  it('demo casualties: synthetic, flagged, never mixed with real records', () => {
    const mixed = minefree('demo', 'casualties', '--state', 'AGO', '--records', '10');
    expect(mixed.status).not.toBe(0);
    expect(mixed.stderr).toContain('real records');
    const demo = minefree('demo', 'casualties', '--state', 'KHM', '--records', '500');
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('500 synthetic casualty records added to KHM');
    const view = JSON.parse(minefree('victims', 'KHM', '--json').stdout) as {
      synthetic: boolean;
      significantNumberOfVictims: boolean;
    };
    expect(view.synthetic).toBe(true);
    expect(view.significantNumberOfVictims).toBe(true);
    expect(minefree('demo', 'casualties', '--state', 'KHM', '--delete').stdout).toContain(
      '500 synthetic casualty records of KHM deleted',
    );
  });

  it('victims: the global view as text and JSON', () => {
    const text = minefree('victims', '--as-of', '2018-06-01');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('31 published');
    expect(text.stdout).toContain('Cambodia (KHM)');
    expect(text.stdout).toContain('Casualties per year: published totals (latest edition on the date)');
    const json = JSON.parse(minefree('victims', '--as-of', '2018-06-01', '--json').stdout) as {
      counts: Record<string, number>;
      series: { year: number; published: { value: number; published: string } | null; editions: unknown[] }[];
    };
    // Each year's published total is its latest edition out by the date; none is from after it.
    const y2016 = json.series.find((y) => y.year === 2016);
    expect(y2016?.published).toEqual(y2016?.editions.at(-1));
    for (const y of json.series) expect((y.published?.published ?? '') <= '2018-06-01').toBe(true);
    expect(json.series.some((y) => y.year === 2017)).toBe(false);
    expect(Object.keys(json.counts)).toEqual([
      'significantNumberOfVictims',
      'withCoordinationMechanism',
      'withPlanInForce',
      'withSurvivorParticipation',
    ]);
  });
});
