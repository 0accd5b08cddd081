/**
 * The Article 5 workflow's use cases (issue 4, §4): record an extension request, the decision on
 * it, a declaration of completion, and read the workflow on a date. The rules are extension.ts,
 * work-plan.ts and completion.ts; the rows come from article5-store.ts. Deadlines are never
 * copied: they come from the treaty engine, built inside each write's transaction from the facts
 * as stored then, so a grant's new deadline is seen at once. What the clearance records show
 * (the area remaining) is read before the transaction: it only informs the analysis and warnings.
 */
import type { CalendarDate } from '../../core/date.js';
import { type PartialDate, latestDay } from '../../core/partial-date.js';
import type { SourceId } from '../../core/source.js';
import type { StateCode } from '../../core/states.js';
import type { Actor } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { RejectedWriteError, rejectionOf } from '../../core/rejection.js';
import { TreatyEngine } from '../../treaty/status.js';
import { type ExtensionDecisionRecord, readFacts } from '../../treaty/store.js';
import { m2Text as m2 } from '../calendar.js';
import { releasedPerYear, releasedTotals } from '../land-release.js';
import type {
  Article5Workflow,
  ExtensionDecisionOutcome,
  ExtensionRequestInput,
  StoredCompletionDeclaration,
  StoredExtensionRequest,
} from '../model.js';
import { article5Deadline, remainingAreaM2 } from '../service.js';
import { loadStateFacts } from '../store.js';
import {
  type Article5Transaction,
  article5Write,
  declarationOn,
  decisionWrite,
  insertDeclaration,
  insertGrant,
  insertRequest,
  listDeclarations,
  listRequests,
  pendingRequests,
  recordDecision,
  requireRequest,
  requireSource,
  requireState,
} from './article5-store.js';
import { obligationOn } from './completion.js';
import {
  type ExtensionRequestCheck,
  checkExtensionDecision,
  checkExtensionRequest,
  dateProblems,
  requestValueProblems,
} from './extension.js';
import { latestRequest, plannedVsReleased } from './work-plan.js';

/** The treaty engine on the facts as `trx` sees them. */
async function engineIn(trx: Article5Transaction): Promise<TreatyEngine> {
  return new TreatyEngine(await readFacts(trx));
}

/** The Article 5 deadline the treaty engine gives on a date, as stored now (in `trx`). */
async function deadlineOn(trx: Article5Transaction, iso3: StateCode, date: CalendarDate): Promise<PartialDate | null> {
  return article5Deadline(await engineIn(trx), iso3, date);
}

/** POST /api/v1/states/{iso3}/article5/requests. */
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
  if (values.length > 0) throw rejectionOf(values);
  const computedRemainingM2 = await remainingAreaM2(store, input.iso3, input.submitted);
  return article5Write(store, async (trx) => {
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
    if (problems.length > 0) throw rejectionOf(problems);
    const pending = await pendingRequests(trx, input.iso3);
    const warnings = [
      ...notes,
      ...pending.map((p) => `request ${p.id}, submitted on ${p.submitted}, is not decided yet`),
    ];
    const request = await insertRequest(trx, input, actor);
    return { request, analysis: { ...analysis, currentDeadline }, warnings };
  });
}

export interface DecisionInput extends ExtensionDecisionOutcome {
  iso3: StateCode;
  requestId: number;
  /** Sources of a grant's extension decision; default the request's source. */
  sources?: readonly SourceId[];
}

/** POST /api/v1/states/{iso3}/article5/requests/{id}/decision. */
export interface DecidedRequest {
  request: StoredExtensionRequest;
  /** The treaty engine's row a grant wrote; null when refused. */
  extensionDecision: ExtensionDecisionRecord | null;
  /** The engine's Article 5 deadline on the decision date, before and after it. */
  deadline: { before: PartialDate; after: PartialDate | null };
  warnings: string[];
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
  if (values.length > 0) throw rejectionOf(values);
  return decisionWrite(store, async (trx) => {
    const before = await requireRequest(trx, store.dialect, input.iso3, input.requestId);
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
    if (problems.length > 0) throw rejectionOf(problems);
    const extension = input.granted
      ? await insertGrant(
          trx,
          input.iso3,
          input,
          input.sources ?? (before.sourceId === null ? [] : [before.sourceId]),
          actor,
        )
      : null;
    const request = await recordDecision(trx, before, input, extension?.id ?? null, actor);
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
}

export interface CompletionInput {
  iso3: StateCode;
  declaredOn: CalendarDate;
  sourceId?: SourceId | null;
}

/** POST /api/v1/states/{iso3}/article5/completion. */
export interface DeclaredCompletion {
  declaration: StoredCompletionDeclaration;
  warnings: string[];
}

/** Records a declaration of completion; the records still showing area remaining is a warning. */
export async function declareCompletion(
  store: Store,
  input: CompletionInput,
  actor: Actor,
): Promise<DeclaredCompletion> {
  const values = dateProblems({ declaredOn: input.declaredOn });
  if (values.length > 0) throw rejectionOf(values);
  const remainingM2 = await remainingAreaM2(store, input.iso3, input.declaredOn);
  return article5Write(store, async (trx) => {
    await requireState(trx, input.iso3);
    await requireSource(trx, 'sourceId', input.sourceId ?? null);
    const state = (await engineIn(trx)).state(input.iso3, input.declaredOn);
    if (state?.article5.originalDeadline == null)
      throw new RejectedWriteError(
        'invalid',
        'declaredOn',
        `a date on which ${input.iso3} is bound by Article 5`,
        input.declaredOn,
      );
    const same = await declarationOn(trx, input.iso3, input.declaredOn);
    if (same !== null)
      throw new RejectedWriteError(
        'conflict',
        'declaredOn',
        `one declaration a day (declaration ${same} is on ${input.declaredOn})`,
      );
    const declaration = await insertDeclaration(trx, input.iso3, input.declaredOn, input.sourceId ?? null, actor);
    return {
      declaration,
      warnings: remainingM2 > 0 ? [`the records show ${m2(remainingM2)} remaining on ${input.declaredOn}`] : [],
    };
  });
}

/** GET /api/v1/states/{iso3}/article5: the workflow of one State as it stood on `asOf`. */
export async function listArticle5Workflow(
  store: Store,
  engine: TreatyEngine,
  iso3: StateCode,
  asOf: CalendarDate,
): Promise<Article5Workflow> {
  const [stored, declarations, { records }] = await Promise.all([
    listRequests(store, iso3, asOf),
    listDeclarations(store, iso3, asOf),
    loadStateFacts(store, iso3),
  ]);
  const requests = stored.map((r) => (r.decision !== null && r.decision.date > asOf ? { ...r, decision: null } : r));
  const latest = latestRequest(requests, asOf);
  const planOf = requests.find((r) => r === latest);
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
