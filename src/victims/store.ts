/**
 * Casualty records in the database. A write is one transaction: the write lock, the checks that
 * need the stored rows (no mixing of demo and real records in a State, no id stored twice), the
 * rows in batches and one audit row; a refused write leaves nothing. Personal details are read
 * only by `readPersonal`, which writes an audit row for every read. The public aggregates are
 * group-bys: no query here returns a record to a public route.
 */
import { type Kysely, sql } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import { RejectedWriteError, isUniqueViolation } from '../core/rejection.js';
import type { StateCode } from '../core/states.js';
import { type Actor, writeAudit } from '../store/audit.js';
import { insertBatched } from '../store/batch.js';
import type { Database, DialectName, Store } from '../store/database.js';
import type { BulkChunk } from '../store/bulk.js';
import { latestAuditId } from '../store/versions.js';
import { lockForWrite } from '../store/write-lock.js';
import type { YearOutcomeCount } from './aggregates.js';
import type { DimensionCounts } from './aggregates.js';
import type { CasualtyRecord, FrameworkReport, Outcome, PersonalDetails } from './model.js';
import {
  frameworkFromRow,
  frameworkRow,
  personalFromRow,
  personalRow,
  RECORD_ROW_COLUMNS,
  recordFixed,
  recordFromRow,
  recordValues,
} from './store-rows.js';

/** Audit entities whose rows change the records (`database`: a reload of data/ changes the frameworks). */
export const VICTIMS_ENTITIES = ['casualties', 'database'] as const;
/** The audit entity of a read of personal data (kept out of the public data version, store/versions.ts). */
export const PERSONAL_READ_ENTITY = 'personal-data';
const LOCK = 'minefree.casualties';

export const victimsVersion = (store: Store): Promise<number> =>
  latestAuditId(store.db, { entities: VICTIMS_ENTITIES });

/** A record as the audit log names it: ids are unique within a State (`KHM/C-0001`). */
const recordKey = (iso3: StateCode, id: string): string => `${iso3}/${id}`;

/** How a refused write names its record `index`: `records[3]`, or a file's `casualties.csv row 5`. */
export type RecordName = (index: number) => string;
const listed: RecordName = (index) => `records[${index}]`;

/** Whether `iso3` holds demo records (true), real ones (false) or none (null). */
export async function holdsSynthetic(db: Kysely<Database>, iso3: StateCode): Promise<boolean | null> {
  const row = await db
    .selectFrom('casualty_records')
    .select('synthetic')
    .where('iso3', '=', iso3)
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : row.synthetic === 1;
}

/** The first of `ids` already stored, or null (looked for in chunks: only on the error path of a large import). */
async function firstStored(db: Kysely<Database>, iso3: StateCode, ids: readonly string[]): Promise<string | null> {
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const row = await db
      .selectFrom('casualty_records')
      .select('id')
      .where('iso3', '=', iso3)
      .where('id', 'in', chunk)
      .limit(1)
      .executeTakeFirst();
    if (row !== undefined) return row.id;
  }
  return null;
}

export interface RecordsWritten {
  iso3: StateCode;
  added: number;
  personal: number;
  synthetic: boolean;
}

/**
 * Adds the records of one State (checked by `readRecord`, ids unique among them), with any
 * personal details, all or none, with one audit row. `recorded`: the day they are stored.
 */
