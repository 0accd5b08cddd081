// Runs the real `minefree stockpiles` command as a user would: the global view and one State, as
// JSON in the shapes the README documents, and as text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
});
