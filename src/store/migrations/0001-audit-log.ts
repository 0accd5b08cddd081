/** The audit log: every mutation's who, when, what, before and after (store/audit.ts). */
import { type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { idColumn } from '../migration-helpers.js';

export function auditLogMigration(dialect: DialectName): Migration {
  const id = idColumn(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', id)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute();
      await db.schema.createIndex('audit_log_entity_id').on('audit_log').columns(['entity', 'id']).execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['audit_log']) await db.schema.dropTable(table).execute();
    },
  };
}