export async function addRecords(
  store: Store,
  iso3: StateCode,
  records: readonly CasualtyRecord[],
  personal: readonly PersonalDetails[],
  actor: Actor,
  options: { recorded: CalendarDate; name?: RecordName; source?: string },
): Promise<RecordsWritten> {
  const name = options.name ?? listed;
  if (records.length === 0) throw new RejectedWriteError('invalid', 'records', 'at least one record');
  const synthetic = records[0]?.synthetic ?? false;
  const other = records.findIndex((r) => r.synthetic !== synthetic || r.state !== iso3);
  if (other >= 0) throw new RejectedWriteError('invalid', name(other), `records of ${iso3}, all demo or all real`);
  try {
    return await store.db.transaction().execute(async (trx) => {
      await lockForWrite(trx, store.dialect, LOCK);
      const held = await holdsSynthetic(trx, iso3);
      if (held !== null && held !== synthetic)
        throw new RejectedWriteError('conflict', 'records', mixRefusal(iso3, held));
      await insertRecordRows(store, trx, iso3, records, options.recorded);
      if (personal.length > 0)
        await insertBatched(
          trx,
          store.dialect,
          'casualty_personal',
          personal.map((p) => personalRow(iso3, p)),
        );
      await writeAudit(trx, actor, {
        action: 'create',
        entity: 'casualties',
        entityId: iso3,
        before: null,
        // Counts only: the audit log never holds a record or a personal field.
        after: { added: records.length, personal: personal.length, synthetic, source: options.source ?? null },
      });
      return { iso3, added: records.length, personal: personal.length, synthetic };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const ids = records.map((r) => r.id);
    const duplicate = await firstStored(store.db, iso3, ids);
    const index = duplicate === null ? -1 : ids.indexOf(duplicate);
    throw new RejectedWriteError(
      'conflict',
      index < 0 ? 'records' : `${name(index)}.id`,
      'a pseudonymous id not already stored',
      duplicate,
    );
  }
}

async function insertRecordRows(
  store: Store,
  trx: Kysely<Database>,
  iso3: StateCode,
  records: readonly CasualtyRecord[],
  recorded: CalendarDate,
): Promise<void> {
  // One row of values at a time, so a million records never become a million row arrays at once.
  function* values(): Generator<unknown[]> {
    for (const r of records) yield recordValues(r);
  }
  const synthetic = records[0]?.synthetic ?? false;
  await store.bulkInsert(trx, 'casualty_records', RECORD_ROW_COLUMNS, values(), recordFixed(iso3, synthetic, recorded));
}

/**
 * Checked records as a file is read: batches of records (all of one State, all demo or all real),
 * written while the rest is read. The source throws, after its last batch, when the file held a
 * problem: the transaction then rolls back and nothing is written.
 */
export interface RecordStream {
  synthetic: boolean;
  batches: AsyncIterable<readonly CasualtyRecord[]> | Iterable<readonly CasualtyRecord[]>;
  /** Every id the stream gave, for finding the one the database refused. */
  ids: () => Iterable<string>;
  /** How a refused write names the record with this id (`casualties.csv row 5`). */
  name: (id: string) => string;
}

/**
 * Records made ready to write by a reader in another thread (worker-read.ts): chunks of the
 * store's kind (`store.bulkChunk`), checked there (all of the State, all demo or all real).
 */
export interface ReadyRecordStream {
  synthetic: boolean;
  chunks: AsyncIterable<BulkChunk>;
  /** Every id read, asked of the reader only when the database refused one. */
  ids: () => Promise<Iterable<string>>;
  name: (id: string) => string;
}

/** Adds a stream of one State's records, all or none, with one audit row. */
export async function addRecordStream(
  store: Store,
  iso3: StateCode,
  stream: RecordStream | ReadyRecordStream,
  actor: Actor,
  options: { recorded: CalendarDate; source?: string },
): Promise<RecordsWritten> {
  const { synthetic, recorded } = { synthetic: stream.synthetic, recorded: options.recorded };
  try {
    return await store.db.transaction().execute(async (trx) => {
      await lockForWrite(trx, store.dialect, LOCK);
      const held = await holdsSynthetic(trx, iso3);
      if (held !== null && held !== synthetic)
        throw new RejectedWriteError('conflict', 'records', mixRefusal(iso3, held));
      async function* rows(batches: RecordStream['batches']): AsyncGenerator<unknown[][]> {
        for await (const batch of batches) {
          const out: unknown[][] = new Array<unknown[]>(batch.length);
          for (let i = 0; i < batch.length; i++) {
            const r = batch[i] as CasualtyRecord;
            if (r.state !== iso3 || r.synthetic !== synthetic)
              throw new RejectedWriteError('invalid', stream.name(r.id), `records of ${iso3}, all demo or all real`);
            out[i] = recordValues(r);
          }
          yield out;
        }
      }
      const added = await store.bulkInsert(
        trx,
        'casualty_records',
        RECORD_ROW_COLUMNS,
        'chunks' in stream ? stream.chunks : rows(stream.batches),
        recordFixed(iso3, synthetic, recorded),
      );
      if (added === 0) throw new RejectedWriteError('invalid', 'records', 'at least one record');
      await writeAudit(trx, actor, {
        action: 'create',
        entity: 'casualties',
        entityId: iso3,
        before: null,
        // Counts only: the audit log never holds a record or a personal field.
        after: { added, personal: 0, synthetic, source: options.source ?? null },
      });
      return { iso3, added, personal: 0, synthetic };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const duplicate = await firstStored(store.db, iso3, [...(await stream.ids())]);
    throw new RejectedWriteError(
      'conflict',
      duplicate === null ? 'records' : `${stream.name(duplicate)}.id`,
      'a pseudonymous id not already stored',
      duplicate,
    );
  }
}

const mixRefusal = (iso3: StateCode, held: boolean): string =>
  held
    ? `no real records for ${iso3} while it holds demo records (delete them first: minefree demo casualties --state ${iso3} --delete)`
    : `no demo records for ${iso3}: it holds real records`;

/** Deletes the demo records of a State (never real ones), with one audit row; returns how many. */
export async function deleteSynthetic(store: Store, iso3: StateCode, actor: Actor): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store.dialect, LOCK);
    const result = await trx
      .deleteFrom('casualty_records')
      .where('iso3', '=', iso3)
      .where('synthetic', '=', 1)
      .executeTakeFirst();
    const deleted = Number(result.numDeletedRows);
    if (deleted > 0)
      await writeAudit(trx, actor, {
        action: 'delete',
        entity: 'casualties',
        entityId: iso3,
        before: { synthetic: deleted },
        after: null,
      });
    return deleted;
  });
}

