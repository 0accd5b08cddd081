/**
 * A casualty record is keyed by its State and its pseudonymous id: `primary key (iso3, id)`.
 * Two national authorities may number their records alike ("C-0001"), so an id is unique within
 * a State, not across States; the routes already name a record by State and id. The one key is
 * also the only index: the State's records sit together (the aggregates read them as a range), so
 * the separate (iso3, incident_year) index goes, and a bulk import maintains one B-tree a row
 * instead of three (SQLite: a WITHOUT ROWID table, measured 30 % less time a row than the rowid
 * table with its two indexes). Personal details follow the key: `casualty_personal` gains `iso3`.
 * SQLite cannot change a primary key, so both tables are rebuilt (the twelve steps, as 0017 does).
 */
import { type Kysely, type Migration, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../../store/database.js';
import { dayShape, oneOf } from '../../store/migration-helpers.js';

// Literal lists, as in 0010 and 0017: a migration is a snapshot.
const DEVICES = ['ap-mine', 'improvised-ap-mine', 'av-mine', 'erw', 'cluster-munition-remnant', 'unknown'];
const OUTCOMES = ['killed', 'injured'];
const SEXES = ['female', 'male', 'unknown'];
const AGE_BANDS = ['0-17', '18-29', '30-44', '45-59', '60+', 'unknown'];
const STATUSES = ['civilian', 'military', 'deminer', 'unknown'];
const CONSENTS = ['given', 'refused', 'not-asked'];

/** 0017's form of a value list on SQLite (no per-statement IN table). */
const anyOf = (column: string, values: readonly string[]): RawBuilder<SqlBool> =>
  sql<SqlBool>`(${sql.join(
    values.map((v) => sql`${sql.ref(column)} = ${sql.lit(v)}`),
    sql` or `,
  )})`;

const RECORD_COLUMNS =
  'id, iso3, incident_date, incident_year, historic, lat, lon, admin_area, device, outcome, sex, age, age_band, status, child, activity, needs, referrals, synthetic, recorded';
const PERSONAL_COLUMNS = 'record_id, name, contact, consent, consent_date';

type Key = 'state-and-id' | 'id';

async function createRecords(db: Kysely<unknown>, table: string, key: Key): Promise<void> {
  const build = db.schema
    .createTable(table)
    .addColumn('id', 'text', (c) => (key === 'id' ? c.primaryKey() : c.notNull()))
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
    .addCheckConstraint('casualty_records_device', anyOf('device', DEVICES))
    .addCheckConstraint('casualty_records_outcome', anyOf('outcome', OUTCOMES))
    .addCheckConstraint('casualty_records_sex', anyOf('sex', SEXES))
    .addCheckConstraint('casualty_records_age_band', anyOf('age_band', AGE_BANDS))
    .addCheckConstraint('casualty_records_status', anyOf('status', STATUSES))
    .addCheckConstraint('casualty_records_age', sql`age is null or (age between 0 and 120)`)
    .addCheckConstraint('casualty_records_flags', sql`historic in (0, 1) and synthetic in (0, 1)`)
    .addCheckConstraint('casualty_records_date', dayShape('sqlite', 'incident_date'));
  if (key === 'id') {
    await build.execute();
    return;
  }
  await build
    .addPrimaryKeyConstraint('casualty_records_pkey', ['iso3', 'id'])
    .modifyEnd(sql`without rowid`)
    .execute();
}

async function createPersonal(db: Kysely<unknown>, table: string, key: Key): Promise<void> {
  if (key === 'id') {
    await db.schema
      .createTable(table)
      .addColumn('record_id', 'text', (c) => c.primaryKey().references('casualty_records.id').onDelete('cascade'))
      .addColumn('name', 'text')
      .addColumn('contact', 'text')
      .addColumn('consent', 'text', (c) => c.notNull())
      .addColumn('consent_date', 'text')
      .addCheckConstraint('casualty_personal_consent', oneOf('consent', CONSENTS))
      .addCheckConstraint('casualty_personal_consent_date', dayShape('sqlite', 'consent_date'))
      .execute();
    return;
  }
  await db.schema
    .createTable(table)
    .addColumn('iso3', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('contact', 'text')
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('consent_date', 'text')
    .addCheckConstraint('casualty_personal_consent', oneOf('consent', CONSENTS))
    .addCheckConstraint('casualty_personal_consent_date', dayShape('sqlite', 'consent_date'))
    .addPrimaryKeyConstraint('casualty_personal_pkey', ['iso3', 'record_id'])
    .addForeignKeyConstraint(
      'casualty_personal_record',
      ['iso3', 'record_id'],
      'casualty_records',
      ['iso3', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .execute();
}

/** SQLite: both tables rebuilt under the other key, every row kept (foreign keys off while copying, then checked). */
async function rebuildSqlite(db: Kysely<unknown>, key: Key): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await createRecords(trx, 'casualty_records_new', key);
      const records = sql.raw(RECORD_COLUMNS);
      // Ordered by the new key: a WITHOUT ROWID table fills fastest in key order.
      await sql`insert into casualty_records_new (${records}) select ${records} from casualty_records order by iso3, id`.execute(
        trx,
      );
      await createPersonal(trx, 'casualty_personal_new', key);
      const personal = sql.raw(PERSONAL_COLUMNS);
      if (key === 'state-and-id')
        await sql`insert into casualty_personal_new (iso3, ${personal})
          select r.iso3, ${sql.raw(
            PERSONAL_COLUMNS.split(', ')
              .map((c) => `p.${c}`)
              .join(', '),
          )}
          from casualty_personal p join casualty_records r on r.id = p.record_id`.execute(trx);
      else
        await sql`insert into casualty_personal_new (${personal}) select ${personal} from casualty_personal`.execute(
          trx,
        );
      await trx.schema.dropTable('casualty_personal').execute();
      await trx.schema.dropTable('casualty_records').execute();
      await trx.schema.alterTable('casualty_records_new').renameTo('casualty_records').execute();
      await trx.schema.alterTable('casualty_personal_new').renameTo('casualty_personal').execute();
      if (key === 'id')
        await trx.schema
          .createIndex('casualty_records_state_year')
          .on('casualty_records')
          .columns(['iso3', 'incident_year'])
          .execute();
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0)
        throw new Error(`foreign keys broken by the casualty tables' rebuild: ${JSON.stringify(broken.rows)}`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/** PostgreSQL changes keys in place, in the migration's transaction. */
async function rekeyPostgres(db: Kysely<unknown>, key: Key): Promise<void> {
  await sql`alter table casualty_personal drop constraint if exists casualty_personal_record_id_fkey`.execute(db);
  await sql`alter table casualty_personal drop constraint if exists casualty_personal_record`.execute(db);
  await sql`alter table casualty_personal drop constraint casualty_personal_pkey`.execute(db);
  await sql`alter table casualty_records drop constraint casualty_records_pkey`.execute(db);
  if (key === 'state-and-id') {
    await sql`drop index casualty_records_state_year`.execute(db);
    await sql`alter table casualty_records add constraint casualty_records_pkey primary key (iso3, id)`.execute(db);
    await sql`alter table casualty_personal add column iso3 text`.execute(db);
    await sql`update casualty_personal p set iso3 = r.iso3 from casualty_records r where r.id = p.record_id`.execute(
      db,
    );
    await sql`alter table casualty_personal alter column iso3 set not null`.execute(db);
    await sql`alter table casualty_personal add constraint casualty_personal_pkey primary key (iso3, record_id)`.execute(
      db,
    );
    await sql`alter table casualty_personal add constraint casualty_personal_record
      foreign key (iso3, record_id) references casualty_records (iso3, id) on delete cascade`.execute(db);
    return;
  }
  await sql`alter table casualty_records add constraint casualty_records_pkey primary key (id)`.execute(db);
  await sql`create index casualty_records_state_year on casualty_records (iso3, incident_year)`.execute(db);
  await sql`alter table casualty_personal drop column iso3`.execute(db);
  await sql`alter table casualty_personal add constraint casualty_personal_pkey primary key (record_id)`.execute(db);
  await sql`alter table casualty_personal add constraint casualty_personal_record_id_fkey
    foreign key (record_id) references casualty_records (id) on delete cascade`.execute(db);
}

export function casualtyKeysMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') await rebuildSqlite(db, 'state-and-id');
      else await rekeyPostgres(db, 'state-and-id');
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') await rebuildSqlite(db, 'id');
      else await rekeyPostgres(db, 'id');
    },
  };
}
