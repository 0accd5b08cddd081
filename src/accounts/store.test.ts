import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, listRecentAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { RejectedWriteError } from '../core/rejection.js';
import { migrateToLatest } from '../setup/migrations.js';
import { forEachDatabase } from '../store/test-databases.js';
import {
  countUsers,
  createSession,
  createUser,
  deleteExpiredSessions,
  deleteSession,
  findUserByEmail,
  findUserById,
  findValidSession,
} from './store.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const LATER = new Date('2026-11-29T12:00:00.000Z');

forEachDatabase((database) => {
  describe('accounts', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await migrateToLatest(store);
    });

    it('creates a user and finds it by email (any case) and id; only the email lookup returns the hash', async () => {
      expect(await countUsers(store)).toBe(0);
      const user = await createUser(
        store,
        { email: ' Ada@Example.org ', name: 'Ada', role: 'admin', passwordHash: 'scrypt$abc' },
        SYSTEM,
      );
      expect(user).toMatchObject({ email: 'ada@example.org', name: 'Ada', role: 'admin' });
      expect(await findUserByEmail(store, 'ADA@example.org')).toEqual({ user, passwordHash: 'scrypt$abc' });
      expect(await findUserById(store, user.id)).toEqual(user);
      expect(await findUserById(store, user.id + 1000)).toBeNull();
      expect(await findUserByEmail(store, 'nobody@example.org')).toBeNull();
      expect(await countUsers(store)).toBe(1);
      const [audit] = await listRecentAudit(store, { entity: 'user' });
      expect(audit).toMatchObject({ action: 'create', entityId: String(user.id), after: user });
      expect(JSON.stringify(audit)).not.toContain('scrypt$abc');
    });

    it.each([
      [
        'an email already used, in another case',
        { email: 'ADA@example.org', role: 'editor', state: 'KHM' },
        { reason: 'conflict', field: 'email' },
      ],
      ['an editor without a State', { email: 'b@example.org', role: 'editor' }, { reason: 'invalid', field: 'state' }],
      [
        'an editor of no State',
        { email: 'b@example.org', role: 'editor', state: 'ZZZ' },
        { reason: 'invalid', field: 'state' },
      ],
      [
        'a State for an ISU account',
        { email: 'b@example.org', role: 'isu', state: 'KHM' },
        { reason: 'invalid', field: 'state' },
      ],
      ['an unknown role', { email: 'b@example.org', role: 'owner' }, { reason: 'invalid', field: 'role' }],
      ['something that is not an email', { email: 'b', role: 'viewer' }, { reason: 'invalid', field: 'email' }],
    ] as const)('refuses %s and writes nothing', async (_, input, rejection) => {
      const audit = (await listRecentAudit(store)).length;
      const error: unknown = await createUser(store, { name: 'B', passwordHash: 'h', ...input } as never, SYSTEM).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RejectedWriteError);
      expect(error).toMatchObject(rejection);
      expect(await countUsers(store)).toBe(1);
      expect(await listRecentAudit(store)).toHaveLength(audit);
    });

    it('a session is valid until it expires, and gone once signed out', async () => {
      const user = (await findUserByEmail(store, 'ada@example.org'))!.user;
      const session = await createSession(
        store,
        { tokenHash: 'hash-1', userId: user.id, csrfToken: 'csrf-1', expiresAt: LATER },
        NOW,
      );
      expect(session).toEqual({
        tokenHash: 'hash-1',
        userId: user.id,
        csrfToken: 'csrf-1',
        expiresAt: LATER.toISOString(),
        createdAt: NOW.toISOString(),
      });
      expect(await findValidSession(store, 'hash-1', NOW)).toEqual({ session, user });
      expect(await findValidSession(store, 'hash-1', LATER)).toBeNull();
      expect(await findValidSession(store, 'hash-2', NOW)).toBeNull();
      expect(await deleteSession(store, 'hash-1')).toBe(true);
      expect(await deleteSession(store, 'hash-1')).toBe(false);
      expect(await findValidSession(store, 'hash-1', NOW)).toBeNull();
      const actions = (await listRecentAudit(store, { entity: 'user', limit: 2 })).map((e) => [e.action, e.userId]);
      expect(actions).toEqual([
        ['sign-out', user.id],
        ['sign-in', user.id],
      ]);
      expect(JSON.stringify(await listRecentAudit(store))).not.toContain('hash-1');
    });

    it('a session needs a user, and expired sessions can be swept', async () => {
      await expect(
        createSession(store, { tokenHash: 'x', userId: 99999, csrfToken: 'c', expiresAt: LATER }),
      ).rejects.toThrow();
      const user = (await findUserByEmail(store, 'ada@example.org'))!.user;
      await createSession(store, { tokenHash: 'old', userId: user.id, csrfToken: 'c', expiresAt: NOW }, NOW);
      await createSession(store, { tokenHash: 'new', userId: user.id, csrfToken: 'c', expiresAt: LATER }, NOW);
      expect(await deleteExpiredSessions(store, NOW)).toBe(1);
      expect(await findValidSession(store, 'new', NOW)).not.toBeNull();
    });
  });
});
