/**
 * The first schema: treaty facts, sources and reported figures, accounts and the audit log.
 * Constraints repeat the rules that keep the facts loadable (one consent per State, dates
 * written YYYY-MM-DD, deposits not before the Convention opened), so no writer can break them.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration, type RawBuilder, type SqlBool, sql } from 'kysely';
import { QUALIFIERS } from '../../core/source.js';
import type { DialectName } from '../database.js';
import { INSTRUMENT_KINDS, ROLES } from '../schema.js';

const CONSENT_KINDS = INSTRUMENT_KINDS.filter((k) => k !== 'signature' && k !== 'withdrawal');
const OPENED_FOR_SIGNATURE = '1997-12-03';

const oneOf = (column: string, values: readonly string[]): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

/** TEXT shaped like a date at one of the given precisions (YYYY, YYYY-MM, YYYY-MM-DD). */
function dateShape(
  dialect: DialectName,
  column: string,
  precisions: readonly ('year' | 'month' | 'day')[],
): RawBuilder<unknown> {
  const ref = sql.ref(column);
  const glob = {
    year: '[0-9][0-9][0-9][0-9]',
    month: '[0-9][0-9][0-9][0-9]-[0-9][0-9]',
    day: '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]',
  };
  const regex = { year: '\\d{4}', month: '\\d{4}-\\d{2}', day: '\\d{4}-\\d{2}-\\d{2}' };
  if (dialect === 'sqlite') {
    return sql`${ref} is null or ${sql.join(
      precisions.map((p) => sql`${ref} glob ${sql.lit(glob[p])}`),
      sql` or `,
    )}`;
  }
  return sql`${ref} is null or ${ref} ~ ${sql.lit(`^(${precisions.map((p) => regex[p]).join('|')})$`)}`;
}
const DAY = ['day'] as const;
const PARTIAL = ['year', 'month', 'day'] as const;

export function initialMigration(dialect: DialectName): Migration {
  const id = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
  const day = (column: string): RawBuilder<unknown> => dateShape(dialect, column, DAY);
  const partial = (column: string): RawBuilder<unknown> => dateShape(dialect, column, PARTIAL);

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

      await db.schema
        .createTable('states')
        .addColumn('iso3', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('entry_into_force_stated', 'text')
        .addColumn('sources', 'text', (c) => c.notNull())
        .addCheckConstraint('states_entry_into_force_stated', day('entry_into_force_stated'))
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', id)
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('users_role', oneOf('role', ROLES))
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

      // An extension belongs to a State with Article 5 obligations: without its record the engine would ignore it.
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

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

      // No foreign key to users: the log outlives what it describes and must never block a delete.
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
      const tables = [
        'audit_log',
        'sessions',
        'reported_figures',
        'extension_decisions',
        'article5_records',
        'article4_records',
        'instruments',
        'users',
        'states',
        'sources',
      ];
      for (const table of tables) await db.schema.dropTable(table).execute();
    },
  };
}
