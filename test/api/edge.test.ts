// Hostile input at the edge, on SQLite and PostgreSQL: text the databases cannot store, nesting,
// numbers and ids out of the columns' range, and every constraint a database enforces: each is a
// 4xx problem naming the field, never a 500.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { expectProblem, useApp } from './harness.js';

const FIGURE = {
  indicator: 'casualties_mines_erw',
  scope: 'global',
  period: '2025',
  value: 6279,
  qualifier: 'at least',
  unit: 'people',
  source: 'S02',
  published: '2026-11-20',
};

/** `[[[…[0]…]]]`, `depth` arrays deep, as JSON text (JSON.stringify would overflow the stack). */
const nested = (depth: number): string => `${'['.repeat(depth)}0${']'.repeat(depth)}`;

forEachDatabase((database) => {
  const h = useApp(database);

  describe('text the databases cannot store', () => {
    it('refuses a NUL in the query, naming the field', async () => {
      const body = expectProblem(await h.get('/api/v1/figures/editions?indicator=x%00'), 400);
      expect(body.errors).toEqual([
        { field: 'querystring.indicator', expected: 'text without NUL characters or unpaired surrogates' },
      ]);
      expectProblem(await h.get('/api/v1/figures?scope=%00'), 400);
    });

    it('refuses a NUL in a path parameter', async () => {
      const body = expectProblem(await h.get('/api/v1/sources/S02%00'), 400);
      expect(body.errors?.[0]?.field).toBe('path.id');
    });

    it('refuses a NUL or an unpaired surrogate in a JSON body, in a value or a name', async () => {
      const editor = await h.signIn('admin');
      const nul = expectProblem(await h.post('/api/v1/figures', { ...FIGURE, scope: 'glo\u0000bal' }, editor), 400);
      expect(nul.errors?.[0]?.field).toBe('body.scope');
      const lone = '{"id":"S995","title":"a \\ud800 b","url":null,"published":"2026"}';
      const surrogate = await h.app.inject({
        method: 'POST',
        url: '/api/v1/sources',
        payload: lone,
        headers: { 'content-type': 'application/json', cookie: editor.cookie, 'x-csrf-token': editor.csrfToken },
      });
      expect(expectProblem(surrogate, 400).errors?.[0]?.field).toBe('body.title');
      const key = expectProblem(
        await h.post('/api/v1/figures', { ...FIGURE, notes: 'n', extra: { 'k\u0000': 1 } }, editor),
        400,
      );
      expect(key.errors?.[0]?.field).toBe('body.extra.k\\u0000');
      expect((await h.get('/api/v1/sources/S995')).statusCode).toBe(404);
    });

    it('accepts text with paired surrogates (emoji) and other control characters', async () => {
      const response = await h.post(
        '/api/v1/sources',
        { id: 'S996', title: 'Mines \u{1F4A3} report\ttabbed', url: null, published: '2026' },
        await h.signIn('admin'),
      );
      expect(response.statusCode).toBe(201);
    });
  });

  describe('nesting and numbers', () => {
    it('refuses a feature nested 10,000 levels deep with a 400, not a 500', async () => {
      const editor = await h.signIn('admin');
      const deep = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${nested(10_000)}}}]}`;
      const response = await h.app.inject({
        method: 'POST',
        url: '/api/v1/states/KHM/clearance',
        payload: deep,
        headers: { 'content-type': 'application/json', cookie: editor.cookie, 'x-csrf-token': editor.csrfToken },
      });
      const body = expectProblem(response, 400);
      expect(body.errors?.[0]?.expected).toBe('JSON nested at most 64 levels deep');
      expect(body.errors?.[0]?.field).toMatch(/^body\.features\.0\.geometry\.coordinates(\.0)+$/);
    });

    it('refuses an id beyond the integer column with a 400 naming it', async () => {
      const editor = await h.signIn('admin');
      const grant = { granted: true, date: '2025-12-05', meeting: '22MSP', newDeadline: '2031-03-01' };
      for (const id of ['2147483648', '99999999999999999999', '1e308']) {
        const body = expectProblem(
          await h.post(`/api/v1/states/SEN/article5/requests/${id}/decision`, grant, editor),
          400,
        );
        expect(body.errors?.[0]?.field).toBe('params.id');
      }
      expectProblem(await h.post('/api/v1/states/SEN/article5/requests/2147483647/decision', grant, editor), 404);
    });

    it('refuses a figure value the column cannot hold with a 422 naming body.value', async () => {
      const editor = await h.signIn('admin');
      for (const value of [1e308, -1e308, Number.MAX_VALUE]) {
        const body = expectProblem(await h.post('/api/v1/figures', { ...FIGURE, value }, editor), 422);
        expect(body.errors?.map((e) => e.field)).toEqual(['body.value']);
      }
    });
  });

  describe('constraint errors of the database, through the one error handler', () => {
    it('maps unique → 409, foreign key, check and not null → 422, each naming the field', async () => {
      const app = await h.another();
      const { db } = h.store;
      const actual = (route: string): Promise<unknown> => {
        switch (route) {
          case 'unique':
            return db.insertInto('sources').values({ id: 'S02', title: 't', url: null, published: null }).execute();
          case 'foreign-key':
            return db
              .insertInto('sessions')
              .values({ token_hash: 'x', user_id: 2_000_000, csrf_token: 'c', expires_at: 'e', created_at: 'c' })
              .execute();
          case 'check':
            return sql`update reported_figures set value = 1e308`.execute(db);
          case 'not-null':
            return sql`insert into sources (id, title) values ('S997', null)`.execute(db);
          default:
            throw new Error(route);
        }
      };
      app.post<{ Params: { route: string }; Body: Record<string, unknown> }>('/test/:route', (request) =>
        actual(request.params.route),
      );
      const send = (route: string, payload: object) => app.inject({ method: 'POST', url: `/test/${route}`, payload });
      const unique = expectProblem(await send('unique', { id: 'S02' }), 409);
      expect(unique.errors).toEqual([{ field: 'body.id', expected: 'a value no stored record has yet' }]);
      const fk = expectProblem(await send('foreign-key', { userId: 2_000_000 }), 422);
      if (database.name === 'postgres') expect(fk.errors?.[0]?.field).toBe('body.userId');
      const check = expectProblem(await send('check', { value: 1e308 }), 422);
      expect(check.errors?.[0]?.field).toBe('body.value');
      expect(check.detail).toContain('reported_figures_value_finite');
      const notNull = expectProblem(await send('not-null', { title: null }), 422);
      expect(notNull.errors?.[0]?.field).toBe('body.title');
    });
  });

  it('puts the request id in every problem and in the x-request-id header', async () => {
    const response = await h.get('/api/v1/states/ZZZ');
    const body = expectProblem(response, 404);
    expect(body.requestId).toMatch(/^[\w-]{8,}$/);
    expect(response.headers['x-request-id']).toBe(body.requestId);
    const other = expectProblem(await h.get('/api/v1/states/ZZZ'), 404);
    expect(other.requestId).not.toBe(body.requestId);
  });
});
