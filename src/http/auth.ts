/**
 * Who is asking, and may they write. The session cookie (an HttpOnly, SameSite=Strict random
 * token; only its SHA-256 is stored) is looked up by a function the server passes in, so this
 * kit knows no account table. Every write needs a role that may write and the session's CSRF
 * token in the `x-csrf-token` header (synchroniser token).
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
}

export interface Auth {
  user: AuthUser;
  session: { csrfToken: string };
  /** Whether the user's role may change records. */
  canWrite: boolean;
}

/** Finds the live session whose token has this SHA-256 (hex), or null. */
export type SessionLookup = (tokenHash: string) => Promise<Auth | null>;

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** A write: who is asking is checked before the body is read (`WRITE` below). */
    write?: boolean;
  }
}

/**
 * Route config of a write. The session, the role and the CSRF token are checked when the request
 * arrives, before its body is read or validated: an anonymous upload costs nothing, and an
 * anonymous write with a bad body is a 401, not a list of its fields.
 */
export const WRITE = { write: true } as const;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function registerAuth(app: FastifyInstance, lookup: SessionLookup): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await lookup(hashToken(token)) : null;
    if (request.routeOptions.config.write === true) requireWriter(request);
  });
}

/** The signed-in user whose role may write, with a matching CSRF token; else a 401 or 403. */
export function requireWriter(request: FastifyRequest): AuthUser {
  const auth = request.auth;
  if (!auth) throw new HttpProblem(401, 'Sign in with an editor or admin account to change the records.');
  if (!auth.canWrite) throw new HttpProblem(403, `Your role (${auth.user.role}) can read but not change the records.`);
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent !== auth.session.csrfToken) {
    throw new HttpProblem(403, `Missing or wrong ${CSRF_HEADER} header: send the csrfToken given at sign-in.`, [
      { field: `header.${CSRF_HEADER}`, expected: 'the csrfToken of this session' },
    ]);
  }
  return auth.user;
}
