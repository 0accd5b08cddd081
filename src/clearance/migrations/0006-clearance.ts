/**
 * The clearance pillar (issue 4): hazard areas, the activities on them, the land they release
 * and the devices destroyed. Geometry is GeoJSON text with its bounding box and geodesic area
 * in plain columns, so both engines answer "which areas near here" by index and agree to the
 * square metre (the area is computed in TypeScript on write). Value lists are written out here,
 * not imported from the model: a migration is a snapshot and must not move when the model does.
 */
import { type CreateTableBuilder, type Kysely, type Migration, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';

const oneOf = (column: string, values: readonly string[]): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

/** TEXT shaped YYYY-MM-DD (null allowed; NOT NULL says otherwise). */
function day(dialect: DialectName, column: string): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  return dialect === 'sqlite'
    ? sql<SqlBool>`${ref} is null or ${ref} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`
    : sql<SqlBool>`${ref} is null or ${ref} ~ '^\\d{4}-\\d{2}-\\d{2}$'`;
}

const DEVICE_CATEGORIES = ['ap-mine', 'improvised-ap-mine', 'av-mine', 'erw', 'cluster-munition-remnants'];

/** Polygon columns shared by hazard areas and releases: GeoJSON, area, and a box inside WGS84. */
function withGeometry<T extends string, C extends string>(
  name: string,
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C> {
  return table
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('area_m2', 'double precision', (c) => c.notNull())
    .addColumn('min_x', 'double precision', (c) => c.notNull())
    .addColumn('min_y', 'double precision', (c) => c.notNull())
    .addColumn('max_x', 'double precision', (c) => c.notNull())
    .addColumn('max_y', 'double precision', (c) => c.notNull())
    .addCheckConstraint(`${name}_area_m2`, sql`area_m2 > 0 and area_m2 < 1e15`)
    .addCheckConstraint(
      `${name}_bbox`,
      sql`min_x >= -180 and max_x <= 180 and min_x <= max_x and min_y >= -90 and max_y <= 90 and min_y <= max_y`,
    );
}

export function clearanceMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Deferred: `minefree init --reset` deletes and reloads States and sources in one
      // transaction; the areas pointing at them must only be checked when it commits.
      await withGeometry(
        'hazard_areas',
        db.schema
          .createTable('hazard_areas')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('iso3', 'text', (c) => c.notNull())
          .addColumn('local_ref', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('devices', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('status_date', 'text'),
      )
        .addColumn('information_date', 'text', (c) => c.notNull())
        .addColumn('organisation', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text')
        .addColumn('synthetic', 'integer', (c) => c.notNull())
        .addColumn('previously_unknown', 'integer', (c) => c.notNull())
        .addForeignKeyConstraint('hazard_areas_iso3', ['iso3'], 'states', ['iso3'], (fk) =>
          fk.deferrable().initiallyDeferred(),
        )
        .addForeignKeyConstraint('hazard_areas_source', ['source_id'], 'sources', ['id'], (fk) =>
          fk.deferrable().initiallyDeferred(),
        )
        .addCheckConstraint('hazard_areas_type', oneOf('type', ['SHA', 'CHA']))
        .addCheckConstraint('hazard_areas_status', oneOf('status', ['open', 'closed', 'handed-over']))
        .addCheckConstraint(
          'hazard_areas_status_date',
          sql`(${day(dialect, 'status_date')}) and ((status = 'open') = (status_date is null))`,
        )
        .addCheckConstraint('hazard_areas_information_date', day(dialect, 'information_date'))
        .addCheckConstraint('hazard_areas_flags', sql`synthetic in (0, 1) and previously_unknown in (0, 1)`)
        .execute();
      await db.schema.createIndex('hazard_areas_iso3').on('hazard_areas').column('iso3').execute();
      await db.schema
        .createIndex('hazard_areas_bbox')
        .on('hazard_areas')
        .columns(['min_x', 'max_x', 'min_y', 'max_y'])
        .execute();

      await db.schema
        .createTable('activities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('iso3', 'text', (c) => c.notNull())
        .addColumn('hazard_area_id', 'text', (c) => c.notNull().references('hazard_areas.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('organisation', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text')
        .addForeignKeyConstraint('activities_iso3', ['iso3'], 'states', ['iso3'], (fk) =>
          fk.deferrable().initiallyDeferred(),
        )
        .addCheckConstraint('activities_kind', oneOf('kind', ['non-technical-survey', 'technical-survey', 'clearance']))
        .addCheckConstraint(
          'activities_dates',
          sql`(${day(dialect, 'start_date')}) and (${day(dialect, 'end_date')}) and (end_date is null or end_date >= start_date)`,
        )
        .execute();
      await db.schema.createIndex('activities_iso3').on('activities').column('iso3').execute();
      // Cascading deletes look children up by parent: without these, each delete scans the table.
      await db.schema.createIndex('activities_hazard_area').on('activities').column('hazard_area_id').execute();

      await withGeometry(
        'land_releases',
        db.schema
          .createTable('land_releases')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('iso3', 'text', (c) => c.notNull())
          .addColumn('hazard_area_id', 'text', (c) => c.notNull().references('hazard_areas.id').onDelete('cascade'))
          .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
          .addColumn('kind', 'text', (c) => c.notNull()),
      )
        .addColumn('release_date', 'text', (c) => c.notNull())
        .addForeignKeyConstraint('land_releases_iso3', ['iso3'], 'states', ['iso3'], (fk) =>
          fk.deferrable().initiallyDeferred(),
        )
        .addCheckConstraint('land_releases_kind', oneOf('kind', ['cancelled', 'reduced', 'cleared']))
        .addCheckConstraint('land_releases_date', day(dialect, 'release_date'))
        .execute();
      await db.schema.createIndex('land_releases_iso3').on('land_releases').column('iso3').execute();
      await db.schema
        .createIndex('land_releases_bbox')
        .on('land_releases')
        .columns(['min_x', 'max_x', 'min_y', 'max_y'])
        .execute();
      await db.schema.createIndex('land_releases_hazard_area').on('land_releases').column('hazard_area_id').execute();
      await db.schema.createIndex('land_releases_activity').on('land_releases').column('activity_id').execute();

      await db.schema
        .createTable('devices_destroyed')
        .addColumn('id', 'integer', (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('iso3', 'text', (c) => c.notNull())
        .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('model', 'text')
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('destroyed_on', 'text', (c) => c.notNull())
        .addForeignKeyConstraint('devices_destroyed_iso3', ['iso3'], 'states', ['iso3'], (fk) =>
          fk.deferrable().initiallyDeferred(),
        )
        .addCheckConstraint('devices_destroyed_category', oneOf('category', DEVICE_CATEGORIES))
        .addCheckConstraint('devices_destroyed_count', sql`count >= 1`)
        .addCheckConstraint('devices_destroyed_date', day(dialect, 'destroyed_on'))
        .execute();
      await db.schema.createIndex('devices_destroyed_iso3').on('devices_destroyed').column('iso3').execute();
      await db.schema.createIndex('devices_destroyed_activity').on('devices_destroyed').column('activity_id').execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['devices_destroyed', 'land_releases', 'activities', 'hazard_areas'])
        await db.schema.dropTable(table).execute();
    },
  };
}
