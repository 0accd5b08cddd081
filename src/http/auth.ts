/**
 * Who is asking, and may they write. The session cookie (an HttpOnly, SameSite=Strict random
 * token; only its SHA-256 is stored) is looked up by a function the server passes in, so this
 * kit knows no account table. Every write needs the session's CSRF token in the `x-csrf-token`
 * header (synchroniser token) and a grant for the records it changes: each write route says in
 * its config whose records those are (`records`, below; src/README.md, "Who may write what").
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';

export const SESSION_COOKIE = 'minefree_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The signed-in person as the kit sees one. */
export interface AuthUser {
  id: number;
  email: string;
  name: string;
  role: string;
  /** The State (ISO3) a national editor works for; null for every other role. */
  state: string | null;
}

/** What a user may change, worked out by the accounts module from the role and its State. */
export interface Grants {
  /** Treaty records: instruments, decisions of the States Parties, reported figures, IATI imports. */
  treaty: boolean;
  /** The States whose records it may change: every State, or these ISO3 codes. */
  states: 'every' | readonly string[];
}

export const NO_GRANTS: Grants = { treaty: false, states: [] };

export interface Auth {
  user: AuthUser;
  session: { csrfToken: string };
  grants: Grants;
}

/** Finds the live session whose token has this SHA-256 (hex), or null. */
export type SessionLookup = (tokenHash: string) => Promise<Auth | null>;

/**
 * Whose records a write changes:
 * - `'treaty'`: records of the Convention as a whole (ISU and admin);
 * - `'shared'`: records anyone who may write some records may add (sources they cite);
 * - `{ stateParam }`: one State's records, the State named by this path parameter (its editor, admin);
 * - `{ stateInBody }`: States named in the body: `stateInBody(body, iso3)` says whether every record
 *   of the validated body belongs to State `iso3` (its editor may write it; admin always).
 */
export type Records =
  'treaty' | 'shared' | { stateParam: string } | { stateInBody: (body: unknown, iso3: string) => boolean };

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** A write: who is asking is checked before the body is read (`WRITE` below). */
    write?: boolean;
    /** Whose records the write changes; absent on a write: `'treaty'` (national editors refused). */
    records?: Records;
  }
}

/**
 * Route configs of a write. The session, the CSRF token and the grant are checked when the request
 * arrives, before its body is read or validated: an anonymous upload costs nothing, and an
 * anonymous write with a bad body is a 401, not a list of its fields. A State's records named in
 * the body (`writeStateInBody`) are checked once the body is validated.
 */
export const WRITE = { write: true } as const;
/** A write to treaty records: ISU and admin. */
export const WRITE_TREATY: { write: true; records: Records } = { write: true, records: 'treaty' };
/** A write anyone with a write grant may make (sources). */
export const WRITE_SHARED: { write: true; records: Records } = { write: true, records: 'shared' };
/** A write to the records of the State in the `:iso3` path parameter: that State's editor, admin. */
export const WRITE_STATE: { write: true; records: Records } = { write: true, records: { stateParam: 'iso3' } };
/** A write to the records of the States its body names. */
export const writeStateInBody = <B>(test: (body: B, iso3: string) => boolean): { write: true; records: Records } => ({
  write: true,
  records: { stateInBody: test as (body: unknown, iso3: string) => boolean },
});

/** A write route as the app registered it (for tests and docs: `writeRoutes(app)`). */
export interface WriteRoute {
  method: string;
  url: string;
  records: Records;
  /** Whether the route's config names its records (else it defaults to `'treaty'`). */
  declared: boolean;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const routesOf = new WeakMap<FastifyInstance, WriteRoute[]>();

/** Every write route of the app, with whose records it changes. */
export const writeRoutes = (app: FastifyInstance): readonly WriteRoute[] => routesOf.get(app) ?? [];

export function registerAuth(app: FastifyInstance, lookup: SessionLookup): void {
  const routes: WriteRoute[] = [];
  routesOf.set(app, routes);
  app.addHook('onRoute', (route) => {
    const config = route.config;
    if (config?.write !== true) return;
    for (const method of [route.method].flat())
      if (method !== 'HEAD')
        routes.push({
          method,
          url: route.url,
          records: config.records ?? 'treaty',
          declared: config.records !== undefined,
        });
  });
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await lookup(hashToken(token)) : null;
    if (request.routeOptions.config.write === true) {
      requireWriter(request);
      requireGrant(request);
    }
  });
  // A State named in the body is known once the body is validated (still before the handler).
  app.addHook('preHandler', (request, _reply, done) => {
    const records = request.routeOptions.config.records;
    if (request.routeOptions.config.write !== true || typeof records !== 'object' || !('stateInBody' in records)) {
      done();
      return;
    }
    const auth = request.auth;
    const states = auth?.grants.states ?? 'every';
    if (auth && states !== 'every' && !states.some((iso3) => records.stateInBody(request.body, iso3))) {
      done(refused(auth, 'records of other States'));
      return;
    }
    done();
  });
}

const refused = (auth: Auth, what: string): HttpProblem =>
  new HttpProblem(
    403,
    `Your account (${auth.user.role}${auth.user.state === null ? '' : ` of ${auth.user.state}`}) may not change ${what}.`,
  );

const mayWriteState = (grants: Grants, iso3: string): boolean =>
  grants.states === 'every' || grants.states.includes(iso3.toUpperCase());

/** The route's records against the user's grants (the session and CSRF token already checked). */
function requireGrant(request: FastifyRequest): void {
  const auth = request.auth;
  if (!auth) return;
  const records = request.routeOptions.config.records ?? 'treaty';
  const { grants } = auth;
  if (records === 'treaty') {
    if (!grants.treaty) throw refused(auth, 'treaty records (ISU or admin accounts do)');
  } else if (records === 'shared') {
    // Any grant at all: checked by requireWriter.
  } else if ('stateParam' in records) {
    const iso3 = (request.params as Record<string, string | undefined>)[records.stateParam] ?? '';
    if (!mayWriteState(grants, iso3)) throw refused(auth, `the records of ${iso3.toUpperCase()}`);
  } else if (grants.states !== 'every' && grants.states.length === 0) {
    throw refused(auth, "a State's records");
  }
}

const writesAnything = (grants: Grants): boolean =>
  grants.treaty || grants.states === 'every' || grants.states.length > 0;

/** The signed-in user who may change some records, with a matching CSRF token; else a 401 or 403. */
export function requireWriter(request: FastifyRequest): AuthUser {
  const auth = request.auth;
  if (!auth) throw new HttpProblem(401, 'Sign in with an account that may change the records.');
  if (!writesAnything(auth.grants))
    throw new HttpProblem(
      403,
      auth.user.role === 'viewer'
        ? `Your role (${auth.user.role}) can read but not change the records.`
        : `Your account (${auth.user.role}) has no State to change the records of; an admin gives one (minefree user role).`,
    );
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent !== auth.session.csrfToken) {
    throw new HttpProblem(403, `Missing or wrong ${CSRF_HEADER} header: send the csrfToken given at sign-in.`, [
      { field: `header.${CSRF_HEADER}`, expected: 'the csrfToken of this session' },
    ]);
  }
  return auth.user;
}
