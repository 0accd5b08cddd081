// Victim assistance over HTTP, on SQLite and PostgreSQL: the public views (frameworks and
// suppressed aggregates), records for editors only, personal details audited, and a crawl of
// every route of the OpenAPI document as an anonymous client that finds no personal field and no
// published cell below 5 while records with small cells are loaded.
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/date.js';
import { SYSTEM, listRecentAudit } from '../../src/store/audit.js';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { RECORD_COLUMNS } from '../../src/victims/records.js';
import { addRecords } from '../../src/victims/store.js';
import { casualties, casualty } from '../../src/victims/test-records.js';
import type { FrameworkHistory, GlobalVictimsAnswer, StateVictimsAnswer } from '../../src/victims/model.js';
import { insertFigures } from '../../src/transparency/store.js';
import { expectProblem, useApp } from './harness.js';

const NAME = 'Qzx Secretname';
const CONTACT = 'secret-contact@example.invalid';
const recorded = '2024-01-10' as CalendarDate;
const day = (t: string): CalendarDate => t as CalendarDate;
/** Keys that only a record or personal details have. */
const PRIVATE_KEYS = ['contact', 'consentDate', 'recordId', 'incidentDate', 'adminArea', 'referrals'];

/** Every problem with what an anonymous client received: personal values or keys, record ids, small cells. */
function leaks(body: unknown, ids: readonly string[], url: string): string[] {
  const found: string[] = [];
  const text = JSON.stringify(body);
  // An id the client itself put in the URL may come back in a 404's detail.
  for (const secret of [NAME, CONTACT, ...ids.filter((id) => !url.includes(id))])
    if (text.includes(secret)) found.push(`value ${secret}`);
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    for (const key of PRIVATE_KEYS) if (key in object) found.push(`key ${path}.${key}`);
    if ('suppressed' in object || 'cells' in object)
      for (const key of ['killed', 'injured', 'total', 'count', 'recorded']) {
        const v = object[key];
        if (typeof v === 'number' && v < 5) found.push(`cell ${path}.${key} = ${v}`);
      }
    for (const [k, v] of Object.entries(object)) walk(v, `${path}.${k}`);
  };
  walk(body, '$');
  return found;
}

