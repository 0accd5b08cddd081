/**
 * Issue 14: the dated Article 5 events (declarations of completion, reports of newly found mined
 * areas that re-open the obligation) and the date from which a notification of succession takes
 * effect as the Depositary records it, and notices that are not Article 20 withdrawals. New tables only; the 0004 tables are unchanged.
 * Value lists are written out: a migration is a snapshot and must not move with the model.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { dayShape, idColumn, oneOf, partialDateShape } from '../../store/migration-helpers.js';

export function treatyEventsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('article5_events')
        .addColumn('id', 'integer', idColumn(dialect))
        .addColumn('iso3', 'text', (c) => c.notNull().references('article5_records.iso3'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('sources', 'text', (c) => c.notNull())
        .addCheckConstraint('article5_events_kind', oneOf('kind', ['declaration', 'reopening']))
        .addCheckConstraint('article5_events_day', partialDateShape(dialect, 'day'))
        .execute();
      await db.schema
        .createTable('successions')
        .addColumn('iso3', 'text', (c) => c.primaryKey().references('states.iso3'))
        .addColumn('effective', 'text', (c) => c.notNull())
        .addColumn('sources', 'text', (c) => c.notNull())
        .addCheckConstraint('successions_effective', sql`${dayShape(dialect, 'effective')}`)
        .execute();
      // A notice that is not an Article 20 instrument (a notified "suspension"): it changes no status.
      await db.schema
        .createTable('treaty_notices')
        .addColumn('id', 'integer', idColumn(dialect))
        .addColumn('iso3', 'text', (c) => c.notNull().references('states.iso3'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('notified', 'text')
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('positions', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('sources', 'text', (c) => c.notNull())
        .addCheckConstraint('treaty_notices_kind', oneOf('kind', ['suspension']))
        .addCheckConstraint('treaty_notices_date', sql`${dayShape(dialect, 'date')}`)
        .addCheckConstraint('treaty_notices_notified', sql`${dayShape(dialect, 'notified')}`)
        .execute();
      // Former names of States (Swaziland until 19 Apr 2018), each used on dates before `until`.
      await db.schema
        .createTable('former_names')
        .addColumn('id', 'integer', idColumn(dialect))
        .addColumn('iso3', 'text', (c) => c.notNull().references('states.iso3'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('until', 'text', (c) => c.notNull())
        .addColumn('sources', 'text', (c) => c.notNull())
        .addCheckConstraint('former_names_until', sql`${dayShape(dialect, 'until')}`)
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('former_names').execute();
      await db.schema.dropTable('treaty_notices').execute();
      await db.schema.dropTable('successions').execute();
      await db.schema.dropTable('article5_events').execute();
    },
  };
}
