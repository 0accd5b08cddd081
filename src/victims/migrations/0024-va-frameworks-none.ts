/**
 * A source's "None" in `va_frameworks`: `mechanism_type` may be `none` (no mechanism, no `since`),
 * and `plan_none` = 1 says the source states there was no plan (no title, no dates). Before this,
 * an empty cell stood for both "not found" and "none". SQLite cannot change a CHECK constraint, so
 * its table is rebuilt and its rows copied (no table refers to `va_frameworks`); PostgreSQL alters
 * the constraint in place. Down turns a stated none back into "not found" (the seed reloads the table).
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { dayShape, idColumn, oneOf, partialDateShape } from '../../store/migration-helpers.js';

// Literal lists: a migration is a snapshot, it does not follow the model.
const MECHANISMS_BEFORE = ['victim-assistance', 'disability'];
const MECHANISMS = ['victim-assistance', 'disability', 'none'];

const COLUMNS_BEFORE =
  'id, iso3, reported, significant, mechanism_type, mechanism_since, plan_title, plan_from, plan_to, survivor_participation, services, sources, notes';

const noneWithoutDate = sql`mechanism_type is null or mechanism_type <> 'none' or mechanism_since is null`;
const planNoneShape = sql`plan_none in (0, 1) and (plan_none = 0 or (plan_title is null and plan_from is null and plan_to is null))`;

/** The SQLite table as 0010 made it (`withNone` false) or as this migration makes it. */
async function rebuildSqlite(db: Kysely<unknown>, withNone: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    let table = trx.schema
      .createTable('va_frameworks_new')
      .addColumn('id', 'integer', idColumn('sqlite'))
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
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''));
    if (withNone) table = table.addColumn('plan_none', 'integer', (c) => c.notNull().defaultTo(0));
    table = table
      .addCheckConstraint('va_frameworks_reported', dayShape('sqlite', 'reported'))
      .addCheckConstraint(
        'va_frameworks_mechanism',
        sql`mechanism_type is null or ${oneOf('mechanism_type', withNone ? MECHANISMS : MECHANISMS_BEFORE)}`,
      )
      .addCheckConstraint('va_frameworks_mechanism_since', partialDateShape('sqlite', 'mechanism_since'))
      .addCheckConstraint('va_frameworks_plan_from', partialDateShape('sqlite', 'plan_from'))
      .addCheckConstraint('va_frameworks_plan_to', partialDateShape('sqlite', 'plan_to'));
    if (withNone)
      table = table
        .addCheckConstraint('va_frameworks_mechanism_none', noneWithoutDate)
        .addCheckConstraint('va_frameworks_plan_none', planNoneShape);
    await table.execute();
    const columns = sql.raw(COLUMNS_BEFORE);
    await sql`insert into va_frameworks_new (${columns}) select ${columns} from va_frameworks`.execute(trx);
    await trx.schema.dropTable('va_frameworks').execute();
    await trx.schema.alterTable('va_frameworks_new').renameTo('va_frameworks').execute();
    await trx.schema.createIndex('va_frameworks_iso3').on('va_frameworks').columns(['iso3', 'reported']).execute();
  });
}

export function vaFrameworksNoneMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') return rebuildSqlite(db, true);
      await sql`alter table va_frameworks drop constraint va_frameworks_mechanism`.execute(db);
      await sql`alter table va_frameworks add constraint va_frameworks_mechanism check (mechanism_type is null or ${oneOf('mechanism_type', MECHANISMS)})`.execute(
        db,
      );
      await sql`alter table va_frameworks add constraint va_frameworks_mechanism_none check (${noneWithoutDate})`.execute(
        db,
      );
      await sql`alter table va_frameworks add column plan_none integer not null default 0`.execute(db);
      await sql`alter table va_frameworks add constraint va_frameworks_plan_none check (${planNoneShape})`.execute(db);
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await sql`update va_frameworks set mechanism_type = null where mechanism_type = 'none'`.execute(db);
      if (dialect === 'sqlite') return rebuildSqlite(db, false);
      await sql`alter table va_frameworks drop constraint va_frameworks_plan_none`.execute(db);
      await sql`alter table va_frameworks drop column plan_none`.execute(db);
      await sql`alter table va_frameworks drop constraint va_frameworks_mechanism_none`.execute(db);
      await sql`alter table va_frameworks drop constraint va_frameworks_mechanism`.execute(db);
      await sql`alter table va_frameworks add constraint va_frameworks_mechanism check (mechanism_type is null or ${oneOf('mechanism_type', MECHANISMS_BEFORE)})`.execute(
        db,
      );
    },
  };
}
