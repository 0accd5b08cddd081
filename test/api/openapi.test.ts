/**
 * The OpenAPI document tells clients what to trust: an operationId per operation, a 2xx answer
 * and the problem+json 4xx for each, the session cookie and x-csrf-token on every write, a server.
 * Every JSON answer below (every public read, the session) is checked against its schema by the
 * harness (openapi-check.ts); the other API tests check the answers of their own routes.
 */
import { describe, expect, it } from 'vitest';
import { writeRoutes } from '../../src/http/auth.js';
import { CSRF_SCHEME, SESSION_SCHEME, openApiPath, operationId } from '../../src/http/openapi.js';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { useApp } from './harness.js';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Doc {
  servers?: { url: string }[];
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
  paths: Record<string, Record<string, Operation>>;
}

describe('operationId', () => {
  it.each([
    ['GET', '/api/v1/status', 'getStatus'],
    ['GET', '/api/v1/states/{iso3}/record', 'getStatesByIso3Record'],
    ['POST', '/api/v1/states/{iso3}/article5/requests/{id}/decision', 'postStatesByIso3Article5RequestsByIdDecision'],
    ['GET', '/api/v1/states/{iso3}/clearance/tiles/{z}/{x}/{y}', 'getStatesByIso3ClearanceTilesByZByXByY'],
    ['DELETE', '/api/v1/session', 'deleteSession'],
  ])('%s %s is %s', (method, path, id) => expect(operationId(method, path)).toBe(id));
  it('writes Fastify parameters the OpenAPI way', () =>
    expect(openApiPath('/api/v1/states/:iso3/casualties/:id/personal')).toBe(
      '/api/v1/states/{iso3}/casualties/{id}/personal',
    ));
});

forEachDatabase((database) => {
  const h = useApp(database);
  const operations = (doc: Doc): [string, string, Operation][] =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]): [string, string, Operation] => [method, path, op]),
    );

  it('gives every operation a unique operationId, a 2xx answer with a schema and problem+json 4xx', async () => {
    await h.app.ready();
    const doc = h.app.swagger() as unknown as Doc;
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(40);
    const ids = ops.map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ops.length);
    for (const [method, path, op] of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      expect(success, where).not.toEqual([]);
      for (const status of success) {
        const content = op.responses[status]?.content;
        if (status === '204') expect(content, where).toBeUndefined();
        else for (const media of Object.values(content ?? {})) expect(media.schema, where).toBeDefined();
        if (status !== '204') expect(Object.keys(content ?? {}), where).not.toEqual([]);
      }
      const problems = Object.keys(op.responses).filter((s) => s.startsWith('4'));
      expect(problems, where).toContain('400');
      for (const status of problems)
        expect(Object.keys(op.responses[status]?.content ?? {}), where).toEqual(['application/problem+json']);
    }
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('asks for the session cookie and the x-csrf-token on every write', async () => {
    await h.app.ready();
    const doc = h.app.swagger() as unknown as Doc;
    expect(doc.components.securitySchemes[SESSION_SCHEME]).toMatchObject({ in: 'cookie', name: 'minefree_session' });
    expect(doc.components.securitySchemes[CSRF_SCHEME]).toMatchObject({ in: 'header', name: 'x-csrf-token' });
    const writes = writeRoutes(h.app);
    expect(writes.length).toBeGreaterThan(10);
    for (const route of writes) {
      const op = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(op?.security, `${route.method} ${route.url}`).toEqual([{ [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }]);
      expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('answers every public read as its schema says (checked by the harness)', async () => {
    await h.app.ready();
    const doc = h.app.swagger() as unknown as Doc;
    const sources = (await h.get('/api/v1/sources')).json<{ id: string }[]>();
    const values: Record<string, string> = {
      iso3: 'KHM',
      article: '5',
      id: sources[0]?.id ?? 'x',
      z: '0',
      x: '0',
      y: '0',
    };
    let answered = 0;
    for (const [method, path, op] of operations(doc)) {
      if (method !== 'get' || op.security !== undefined) continue;
      for (const iso3 of path.includes('{iso3}') ? ['KHM', 'AFG', 'USA', 'ukr'] : ['KHM']) {
        const url = path.replace(/\{([a-z0-9]+)\}/gi, (_m, name: string) =>
          name === 'iso3' ? iso3 : (values[name] ?? ''),
        );
        for (const query of ['', '?asOf=1999-03-01', '?asOf=2030-01-01']) {
          const response = await h.get(`${url}${query}`);
          expect(response.statusCode, `${url}${query}`).toBeLessThan(500);
          answered += 1;
        }
      }
    }
    // Deadlines of each article, and a missing State.
    for (const article of ['4', '7']) expect((await h.get(`/api/v1/deadlines/${article}`)).statusCode).toBe(200);
    expect((await h.get('/api/v1/states/XXX')).statusCode).toBe(404);
    expect(answered).toBeGreaterThan(60);
  });

  it('answers the session routes as their schemas say', async () => {
    const editor = await h.signIn('editor');
    const session = await h.get('/api/v1/session', { cookie: editor.cookie });
    expect(session.statusCode).toBe(200);
    expect((await h.get('/api/v1/session')).statusCode).toBe(401);
    const casualties = await h.app.inject({
      method: 'GET',
      url: '/api/v1/states/KHM/casualties',
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken },
    });
    expect(casualties.statusCode).toBe(200);
  });
});
