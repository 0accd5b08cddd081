/**
 * The Article 5 workflow (issue 4, §4): extension requests with the decision taken on each, and
 * declarations of completion. A granted decision's new deadline lives in `extension_decisions`
 * (the treaty engine reads it there); the request only points at that row. Value lists are
 * written out here, not imported: a migration is a snapshot and must not move with the model.
 */
import { type Kysely, type Migration, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';

/** TEXT shaped YYYY-MM-DD (null allowed; NOT NULL says otherwise). */
function day(dialect: DialectName, column: string): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  return dialect === 'sqlite'
    ? sql<SqlBool>`${ref} is null or ${ref} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`
    : sql<SqlBool>`${ref} is null or ${ref} ~ '^\\d{4}-\\d{2}-\\d{2}$'`;
}

export function article5WorkflowMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const dates = ['submitted', 'requested_deadline', 'decided_on', 'new_deadline'].map(
        (c) => sql`(${day(dialect, c)})`,
      );
      await db.schema
        .createTable('extension_requests')
        .addColumn('id', 'integer', (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('iso3', 'text', (c) => c.notNull())
        .addColumn('submitted', 'text', (c) => c.notNull())
        .addColumn('requested_deadline', 'text', (c) => c.notNull())
        .addColumn('remaining_area_m2', 'double precision', (c) => c.notNull())
        .addColumn('budget_usd', 'double precision')
        .addColumn('work_plan', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text')
        .addColumn('outcome', 'text')
        .addColumn('decided_on', 'text')
        .addColumn('meeting', 'text')
        .addColumn('new_deadline', 'text')
        // `init --reset` reloads extension_decisions from data/: the request then keeps its
        // decision but loses the link, instead of blocking the reload.
        .addColumn('extension_decision_id', 'integer', (c) =>
          c.references('extension_decisions.id').onDelete('set null'),
        )
        // Deferred, as in 0002: `init --reset` deletes and reloads States and sources in one transaction.
        .addForeignKeyConstraint('extension_requests_iso3', ['iso3'], 'states', ['iso3'], (fk) =>
          fk.deferrable().initiallyDeferred(),
        )
        .addForeignKeyConstraint('extension_requests_source', ['source_id'], 'sources', ['id'], (fk) =>
          fk.deferrable().initiallyDeferred(),
        )
        .addCheckConstraint('extension_requests_dates', sql.join(dates, sql` and `))
        .addCheckConstraint(
          'extension_requests_amounts',
          sql`remaining_area_m2 >= 0 and remaining_area_m2 < 1e15 and (budget_usd is null or (budget_usd >= 0 and budget_usd < 1e15))`,
        )
        // Undecided: no decision field; decided: date and meeting; only a grant sets a deadline.
        .addCheckConstraint(
          'extension_requests_decision',
          sql`(outcome is null and decided_on is null and meeting is null and new_deadline is null and extension_decision_id is null)
            or (outcome = 'refused' and decided_on is not null and meeting is not null and new_deadline is null and extension_decision_id is null)
            or (outcome = 'granted' and decided_on is not null and meeting is not null and new_deadline is not null)`,
        )
        .execute();
      await db.schema
        .createIndex('extension_requests_iso3')
        .on('extension_requests')
        .columns(['iso3', 'submitted'])
        .execute();
      // The reset's delete of extension_decisions looks requests up by it.
      await db.schema
        .createIndex('extension_requests_extension_decision')
        .on('extension_requests')
        .column('extension_decision_id')
        .execute();

      await db.schema
        .createTable('completion_declarations')
        .addColumn('id', 'integer', (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('iso3', 'text', (c) => c.notNull())
        .addColumn('declared_on', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text')
        .addForeignKeyConstraint('completion_declarations_iso3', ['iso3'], 'states', ['iso3'], (fk) =>
          fk.deferrable().initiallyDeferred(),
        )
        .addForeignKeyConstraint('completion_declarations_source', ['source_id'], 'sources', ['id'], (fk) =>
          fk.deferrable().initiallyDeferred(),
        )
        .addUniqueConstraint('completion_declarations_once_a_day', ['iso3', 'declared_on'])
        .addCheckConstraint('completion_declarations_date', day(dialect, 'declared_on'))
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['completion_declarations', 'extension_requests']) await db.schema.dropTable(table).execute();
    },
  };
}
