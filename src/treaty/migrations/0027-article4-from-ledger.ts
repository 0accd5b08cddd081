/**
 * Article 4 facts come from the stockpile ledger (`stockpile_entries`), the one table of Article 4
 * completions (issue 14): `article4_records`, a second table that had to agree with it, goes.
 * Down makes the table again, empty, as 0004 made it (the seed reloads the ledger, not this table).
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { dayShape, partialDateShape } from '../../store/migration-helpers.js';

export function article4FromLedgerMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('article4_records').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('article4_records')
        .addColumn('iso3', 'text', (c) => c.primaryKey().references('states.iso3'))
        .addColumn('deadline_stated', 'text')
        .addColumn('deadline_met', 'integer')
        .addColumn('completed', 'text')
        .addColumn('stockpile_remaining', 'bigint')
        .addColumn('remaining_as_of', 'text')
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('sources', 'text', (c) => c.notNull())
        .addCheckConstraint('article4_deadline_stated', dayShape(dialect, 'deadline_stated'))
        .addCheckConstraint('article4_deadline_met', sql`deadline_met is null or deadline_met in (0, 1)`)
        .addCheckConstraint('article4_completed', partialDateShape(dialect, 'completed'))
        .addCheckConstraint('article4_remaining_as_of', partialDateShape(dialect, 'remaining_as_of'))
        .addCheckConstraint(
          'article4_stockpile_remaining',
          sql`stockpile_remaining is null or stockpile_remaining >= 0`,
        )
        .execute();
    },
  };
}
