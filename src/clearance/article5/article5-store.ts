/**
 * The Article 5 workflow in the database (issue 4, §4): extension requests, the decision on each,
 * declarations of completion. The rules are extension.ts, work-plan.ts and completion.ts; this
 * file feeds them what is stored. Deadlines come from the treaty engine, built inside each
 * write's transaction, and a granted decision is written to the engine's own extension_decisions
 * (treaty/store.ts), so there is one chain of deadlines. Every write: one transaction, one audit row.
 */
import type { Kysely } from 'kysely';
import type { CalendarDate } from '../../core/date.js';
import { type PartialDate, latestDay } from '../../core/partial-date.js';
import type { SourceId } from '../../core/source.js';
import type { StateCode } from '../../core/states.js';
import { type Actor, writeAudit } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { RejectedWriteError, isUniqueViolation } from '../../store/errors.js';
import type { Database } from '../../store/schema.js';
import { TreatyEngine } from '../../treaty/status.js';
import { type ExtensionDecisionRecord, insertExtensionDecision, readFacts } from '../../treaty/store.js';
import {
  type ExtensionRequestInput,
  type StoredCompletionDeclaration,
  type StoredExtensionRequest,
  dateProblems,
  declarationFromRow,
  declarationRow,
  requestFromRow,
  requestRow,
  requestValueProblems,
} from './article5-rows.js';
import { type ObligationOnDate, obligationOn } from './completion.js';
import {
  type ExtensionProblem,
  type ExtensionRequestCheck,
  checkExtensionDecision,
  checkExtensionRequest,
} from './extension.js';
import { type StateRecords, landReleaseSummary, releasedPerYear, releasedTotals } from '../land-release.js';
import type { ExtensionDecisionOutcome } from '../model.js';
import { loadStateFacts } from '../store.js';
import { type PlanYear, latestRequest, plannedVsReleased } from './work-plan.js';

export type {
  ExtensionRequestInput,
  StoredCompletionDeclaration,
  StoredDecision,
  StoredExtensionRequest,
} from './article5-rows.js';

const m2 = (value: number): string => `${Math.round(value).toLocaleString('en')} m²`;

/** The first problem names the field; the count says there are more. */
function rejection(problems: readonly ExtensionProblem[]): RejectedWriteError {
  const [first] = problems;
  if (first === undefined) throw new Error('no problem to report');
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new RejectedWriteError('invalid', first.field, `${first.expected}${more}`);
}

/** SQLite: take the write lock before reading, so the checks see what the write will meet. */
async function lockForWrite(trx: Kysely<Database>, store: Store): Promise<void> {
  if (store.dialect === 'sqlite')
    await trx.updateTable('extension_requests').set({ meeting: null }).where('id', '=', -1).execute();
}

async function requireState(trx: Kysely<Database>, iso3: StateCode): Promise<void> {
  if (!(await trx.selectFrom('states').select('iso3').where('iso3', '=', iso3).executeTakeFirst())) {
    throw new RejectedWriteError('not-found', 'iso3', 'one of the stored States', iso3);
  }
}

async function requireSource(trx: Kysely<Database>, field: string, id: SourceId | null): Promise<void> {
  if (id !== null && !(await trx.selectFrom('sources').select('id').where('id', '=', id).executeTakeFirst())) {
    throw new RejectedWriteError('invalid', field, 'the id of a stored source', id);
  }
}

/** The Article 5 deadline the treaty engine gives on a date, as stored now (in `trx`). */
async function deadlineOn(trx: Kysely<Database>, iso3: StateCode, date: CalendarDate): Promise<PartialDate | null> {
  return new TreatyEngine(await readFacts(trx)).state(iso3, date)?.article5.currentDeadline ?? null;
}

/** The State's records grouped for the land-release rules (read outside a write: they only inform warnings). */
async function recordsOf(store: Store, iso3: StateCode): Promise<StateRecords> {
  return (await loadStateFacts(store, iso3)).records;
}

export interface SubmittedRequest {
  request: StoredExtensionRequest;
  /** What extension.ts found: the deadline extended (a partial one at its last day), the latest allowed, stated against recorded. */
  analysis: Omit<ExtensionRequestCheck, 'problems' | 'notes'> & { currentDeadline: CalendarDate };
  /** Facts an analyst should see; they did not stop the request. */
  warnings: string[];
}

/**
 * Records a request, refused (RejectedWriteError naming the field) unless it asks for a deadline
 * after the one in force on its submission date and at most ten years later, with plan years in
 * that period. The remaining area is computed from the clearance records on the submission date.
 */
