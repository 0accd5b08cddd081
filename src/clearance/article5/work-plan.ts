/**
 * Planned against released, year by year, for the work plan of the latest extension request
 * (issue 4, §5): the committee's first question when a State asks for more time again.
 */
import type { CalendarDate } from '../../core/date.js';
import { endOfYear, roundM2, yearOf } from '../calendar.js';
import type { ExtensionRequest, PlanYear } from '../model.js';

/** The request submitted last on or before the as-of date. */
export function latestRequest(requests: readonly ExtensionRequest[], asOf: CalendarDate): ExtensionRequest | null {
  let latest: ExtensionRequest | null = null;
  for (const r of requests) if (r.submitted <= asOf && (latest === null || r.submitted >= latest.submitted)) latest = r;
  return latest;
}

export function plannedVsReleased(
  request: ExtensionRequest,
  releasedByYear: ReadonlyMap<number, number>,
  asOf: CalendarDate,
): PlanYear[] {
  return [...request.workPlan]
    .sort((a, b) => a.year - b.year)
    .map(({ year, plannedReleaseM2 }) => {
      const started = year <= yearOf(asOf);
      const released = started ? (releasedByYear.get(year) ?? 0) : null;
      return {
        year,
        plannedM2: roundM2(plannedReleaseM2),
        releasedM2: released === null ? null : roundM2(released),
        differenceM2: released === null ? null : roundM2(released - plannedReleaseM2),
        complete: endOfYear(year) <= asOf,
      };
    });
}
