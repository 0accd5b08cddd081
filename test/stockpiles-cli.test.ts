// Runs the real `minefree stockpiles` command as a user would: the global view and one State, as
// JSON in the shapes the README documents, and as text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/minefree.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'minefree-stockpiles-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function minefree(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, MINEFREE_DB: join(dir, 'm.db'), DATABASE_URL: '' };
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('minefree stockpiles', () => {
  it('--as-of 2018-03-01 --json: the global shape', () => {
    const result = minefree('stockpiles', '--as-of', '2018-03-01', '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const body = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'asOf',
      'statesParties',
      'noStockpile',
      'completed',
      'holding',
      'missed',
      'unknown',
      'destroyedTotal',
      'reportedDestroyed',
    ]);
    expect(body).toMatchObject({ asOf: '2018-03-01', statesParties: 164, holding: ['GRC', 'LKA', 'OMN', 'UKR'] });
  });

  it('BLR --json: the one-State shape', () => {
    const result = minefree('stockpiles', 'BLR', '--as-of', '2026-01-01', '--json');
    expect(result.status).toBe(0);
    const body = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const key of ['iso3', 'asOf', 'deadline', 'state', 'declared', 'destroyed', 'remaining', 'completed']) {
      expect(body).toHaveProperty(key);
    }
    for (const key of ['foundAfterDeadline', 'retained']) expect(body).toHaveProperty(key);
    expect(body).toMatchObject({ iso3: 'BLR', deadline: '2008-03-01', state: 'missed', completed: '2017-04-05' });
  });

  it('BLR as text, and a wrong code is a usage error', () => {
    const text = minefree('stockpiles', 'blr', '--as-of', '2026-01-01');
    expect(text.stdout).toContain('Belarus (BLR): stockpile on 2026-01-01');
    expect(text.stdout).toMatch(/Article 4 deadline\s+2008-03-01 \(missed, completed 2017-04-05\)/);
    const wrong = minefree('stockpiles', 'XYZ');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('XYZ');
  });

  it('GRC on 1 Mar 2018: the remaining stock is only the April 2008 declaration, and says so', () => {
    const json = JSON.parse(minefree('stockpiles', 'GRC', '--as-of', '2018-03-01', '--json').stdout) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({ remaining: 1_600_000, remainingAsDeclared: '2008-04-02' });
    const text = minefree('stockpiles', 'GRC', '--as-of', '2018-03-01').stdout;
    expect(text).toMatch(/Remaining\s+about 1,600,000, as declared on 2008-04-02/);
  });
});

describe('minefree export stockpiles / import stockpiles', () => {
  it('exports a ledger as CSV and XLSX and imports each back unchanged', () => {
    const csv = minefree('export', 'stockpiles', 'UKR');
    expect(csv.status).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^iso3,kind,date,from,year,quantity,/);
    const xlsx = join(dir, 'ukr.xlsx');
    const written = minefree('export', 'stockpiles', 'UKR', '--out', xlsx);
    expect(written.status).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK'); // a zip: the XLSX container
    const back = minefree('import', 'stockpiles', xlsx, '--state', 'UKR');
    expect(back.stderr).toBe('');
    expect(back.status).toBe(0);
    expect(back.stdout).toMatch(/UKR's ledger now holds (\d+) entries \(replacing \1\)/);
    expect(minefree('export', 'stockpiles', 'UKR').stdout).toBe(csv.stdout);
    expect(minefree('export', 'stockpiles', 'UKR', '--format', 'xlsx').status).toBe(2); // needs --out
  }, 240_000); // six runs of the command

  it('refuses a bad file whole, naming every row and column', () => {
    const file = join(dir, 'bad.csv');
    const csv = minefree('export', 'stockpiles', 'GRC').stdout;
    writeFileSync(
      file,
      `${csv}GRC,destroyed,2010-01,,,-5,exact,unspecified,,,,,,,,,S30,x\nGRC,declared,2011,,,5,exact,XM-99,,,,,,,,,S30,x\n`,
    );
    const lines = csv.trimEnd().split('\n').length;
    const result = minefree('import', 'stockpiles', file, '--state', 'GRC');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`bad.csv, line ${lines + 1}, column 6 (quantity)`);
    expect(result.stderr).toContain(`bad.csv, line ${lines + 2}, column 8 (type)`);
    expect(result.stderr).toContain('bad.csv: nothing imported: 2 problem(s)');
    expect(minefree('export', 'stockpiles', 'GRC').stdout).toBe(csv);
  }, 240_000);
});