export async function submitRequest(
  store: Store,
  input: ExtensionRequestInput,
  actor: Actor,
): Promise<SubmittedRequest> {
  const values = requestValueProblems(input);
  if (values.length > 0) throw rejection(values);
  const computedRemainingM2 = landReleaseSummary(await recordsOf(store, input.iso3), input.submitted).remainingM2;
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store);
    await requireState(trx, input.iso3);
    await requireSource(trx, 'sourceId', input.sourceId ?? null);
    const current = await deadlineOn(trx, input.iso3, input.submitted);
    if (current === null)
      throw new RejectedWriteError(
        'invalid',
        'submitted',
        `a date on which ${input.iso3} is bound by Article 5 with a known deadline`,
        input.submitted,
      );
    const currentDeadline = latestDay(current);
    const { problems, notes, ...analysis } = checkExtensionRequest(input, currentDeadline, computedRemainingM2);
    if (problems.length > 0) throw rejection(problems);
    const pending = await trx
      .selectFrom('extension_requests')
      .select(['id', 'submitted'])
      .where('iso3', '=', input.iso3)
      .where('outcome', 'is', null)
      .orderBy('id')
      .execute();
    const warnings = [
      ...notes,
      ...pending.map((p) => `request ${p.id}, submitted on ${p.submitted}, is not decided yet`),
    ];
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
    return { request, analysis: { ...analysis, currentDeadline }, warnings };
  });
}

export interface DecisionInput extends ExtensionDecisionOutcome {
  iso3: StateCode;
  requestId: number;
  /** Sources of a grant's extension decision; default the request's source. */
  sources?: readonly SourceId[];
}

export interface DecidedRequest {
  request: StoredExtensionRequest;
  /** The treaty engine's row a grant wrote; null when refused. */
  extensionDecision: ExtensionDecisionRecord | null;
  /** The engine's Article 5 deadline on the decision date, before and after it. */
  deadline: { before: PartialDate; after: PartialDate | null };
  warnings: string[];
}

/** The engine's field names for a decision, as a request's decision calls them. */
const DECISION_FIELDS: Record<string, string> = { granted: 'date', deadline: 'newDeadline' };

