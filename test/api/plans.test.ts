// The action plan routes on the real app, SQLite and PostgreSQL: the plan in force on a date, a
// plan's actions as the data holds them, and its indicators computed from the other pillars'
// answers on the same date (compared with those answers, and following a new report record).
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { expectProblem, useApp } from './harness.js';

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
  id: string;
  adopted: string;
  asOf: string;
  inForce: boolean;
  actions: { number: string | null; text: string; extent: string; sources: string[]; indicators: Indicator[] }[];
  indicators: Indicator[];
}
interface Plans {
  asOf: string;
  inForce: string | null;
  plans: { id: string; plan: string; adopted: string; actionsHeld: number }[];
}
interface Rate {
  covers: number;
  required: number;
  onTime: number;
  shareOnTime: number | null;
}

forEachDatabase((database) => {
  describe('action plans API', () => {
    const h = useApp(database);
    const indicator = (plan: Plan, id: string): Indicator => {
      const found = plan.indicators.find((i) => i.id === id);
      if (found === undefined) throw new Error(`no indicator ${id}`);
      return found;
    };

    it('names the plan in force: none the day before Maputo was adopted, each plan from the day it was adopted', async () => {
      const list = (asOf: string) => h.get(`/api/v1/plans?asOf=${asOf}`);
      const adopted = (await list('2026-01-01')).json<Plans>().plans;
      expect(adopted.map((p) => p.id)).toEqual(['maputo', 'oslo', 'siem-reap-angkor']);
      for (const [i, p] of adopted.entries()) {
        const dayBefore = new Date(Date.parse(`${p.adopted}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        expect((await list(dayBefore)).json<Plans>().inForce).toBe(i === 0 ? null : adopted[i - 1]?.id);
        expect((await list(p.adopted)).json<Plans>().inForce).toBe(p.id);
      }
    });

    it('answers a plan with the actions the data holds, in the shape of `minefree plan --json`', async () => {
      const list = (await h.get('/api/v1/plans?asOf=2021-05-01')).json<Plans>();
      const response = await h.get('/api/v1/plans/OSLO?asOf=2021-05-01');
      expect(response.statusCode).toBe(200);
      const oslo = response.json<Plan>();
      expect(oslo).toMatchObject({ plan: 'Oslo Action Plan', id: 'oslo', asOf: '2021-05-01', inForce: true });
      expect(oslo.actions).toHaveLength(list.plans.find((p) => p.id === 'oslo')?.actionsHeld ?? -1);
      expect(oslo.actions.every((a) => a.text.length > 0 && a.sources.length > 0)).toBe(true);
      const maputo = (await h.get('/api/v1/plans/maputo?asOf=2021-05-01')).json<Plan>();
      expect(maputo.inForce).toBe(false);
    });

    it('computes each indicator as the pillars answer on the same date, or says why it cannot', async () => {
      for (const asOf of ['2020-04-30', '2020-05-01', '2025-06-01']) {
        const plan = (await h.get(`/api/v1/plans/oslo?asOf=${asOf}`)).json<Plan>();
        for (const i of plan.indicators) {
          expect(i.computable).toBe(i.why === null);
          expect(i.computable).toBe(i.value !== null);
          expect(i.text).not.toBe('');
        }
        const latest = (await h.get(`/api/v1/reports?asOf=${asOf}`)).json<{ annual: Rate[] }>().annual[0];
        expect(indicator(plan, 'article7-on-time')).toMatchObject({
          period: String(latest?.covers),
          value: latest?.shareOnTime,
          of: { count: latest?.onTime, total: latest?.required },
        });
        const stockpiles = (await h.get(`/api/v1/stockpiles?asOf=${asOf}`)).json<{ completed: number }>();
        expect(indicator(plan, 'stockpiles-completed').value).toBe(stockpiles.completed);
        const bound = indicator(plan, 'article5-bound').value ?? -1;
        expect(indicator(plan, 'article5-open').of?.total).toBe(bound);
        expect(indicator(plan, 'article5-completed').value).toBeLessThanOrEqual(bound);
      }
    });

    it('counts a report recorded through the API in the Article 7 indicator', async () => {
      const asOf = '2019-06-01';
      const before = indicator((await h.get(`/api/v1/plans/maputo?asOf=${asOf}`)).json<Plan>(), 'article7-on-time');
      const editor = await h.signIn('admin');
      const body = { report: 2018, received: '2019-04-30', sources: ['S39'], asOf };
      expect((await h.post('/api/v1/states/LKA/reports', body, editor)).statusCode).toBe(201);
      const after = indicator((await h.get(`/api/v1/plans/maputo?asOf=${asOf}`)).json<Plan>(), 'article7-on-time');
      expect(after.of?.count).toBe((before.of?.count ?? 0) + 1);
      expect(after.source).toContain('S39');
    });

    it('names a plan that does not exist and a bad date', async () => {
      const unknown = expectProblem(await h.get('/api/v1/plans/nairobi'), 404);
      expect(unknown.detail).toContain('siem-reap-angkor');
      const bad = expectProblem(await h.get('/api/v1/plans/oslo?asOf=2019-02-29'), 400);
      expect(bad.errors?.[0]?.field).toContain('asOf');
      expectProblem(await h.get('/api/v1/plans?asOf=tomorrow'), 400);
    });
  });
});
