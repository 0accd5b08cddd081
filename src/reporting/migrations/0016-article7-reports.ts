/** Article 7 report records: one row per submission or statement of absence, each citing its sources. */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { dateShape, dayShape, idColumn, oneOf, partialDateShape } from '../../store/migration-helpers.js';

// Literal lists: a migration is a snapshot, it does not follow the model.
const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export function article7ReportsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('article7_reports')
        .addColumn('id', 'integer', idColumn(dialect))
        .addColumn('iso3', 'text', (c) => c.notNull().references('states.iso3'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('received', 'text')
        .addColumn('not_received_on', 'text')
        .addColumn('language', 'text')
        .addColumn('link', 'text')
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
        .addCheckConstraint(
          'article7_reports_period',
          sql`period = 'initial' or (${dateShape(dialect, 'period', ['year'])} and period <> '0000')`,
        )
        .addCheckConstraint('article7_reports_received', partialDateShape(dialect, 'received'))
        .addCheckConstraint('article7_reports_not_received_on', dayShape(dialect, 'not_received_on'))
        // Exactly one of the two: a submission, or a statement that none had been received.
        .addCheckConstraint('article7_reports_one_fact', sql`(received is null) <> (not_received_on is null)`)
        .addCheckConstraint('article7_reports_language', sql`language is null or ${oneOf('language', LANGUAGES)}`)
        .execute();
      await db.schema.createIndex('article7_reports_iso3').on('article7_reports').column('iso3').execute();
      // One submission per State and report; statements of absence may be many.
      await db.schema
        .createIndex('article7_reports_one_submission')
        .on('article7_reports')
        .columns(['iso3', 'period'])
        .unique()
        .where(sql.ref('received'), 'is not', null)
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('article7_reports').execute();
    },
  };
}
