/** The stockpile ledger (Article 4, Article 3): one row per entry, each citing its sources. */
import { type Kysely, type Migration, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { idColumn, oneOf, partialDateShape } from '../../store/migration-helpers.js';

// Literal lists: a migration is a snapshot, it does not follow the model.
const KINDS = ['declared', 'none-held', 'destroyed', 'transferred', 'found', 'completed', 'stated', 'retained'];
const QUALIFIERS = ['exact', 'about', 'more than', 'at least', 'almost'];
const PURPOSES = ['training', 'development', 'research', 'unspecified'];

export function stockpilesMigration(dialect: DialectName): Migration {
  const id = idColumn(dialect);
  const partial = (column: string): RawBuilder<SqlBool> => partialDateShape(dialect, column);
  const count = (column: string): RawBuilder<SqlBool> =>
    sql<SqlBool>`${sql.ref(column)} is null or ${sql.ref(column)} >= 0`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('stockpile_entries')
        .addColumn('id', 'integer', id)
        .addColumn('iso3', 'text', (c) => c.notNull().references('states.iso3'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('date', 'text')
        .addColumn('date_from', 'text')
        .addColumn('year', 'integer')
        // bigint: a stock of millions summed stays exact on both engines.
        .addColumn('quantity', 'bigint')
        .addColumn('qualifier', 'text')
        .addColumn('mine_type', 'text')
        .addColumn('method', 'text')
        .addColumn('place', 'text')
        .addColumn('recipient', 'text')
        .addColumn('destroyed', 'text')
        .addColumn('met', 'integer')
        .addColumn('held', 'bigint')
        .addColumn('consumed', 'bigint')
        .addColumn('purpose', 'text')
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
        .addCheckConstraint('stockpile_entries_kind', oneOf('kind', KINDS))
        .addCheckConstraint('stockpile_entries_qualifier', sql`qualifier is null or ${oneOf('qualifier', QUALIFIERS)}`)
        .addCheckConstraint('stockpile_entries_purpose', sql`purpose is null or ${oneOf('purpose', PURPOSES)}`)
        .addCheckConstraint('stockpile_entries_date', partial('date'))
        .addCheckConstraint('stockpile_entries_date_from', partial('date_from'))
        .addCheckConstraint('stockpile_entries_destroyed', partial('destroyed'))
        .addCheckConstraint('stockpile_entries_quantity', count('quantity'))
        .addCheckConstraint('stockpile_entries_held', count('held'))
        .addCheckConstraint('stockpile_entries_consumed', count('consumed'))
        .addCheckConstraint('stockpile_entries_met', sql`met is null or met in (0, 1)`)
        // Every kind but a retained count is dated; a retained count has its year and number held.
        .addCheckConstraint(
          'stockpile_entries_dated',
          sql`(kind = 'retained' and year is not null and held is not null) or (kind <> 'retained' and date is not null)`,
        )
        .execute();
      await db.schema.createIndex('stockpile_entries_iso3').on('stockpile_entries').column('iso3').execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('stockpile_entries').execute();
    },
  };
}
