// Migration 0011 on a database that already has accounts, sessions and records made by them:
// nothing is lost (SQLite rebuilds the users table), the new role and columns are checked by the
// database itself, and going down again keeps every account.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo } from '../../setup/migrations.js';
import type { Store } from '../../store/database.js';
import { forEachDatabase } from '../../store/test-databases.js';

const insert = (store: Store, table: string, row: Record<string, unknown>) =>
  sql`insert into ${sql.id(table)} (${sql.join(Object.keys(row).map((k) => sql.id(k)))}) values (${sql.join(
    Object.values(row).map((v) => sql`${v}`),
  )})`.execute(store.db);

forEachDatabase((database) => {
  describe('0011-roles-per-state', () => {
    it('keeps every account, session and record that names its author, and checks role and State', async () => {
      const store = await database.open();
      await migrateTo(store, '0009-cooperation');
      for (const role of ['admin', 'editor'] as const)
        await insert(store, 'users', {
          email: `${role}@example.org`,
          name: role,
          role,
          password_hash: 'h',
          created_at: '2026-01-01T00:00:00.000Z',
        });
      await insert(store, 'sessions', {
        token_hash: 't',
        user_id: 2,
        csrf_token: 'c',
        expires_at: '2999-01-01T00:00:00.000Z',
        created_at: '2026-01-01T00:00:00.000Z',
      });
      await insert(store, 'sources', { id: 'S1', title: 'A source', url: null, published: '2020' });
      await insert(store, 'states', { iso3: 'KHM', name: 'Cambodia', sources: '["S1"]' });
      await insert(store, 'instruments', {
        iso3: 'KHM',
        kind: 'ratification',
        deposited: '1999-07-28',
        effective_stated: null,
        announced: null,
        armed_conflict: 0,
        conflict_ended: null,
        sources: '["S1"]',
        created_at: '2026-01-01T00:00:00.000Z',
        created_by: 2,
      });

      await migrateTo(store, '0011-roles-per-state');
      const users = (
        await sql<{
          id: number;
          role: string;
          state: string | null;
          disabled_at: string | null;
        }>`select id, role, state, disabled_at from users order by id`.execute(store.db)
      ).rows;
      expect(users).toEqual([
        { id: 1, role: 'admin', state: null, disabled_at: null },
        { id: 2, role: 'editor', state: null, disabled_at: null },
      ]);
      expect((await sql`select * from sessions`.execute(store.db)).rows).toHaveLength(1);
      expect((await sql`select created_by from instruments`.execute(store.db)).rows).toEqual([{ created_by: 2 }]);

      await sql`update users set role = 'isu' where id = 1`.execute(store.db);
      await sql`update users set state = 'KHM' where id = 2`.execute(store.db);
      await expect(sql`update users set role = 'owner' where id = 1`.execute(store.db)).rejects.toThrow();
      await expect(sql`update users set state = 'KHM' where id = 1`.execute(store.db)).rejects.toThrow();
      await expect(sql`update users set state = 'khm' where id = 2`.execute(store.db)).rejects.toThrow();
      // A new account still gets the next id.
      await insert(store, 'users', {
        email: 'v@example.org',
        name: 'v',
        role: 'viewer',
        password_hash: 'h',
        created_at: '2026-01-01T00:00:00.000Z',
      });
      expect((await sql<{ id: number }>`select max(id) as id from users`.execute(store.db)).rows[0]?.id).toBe(3);

      await migrateTo(store, '0009-cooperation');
      expect(
        (await sql<{ role: string }>`select role from users order by id`.execute(store.db)).rows.map((r) => r.role),
      ).toEqual(['viewer', 'editor', 'viewer']);
      expect((await sql`select * from sessions`.execute(store.db)).rows).toHaveLength(1);
    });
  });
});
