/** Signing in and out: the session cookie and its CSRF token (the HTTP kit checks them on writes). */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Auth, SESSION_COOKIE, type SessionLookup, hashToken } from '../http/auth.js';
import { HttpProblem } from '../http/problem.js';
import type { Store } from '../store/database.js';
import { type User, WRITER_ROLES } from './model.js';
import { verifyPassword } from './passwords.js';
import { createSession, deleteSession, findUserByEmail, findValidSession } from './store.js';

const SESSION_HOURS = 12;

/** The kit's session lookup over the accounts tables. */
export function sessionLookup(store: Store): SessionLookup {
  return async (tokenHash): Promise<Auth | null> => {
    const found = await findValidSession(store, tokenHash);
    if (!found) return null;
    return { user: found.user, session: found.session, canWrite: WRITER_ROLES.includes(found.user.role) };
  };
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
