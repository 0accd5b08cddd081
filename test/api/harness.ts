/** The real HTTP app on a real, freshly loaded database, with an editor and a viewer account. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { type AppOptions, buildApp } from '../../src/server/app.js';
import { createUser } from '../../src/accounts/store.js';
import { hashPassword } from '../../src/accounts/passwords.js';
import { SYSTEM } from '../../src/store/audit.js';
import type { Store } from '../../src/store/database.js';
import { initDatabase } from '../../src/setup/seed.js';
import type { TestDatabase } from '../../src/store/test-databases.js';
import { type Mismatch, checkAnswers } from './openapi-check.js';

export const PASSWORD = 'correct horse battery staple';
/** The accounts every harness has: `editor` is the national editor of KHM (Cambodia). */
export type Role = 'editor' | 'viewer' | 'admin' | 'isu';
export const EDITOR_STATE = 'KHM';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; expected: string }[];
  /** The id of the request in the server's log (an RFC 9457 extension member). */
  requestId?: string;
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
}

export interface Harness {
  readonly store: Store;
  readonly app: FastifyInstance;
  /** Another app on the same store, with other options (trustProxy, a web root). */
  another(options?: Omit<AppOptions, 'store'>): Promise<FastifyInstance>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, payload: unknown, auth?: SignedIn | { cookie: string }): Promise<LightMyRequestResponse>;
  /** Signs in one of the harness's accounts, or any account made with PASSWORD by its email. */
  signIn(who: Role | `${string}@${string}`): Promise<SignedIn>;
}

/** Declares beforeAll/afterAll that open `database`, load data/, add one account per role (the editor KHM's) and build the app. */
export function useApp(database: TestDatabase): Harness {
  let store: Store | null = null;
  const apps: FastifyInstance[] = [];
  // Every JSON answer is checked against the OpenAPI document's schema for it (openapi-check.ts).
  const mismatches: Mismatch[][] = [];
  const checked = (app: FastifyInstance): FastifyInstance => {
    mismatches.push(checkAnswers(app));
    return app;
  };
  beforeAll(async () => {
    store = await database.open();
    await initDatabase(store);
    const passwordHash = await hashPassword(PASSWORD);
    for (const role of ['admin', 'isu', 'editor', 'viewer'] as const) {
      const state = role === 'editor' ? EDITOR_STATE : null;
      await createUser(store, { email: `${role}@example.org`, name: `An ${role}`, role, state, passwordHash }, SYSTEM);
    }
    apps.push(checked(await buildApp({ store })));
  });
  afterAll(async () => {
    for (const app of apps.splice(0)) await app.close();
    expect(mismatches.flat(), 'answers the OpenAPI document does not describe').toEqual([]);
  });

  const harness: Harness = {
    get store(): Store {
      if (!store) throw new Error('the database is not open yet');
      return store;
    },
    get app(): FastifyInstance {
      const app = apps[0];
      if (!app) throw new Error('the app is not built yet');
      return app;
    },
    async another(options = {}) {
      const app = checked(await buildApp({ ...options, store: harness.store }));
      apps.push(app);
      return app;
    },
    get: (url, headers = {}) => harness.app.inject({ method: 'GET', url, headers }),
    post: (url, payload, auth) => {
      const headers: Record<string, string> = {};
      if (auth) headers.cookie = auth.cookie;
      if (auth && 'csrfToken' in auth) headers['x-csrf-token'] = auth.csrfToken;
      return harness.app.inject({ method: 'POST', url, payload: payload as object, headers });
    },
    async signIn(who) {
      const response = await harness.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: who.includes('@') ? who : `${who}@example.org`, password: PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === 'minefree_session');
      return {
        cookie: `minefree_session=${cookie?.value ?? ''}`,
        csrfToken: response.json<{ csrfToken: string }>().csrfToken,
      };
    },
  };
  return harness;
}

/** The response is an RFC 9457 problem with this status; returns its body. */
export function expectProblem(response: LightMyRequestResponse, status: number): Problem {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json<Problem>();
  expect(body.status).toBe(status);
  for (const member of ['type', 'title', 'detail'] as const) expect(typeof body[member]).toBe('string');
  expect(response.body).not.toMatch(/\bat .*\.ts:\d+/); // never a stack trace
  return body;
}
