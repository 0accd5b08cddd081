// Who may change which records: the whole matrix role × State × write route. The write routes
// are read from the app itself (writeRoutes), so a route added later is in the matrix at once.
// A refused cell is a 403 problem+json; an allowed one gets past the check (a 400 for the empty
// body most cells send, a 201 for the valid bodies the State-in-body routes need).
import { describe, expect, it } from 'vitest';
import { createUser, setDisabled, setRole } from '../../src/accounts/store.js';
import { hashPassword } from '../../src/accounts/passwords.js';
import { type Records, writeRoutes } from '../../src/http/auth.js';
import { SYSTEM } from '../../src/store/audit.js';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { EDITOR_STATE, PASSWORD, type SignedIn, expectProblem, useApp } from './harness.js';

type Who = 'anonymous' | 'viewer' | 'editor' | 'isu' | 'admin';
const WHO: readonly Who[] = ['anonymous', 'viewer', 'editor', 'isu', 'admin'];
/** The editor's own State and another one. */
const STATES = [EDITOR_STATE, 'SEN'] as const;

/** Valid bodies for the routes that find the State in the body, keyed by method and URL. */
const BODIES: Record<string, (iso3: string) => unknown> = {
  'POST /api/v1/funding/flows': (iso3) => ({
    flows: [
      {
        donor: { id: 'NOR', name: 'Norway', kind: 'state' },
        recipient: iso3,
        sector: 'clearance-risk-education',
        year: 2020,
        amount: 1000,
        sources: ['S95'],
      },
    ],
  }),
};

/**
 * Whose records each write route changes, as reviewed: a new write route is added here (and gets
 * the matching config: WRITE_STATE, writeStateInBody, WRITE_TREATY or WRITE_SHARED).
 */
const POLICY: Record<string, 'state' | 'state-in-body' | 'treaty' | 'shared'> = {
  'POST /api/v1/sources': 'shared',
  'POST /api/v1/states/:iso3/instruments': 'treaty',
  'POST /api/v1/states/:iso3/extensions': 'treaty',
  'POST /api/v1/figures': 'treaty',
  'POST /api/v1/states/:iso3/stockpiles': 'state',
  'POST /api/v1/states/:iso3/clearance': 'state',
  'POST /api/v1/states/:iso3/article5/requests': 'state',
  'POST /api/v1/states/:iso3/article5/requests/:id/decision': 'treaty',
  'POST /api/v1/states/:iso3/article5/completion': 'state',
  'POST /api/v1/funding/flows': 'state-in-body',
  'POST /api/v1/funding/iati': 'treaty',
  'POST /api/v1/states/:iso3/stockpiles/import': 'state',
  'POST /api/v1/states/:iso3/reports': 'state',
  'PATCH /api/v1/states/:iso3/reports/:report/draft': 'state',
  'POST /api/v1/states/:iso3/reports/:report/draft/submit': 'state',
  'PUT /api/v1/states/:iso3/reports/:report/draft.xlsx': 'state',
  'GET /api/v1/states/:iso3/casualties': 'state',
  'POST /api/v1/states/:iso3/casualties': 'state',
  'POST /api/v1/states/:iso3/casualties/import': 'state',
  'GET /api/v1/states/:iso3/casualties/:id/personal': 'state',
  'PUT /api/v1/states/:iso3/casualties/:id/personal': 'state',
};

const kindOf = (records: Records): string =>
  typeof records === 'string' ? records : 'stateParam' in records ? 'state' : 'state-in-body';

/** Whether `who` may write a record of `iso3` (the path's, or the body's) through a route with these records. */
function allowed(who: Who, records: Records, iso3: string): boolean {
  if (who === 'admin') return true;
  if (who === 'anonymous' || who === 'viewer') return false;
  if (records === 'shared') return true;
  if (records === 'treaty') return who === 'isu';
  return who === 'editor' && iso3 === EDITOR_STATE;
}

