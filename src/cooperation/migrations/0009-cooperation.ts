/** Funding flows (Article 6): one row per flow, each citing its sources. */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { dayShape, idColumn, oneOf } from '../../store/migration-helpers.js';

// Literal lists: a migration is a snapshot, it does not follow the model.
const SECTORS = [
  'clearance-risk-education',
  'victim-assistance',
  'stockpile-destruction',
  'capacity-building',
  'advocacy',
  'other',
];
const CHANNELS = ['bilateral', 'un', 'icrc-ifrc', 'ngo', 'trust-fund', 'unspecified'];
const DONOR_KINDS = ['state', 'institution', 'fund'];
const FLOW_TYPES = ['disbursement', 'commitment'];
const FUNDING = ['international', 'national'];

export function cooperationMigration(dialect: DialectName): Migration {
  const currency = dialect === 'sqlite' ? sql`currency glob '[A-Z][A-Z][A-Z]'` : sql`currency ~ '^[A-Z]{3}$'`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('funding_flows')
        .addColumn('id', 'integer', idColumn(dialect))
        .addColumn('donor_id', 'text', (c) => c.notNull())
        .addColumn('donor_name', 'text', (c) => c.notNull())
        .addColumn('donor_kind', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text') // a State code, checked on write; no foreign key: flows outlive a reload of data/
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('via', 'text')
        .addColumn('sector', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('flow_type', 'text', (c) => c.notNull())
        .addColumn('funding', 'text', (c) => c.notNull())
        .addColumn('amount', 'double precision', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('exchange_rate', 'double precision')
        .addColumn('rate_source', 'text')
        // bigint cents: sums stay exact on both engines.
        .addColumn('usd_cents', 'bigint', (c) => c.notNull())
        .addColumn('reversal', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('double_counted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('published', 'text', (c) => c.notNull())
        .addColumn('iati_activity', 'text')
        .addColumn('iati_key', 'text', (c) => c.unique())
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
        .addCheckConstraint('funding_flows_sector', oneOf('sector', SECTORS))
        .addCheckConstraint('funding_flows_channel', oneOf('channel', CHANNELS))
        .addCheckConstraint('funding_flows_donor_kind', oneOf('donor_kind', DONOR_KINDS))
        .addCheckConstraint('funding_flows_flow_type', oneOf('flow_type', FLOW_TYPES))
        .addCheckConstraint('funding_flows_funding', oneOf('funding', FUNDING))
        .addCheckConstraint('funding_flows_year', sql`year between 1990 and 2200`)
        .addCheckConstraint('funding_flows_currency', currency)
        .addCheckConstraint('funding_flows_rate', sql`exchange_rate is null or exchange_rate > 0`)
        .addCheckConstraint('funding_flows_reversal', sql`reversal in (0, 1) and (usd_cents >= 0 or reversal = 1)`)
        .addCheckConstraint('funding_flows_double_counted', sql`double_counted in (0, 1)`)
        .addCheckConstraint('funding_flows_published', sql`published is not null and ${dayShape(dialect, 'published')}`)
        .addCheckConstraint(
          'funding_flows_national',
          sql`funding = 'international' or (donor_kind = 'state' and donor_id = recipient)`,
        )
        .execute();
      await db.schema.createIndex('funding_flows_year').on('funding_flows').column('year').execute();
      await db.schema.createIndex('funding_flows_recipient').on('funding_flows').column('recipient').execute();
      await db.schema.createIndex('funding_flows_iati_activity').on('funding_flows').column('iati_activity').execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('funding_flows').execute();
    },
  };
}
