/**
 * Article 5 workflow records to table rows and back, and the checks on their values that do not
 * need the store (dates, amounts, plan years). The work plan is JSON text on both engines.
 */
import type { Insertable, Selectable } from 'kysely';
import { type CalendarDate, dateProblem } from '../../core/date.js';
import type { SourceId } from '../../core/source.js';
import type { StateCode } from '../../core/states.js';
import type { ExtensionProblem } from './extension.js';
import type { CompletionDeclarationsTable, ExtensionRequestsTable } from '../../store/schema.js';
import type { CompletionDeclaration, ExtensionDecisionOutcome, ExtensionRequest, WorkPlanYear } from '../model.js';

/** A decision as stored with its request. */
export interface StoredDecision extends ExtensionDecisionOutcome {
  /** The treaty engine's extension_decisions row a grant wrote; null when refused (or after `init --reset`). */
  extensionDecisionId: number | null;
}

export interface StoredExtensionRequest extends ExtensionRequest {
  id: number;
  sourceId: SourceId | null;
  /** null while undecided (or, in an as-of answer, decided after the date). */
  decision: StoredDecision | null;
}

export interface StoredCompletionDeclaration extends CompletionDeclaration {
  id: number;
  sourceId: SourceId | null;
}

export interface ExtensionRequestInput extends ExtensionRequest {
  sourceId?: SourceId | null;
}

export function requestRow(r: ExtensionRequestInput): Insertable<ExtensionRequestsTable> {
  return {
    iso3: r.iso3,
    submitted: r.submitted,
    requested_deadline: r.requestedDeadline,
    remaining_area_m2: r.remainingAreaM2,
    budget_usd: r.budgetUsd,
    work_plan: JSON.stringify(r.workPlan.map(({ year, plannedReleaseM2 }) => ({ year, plannedReleaseM2 }))),
    source_id: r.sourceId ?? null,
  };
}

export function requestFromRow(r: Selectable<ExtensionRequestsTable>): StoredExtensionRequest {
  const decision: StoredDecision | null =
    r.outcome === null || r.decided_on === null
      ? null
      : {
          granted: r.outcome === 'granted',
          date: r.decided_on,
          meeting: r.meeting ?? '',
          newDeadline: r.new_deadline,
          extensionDecisionId: r.extension_decision_id,
        };
  return {
    id: r.id,
    iso3: r.iso3,
    submitted: r.submitted,
    requestedDeadline: r.requested_deadline,
    remainingAreaM2: r.remaining_area_m2,
    budgetUsd: r.budget_usd,
    workPlan: JSON.parse(r.work_plan) as WorkPlanYear[],
    sourceId: r.source_id,
    decision,
  };
}

export function declarationFromRow(r: Selectable<CompletionDeclarationsTable>): StoredCompletionDeclaration {
  return { id: r.id, iso3: r.iso3, date: r.declared_on, sourceId: r.source_id };
}

export function declarationRow(
  iso3: StateCode,
  date: CalendarDate,
  sourceId: SourceId | null,
): Insertable<CompletionDeclarationsTable> {
  return { iso3, declared_on: date, source_id: sourceId };
}

/** Largest amount stored (the columns' check): beyond it a figure is a typing error. */
const MAX_AMOUNT = 1e15;

function amountProblem(field: string, value: number | null): ExtensionProblem[] {
  if (value === null || (Number.isFinite(value) && value >= 0 && value < MAX_AMOUNT)) return [];
  return [{ field, expected: `a number from 0 to below ${MAX_AMOUNT.toExponential()}` }];
}

export function dateProblems(fields: Record<string, string | null>): ExtensionProblem[] {
  return Object.entries(fields).flatMap(([field, value]) => {
    const problem = value === null ? null : dateProblem(value);
    return problem === null ? [] : [{ field, expected: problem }];
  });
}

/** What the HTTP schema also refuses, checked again for callers that are not HTTP (the CLI, tests). */
export function requestValueProblems(r: ExtensionRequest): ExtensionProblem[] {
  return [
    ...dateProblems({ submitted: r.submitted, requestedDeadline: r.requestedDeadline }),
    ...amountProblem('remainingAreaM2', r.remainingAreaM2),
    ...amountProblem('budgetUsd', r.budgetUsd),
    ...r.workPlan.flatMap((y, index) => [
      ...(Number.isInteger(y.year) && y.year >= 1 && y.year <= 9999
        ? []
        : [{ field: `workPlan[${index}].year`, expected: 'a calendar year (YYYY)' }]),
      ...amountProblem(`workPlan[${index}].plannedReleaseM2`, y.plannedReleaseM2),
    ]),
  ];
}
