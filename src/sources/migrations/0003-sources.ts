/** The sources every figure and date cites. */
import { type Kysely, type Migration, type RawBuilder, type SqlBool } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { partialDateShape } from '../../store/migration-helpers.js';

export function sourcesMigration(dialect: DialectName): Migration {
  const partial = (column: string): RawBuilder<SqlBool> => partialDateShape(dialect, column);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('published', 'text')
        .addCheckConstraint('sources_published', partial('published'))
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['sources']) await db.schema.dropTable(table).execute();
    },
  };
}
