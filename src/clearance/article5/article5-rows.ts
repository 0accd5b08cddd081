/** Article 5 workflow records to table rows and back. The work plan is JSON text on both engines. */
import type { Insertable, Selectable } from 'kysely';
import type { CalendarDate } from '../../core/date.js';
import type { SourceId } from '../../core/source.js';
import type { StateCode } from '../../core/states.js';
import type { CompletionDeclarationsTable, ExtensionRequestsTable } from '../tables.js';
import type {
  ExtensionRequestInput,
  StoredCompletionDeclaration,
  StoredDecision,
  StoredExtensionRequest,
  WorkPlanYear,
} from '../model.js';

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
