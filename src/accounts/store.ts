/**
 * Users and sessions (STACK.md, "sessions"). The caller hashes passwords and session tokens;
 * this module stores only the hashes. Emails are kept trimmed and lower-cased, so one address
 * is one account whatever its spelling. Sign-ins and sign-outs are audited without the token.
 */
import type { Selectable } from 'kysely';
import { type Actor, writeAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { RejectedWriteError, isUniqueViolation } from '../core/rejection.js';
import { ROLES, type Role, type User } from './model.js';
import type { UsersTable } from './tables.js';

export type { Role, User } from './model.js';
export { ROLES } from './model.js';

export interface UserCredentials {
  user: User;
  passwordHash: string;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

export interface Session {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  /** ISO 8601 instant in UTC. */
  expiresAt: string;
  createdAt: string;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const userFromRow = (r: Selectable<UsersTable>): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
});

export async function createUser(store: Store, input: NewUser, actor: Actor): Promise<User> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw new RejectedWriteError('invalid', 'email', 'an email address', input.email);
  if (!(ROLES as readonly string[]).includes(input.role))
    throw new RejectedWriteError('invalid', 'role', `one of ${ROLES.join(', ')}`, input.role);
  if (input.passwordHash === '') throw new RejectedWriteError('invalid', 'passwordHash', 'a password hash');
  try {
    return await store.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('users')
        .values({
          email,
          name: input.name,
          role: input.role,
          password_hash: input.passwordHash,
          created_at: new Date().toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const user = userFromRow(row);
      await writeAudit(trx, actor, {
        action: 'create',
        entity: 'user',
        entityId: String(user.id),
        before: null,
        after: user,
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new RejectedWriteError('conflict', 'email', 'an email address no account uses yet', email);
    throw error;
  }
}

export async function findUserByEmail(store: Store, email: string): Promise<UserCredentials | null> {
  const row = await store.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return row ? { user: userFromRow(row), passwordHash: row.password_hash } : null;
}

export async function findUserById(store: Store, id: number): Promise<User | null> {
  const row = await store.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? userFromRow(row) : null;
}

export async function countUsers(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createSession(
  store: Store,
  input: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date },
  now: Date = new Date(),
): Promise<Session> {
  const session: Session = {
    tokenHash: input.tokenHash,
    userId: input.userId,
    csrfToken: input.csrfToken,
    expiresAt: input.expiresAt.toISOString(),
    createdAt: now.toISOString(),
  };
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        token_hash: session.tokenHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        expires_at: session.expiresAt,
        created_at: session.createdAt,
      })
      .execute();
    await writeAudit(
      trx,
      { userId: input.userId },
      {
        action: 'sign-in',
        entity: 'user',
        entityId: String(input.userId),
        before: null,
        after: { expiresAt: session.expiresAt },
      },
      now,
    );
  });
  return session;
}

/** The session and its user, when the token hash is known and the session has not expired. */
export async function findValidSession(
  store: Store,
  tokenHash: string,
  now: Date = new Date(),
): Promise<{ session: Session; user: User } | null> {
  const row = await store.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.token_hash',
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.created_at as session_created_at',
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.created_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    // ISO 8601 instants in UTC compare as text in both engines.
    .where('sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return null;
  return {
    session: {
      tokenHash: row.token_hash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
      createdAt: row.session_created_at,
    },
    user: userFromRow({ ...row, password_hash: '' }),
  };
}

/** Signs out: removes the session (a missing one is not an error: signing out twice is fine). */
export async function deleteSession(store: Store, tokenHash: string): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('sessions')
      .where('token_hash', '=', tokenHash)
      .returning('user_id')
      .executeTakeFirst();
    if (!row) return false;
    await writeAudit(
      trx,
      { userId: row.user_id },
      { action: 'sign-out', entity: 'user', entityId: String(row.user_id), before: null, after: null },
    );
    return true;
  });
}

/** Ends every session of a user (a new sign-in ends the older ones). Returns how many were ended. */
export async function endSessionsOf(store: Store, userId: number): Promise<number> {
  const result = await store.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Housekeeping, not a user's act: not audited. Returns how many were removed. */
export async function deleteExpiredSessions(store: Store, now: Date = new Date()): Promise<number> {
  const result = await store.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