forEachDatabase((database) => {
  const h = useApp(database);

  describe('the matrix role × State × write route', () => {
    it('refuses every cell that should be refused with a 403 problem, and lets every other cell through', async () => {
      const signedIn: Partial<Record<Who, SignedIn>> = {};
      for (const who of WHO) if (who !== 'anonymous') signedIn[who] = await h.signIn(who);
      const routes = writeRoutes(h.app);
      expect(routes.length).toBeGreaterThanOrEqual(11);
      const wrong: string[] = [];
      let cells = 0;
      for (const route of routes) {
        const key = `${route.method} ${route.url}`;
        const inBody = typeof route.records === 'object' && 'stateInBody' in route.records;
        if (inBody) expect(BODIES[key], `a valid body for ${key} in BODIES`).toBeDefined();
        for (const iso3 of STATES) {
          const url = route.url.replace(':iso3', iso3).replace(/:\w+/g, '1');
          for (const who of WHO) {
            cells += 1;
            const auth = signedIn[who];
            const response = await h.app.inject({
              method: route.method as 'POST',
              url,
              payload: JSON.stringify(inBody ? BODIES[key]?.(iso3) : {}),
              headers: {
                'content-type': 'application/json',
                ...(auth ? { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken } : {}),
              },
            });
            const expected = allowed(who, route.records, iso3);
            const cell = `${who} ${route.method} ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`;
            if (expected && [401, 403].includes(response.statusCode)) wrong.push(`refused ${cell}`);
            if (expected && response.statusCode >= 500) wrong.push(`failed ${cell}`);
            if (!expected) {
              const status = who === 'anonymous' ? 401 : 403;
              if (response.statusCode !== status) wrong.push(`let through ${cell}`);
              else expectProblem(response, status);
            }
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(cells).toBe(routes.length * STATES.length * WHO.length);
    });

    it('knows whose records every write under /states/:iso3/ changes (a new route says so in its config)', () => {
      const silent = writeRoutes(h.app).filter((r) => r.url.includes(':iso3') && !r.declared);
      expect(silent.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    });

    it('gives every write route the records of the reviewed policy (a new route is added to POLICY)', () => {
      const routes = Object.fromEntries(writeRoutes(h.app).map((r) => [`${r.method} ${r.url}`, kindOf(r.records)]));
      expect(routes).toEqual(POLICY);
    });
  });

  describe('a national editor', () => {
    it('may record funding its State gave as well as received, but not flows of two other States', async () => {
      const editor = await h.signIn('editor');
      const flow = (donor: string, recipient: string) => ({
        donor: { id: donor, name: donor, kind: 'state' },
        recipient,
        sector: 'clearance-risk-education',
        year: 2021,
        amount: 500,
        sources: ['S95'],
      });
      const gave = await h.post('/api/v1/funding/flows', { flows: [flow('KHM', 'LAO')] }, editor);
      expect(gave.statusCode).toBe(201);
      const mixed = { flows: [flow('NOR', 'KHM'), flow('NOR', 'LAO')] };
      expectProblem(await h.post('/api/v1/funding/flows', mixed, editor), 403);
    });

    it('is refused before its body is read: a refused upload gets a 403, not a list of its fields', async () => {
      const editor = await h.signIn('editor');
      const problem = expectProblem(await h.post('/api/v1/states/SEN/clearance', { not: 'geojson' }, editor), 403);
      expect(problem.detail).toContain('SEN');
      expect(problem.errors ?? []).toEqual([]);
    });
  });

  describe('accounts', () => {
    it('end their sessions when their role changes or they are disabled; a disabled account cannot sign in', async () => {
      const passwordHash = await hashPassword(PASSWORD);
      await createUser(
        h.store,
        { email: 'moved@example.org', name: 'Moved', role: 'editor', state: 'SEN', passwordHash },
        SYSTEM,
      );
      const before = await h.signIn('moved@example.org');
      expect((await h.get('/api/v1/session', { cookie: before.cookie })).json()).toMatchObject({
        user: { role: 'editor', state: 'SEN' },
      });
      await setRole(h.store, 'moved@example.org', 'editor', 'AGO', SYSTEM);
      expectProblem(await h.get('/api/v1/session', { cookie: before.cookie }), 401);
      const after = await h.signIn('moved@example.org');
      expectProblem(await h.post('/api/v1/states/SEN/stockpiles', {}, after), 403);
      expect((await h.post('/api/v1/states/AGO/stockpiles', {}, after)).statusCode).toBe(400);
      await setDisabled(h.store, 'moved@example.org', true, SYSTEM);
      expectProblem(await h.get('/api/v1/session', { cookie: after.cookie }), 401);
      const refused = await h.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'moved@example.org', password: PASSWORD },
      });
      expectProblem(refused, 401);
    });
  });
});
