/**
 * The Article 5 workflow in the database (issue 4, §4), queries only: extension requests, the
 * decision on each, declarations of completion. A granted decision is written to the treaty
 * engine's own extension_decisions (treaty/store.ts), so there is one chain of deadlines. Each
 * write runs in article5Write's transaction, where service.ts checks it against what is stored;
 * each writes its audit row.
 */
import type { Kysely } from 'kysely';
import type { CalendarDate } from '../../core/date.js';
import type { PartialDate } from '../../core/partial-date.js';
import type { SourceId } from '../../core/source.js';
import type { StateCode } from '../../core/states.js';
import { type Actor, writeAudit } from '../../store/audit.js';
import type { DialectName, Store } from '../../store/database.js';
import { RejectedWriteError, isUniqueViolation } from '../../core/rejection.js';
import type { Database } from '../../store/database.js';
import { sqliteWriteLock } from '../../store/write-lock.js';
import { type ExtensionDecisionRecord, insertExtensionDecision } from '../../treaty/store.js';
import type {
  ExtensionDecisionOutcome,
  ExtensionRequestInput,
  StoredCompletionDeclaration,
  StoredExtensionRequest,
} from '../model.js';
import { declarationFromRow, declarationRow, requestFromRow, requestRow } from './article5-rows.js';

/** A write's transaction: what its reads see is what its writes will meet. */
export type Article5Transaction = Kysely<Database>;

/** Runs `work` in one transaction; on SQLite the write lock is taken first, so its checks see what the write will meet. */
export function article5Write<T>(store: Store, work: (trx: Article5Transaction) => Promise<T>): Promise<T> {
  return store.db.transaction().execute(async (trx) => {
    if (store.dialect === 'sqlite') await sqliteWriteLock(trx);
    return work(trx);
  });
}

/**
 * article5Write for a decision: two writers may pass the checks at once; the unique position of
 * the engine's chain stops the second, which is told to read again.
 */
export async function decisionWrite<T>(store: Store, work: (trx: Article5Transaction) => Promise<T>): Promise<T> {
  try {
    return await article5Write(store, work);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new RejectedWriteError(
        'conflict',
        'id',
        'no decision written meanwhile by another user (read again, then retry)',
      );
    throw error;
  }
}

export { requireState } from '../../treaty/store.js';

export async function requireSource(trx: Article5Transaction, field: string, id: SourceId | null): Promise<void> {
  if (id !== null && !(await trx.selectFrom('sources').select('id').where('id', '=', id).executeTakeFirst())) {
    throw new RejectedWriteError('invalid', field, 'the id of a stored source', id);
  }
}

/** The State's requests not decided yet, in id order. */
export function pendingRequests(
  trx: Article5Transaction,
  iso3: StateCode,
): Promise<{ id: number; submitted: CalendarDate }[]> {
  return trx
    .selectFrom('extension_requests')
    .select(['id', 'submitted'])
    .where('iso3', '=', iso3)
    .where('outcome', 'is', null)
    .orderBy('id')
    .execute();
}

export async function insertRequest(
  trx: Article5Transaction,
  input: ExtensionRequestInput,
  actor: Actor,
): Promise<StoredExtensionRequest> {
  const row = await trx
    .insertInto('extension_requests')
    .values(requestRow(input))
    .returningAll()
    .executeTakeFirstOrThrow();
  const request = requestFromRow(row);
  await writeAudit(trx, actor, {
    action: 'create',
    entity: 'extension_request',
    entityId: String(request.id),
    before: null,
    after: request,
  });
  return request;
}

/** The request, locked on PostgreSQL (a second decider waits, then sees it decided); refused when there is none. */
export async function requireRequest(
  trx: Article5Transaction,
  dialect: DialectName,
  iso3: StateCode,
  requestId: number,
): Promise<StoredExtensionRequest> {
  const row = await trx
    .selectFrom('extension_requests')
    .selectAll()
    .where('id', '=', requestId)
    .where('iso3', '=', iso3)
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  if (!row)
    throw new RejectedWriteError('not-found', 'id', `the id of an extension request of ${iso3}`, String(requestId));
  return requestFromRow(row);
}