/** Records of `iso3` known on `asOf`, counted by year and outcome. */
export async function yearOutcomeCounts(
  store: Store,
  iso3: StateCode,
  asOf: CalendarDate,
): Promise<YearOutcomeCount[]> {
  const rows = await store.db
    .selectFrom('casualty_records')
    .select(['incident_year', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .where('iso3', '=', iso3)
    .where('incident_date', '<=', asOf)
    .where('recorded', '<=', asOf)
    .groupBy(['incident_year', 'outcome'])
    .execute();
  return rows.map((r) => ({ year: Number(r.incident_year), outcome: r.outcome as Outcome, count: Number(r.n) }));
}

/** Records of `iso3` known on `asOf`, counted by sex, age band, status and device. */
export async function dimensionCounts(store: Store, iso3: StateCode, asOf: CalendarDate): Promise<DimensionCounts> {
  const count = async (column: 'sex' | 'age_band' | 'status' | 'device'): Promise<Map<string, number>> => {
    const rows = await store.db
      .selectFrom('casualty_records')
      .select([sql<string>`${sql.ref(column)}`.as('key'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('iso3', '=', iso3)
      .where('incident_date', '<=', asOf)
      .where('recorded', '<=', asOf)
      .groupBy(column)
      .execute();
    return new Map(rows.map((r) => [r.key, Number(r.n)]));
  };
  return {
    sex: await count('sex'),
    ageBand: await count('age_band'),
    status: await count('status'),
    device: await count('device'),
  };
}

/** Records of every State known on `asOf`, counted by State, year and device; `synthetic` when any is a demo record. */
export async function stateYearDeviceCounts(
  store: Store,
  asOf: CalendarDate,
): Promise<{ iso3: StateCode; year: number; device: string; count: number; synthetic: boolean }[]> {
  const rows = await store.db
    .selectFrom('casualty_records')
    .select([
      'iso3',
      'incident_year',
      'device',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.max('synthetic').as('synthetic'),
    ])
    .where('incident_date', '<=', asOf)
    .where('recorded', '<=', asOf)
    .groupBy(['iso3', 'incident_year', 'device'])
    .execute();
  return rows.map((r) => ({
    iso3: r.iso3,
    year: Number(r.incident_year),
    device: r.device,
    count: Number(r.n),
    synthetic: Number(r.synthetic) === 1,
  }));
}

/** The States that hold records, and whether they are demo records. */
export async function statesWithRecords(store: Store): Promise<{ iso3: StateCode; synthetic: boolean }[]> {
  const rows = await store.db
    .selectFrom('casualty_records')
    .select(['iso3', (eb) => eb.fn.max('synthetic').as('synthetic')])
    .groupBy('iso3')
    .orderBy('iso3')
    .execute();
  return rows.map((r) => ({ iso3: r.iso3, synthetic: Number(r.synthetic) === 1 }));
}

/** Records of one State for editors, in id order, a page at a time (no personal field). */
export async function listRecords(
  store: Store,
  iso3: StateCode,
  page: { limit: number; offset: number },
): Promise<{ total: number; records: CasualtyRecord[] }> {
  const total = await store.db
    .selectFrom('casualty_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('iso3', '=', iso3)
    .executeTakeFirstOrThrow();
  const rows = await store.db
    .selectFrom('casualty_records')
    .selectAll()
    .where('iso3', '=', iso3)
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total.n), records: rows.map(recordFromRow) };
}

export async function getRecord(store: Store, iso3: StateCode, id: string): Promise<CasualtyRecord | null> {
  const row = await store.db
    .selectFrom('casualty_records')
    .selectAll()
    .where('iso3', '=', iso3)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? null : recordFromRow(row);
}

/**
 * The personal details of one record, and an audit row saying who read them (the fields read,
 * never their values), in one transaction: no read without its row. Null when none are recorded.
 */
export async function readPersonal(
  store: Store,
  iso3: StateCode,
  recordId: string,
  actor: Actor,
): Promise<PersonalDetails | null> {
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('casualty_personal')
      .selectAll()
      .where('iso3', '=', iso3)
      .where('record_id', '=', recordId)
      .executeTakeFirst();
    await writeAudit(trx, actor, {
      action: 'read',
      entity: PERSONAL_READ_ENTITY,
      entityId: recordKey(iso3, recordId),
      before: null,
      after: { found: row !== undefined, fields: ['name', 'contact', 'consent', 'consentDate'] },
    });
    return row === undefined ? null : personalFromRow(row);
  });
}

/** Records (or replaces) the personal details of a stored record, with one audit row (no values in it). */
export async function writePersonal(
  store: Store,
  iso3: StateCode,
  details: PersonalDetails,
  actor: Actor,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store.dialect, LOCK);
    const record = await trx
      .selectFrom('casualty_records')
      .select('id')
      .where('iso3', '=', iso3)
      .where('id', '=', details.recordId)
      .executeTakeFirst();
    if (record === undefined)
      throw new RejectedWriteError('not-found', 'recordId', `the id of a stored record of ${iso3}`, details.recordId);
    await trx
      .deleteFrom('casualty_personal')
      .where('iso3', '=', iso3)
      .where('record_id', '=', details.recordId)
      .execute();
    await trx.insertInto('casualty_personal').values(personalRow(iso3, details)).execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entity: 'casualties',
      entityId: recordKey(iso3, details.recordId),
      before: null,
      after: { personal: true, consent: details.consent },
    });
  });
}

/** Seed: the frameworks of data/ in the given transaction. */
export async function insertFrameworks(
  db: Kysely<Database>,
  dialect: DialectName,
  reports: readonly FrameworkReport[],
): Promise<void> {
  await insertBatched(db, dialect, 'va_frameworks', reports.map(frameworkRow));
}

export async function loadFrameworks(db: Kysely<Database>): Promise<FrameworkReport[]> {
  return (await db.selectFrom('va_frameworks').selectAll().orderBy('id').execute()).map(frameworkFromRow);
}
