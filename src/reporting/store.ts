/**
 * Article 7 report records in the database. A write is one transaction: the write lock, the
 * State's stored records read, the new ones checked against them, the rows and one audit row
 * written; a refused write leaves nothing.
 */
import type { Kysely } from 'kysely';
import { RejectedWriteError, isUniqueViolation } from '../core/rejection.js';
import type { StateCode } from '../core/states.js';
import { type Actor, writeAudit } from '../store/audit.js';
import { insertBatched } from '../store/batch.js';
import type { Database, DialectName, Store } from '../store/database.js';
import { latestAuditId } from '../store/versions.js';
import { lockForWrite } from '../store/write-lock.js';
import { type CheckContext, recordProblems } from './checks.js';
import type { ReportRecord, StoredReportRecord } from './model.js';
import { recordFromRow, recordRow } from './store-rows.js';

/** Audit entities whose rows change the records (`database`: a reload of data/). */
export const REPORTING_ENTITIES = ['article7-report', 'database'] as const;

/** Moves whenever a record may have changed. */
export const reportsVersion = (store: Store): Promise<number> =>
  latestAuditId(store.db, { entities: REPORTING_ENTITIES });

/** Writes the records of data/ (an empty table is assumed: the seed calls it in its transaction). */
export async function insertReportRecords(
  db: Kysely<Database>,
  dialect: DialectName,
  records: readonly ReportRecord[],
): Promise<void> {
  if (records.length > 0) await insertBatched(db, dialect, 'article7_reports', records.map(recordRow));
}

/** Every record, or one State's, in the order stored. */
export async function loadReportRecords(db: Kysely<Database>, iso3?: StateCode): Promise<StoredReportRecord[]> {
  let query = db.selectFrom('article7_reports').selectAll();
  if (iso3 !== undefined) query = query.where('iso3', '=', iso3);
  return (await query.orderBy('id').execute()).map(recordFromRow);
}

/**
 * Adds one record of a State, checked against the State's stored records (a second submission of
 * the same report is a conflict). Problems name the body field at fault.
 */
export async function addReportRecord(
  store: Store,
  record: ReportRecord,
  actor: Actor,
  context: CheckContext,
): Promise<StoredReportRecord> {
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store.dialect, `minefree.reporting.${record.iso3}`);
    const stored = await loadReportRecords(trx, record.iso3);
    const [problem] = recordProblems([record], context, stored);
    if (problem !== undefined) {
      const duplicate = problem.field === 'report' && problem.expected.startsWith('one submission');
      throw new RejectedWriteError(duplicate ? 'conflict' : 'invalid', problem.field, problem.expected, problem.found);
    }
    const found = await trx.selectFrom('sources').select('id').where('id', 'in', record.sources).execute();
    const missing = record.sources.find((id) => !found.some((f) => f.id === id));
    if (missing !== undefined) throw new RejectedWriteError('invalid', 'sources', 'the id of a stored source', missing);
    let added: StoredReportRecord;
    try {
      const row = await trx
        .insertInto('article7_reports')
        .values(recordRow(record))
        .returningAll()
        .executeTakeFirstOrThrow();
      added = recordFromRow(row);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new RejectedWriteError(
          'conflict',
          'report',
          'one submission per State and report',
          String(record.report),
        );
      throw error;
    }
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'article7-report',
      entityId: record.iso3,
      before: null,
      after: added,
    });
    return added;
  });
}