forEachDatabase((database) => {
  describe('victims API', () => {
    const h = useApp(database);
    const ids: string[] = [];

    it('loads records with small cells and personal details (setup)', async () => {
      const records = [
        ...casualties(12, 'AGO-K19', { state: 'AGO', outcome: 'killed', incidentDate: day('2019-03-01') }),
        ...casualties(30, 'AGO-I19', {
          state: 'AGO',
          outcome: 'injured',
          incidentDate: day('2019-04-01'),
          sex: 'female',
        }),
        ...casualties(2, 'AGO-K20', {
          state: 'AGO',
          outcome: 'killed',
          incidentDate: day('2020-03-01'),
          age: 7,
          ageBand: '0-17',
          child: true,
        }),
        ...casualties(9, 'AGO-I20', {
          state: 'AGO',
          outcome: 'injured',
          incidentDate: day('2020-04-01'),
          device: 'av-mine',
        }),
        casualty({ id: 'AGO-LONE', state: 'AGO', incidentDate: day('2021-01-01'), status: 'deminer' }),
      ];
      ids.push(...records.map((r) => r.id));
      await addRecords(
        h.store,
        'AGO',
        records,
        [{ recordId: 'AGO-LONE', name: NAME, contact: CONTACT, consent: 'given', consentDate: day('2023-05-01') }],
        SYSTEM,
        { recorded },
      );
    });

    it('GET /api/v1/states/{iso3}/victims: the issue shape, small cells withheld', async () => {
      const response = await h.get('/api/v1/states/ago/victims?asOf=2025-01-01');
      expect(response.statusCode).toBe(200);
      const body = response.json<StateVictimsAnswer>();
      expect(Object.keys(body).sort()).toEqual(
        [
          'asOf',
          'casualties',
          'coordination',
          'iso3',
          'plan',
          'significantNumberOfVictims',
          'survivorParticipation',
          'series',
          'synthetic',
        ].sort(),
      );
      expect(body.casualties).toEqual([
        { year: 2019, killed: 12, injured: 30, total: 42, suppressed: false },
        // Withheld beside 2021's total of 1: the sum of all years would give it away.
        { year: 2020, killed: null, injured: null, total: null, suppressed: true },
        { year: 2021, killed: null, injured: null, total: null, suppressed: true },
      ]);
      expectProblem(await h.get('/api/v1/states/XXX/victims'), 404);
    });

    it('GET /api/v1/states/{iso3}/victims: the series, a published State figure beside the recorded total', async () => {
      await insertFigures(h.store.db, h.store.dialect, [
        {
          indicator: 'casualties_mines_erw',
          scope: 'AGO',
          period: '2019',
          value: 40,
          qualifier: 'at least',
          unit: 'casualties',
          source: 'S78',
          citedDocument: null,
          citedPage: null,
          edition: 'LM2020',
          published: day('2020-11-12'),
          notes: 'a test figure',
        },
      ]);
      const body = (await h.get('/api/v1/states/AGO/victims?asOf=2025-01-01')).json<StateVictimsAnswer>();
      expect(body.series).toEqual([
        {
          year: 2019,
          published: {
            value: 40,
            qualifier: 'at least',
            edition: 'LM2020',
            source: 'S78',
            published: '2020-11-12',
          },
          editions: [{ value: 40, qualifier: 'at least', edition: 'LM2020', source: 'S78', published: '2020-11-12' }],
          recorded: 42,
          suppressed: false,
          difference: 2,
        },
        { year: 2020, published: null, editions: [], recorded: null, suppressed: true, difference: null },
        { year: 2021, published: null, editions: [], recorded: null, suppressed: true, difference: null },
      ]);
      // Before the edition was published and the records stored (2024): no year.
      const before = (await h.get('/api/v1/states/AGO/victims?asOf=2020-11-11')).json<StateVictimsAnswer>();
      expect(before.series).toEqual([]);
    });

    it('GET /api/v1/victims: the global series beside the sum of the records, and casualties by device', async () => {
      const body = (await h.get('/api/v1/victims?asOf=2025-01-01')).json<GlobalVictimsAnswer>();
      const y2016 = body.series.find((y) => y.year === 2016);
      expect(y2016?.editions.length).toBeGreaterThan(1);
      expect(y2016?.published).toEqual(y2016?.editions.at(-1));
      expect(y2016?.recorded).toBeNull();
      const y2019 = body.series.find((y) => y.year === 2019);
      expect(y2019?.recorded).toBe(42);
      expect(y2019?.difference).toBe(42 - (y2019?.published?.value ?? NaN));
      // AGO withholds 2020 and 2021: so does the sum.
      expect(body.series.find((y) => y.year === 2020)).toMatchObject({ recorded: null, suppressed: true });
      expect(body.byDevice.map((y) => y.year)).toEqual([2019, 2020, 2021]);
      const d2019 = body.byDevice[0];
      expect(d2019?.total).toBe(42);
      expect(d2019?.cells.find((c) => c.key === 'ap-mine')).toEqual({ key: 'ap-mine', count: 42, suppressed: false });
      for (const year of body.byDevice)
        for (const cell of year.cells) expect(cell.count === null || cell.count >= 5).toBe(true);
      expect(body.synthetic).toBe(false);
      // An edition counts only once published: on 2020-01-01 no 2019 figure, fewer editions of 2016, no records.
      const early = (await h.get('/api/v1/victims?asOf=2020-01-01')).json<GlobalVictimsAnswer>();
      expect(early.series.some((y) => y.year === 2019)).toBe(false);
      expect(early.series.find((y) => y.year === 2016)?.editions.length).toBeLessThan(y2016?.editions.length ?? 0);
      expect(early.byDevice).toEqual([]);
    });

    it('GET /api/v1/states/{iso3}/victims/frameworks: every observation, oldest first, with its sources', async () => {
      const response = await h.get('/api/v1/states/khm/victims/frameworks');
      expect(response.statusCode).toBe(200);
      const body = response.json<FrameworkHistory>();
      expect(body.iso3).toBe('KHM');
      expect(body.frameworks.length).toBeGreaterThan(1);
      const days = body.frameworks.map((f) => f.reported);
      expect(days).toEqual([...days].sort());
      for (const f of body.frameworks) {
        expect(f.sources.length).toBeGreaterThan(0);
        for (const s of f.sources) expect(s.title).not.toBe(s.id);
      }
      const early = (
        await h.get(`/api/v1/states/KHM/victims/frameworks?asOf=${days[0] ?? ''}`)
      ).json<FrameworkHistory>();
      expect(early.frameworks.map((f) => f.reported)).toEqual([days[0]]);
      const none = (await h.get('/api/v1/states/KHM/victims/frameworks?asOf=2000-01-01')).json<FrameworkHistory>();
      expect(none.frameworks).toEqual([]);
      expectProblem(await h.get('/api/v1/states/XXX/victims/frameworks'), 404);
    });

    it.each([
      // Eritrea's profile of 26 Jul 2017 (V119): "Coordinating mechanisms: None"; "Plan: None".
      ['2017-07-25', null, null, null],
      ['2017-07-26', { type: 'none', since: null }, { title: null, from: null, to: null, state: 'none' }, false],
    ])('a source stating none, on %s: in the State, its history and the global view', async (asOf, c, p, global) => {
      const state = (await h.get(`/api/v1/states/ERI/victims?asOf=${asOf}`)).json<StateVictimsAnswer>();
      expect(state.coordination).toEqual(c);
      expect(state.plan).toEqual(p);
      const history = (await h.get(`/api/v1/states/ERI/victims/frameworks?asOf=${asOf}`)).json<FrameworkHistory>();
      expect(history.frameworks.map((f) => [f.reported, f.mechanism, f.plan])).toEqual(
        c === null ? [] : [['2017-07-26', { type: 'none', since: null }, { title: null, from: null, to: null }]],
      );
      const all = (await h.get(`/api/v1/victims?asOf=${asOf}`)).json<GlobalVictimsAnswer>();
      const eri = all.states.find((s) => s.iso3 === 'ERI');
      expect(eri?.coordination ?? null).toBe(global);
      expect(eri?.planState ?? null).toBe(global === null ? null : 'none');
    });

    it('GET /api/v1/victims: the States with significant numbers and the published counts', async () => {
      const body = (await h.get('/api/v1/victims?asOf=2018-06-01')).json<GlobalVictimsAnswer>();
      expect(body.states.map((s) => s.iso3)).toContain('KHM');
      expect(body.published.significantNumberOfVictims?.value).toBe(31);
      expect(body.counts.significantNumberOfVictims).toBe(body.states.length);
    });

    it('records and personal details are for editors; every personal read is audited', async () => {
      expectProblem(await h.get('/api/v1/states/AGO/casualties'), 401);
      expectProblem(await h.get('/api/v1/states/AGO/casualties/AGO-LONE/personal'), 401);
      const viewer = await h.signIn('viewer');
      expectProblem(
        await h.app.inject({
          method: 'GET',
          url: '/api/v1/states/AGO/casualties/AGO-LONE/personal',
          headers: { cookie: viewer.cookie, 'x-csrf-token': viewer.csrfToken },
        }),
        403,
      );
      const editor = await h.signIn('admin');
      const headers = { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken };
      const list = await h.app.inject({ method: 'GET', url: '/api/v1/states/AGO/casualties?limit=5', headers });
      expect(list.statusCode).toBe(200);
      expect(list.json<{ total: number }>().total).toBe(ids.length);
      expect(list.body).not.toContain(NAME);
      const before = (await listRecentAudit(h.store, { entity: 'personal-data', limit: 100 })).length;
      const personal = await h.app.inject({
        method: 'GET',
        url: '/api/v1/states/AGO/casualties/AGO-LONE/personal',
        headers,
      });
      expect(personal.json()).toMatchObject({ name: NAME, consent: 'given' });
      const audit = await listRecentAudit(h.store, { entity: 'personal-data', limit: 100 });
      expect(audit.length).toBe(before + 1);
      expect(audit[0]).toMatchObject({ action: 'read', entityId: 'AGO/AGO-LONE' });
    });

    it('imports a CSV upload for an editor, naming row and field on refusal', async () => {
      const editor = await h.signIn('admin');
      const headers = { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken, 'content-type': 'text/csv' };
      const line = (id: string, age: string) =>
        RECORD_COLUMNS.map(
          (c) =>
            ({ id, iso3: 'MOZ', incident_date: '2021-06-01', device: 'erw', outcome: 'killed', sex: 'male', age })[
              c as 'id'
            ] ?? '',
        ).join(',');
      const ok = await h.app.inject({
        method: 'POST',
        url: '/api/v1/states/MOZ/casualties/import',
        headers,
        payload: [RECORD_COLUMNS.join(','), line('MOZ-U1', '30')].join('\n'),
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ added: 1 });
      const bad = await h.app.inject({
        method: 'POST',
        url: '/api/v1/states/MOZ/casualties/import',
        headers,
        payload: [RECORD_COLUMNS.join(','), line('MOZ-U2', '150')].join('\n'),
      });
      const problem = expectProblem(bad, 422);
      expect(problem.errors?.[0]?.field).toBe('body (row 2 field age)');
      const anonymous = await h.app.inject({
        method: 'POST',
        url: '/api/v1/states/MOZ/casualties/import',
        headers: { 'content-type': 'text/csv' },
        payload: 'x',
      });
      expectProblem(anonymous, 401);
    });

    it('an anonymous crawl of every route of the OpenAPI document finds no personal field and no cell below 5', async () => {
      const document = (await h.get('/api/v1/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
      const paths = Object.entries(document.paths);
      expect(paths.some(([p]) => p.includes('victims'))).toBe(true);
      const values: Record<string, string[]> = { iso3: ['AGO', 'MOZ', 'KHM'], id: ['AGO-LONE'] };
      let visited = 0;
      for (const [path, operations] of paths) {
        for (const method of Object.keys(operations)) {
          if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
          const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
          const fills = names.reduce<Record<string, string>[]>(
            (acc, name) => acc.flatMap((f) => (values[name] ?? ['AGO']).map((v) => ({ ...f, [name]: v }))),
            [{}],
          );
          for (const fill of fills) {
            const url = path.replace(/\{(\w+)\}/g, (_, n: string) => fill[n] ?? 'AGO');
            for (const query of ['', '?asOf=2025-01-01', '?asOf=2020-12-31']) {
              const response = await h.app.inject({
                method: method.toUpperCase() as 'GET',
                url: url + query,
                ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
              });
              visited += 1;
              expect(response.statusCode, `${method} ${url}${query}`).toBeLessThan(500);
              const type = String(response.headers['content-type'] ?? '');
              const body: unknown = type.includes('json') ? response.json() : response.body;
              expect(leaks(body, ids, url), `${method} ${url}${query}`).toEqual([]);
            }
          }
        }
      }
      expect(visited).toBeGreaterThan(50);
      // Every route three times over: the crawl grows with the API, so it gets more than the default 30 s.
    }, 180_000);
  });
});
