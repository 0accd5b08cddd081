/** Victim assistance: casualty records under pseudonymous ids, and personal details in a table of their own. */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { dayShape, idColumn, oneOf, partialDateShape } from '../../store/migration-helpers.js';

// Literal lists: a migration is a snapshot, it does not follow the model.
const DEVICES = ['ap-mine', 'improvised-ap-mine', 'av-mine', 'erw', 'cluster-munition-remnant', 'unknown'];
const OUTCOMES = ['killed', 'injured'];
const SEXES = ['female', 'male', 'unknown'];
const AGE_BANDS = ['0-17', '18-29', '30-44', '45-59', '60+', 'unknown'];
const STATUSES = ['civilian', 'military', 'deminer', 'unknown'];
const CONSENTS = ['given', 'refused', 'not-asked'];
const MECHANISMS = ['victim-assistance', 'disability'];

export function victimsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('casualty_records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // A State code, checked on write; no foreign key: records outlive a reload of data/.
        .addColumn('iso3', 'text', (c) => c.notNull())
        .addColumn('incident_date', 'text', (c) => c.notNull())
        .addColumn('incident_year', 'integer', (c) => c.notNull())
        .addColumn('historic', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lat', 'double precision')
        .addColumn('lon', 'double precision')
        .addColumn('admin_area', 'text')
        .addColumn('device', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('sex', 'text', (c) => c.notNull())
        .addColumn('age', 'integer')
        .addColumn('age_band', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('child', 'integer')
        .addColumn('activity', 'text', (c) => c.notNull())
        .addColumn('needs', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('referrals', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('recorded', 'text', (c) => c.notNull())
        .addCheckConstraint('casualty_records_device', oneOf('device', DEVICES))
        .addCheckConstraint('casualty_records_outcome', oneOf('outcome', OUTCOMES))
        .addCheckConstraint('casualty_records_sex', oneOf('sex', SEXES))
        .addCheckConstraint('casualty_records_age_band', oneOf('age_band', AGE_BANDS))
        .addCheckConstraint('casualty_records_status', oneOf('status', STATUSES))
        .addCheckConstraint('casualty_records_age', sql`age is null or (age between 0 and 120)`)
        .addCheckConstraint('casualty_records_flags', sql`historic in (0, 1) and synthetic in (0, 1)`)
        .addCheckConstraint('casualty_records_date', dayShape(dialect, 'incident_date'))
        .execute();
      await db.schema
        .createIndex('casualty_records_state_year')
        .on('casualty_records')
        .columns(['iso3', 'incident_year'])
        .execute();
      await db.schema
        .createTable('casualty_personal')
        .addColumn('record_id', 'text', (c) => c.primaryKey().references('casualty_records.id').onDelete('cascade'))
        .addColumn('name', 'text')
        .addColumn('contact', 'text')
        .addColumn('consent', 'text', (c) => c.notNull())
        .addColumn('consent_date', 'text')
        .addCheckConstraint('casualty_personal_consent', oneOf('consent', CONSENTS))
        .addCheckConstraint('casualty_personal_consent_date', dayShape(dialect, 'consent_date'))
        .execute();
      // Reference data from data/victim_assistance_frameworks.csv (reloaded by the seed).
      await db.schema
        .createTable('va_frameworks')
        .addColumn('id', 'integer', idColumn(dialect))
        .addColumn('iso3', 'text', (c) => c.notNull().references('states.iso3'))
        .addColumn('reported', 'text', (c) => c.notNull())
        .addColumn('significant', 'integer')
        .addColumn('mechanism_type', 'text')
        .addColumn('mechanism_since', 'text')
        .addColumn('plan_title', 'text')
        .addColumn('plan_from', 'text')
        .addColumn('plan_to', 'text')
        .addColumn('survivor_participation', 'integer')
        .addColumn('services', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
        .addCheckConstraint('va_frameworks_reported', dayShape(dialect, 'reported'))
        .addCheckConstraint(
          'va_frameworks_mechanism',
          sql`mechanism_type is null or ${oneOf('mechanism_type', MECHANISMS)}`,
        )
        .addCheckConstraint('va_frameworks_mechanism_since', partialDateShape(dialect, 'mechanism_since'))
        .addCheckConstraint('va_frameworks_plan_from', partialDateShape(dialect, 'plan_from'))
        .addCheckConstraint('va_frameworks_plan_to', partialDateShape(dialect, 'plan_to'))
        .execute();
      await db.schema.createIndex('va_frameworks_iso3').on('va_frameworks').columns(['iso3', 'reported']).execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('va_frameworks').execute();
      await db.schema.dropTable('casualty_personal').execute();
      await db.schema.dropTable('casualty_records').execute();
    },
  };
}
