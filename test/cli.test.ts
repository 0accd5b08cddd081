// Runs the real `minefree` command as a user would and reads its output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/minefree.js', import.meta.url));
// Each run of the suite reads its own database, created and loaded from data/ on first use.
const env = { ...process.env, MINEFREE_DB: join(mkdtempSync(join(tmpdir(), 'minefree-cli-')), 'minefree.db') };

function minefree(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json<T>(...args: string[]): T {
  const result = minefree(...args, '--json');
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as T;
}

describe('minefree status', () => {
  it('prints the documented JSON for a date', () => {
    expect(json('status', '--as-of', '2017-12-14')).toEqual({
      asOf: '2017-12-14',
      statesTotal: 197,
      statesParties: 163,
      inForce: 162,
      notParty: 34,
      signatoriesNotParty: 1,
      withdrawals: { effective: [], pending: [] },
      latestToJoin: { iso3: 'LKA', name: 'Sri Lanka', date: '2017-12-13', instrument: 'accession' },
    });
  });

  it('prints a readable summary', () => {
    const { stdout, status } = minefree('status', '--as-of', '2026-03-01');
    expect(status).toBe(0);
    expect(stdout).toContain('States Parties');
    expect(stdout).toMatch(/Withdrawals in effect\s+EST, FIN, LTU, LVA, POL/);
  });
});

describe('minefree state', () => {
  it('gives a State on a date with every documented field', () => {
    const blr = json<Record<string, unknown>>('state', 'BLR', '--as-of', '2010-01-01');
    expect(blr).toMatchObject({
      iso3: 'BLR',
      name: 'Belarus',
      status: 'state-party',
      signed: null,
      consent: { date: '2003-09-03', kind: 'accession' },
      entryIntoForce: '2004-03-01',
      withdrawal: { notified: null, effective: null, state: 'none' },
      article4: { deadline: '2008-03-01', completed: null, missed: true },
      article5: { originalDeadline: '2014-03-01', extensions: [], currentDeadline: null, completed: null },
      article7: { initialDue: '2004-08-28' },
    });
  });

  it('accepts a lower-case code', () => {
    expect(json<{ iso3: string }>('state', 'khm').iso3).toBe('KHM');
  });

  it('shows an Article 5 chain of extensions', () => {
    const afg = json<{ article5: { extensions: unknown[]; currentDeadline: string } }>(
      'state',
      'AFG',
      '--as-of',
      '2026-01-01',
    );
    expect(afg.article5.extensions).toHaveLength(3);
    expect(afg.article5.currentDeadline).toBe('2030-03-01');
  });
});

describe('minefree states and deadlines', () => {
  it('lists all 197 States', () => {
    const states = json<{ status: string }[]>('states', '--as-of', '2026-11-28');
    expect(states).toHaveLength(197);
    expect(states.filter((s) => s.status === 'withdrawn')).toHaveLength(5);
  });

  it('lists Article 4 deadlines in date order with their marks', () => {
    const list = json<{ iso3: string; deadline: string; state: string }[]>(
      'deadlines',
      '--article',
      '4',
      '--as-of',
      '2009-01-01',
    );
    expect(list.map((e) => e.deadline)).toEqual(list.map((e) => e.deadline).sort());
    expect(list.find((e) => e.iso3 === 'GRC')).toEqual({
      iso3: 'GRC',
      name: 'Greece',
      deadline: '2008-03-01',
      state: 'missed',
    });
  });

  it('lists Article 7 initial report due dates', () => {
    const list = json<{ iso3: string; deadline: string }[]>('deadlines', '--article', '7', '--as-of', '2026-01-01');
    expect(list.find((e) => e.iso3 === 'TON')?.deadline).toBe('2026-05-30');
  });
});

describe('bad arguments', () => {
  it.each([
    [['state', 'XXX'], 'is not a State'],
    [['status', '--as-of', '2025-02-29'], 'expected a day between 01 and 28'],
    [['status', '--as-of', '29/02/2024'], 'expected a date written YYYY-MM-DD'],
    [['deadlines', '--article', '6'], 'expected 4 (stockpile destruction), 5 (mine clearance) or 7'],
    [['frobnicate'], 'unknown command'],
  ])('%j exits with status 2 and one line', (args, message) => {
    const { status, stderr, stdout } = minefree(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});
