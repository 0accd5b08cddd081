/**
 * Users and sessions (STACK.md, "sessions"). The caller hashes passwords and session tokens;
 * this module stores only the hashes. Emails are kept trimmed and lower-cased, so one address
 * is one account whatever its spelling. Sign-ins and sign-outs are audited without the token.
 */
import type { Selectable } from 'kysely';
import { type Actor, writeAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { RejectedWriteError, isUniqueViolation } from '../core/rejection.js';
import { isStateCode } from '../core/states.js';
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
  /** The State (ISO3) of a national editor; required for an editor, refused for the other roles. */
  state?: string | null;
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
  state: r.state,
  disabled: r.disabled_at !== null,
  createdAt: r.created_at,
});

/** A role and its State as stored: an editor works for one State (ISO3), the other roles for none. */
export function checkScope(role: string, state: string | null | undefined): { role: Role; state: string | null } {
  if (!(ROLES as readonly string[]).includes(role))
    throw new RejectedWriteError('invalid', 'role', `one of ${ROLES.join(', ')}`, role);
  const iso3 = state === undefined || state === null ? null : state.trim().toUpperCase();
  if (role === 'editor') {
    if (iso3 === null || !isStateCode(iso3))
      throw new RejectedWriteError(
        'invalid',
        'state',
        'the ISO 3166-1 alpha-3 code of the State a national editor works for',
        state ?? '',
      );
  } else if (iso3 !== null) {
    throw new RejectedWriteError('invalid', 'state', 'no State: only a national editor (role editor) has one', iso3);
  }
  return { role: role as Role, state: iso3 };
}

export async function createUser(store: Store, input: NewUser, actor: Actor): Promise<User> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw new RejectedWriteError('invalid', 'email', 'an email address', input.email);
  const scope = checkScope(input.role, input.state);
  if (input.passwordHash === '') throw new RejectedWriteError('invalid', 'passwordHash', 'a password hash');
  try {
    return await store.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('users')
        .values({
          email,
          name: input.name,
          role: scope.role,
          state: scope.state,
          disabled_at: null,
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

/** Every account, oldest first. */
export async function listUsers(store: Store): Promise<User[]> {
  const rows = await store.db.selectFrom('users').selectAll().orderBy('id').execute();
  return rows.map(userFromRow);
}

async function changeUser(
  store: Store,
  email: string,
  change: (before: Selectable<UsersTable>) => Partial<Pick<UsersTable, 'role' | 'state' | 'disabled_at'>>,
  actor: Actor,
): Promise<User> {
  return store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
    if (!row) throw new RejectedWriteError('not-found', 'email', 'the email address of an account', email);
    const before = userFromRow(row);
    const updated = await trx
      .updateTable('users')
      .set(change(row))
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = userFromRow(updated);
    // A changed role or a disabled account: its sessions end, so the change holds at once.
    await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    await writeAudit(trx, actor, { action: 'update', entity: 'user', entityId: String(row.id), before, after });
    return after;
  });
}

/** Gives an account another role (and State, for a national editor); ends its sessions. */
export function setRole(store: Store, email: string, role: string, state: string | null, actor: Actor): Promise<User> {
  const scope = checkScope(role, state);
  return changeUser(store, email, () => scope, actor);
}

/** Disables an account (it can no longer sign in; its sessions end), or enables it again. */
export function setDisabled(
  store: Store,
  email: string,
  disabled: boolean,
  actor: Actor,
  now = new Date(),
): Promise<User> {
  // Disabling twice keeps the first time.
  return changeUser(
    store,
    email,
    (row) => ({ disabled_at: disabled ? (row.disabled_at ?? now.toISOString()) : null }),
    actor,
  );
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
      'users.state',
      'users.disabled_at',
      'users.created_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('users.disabled_at', 'is', null)
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
