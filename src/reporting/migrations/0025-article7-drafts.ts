/**
 * Drafts of Article 7 reports: one row per State and report, holding a person's edits over the
 * computed forms (JSON) and, once submitted, the report as it stood that day (JSON), frozen.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { dateShape, dayShape, idColumn, oneOf } from '../../store/migration-helpers.js';

// Literal lists: a migration is a snapshot, it does not follow the model.
const STATUSES = ['draft', 'submitted'];

export function article7DraftsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('article7_drafts')
        .addColumn('id', 'integer', idColumn(dialect))
        .addColumn('iso3', 'text', (c) => c.notNull().references('states.iso3'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('edits', 'text', (c) => c.notNull())
        .addColumn('submitted', 'text')
        .addColumn('submitted_on', 'text')
        .addCheckConstraint(
          'article7_drafts_period',
          sql`period = 'initial' or (${dateShape(dialect, 'period', ['year'])} and period <> '0000')`,
        )
        .addCheckConstraint('article7_drafts_status', oneOf('status', STATUSES))
        .addCheckConstraint('article7_drafts_submitted_on', dayShape(dialect, 'submitted_on'))
        // A submitted draft holds its frozen report and day; a draft holds neither.
        .addCheckConstraint(
          'article7_drafts_frozen',
          sql`(status = 'submitted') = (submitted is not null) and (submitted is null) = (submitted_on is null)`,
        )
        .execute();
      await db.schema
        .createIndex('article7_drafts_one')
        .on('article7_drafts')
        .columns(['iso3', 'period'])
        .unique()
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('article7_drafts').execute();
    },
  };
}
