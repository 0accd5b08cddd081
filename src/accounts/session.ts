/** Signing in and out: the session cookie and its CSRF token (the HTTP kit checks them on writes). */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Auth, CSRF_HEADER, SESSION_COOKIE, type SessionLookup, hashToken } from '../http/auth.js';
import { HttpProblem } from '../http/problem.js';
import type { Store } from '../store/database.js';
import { type User, grantsOf } from './model.js';
import { dummyHash, verifyPassword } from './passwords.js';
import {
  createSession,
  deleteSession,
  endSessionsOf,
  findUserByEmail,
  findValidSession,
  normalizeEmail,
} from './store.js';
import { FailureThrottle } from './throttle.js';

const SESSION_HOURS = 12;
/** Failed sign-ins an account may have within the window before it is throttled (429). */
export const ACCOUNT_FAILURES = 10;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;

export const newAccountThrottle = (): FailureThrottle => new FailureThrottle(ACCOUNT_FAILURES, ACCOUNT_WINDOW_MS);

/** The kit's session lookup over the accounts tables. */
export function sessionLookup(store: Store): SessionLookup {
  return async (tokenHash): Promise<Auth | null> => {
    const found = await findValidSession(store, tokenHash);
    if (!found) return null;
    return { user: found.user, session: found.session, grants: grantsOf(found.user) };
  };
}

export async function signIn(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
  credentials: { email: string; password: string; throttle: FailureThrottle },
): Promise<{ user: User; csrfToken: string }> {
  const { password, throttle } = credentials;
  const email = normalizeEmail(credentials.email);
  const wait = throttle.retryAfterMs(email);
  if (wait > 0) {
    reply.header('retry-after', String(Math.ceil(wait / 1000)));
    throw new HttpProblem(429, 'Too many failed sign-ins for this account; try again later.');
  }
  const found = await findUserByEmail(store, email);
  // An unknown email costs the same hash as a wrong password, and gets the same answer: neither
  // the time nor the words tell whether an account exists.
  const verified = await verifyPassword(password, found?.passwordHash ?? (await dummyHash()));
  // A disabled account gets the same answer as a wrong password.
  if (!found || !verified || found.user.disabled) {
    throttle.fail(email);
    throw new HttpProblem(401, 'The email or the password is not right.');
  }
  throttle.clear(email);
  // One session per account: signing in again ends the older ones (a stolen cookie dies with them).
  await endSessionsOf(store, found.user.id);
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

/** Signs out: a live session must send its CSRF token (403 otherwise); no session is a no-op. */
export async function signOut(store: Store, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const auth = request.auth;
  if (auth !== null && request.headers[CSRF_HEADER] !== auth.session.csrfToken)
    throw new HttpProblem(403, `Missing or wrong ${CSRF_HEADER} header: send the csrfToken given at sign-in.`, [
      { field: `header.${CSRF_HEADER}`, expected: 'the csrfToken of this session' },
    ]);
  const token = request.cookies[SESSION_COOKIE];
  if (token) await deleteSession(store, hashToken(token));
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
