// The HTTP API on the real server and the real databases (SQLite and PostgreSQL), no mocks.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createUser } from '../../src/server/accounts-store.js';
import { hashPassword } from '../../src/server/passwords.js';
import { SYSTEM, listRecentAudit } from '../../src/store/audit.js';
import type { Store } from '../../src/store/database.js';
import { initDatabase } from '../../src/store/seed.js';
import { forEachDatabase } from '../../src/store/test-databases.js';

const PASSWORD = 'correct horse battery staple';

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; expected: string }[];
}

forEachDatabase((database) => {
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await database.open();
    await initDatabase(store);
    for (const role of ['editor', 'viewer'] as const) {
      await createUser(store, { email: `${role}@example.org`, name: `An ${role}`, role, passwordHash: await hashPassword(PASSWORD) }, SYSTEM);
    }
    app = await buildApp({ store });
  });
  afterAll(async () => app.close());

  const get = (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => app.inject({ method: 'GET', url, headers });

  async function signIn(role: 'editor' | 'viewer'): Promise<{ cookie: string; csrfToken: string }> {
    const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: `${role}@example.org`, password: PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'minefree_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    return { cookie: `minefree_session=${cookie?.value ?? ''}`, csrfToken: response.json<{ csrfToken: string }>().csrfToken };
  }

  describe('reads', () => {
    it('status on 14 December 2017: 163 States Parties, the same JSON as the CLI', async () => {
      const response = await get('/api/v1/status?asOf=2017-12-14');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ asOf: '2017-12-14', statesParties: 163, notParty: 34, latestToJoin: { iso3: 'LKA' } });
    });

    it('lists 197 States and one State by code in any case', async () => {
      expect((await get('/api/v1/states?asOf=2026-11-28')).json<unknown[]>()).toHaveLength(197);
      expect((await get('/api/v1/states/khm')).json()).toMatchObject({ iso3: 'KHM', name: 'Cambodia' });
    });

    it('gives an unknown State as a 404 problem', async () => {
      const response = await get('/api/v1/states/XXX');
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json<Problem>().errors?.[0]?.field).toBe('path.iso3');
    });

    it('refuses a bad date naming asOf and the expected format', async () => {
      const response = await get('/api/v1/states?asOf=2025-02-29');
      expect(response.statusCode).toBe(400);
      expect(response.json<Problem>().errors).toEqual([{ field: 'querystring.asOf', expected: 'a day between 01 and 28 for 2025-02' }]);
    });

    it('answers 304 to a matching ETag', async () => {
      const first = await get('/api/v1/deadlines/4?asOf=2010-01-01');
      const etag = first.headers.etag;
      expect(typeof etag).toBe('string');
      const second = await get('/api/v1/deadlines/4?asOf=2010-01-01', { 'if-none-match': String(etag) });
      expect(second.statusCode).toBe(304);
      expect(second.body).toBe('');
    });

    it('gives a State\'s record with every source it cites', async () => {
      const record = (await get('/api/v1/states/LKA/record')).json<{ instruments: { kind: string }[]; sources: { id: string; url: string | null }[] }>();
      expect(record.instruments.map((i) => i.kind)).toEqual(['accession']);
      expect(record.sources.map((s) => s.id)).toContain('S06');
    });

    it('gives the fact sheet and the figures known on a date', async () => {
      const sheet = (await get('/api/v1/factsheet?asOf=2018-03-01')).json<{ figures: { id: string; computed: boolean; value: number }[] }>();
      expect(sheet.figures.find((f) => f.id === 'states_parties' && f.computed)?.value).toBe(164);
      const figures = (await get('/api/v1/figures?indicator=casualties_mines_erw&asOf=2019-01-01')).json<{ period: string; value: number }[]>();
      expect(figures.find((f) => f.period === '2016')?.value).toBe(9437);
    });

    it('publishes an OpenAPI 3.1 document with the paths', async () => {
      const doc = (await get('/api/v1/openapi.json')).json<{ openapi: string; paths: Record<string, unknown> }>();
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/status', '/api/v1/states/{iso3}', '/api/v1/deadlines/{article}', '/api/v1/states/{iso3}/instruments']));
    });
  });

  describe('writes', () => {
    const withdrawal = { kind: 'withdrawal', deposited: '2026-09-01', sources: ['S02'] };

    it('refuses an anonymous write with 401', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/v1/states/NZL/instruments', payload: withdrawal });
      expect(response.statusCode).toBe(401);
    });

    it('refuses a viewer with 403', async () => {
      const { cookie, csrfToken } = await signIn('viewer');
      const response = await app.inject({ method: 'POST', url: '/api/v1/states/NZL/instruments', payload: withdrawal, headers: { cookie, 'x-csrf-token': csrfToken } });
      expect(response.statusCode).toBe(403);
    });

    it('refuses an editor without the CSRF token', async () => {
      const { cookie } = await signIn('editor');
      const response = await app.inject({ method: 'POST', url: '/api/v1/states/NZL/instruments', payload: withdrawal, headers: { cookie } });
      expect(response.statusCode).toBe(403);
      expect(response.json<Problem>().errors?.[0]?.field).toBe('header.x-csrf-token');
    });

    it('refuses an invalid body listing every failing field, and writes nothing', async () => {
      const { cookie, csrfToken } = await signIn('editor');
      const before = (await listRecentAudit(store)).length;
      const response = await app.inject({
        method: 'POST', url: '/api/v1/states/NZL/instruments', headers: { cookie, 'x-csrf-token': csrfToken },
        payload: { kind: 'treaty', deposited: '2026-02-30', sources: [] },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<Problem>().errors?.map((e) => e.field).sort()).toEqual(['body.deposited', 'body.kind', 'body.sources']);
      expect((await listRecentAudit(store)).length).toBe(before);
    });

    it('accepts an editor\'s write with the token, audits it, and the next read shows it', async () => {
      const { cookie, csrfToken } = await signIn('editor');
      expect((await get('/api/v1/states/NZL?asOf=2026-10-01')).json()).toMatchObject({ withdrawal: { state: 'none' } });
      const response = await app.inject({ method: 'POST', url: '/api/v1/states/NZL/instruments', payload: withdrawal, headers: { cookie, 'x-csrf-token': csrfToken } });
      expect(response.statusCode).toBe(201);
      const audit = (await listRecentAudit(store)).find((e) => e.entity === 'instrument' && e.action === 'create');
      expect(audit).toMatchObject({ before: null, after: { iso3: 'NZL', kind: 'withdrawal', deposited: '2026-09-01' } });
      expect((await get('/api/v1/states/NZL?asOf=2026-10-01')).json()).toMatchObject({ withdrawal: { notified: '2026-09-01', effective: '2027-03-01', state: 'pending' } });
      const conflict = await app.inject({ method: 'POST', url: '/api/v1/states/NZL/instruments', payload: withdrawal, headers: { cookie, 'x-csrf-token': csrfToken } });
      expect(conflict.statusCode).toBe(409);
    });

    it('refuses a wrong password with 401', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'editor@example.org', password: 'wrong' } });
      expect(response.statusCode).toBe(401);
      expect(response.cookies).toHaveLength(0);
    });
  });
});
