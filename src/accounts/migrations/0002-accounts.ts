/** Accounts and sign-in sessions; roles written out (a migration is a snapshot of its day). */
import { type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { oneOf, idColumn } from '../../store/migration-helpers.js';

const ROLES = ['admin', 'editor', 'viewer'];

export function accountsMigration(dialect: DialectName): Migration {
  const id = idColumn(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', id)
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('users_role', oneOf('role', ROLES))
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['sessions', 'users']) await db.schema.dropTable(table).execute();
    },
  };
}
