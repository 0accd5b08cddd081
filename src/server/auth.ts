/**
 * Sign-in sessions: a random 32-byte token in an HttpOnly, SameSite=Strict cookie (Secure
 * behind TLS); only its SHA-256 is stored. Every write also needs the session's CSRF token in
 * the `x-csrf-token` header (synchroniser token), and a role that allows writing.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/database.js';
import {
  type Role,
  type Session,
  type User,
  createSession,
  deleteSession,
  findUserByEmail,
  findValidSession,
} from './accounts-store.js';
import { verifyPassword } from './passwords.js';
import { HttpProblem } from './problem.js';

export const SESSION_COOKIE = 'minefree_session';
export const CSRF_HEADER = 'x-csrf-token';
const SESSION_HOURS = 12;
const WRITER_ROLES: readonly Role[] = ['admin', 'editor'];

declare module 'fastify' {
  interface FastifyRequest {
    auth: { user: User; session: Session } | null;
  }
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function registerAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest('auth', null);
  app.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await findValidSession(store, hashToken(token)) : null;
  });
}

/** The signed-in user whose role may write, with a matching CSRF token; else a 401 or 403. */
export function requireWriter(request: FastifyRequest): User {
  const auth = request.auth;
  if (!auth) throw new HttpProblem(401, 'Sign in with an editor or admin account to change the records.');
  if (!WRITER_ROLES.includes(auth.user.role))
    throw new HttpProblem(403, `Your role (${auth.user.role}) can read but not change the records.`);
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent !== auth.session.csrfToken) {
    throw new HttpProblem(403, `Missing or wrong ${CSRF_HEADER} header: send the csrfToken given at sign-in.`, [
      { field: `header.${CSRF_HEADER}`, expected: 'the csrfToken of this session' },
    ]);
  }
  return auth.user;
}

export async function signIn(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
  email: string,
  password: string,
): Promise<{ user: User; csrfToken: string }> {
  const found = await findUserByEmail(store, email);
  // The same answer for an unknown email and a wrong password: no account discovery.
  if (!found || !(await verifyPassword(password, found.passwordHash)))
    throw new HttpProblem(401, 'The email or the password is not right.');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await createSession(store, { tokenHash: hashToken(token), userId: found.user.id, csrfToken, expiresAt });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
  return { user: found.user, csrfToken };
}

export async function signOut(store: Store, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await deleteSession(store, hashToken(token));
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
