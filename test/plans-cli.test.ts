// `minefree plan [PLAN] [--as-of D] [--json]`, run as a user would against a database loaded from data/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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

interface Indicator {
  id: string;
  text: string;
  value: number | null;
  unit: string | null;
  computable: boolean;
  source: string[];
  why: string | null;
  of: { count: number; total: number } | null;
  period: string | null;
}
interface Plan {
  plan: string;
  adopted: string;
  inForce: boolean;
  actions: { number: string | null; text: string; indicators: Indicator[] }[];
  indicators: Indicator[];
}
interface Rate {
  covers: number;
  onTime: number;
  required: number;
  shareOnTime: number | null;
}

describe('minefree plan', () => {
  it('answers the plan in force on the date: Maputo the day before Oslo was adopted, Oslo on that day', () => {
    expect(json<Plan>('plan', '--as-of', '2019-11-28')).toMatchObject({ plan: 'Maputo Action Plan', inForce: true });
    const oslo = json<Plan>('plan', '--as-of', '2019-11-29');
    expect(oslo).toMatchObject({ plan: 'Oslo Action Plan', adopted: '2019-11-29', inForce: true });
    expect(oslo.actions.length).toBeGreaterThan(0);
    expect(json<Plan>('plan', 'maputo', '--as-of', '2019-11-29').inForce).toBe(false);
  });

  it('computes the Article 7 indicator from the same reports as `minefree reports`', () => {
    const plan = json<Plan>('plan', 'siem-reap-angkor', '--as-of', '2025-05-01');
    const latest = json<{ annual: Rate[] }>('reports', '--as-of', '2025-05-01').annual[0];
    expect(plan.indicators.find((i) => i.id === 'article7-on-time')).toMatchObject({
      unit: 'share',
      period: String(latest?.covers),
      value: latest?.shareOnTime,
      of: { count: latest?.onTime, total: latest?.required },
    });
    for (const i of plan.indicators) expect(i.computable).toBe(i.why === null && i.value !== null);
  });

  it('prints the plan, its actions and its indicators with why those not computable are not', () => {
    const { stdout, status } = minefree('plan', 'oslo', '--as-of', '2021-05-01');
    expect(status).toBe(0);
    expect(stdout).toContain('Oslo Action Plan, adopted 29 November 2019');
    expect(stdout).toMatch(/Action 50 \[part of the plan's words; P24\]/);
    expect(stdout).toMatch(/updated work plans\s+not computable: minefree holds no records of Article 5 work plans/);
  });

  it('refuses a plan that does not exist and a date before the first plan, with no stack trace', () => {
    const unknown = minefree('plan', 'nairobi');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('maputo, oslo, siem-reap-angkor');
    const early = minefree('plan', '--as-of', '2014-06-26');
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('No action plan had been adopted by 26 June 2014');
    expect(early.stderr + unknown.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
