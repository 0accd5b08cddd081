/**
 * Read models kept in the writing transaction (issue 15): the clearance ledger of each State as
 * running totals per series and day, and one row per State with what a summary shows besides
 * (first event days, record counts, bounds), so a cold land-release summary reads a few rows
 * instead of every hazard area. Series names are written by store-ledger.ts; a State without its
 * row (a database from before this migration) gets it built on first read.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';

export function readModelsMigration(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('clearance_ledger_totals')
        .addColumn('iso3', 'text', (c) => c.notNull())
        .addColumn('series', 'text', (c) => c.notNull())
        // yyyymmdd, the day the total changed.
        .addColumn('day', 'integer', (c) => c.notNull())
        .addColumn('total', 'double precision', (c) => c.notNull())
        // 1 on the series' last change of its year: a summary reads these, and the as-of year's days.
        .addColumn('last_in_year', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('clearance_ledger_totals_pk', ['iso3', 'series', 'day'])
        .addCheckConstraint('clearance_ledger_totals_day', sql`day between 10000101 and 99991231`)
        .addCheckConstraint('clearance_ledger_totals_last_in_year', sql`last_in_year in (0, 1)`)
        .execute();
      await db.schema
        .createIndex('clearance_ledger_totals_year_ends')
        .on('clearance_ledger_totals')
        .columns(['iso3', 'last_in_year', 'day'])
        .execute();
      await db.schema
        .createIndex('clearance_ledger_totals_days')
        .on('clearance_ledger_totals')
        .columns(['iso3', 'day'])
        .execute();
      await db.schema
        .createTable('clearance_ledger_states')
        .addColumn('iso3', 'text', (c) => c.primaryKey())
        .addColumn('synthetic', 'integer', (c) => c.notNull())
        .addColumn('first_event', 'integer')
        .addColumn('first_release', 'integer')
        .addColumn('first_device', 'integer')
        .addColumn('hazard_areas', 'integer', (c) => c.notNull())
        .addColumn('activities', 'integer', (c) => c.notNull())
        .addColumn('land_releases', 'integer', (c) => c.notNull())
        .addColumn('devices_destroyed', 'integer', (c) => c.notNull())
        .addColumn('min_x', 'double precision')
        .addColumn('min_y', 'double precision')
        .addColumn('max_x', 'double precision')
        .addColumn('max_y', 'double precision')
        .addCheckConstraint('clearance_ledger_states_synthetic', sql`synthetic in (0, 1)`)
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('clearance_ledger_states').execute();
      await db.schema.dropTable('clearance_ledger_totals').execute();
    },
  };
}
