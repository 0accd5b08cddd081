// `minefree deadlines --article 7` with the marks of each State's reports, and `minefree reports`,
// run as a user would against a database loaded from data/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/minefree.js', import.meta.url));
const env = { ...process.env, MINEFREE_DB: join(mkdtempSync(join(tmpdir(), 'minefree-cli-')), 'minefree.db') };
// `reports --json` lists every State's reports: over spawnSync's default 1 MB of output since 2026-12-01.
const minefree = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
function json<T>(...args: string[]): T {
  const result = minefree(...args, '--json');
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as T;
}

interface Entry {
  iso3: string;
  deadline: string;
  state: string;
  initial: { received: string | null; mark: string; sources: string[] } | null;
  annual: { covers: number; due: string; mark: string } | null;
}

describe('minefree deadlines --article 7', () => {
  it('marks each initial report and the latest annual report on record', () => {
    const list = json<Entry[]>('deadlines', '--article', '7', '--as-of', '2019-06-01');
    expect(list.find((e) => e.iso3 === 'LKA')).toMatchObject({
      deadline: '2018-11-28',
      state: 'missed',
      initial: { received: '2018-11-29', mark: 'late', sources: ['S39'] },
      annual: { covers: 2018, due: '2019-04-30', mark: 'not-recorded' },
    });
    expect(list.find((e) => e.iso3 === 'TUV')).toMatchObject({ state: 'missed', initial: { mark: 'overdue' } });
    expect(list.find((e) => e.iso3 === 'AUT')).toMatchObject({ state: 'unknown', initial: { mark: 'not-recorded' } });
  });

  it('prints the marks as a table', () => {
    const { stdout, status } = minefree('deadlines', '--article', '7', '--as-of', '2015-07-01');
    expect(status).toBe(0);
    expect(stdout).toMatch(/TUV\s+Tuvalu\s+overdue\s+—\s+2014: not recorded/);
    expect(stdout).toMatch(/OMN\s+Oman\s+due\s+—/);
  });
});

describe('minefree reports', () => {
  it("lists a withdrawn State's reports up to its withdrawal", () => {
    const lithuania = json<{ withdrawalEffective: string; reports: { report: string | number }[] }>(
      'reports',
      'LTU',
      '--as-of',
      '2026-11-28',
    );
    expect(lithuania.withdrawalEffective).toBe('2025-12-27');
    expect(lithuania.reports.at(-1)?.report).toBe(2024);
  });

  it('counts the reports of each 30 April, with no share while reports are not recorded', () => {
    const { stdout, status } = minefree('reports', '--as-of', '2015-07-01');
    expect(status).toBe(0);
    expect(stdout).toMatch(/2014\s+2015-04-30\s+161\s+0\s+0\s+81\s+80\s+—/);
  });
});

describe('minefree report', () => {
  it('drafts a year of Forms A–J from the ledger, as JSON and as text with the cells to complete marked', () => {
    const draft = json<{
      iso3: string;
      report: number;
      status: string;
      forms: { form: string; rows: { key: string; cells: Record<string, { value: unknown; origin: string }> }[] }[];
    }>('report', 'BLR', '--year', '2017', '--as-of', '2018-03-01');
    expect(draft).toMatchObject({ iso3: 'BLR', report: 2017, status: 'draft' });
    const g = draft.forms.find((f) => f.form === 'G');
    expect(g?.rows[0]).toMatchObject({
      key: 'article4:PFM-1',
      cells: { quantity: { value: 3400000, origin: 'from-data' } },
    });
    const asJson = minefree('report', 'BLR', '--year', '2017', '--as-of', '2018-03-01', '--format', 'json');
    expect(JSON.parse(asJson.stdout)).toEqual(draft);
    const { stdout, status } = minefree('report', 'BLR', '--year', '2017', '--as-of', '2018-03-01');
    expect(status).toBe(0);
    expect(stdout).toMatch(/Form G: anti-personnel mines destroyed/);
    expect(stdout).toMatch(/article4:PFM-1\s+PFM-1\s+article4\s+3,400,000\s+\[to complete\]/);
    expect(stdout).toMatch(/measures\s+\[to complete\]/);
  });

  it('writes the PDF and the workbook with no browser, to a file or a pipe', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minefree-report-'));
    const file = join(dir, 'blr-2017.pdf');
    const pdf = minefree(
      'report',
      'BLR',
      '--year',
      '2017',
      '--as-of',
      '2018-03-01',
      '--format',
      'pdf',
      '--output',
      file,
    );
    expect(pdf.status).toBe(0);
    expect(pdf.stderr).toContain(file);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = spawnSync(
      process.execPath,
      [bin, 'report', 'BLR', '--year', '2017', '--as-of', '2018-03-01', '--format', 'xlsx'],
      { env },
    );
    expect(xlsx.status).toBe(0);
    // An XLSX file is a ZIP archive.
    expect(xlsx.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('names a report that cannot be drafted, or a wrong option, with no stack trace', () => {
    const early = minefree('report', 'BLR', '--year', '2002', '--as-of', '2018-03-01');
    expect(early.status).not.toBe(0);
    expect(early.stderr).toContain('2004');
    expect(early.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const bad = minefree('report', 'BLR', '--year', 'last');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('"last"');
    const both = minefree('report', 'BLR', '--year', '2017', '--initial');
    expect(both.status).not.toBe(0);
    expect(both.stderr).toContain('not both');
    const format = minefree('report', 'BLR', '--year', '2017', '--format', 'docx');
    expect(format.status).not.toBe(0);
    expect(format.stderr).toContain('"docx"');
  });
});