/** The engine's field names for a decision, as a request's decision calls them. */
const DECISION_FIELDS: Record<string, string> = { granted: 'date', deadline: 'newDeadline' };

/** A grant joins the treaty engine's chain of extensions (its refusals renamed to the decision's fields). */
export async function insertGrant(
  trx: Article5Transaction,
  iso3: StateCode,
  decision: ExtensionDecisionOutcome,
  sources: readonly SourceId[],
  actor: Actor,
): Promise<ExtensionDecisionRecord> {
  try {
    return await insertExtensionDecision(
      trx,
      {
        iso3,
        granted: decision.date as string as PartialDate,
        deadline: decision.newDeadline as string as PartialDate | null,
        decidedAtMeeting: decision.meeting,
        sources,
      },
      actor,
    );
  } catch (error) {
    if (!(error instanceof RejectedWriteError) || error.field === null) throw error;
    throw new RejectedWriteError(
      error.reason,
      DECISION_FIELDS[error.field] ?? error.field,
      error.expected,
      error.found,
    );
  }
}

/** Writes the decision on a request still undecided; refused when another was written meanwhile. */
export async function recordDecision(
  trx: Article5Transaction,
  before: StoredExtensionRequest,
  decision: ExtensionDecisionOutcome,
  extensionDecisionId: number | null,
  actor: Actor,
): Promise<StoredExtensionRequest> {
  const updated = await trx
    .updateTable('extension_requests')
    .set({
      outcome: decision.granted ? 'granted' : 'refused',
      decided_on: decision.date,
      meeting: decision.meeting,
      new_deadline: decision.newDeadline,
      extension_decision_id: extensionDecisionId,
    })
    .where('id', '=', before.id)
    .where('outcome', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!updated)
    throw new RejectedWriteError(
      'conflict',
      'id',
      `a request not decided yet (request ${before.id} was decided meanwhile)`,
    );
  const request = requestFromRow(updated);
  await writeAudit(trx, actor, {
    action: 'update',
    entity: 'extension_request',
    entityId: String(request.id),
    before,
    after: request,
  });
  return request;
}

/** The id of the State's declaration on that day, if any. */
export async function declarationOn(
  trx: Article5Transaction,
  iso3: StateCode,
  date: CalendarDate,
): Promise<number | null> {
  const same = await trx
    .selectFrom('completion_declarations')
    .select('id')
    .where('iso3', '=', iso3)
    .where('declared_on', '=', date)
    .executeTakeFirst();
  return same?.id ?? null;
}

export async function insertDeclaration(
  trx: Article5Transaction,
  iso3: StateCode,
  date: CalendarDate,
  sourceId: SourceId | null,
  actor: Actor,
): Promise<StoredCompletionDeclaration> {
  const row = await trx
    .insertInto('completion_declarations')
    .values(declarationRow(iso3, date, sourceId))
    .returningAll()
    .executeTakeFirstOrThrow();
  const declaration = declarationFromRow(row);
  await writeAudit(trx, actor, {
    action: 'create',
    entity: 'completion_declaration',
    entityId: String(declaration.id),
    before: null,
    after: declaration,
  });
  return declaration;
}

/** The State's requests submitted by the date, oldest first, with their decision as stored now. */
export async function listRequests(
  store: Store,
  iso3: StateCode,
  asOf: CalendarDate,
): Promise<StoredExtensionRequest[]> {
  const rows = await store.db
    .selectFrom('extension_requests')
    .selectAll()
    .where('iso3', '=', iso3)
    .where('submitted', '<=', asOf)
    .orderBy('submitted')
    .orderBy('id')
    .execute();
  return rows.map(requestFromRow);
}

/** The State's declarations of completion made by the date, oldest first. */
export async function listDeclarations(
  store: Store,
  iso3: StateCode,
  asOf: CalendarDate,
): Promise<StoredCompletionDeclaration[]> {
  const rows = await store.db
    .selectFrom('completion_declarations')
    .selectAll()
    .where('iso3', '=', iso3)
    .where('declared_on', '<=', asOf)
    .orderBy('declared_on')
    .execute();
  return rows.map(declarationFromRow);
}
