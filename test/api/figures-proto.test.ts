// Finding 10 of the hardening issue: an indicator named like a property every JavaScript object
// has (`__proto__`, `constructor`, ...) stored by a writer must not crash the figures API.
import { expect, it } from 'vitest';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { useApp } from './harness.js';

const NAMES = ['__proto__', 'constructor', 'hasownproperty', 'tostring', 'prototype'] as const;
const figure = (indicator: string, period: string) => ({
  indicator,
  scope: 'global',
  period,
  value: 12,
  qualifier: 'exact',
  unit: 'people',
  source: 'S95',
  edition: 'Landmine Monitor 2020',
  published: '2020-11-12',
});

forEachDatabase((database) => {
  const h = useApp(database);

  it('stores figures under __proto__ and friends, and answers them like any other', async () => {
    const isu = await h.signIn('isu');
    for (const name of NAMES) {
      for (const period of ['2018', '2019'])
        expect((await h.post('/api/v1/figures', figure(name, period), isu)).statusCode).toBe(201);
    }
    for (const name of NAMES) {
      const known = await h.get(`/api/v1/figures?indicator=${name}&asOf=2021-01-01`);
      expect(known.statusCode).toBe(200);
      const body = known.json<{ id: string; period: string; value: number }[]>();
      expect(body.map((f) => [f.id, f.period, f.value])).toEqual([
        [name, '2018', 12],
        [name, '2019', 12],
      ]);
      const editions = await h.get(`/api/v1/figures/editions?indicator=${name}`);
      expect(editions.statusCode).toBe(200);
      expect(editions.json<unknown[]>()).toHaveLength(2);
    }
    // Every figure at once: the lists grouped by indicator still hold every one, and nothing leaked
    // onto Object.prototype.
    const all = await h.get('/api/v1/figures?asOf=2021-01-01');
    expect(all.statusCode).toBe(200);
    const indicators = new Set(all.json<{ id: string }[]>().map((f) => f.id));
    for (const name of NAMES) expect(indicators.has(name), name).toBe(true);
    expect((await h.get('/api/v1/figures/editions')).statusCode).toBe(200);
    expect((await h.get('/api/v1/factsheet?asOf=2021-01-01')).statusCode).toBe(200);
    expect(Object.prototype).not.toHaveProperty('value');
    expect(({} as Record<string, unknown>).period).toBeUndefined();
  });
});