async function grant(
  trx: Kysely<Database>,
  input: DecisionInput,
  sources: readonly SourceId[],
  actor: Actor,
): Promise<ExtensionDecisionRecord> {
  try {
    return await insertExtensionDecision(
      trx,
      {
        iso3: input.iso3,
        granted: input.date as string as PartialDate,
        deadline: input.newDeadline as string as PartialDate | null,
        decidedAtMeeting: input.meeting,
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

/**
 * Records the decision on a request: a grant also joins the engine's chain of extensions (so its
 * deadline moves, in the same transaction); a refusal changes no deadline.
 */
export async function decideRequest(store: Store, input: DecisionInput, actor: Actor): Promise<DecidedRequest> {
  const values = [
    ...dateProblems({ date: input.date, newDeadline: input.newDeadline }),
    ...(input.meeting.trim() === ''
      ? [{ field: 'meeting', expected: 'the meeting that decided (for example 22MSP)' }]
      : []),
  ];
  if (values.length > 0) throw rejection(values);
  try {
    return await store.db.transaction().execute(async (trx) => {
      await lockForWrite(trx, store);
      // PostgreSQL: lock the request, so a second decider waits and then sees it decided.
      const row = await trx
        .selectFrom('extension_requests')
        .selectAll()
        .where('id', '=', input.requestId)
        .where('iso3', '=', input.iso3)
        .$if(store.dialect === 'postgres', (q) => q.forUpdate())
        .executeTakeFirst();
      if (!row)
        throw new RejectedWriteError(
          'not-found',
          'id',
          `the id of an extension request of ${input.iso3}`,
          String(input.requestId),
        );
      const before = requestFromRow(row);
      if (before.decision)
        throw new RejectedWriteError(
          'conflict',
          'id',
          `a request not decided yet (request ${before.id} was ${before.decision.granted ? 'granted' : 'refused'} on ${before.decision.date})`,
        );
      const current = await deadlineOn(trx, input.iso3, input.date);
      if (current === null)
        throw new RejectedWriteError(
          'invalid',
          'date',
          `a date on which ${input.iso3} has an Article 5 deadline`,
          input.date,
        );
      const problems = checkExtensionDecision(input, before, latestDay(current));
      if (problems.length > 0) throw rejection(problems);
      const extension = input.granted
        ? await grant(trx, input, input.sources ?? (before.sourceId === null ? [] : [before.sourceId]), actor)
        : null;
      const updated = await trx
        .updateTable('extension_requests')
        .set({
          outcome: input.granted ? 'granted' : 'refused',
          decided_on: input.date,
          meeting: input.meeting,
          new_deadline: input.newDeadline,
          extension_decision_id: extension?.id ?? null,
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
      const warnings =
        input.newDeadline !== null && input.newDeadline > before.requestedDeadline
          ? [`sets ${input.newDeadline}, later than the ${before.requestedDeadline} requested`]
          : [];
      return {
        request,
        extensionDecision: extension,
        deadline: { before: current, after: await deadlineOn(trx, input.iso3, input.date) },
        warnings,
      };
    });
  } catch (error) {
    // Two writers passed the checks at once; the unique position of the chain stopped the second.
    if (isUniqueViolation(error))
      throw new RejectedWriteError(
        'conflict',
        'id',
        'no decision written meanwhile by another user (read again, then retry)',
      );
    throw error;
  }
}

export interface CompletionInput {
  iso3: StateCode;
  declaredOn: CalendarDate;
  sourceId?: SourceId | null;
}

/** Records a declaration of completion; the records still showing area remaining is a warning. */
export async function declareCompletion(
  store: Store,
  input: CompletionInput,
  actor: Actor,
): Promise<{ declaration: StoredCompletionDeclaration; warnings: string[] }> {
  const values = dateProblems({ declaredOn: input.declaredOn });
  if (values.length > 0) throw rejection(values);
  const remainingM2 = landReleaseSummary(await recordsOf(store, input.iso3), input.declaredOn).remainingM2;
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, store);
    await requireState(trx, input.iso3);
    await requireSource(trx, 'sourceId', input.sourceId ?? null);
    const state = new TreatyEngine(await readFacts(trx)).state(input.iso3, input.declaredOn);
    if (state?.article5.originalDeadline == null)
      throw new RejectedWriteError(
        'invalid',
        'declaredOn',
        `a date on which ${input.iso3} is bound by Article 5`,
        input.declaredOn,
      );
    const same = await trx
      .selectFrom('completion_declarations')
      .select('id')
      .where('iso3', '=', input.iso3)
      .where('declared_on', '=', input.declaredOn)
      .executeTakeFirst();
    if (same)
      throw new RejectedWriteError(
        'conflict',
        'declaredOn',
        `one declaration a day (declaration ${same.id} is on ${input.declaredOn})`,
      );
    const row = await trx
      .insertInto('completion_declarations')
      .values(declarationRow(input.iso3, input.declaredOn, input.sourceId ?? null))
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
    return {
      declaration,
      warnings: remainingM2 > 0 ? [`the records show ${m2(remainingM2)} remaining on ${input.declaredOn}`] : [],
    };
  });
}

export interface Article5Workflow {
  iso3: StateCode;
  asOf: CalendarDate;
  /** From the treaty engine: entry into force + 10 years, and the deadline in force on the date. */
  originalDeadline: CalendarDate | null;
  currentDeadline: PartialDate | null;
  /** Requests submitted by the date, oldest first; a decision taken after the date shows as null. */
  requests: StoredExtensionRequest[];
  /** The latest request's work plan against the land released each year (work-plan.ts). */
  plan: { requestId: number; years: PlanYear[] } | null;
  completion: { declarations: StoredCompletionDeclaration[]; obligation: ObligationOnDate };
}

/** The workflow of one State as it stood on `asOf`. */
export async function listArticle5Workflow(
  store: Store,
  engine: TreatyEngine,
  iso3: StateCode,
  asOf: CalendarDate,
): Promise<Article5Workflow> {
  const [requestRows, declarationRows, records] = await Promise.all([
    store.db
      .selectFrom('extension_requests')
      .selectAll()
      .where('iso3', '=', iso3)
      .where('submitted', '<=', asOf)
      .orderBy('submitted')
      .orderBy('id')
      .execute(),
    store.db
      .selectFrom('completion_declarations')
      .selectAll()
      .where('iso3', '=', iso3)
      .where('declared_on', '<=', asOf)
      .orderBy('declared_on')
      .execute(),
    recordsOf(store, iso3),
  ]);
  const requests = requestRows
    .map(requestFromRow)
    .map((r) => (r.decision !== null && r.decision.date > asOf ? { ...r, decision: null } : r));
  const latest = latestRequest(requests, asOf);
  const planOf = requests.find((r) => r === latest);
  const declarations = declarationRows.map(declarationFromRow);
  const article5 = engine.state(iso3, asOf)?.article5;
  return {
    iso3,
    asOf,
    originalDeadline: article5?.originalDeadline ?? null,
    currentDeadline: article5?.currentDeadline ?? null,
    requests,
    plan:
      planOf === undefined
        ? null
        : {
            requestId: planOf.id,
            years: plannedVsReleased(planOf, releasedTotals(releasedPerYear(records, asOf)), asOf),
          },
    completion: {
      declarations,
      obligation: obligationOn(
        declarations,
        records.areas.map((a) => a.area),
        asOf,
      ),
    },
  };
}
