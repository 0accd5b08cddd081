/**
 * The treaty facts: States, instruments, Article 4 and 5 records and extension decisions.
 * Constraints repeat the rules that keep the facts loadable (one consent per State, dates
 * written YYYY-MM-DD, deposits not before the Convention opened), so no writer can break them.
 * Value lists are written out: a migration is a snapshot and must not move with the model.
 */
import { type Kysely, type Migration, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { oneOf, dayShape, partialDateShape, idColumn } from '../../store/migration-helpers.js';

const INSTRUMENT_KINDS = [
  'signature',
  'ratification',
  'acceptance',
  'approval',
  'accession',
  'succession',
  'withdrawal',
];
const CONSENT_KINDS = ['ratification', 'acceptance', 'approval', 'accession', 'succession'];
const OPENED_FOR_SIGNATURE = '1997-12-03';

export function treatyMigration(dialect: DialectName): Migration {
  const id = idColumn(dialect);
  const day = (column: string): RawBuilder<SqlBool> => dayShape(dialect, column);
  const partial = (column: string): RawBuilder<SqlBool> => partialDateShape(dialect, column);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('states')
        .addColumn('iso3', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('entry_into_force_stated', 'text')
        .addColumn('sources', 'text', (c) => c.notNull())
        .addCheckConstraint('states_entry_into_force_stated', day('entry_into_force_stated'))
        .execute();

      await db.schema
        .createTable('instruments')
        .addColumn('id', 'integer', id)
        .addColumn('iso3', 'text', (c) => c.notNull().references('states.iso3'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('deposited', 'text')
        .addColumn('effective_stated', 'text')
        .addColumn('announced', 'text')
        .addColumn('armed_conflict', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('conflict_ended', 'text')
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addCheckConstraint('instruments_kind', oneOf('kind', INSTRUMENT_KINDS))
        .addCheckConstraint(
          'instruments_deposited',
          sql`(${day('deposited')}) and (deposited is null or deposited >= ${sql.lit(OPENED_FOR_SIGNATURE)})`,
        )
        .addCheckConstraint('instruments_deposited_known', sql`kind = 'withdrawal' or deposited is not null`)
        .addCheckConstraint('instruments_effective_stated', day('effective_stated'))
        .addCheckConstraint('instruments_announced', day('announced'))
        .addCheckConstraint('instruments_conflict_ended', day('conflict_ended'))
        .addCheckConstraint(
          'instruments_armed_conflict',
          sql`armed_conflict in (0, 1) and (conflict_ended is null or armed_conflict = 1)`,
        )
        .addCheckConstraint(
          'instruments_withdrawal_fields',
          sql`kind = 'withdrawal' or (effective_stated is null and announced is null and armed_conflict = 0)`,
        )
        .execute();
      // The model holds one signature, one consent and one withdrawal per State.
      await db.schema
        .createIndex('instruments_one_signature')
        .on('instruments')
        .column('iso3')
        .unique()
        .where(sql.ref('kind'), '=', 'signature')
        .execute();
      await db.schema
        .createIndex('instruments_one_consent')
        .on('instruments')
        .column('iso3')
        .unique()
        .where(oneOf('kind', CONSENT_KINDS))
        .execute();
      await db.schema
        .createIndex('instruments_one_withdrawal')
        .on('instruments')
        .column('iso3')
        .unique()
        .where(sql.ref('kind'), '=', 'withdrawal')
        .execute();

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
        .addCheckConstraint('article4_deadline_stated', day('deadline_stated'))
        .addCheckConstraint('article4_deadline_met', sql`deadline_met is null or deadline_met in (0, 1)`)
        .addCheckConstraint('article4_completed', partial('completed'))
        .addCheckConstraint('article4_remaining_as_of', partial('remaining_as_of'))
        .addCheckConstraint(
          'article4_stockpile_remaining',
          sql`stockpile_remaining is null or stockpile_remaining >= 0`,
        )
        .execute();

      await db.schema
        .createTable('article5_records')
        .addColumn('iso3', 'text', (c) => c.primaryKey().references('states.iso3'))
        .addColumn('original_deadline_stated', 'text')
        .addColumn('current_deadline_stated', 'text')
        .addColumn('current_deadline_as_of', 'text')
        .addColumn('completed', 'text')
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('sources', 'text', (c) => c.notNull())
        .addCheckConstraint('article5_original_deadline_stated', day('original_deadline_stated'))
        .addCheckConstraint('article5_current_deadline_stated', partial('current_deadline_stated'))
        .addCheckConstraint('article5_current_deadline_as_of', partial('current_deadline_as_of'))
        .addCheckConstraint('article5_completed', partial('completed'))
        .execute();

      await db.schema
        .createTable('extension_decisions')
        .addColumn('id', 'integer', id)
        .addColumn('iso3', 'text', (c) => c.notNull().references('article5_records.iso3'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('granted', 'text')
        .addColumn('deadline', 'text')
        .addColumn('decided_at_meeting', 'text')
        .addColumn('sources', 'text', (c) => c.notNull())
        .addUniqueConstraint('extension_decisions_position', ['iso3', 'position'])
        .addCheckConstraint('extension_decisions_granted', partial('granted'))
        .addCheckConstraint('extension_decisions_deadline', partial('deadline'))
        .addCheckConstraint('extension_decisions_position_from_0', sql`position >= 0`)
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['extension_decisions', 'article5_records', 'article4_records', 'instruments', 'states'])
        await db.schema.dropTable(table).execute();
    },
  };
}
