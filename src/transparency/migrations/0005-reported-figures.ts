/** Reported figures, one row per figure per edition, each citing a stored source. */
import { type Kysely, type Migration, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { oneOf, dayShape, partialDateShape, idColumn } from '../../store/migration-helpers.js';

const QUALIFIERS = ['exact', 'about', 'more than', 'at least', 'almost'];

export function reportedFiguresMigration(dialect: DialectName): Migration {
  const id = idColumn(dialect);
  const day = (column: string): RawBuilder<SqlBool> => dayShape(dialect, column);
  const partial = (column: string): RawBuilder<SqlBool> => partialDateShape(dialect, column);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('reported_figures')
        .addColumn('id', 'integer', id)
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        // double precision, not PostgreSQL's 4-byte real: US$ amounts need the digits.
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('qualifier', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
        .addColumn('cited_document', 'text')
        .addColumn('cited_page', 'text')
        .addColumn('edition', 'text')
        .addColumn('edition_date', 'text')
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
        .addCheckConstraint('reported_figures_qualifier', oneOf('qualifier', QUALIFIERS))
        .addCheckConstraint('reported_figures_period', partial('period'))
        .addCheckConstraint('reported_figures_edition_date', day('edition_date'))
        // Infinity and NaN are not figures anyone published.
        .addCheckConstraint('reported_figures_value_finite', sql`value > -1e308 and value < 1e308`)
        .execute();
      await db.schema
        .createIndex('reported_figures_indicator_scope')
        .on('reported_figures')
        .columns(['indicator', 'scope'])
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['reported_figures']) await db.schema.dropTable(table).execute();
    },
  };
}
