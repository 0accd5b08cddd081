/**
 * Baseline reconciliation (issue 4, §3): for each year,
 *   remaining(end of year) = remaining(end of previous year) − released in year + newly recorded in year.
 * Computed remaining follows the recorded history, so the identity breaks exactly where the
 * records disagree with themselves; every year's difference is listed with the areas causing it.
 * Flows: released = every release dated in the year, as recorded; newly recorded = the size on
 * its information date of each area recorded in the year. The as-of year ends on the as-of date.
 */
import type { CalendarDate } from '../core/date.js';
import { roundM2, yearEndSeen, yearOf } from './calendar.js';
import type { ReconciliationTotals } from './model.js';
import {
  type AreaRecords,
  FULLY_RELEASED_M2,
  type StateRecords,
  closedBy,
  releasedBy,
  remainingOn,
  sizeOn,
} from './land-release.js';

/**
 * Why an area's remaining moved other than by release and new records:
 * - re-surveyed: its polygon (so its size) changed that year;
 * - closed-without-release: closed or handed over with area left unreleased;
 * - release-not-matching-area: its releases add up to more than its size (or to within 1 m²);
 * - released-before-recorded: a release dated before the area entered the record.
 */
export type DifferenceReason =
  're-surveyed' | 'closed-without-release' | 'release-not-matching-area' | 'released-before-recorded';

export interface DifferenceCause {
  hazardAreaId: string;
  differenceM2: number;
  reasons: DifferenceReason[];
}

/** One year of the reconciliation with the areas that cause its difference, largest first. */
export interface ReconciliationYear extends ReconciliationTotals {
  causes: DifferenceCause[];
}

/** Differences below this (m²) are floating-point sums, not data. */
export const NOISE_M2 = 0.01;

interface YearTotals {
  remainingChange: number;
  released: number;
  newly: number;
  causes: DifferenceCause[];
}

function reasonsFor(history: AreaRecords, year: number, end: CalendarDate): DifferenceReason[] {
  const reasons: DifferenceReason[] = [];
  const { area } = history;
  if (history.revisions.some((r) => yearOf(r.date) === year)) reasons.push('re-surveyed');
  const closedOn = area.status === 'open' ? null : (area.statusDate ?? area.informationDate);
  // Releases dated on the closing day count: an area is often closed the day its clearance ends.
  if (
    closedOn !== null &&
    closedOn <= end &&
    yearOf(closedOn) === year &&
    sizeOn(history, closedOn) - releasedBy(history, closedOn) >= FULLY_RELEASED_M2
  ) {
    reasons.push('closed-without-release');
  }
  const left = sizeOn(history, end) - releasedBy(history, end);
  if (area.informationDate <= end && !closedBy(area, end) && left < FULLY_RELEASED_M2 && left !== 0) {
    reasons.push('release-not-matching-area');
  }
  // Such a release counts twice against the identity: in its own year, and when the area enters.
  const early = history.releases.filter((r) => r.date < area.informationDate);
  if (early.some((r) => yearOf(r.date) === year) || (early.length > 0 && yearOf(area.informationDate) === year))
    reasons.push('released-before-recorded');
  return reasons;
}

export function reconcile(records: StateRecords, asOf: CalendarDate): ReconciliationYear[] {
  const totals = new Map<number, YearTotals>();
  const at = (year: number): YearTotals => {
    let t = totals.get(year);
    if (!t) totals.set(year, (t = { remainingChange: 0, released: 0, newly: 0, causes: [] }));
    return t;
  };

  for (const history of records.areas) {
    const { area } = history;
    // Remaining only moves in years where something happened to the area: visit just those.
    const years = new Set<number>();
    if (area.informationDate <= asOf) years.add(yearOf(area.informationDate));
    for (const r of history.releases) if (r.date <= asOf) years.add(yearOf(r.date));
    for (const r of history.revisions) if (r.date <= asOf) years.add(yearOf(r.date));
    if (area.status !== 'open' && area.statusDate !== null && area.statusDate <= asOf)
      years.add(yearOf(area.statusDate));

    let previous = 0;
    for (const year of [...years].sort((a, b) => a - b)) {
      const end = yearEndSeen(year, asOf);
      const remaining = remainingOn(history, end);
      const released = history.releases.reduce(
        (sum, r) => (r.date <= asOf && yearOf(r.date) === year ? sum + r.areaM2 : sum),
        0,
      );
      // An area recorded after the as-of date is not newly recorded yet, even in the as-of year.
      const newly =
        yearOf(area.informationDate) === year && area.informationDate <= asOf
          ? sizeOn(history, area.informationDate)
          : 0;
      const t = at(year);
      t.remainingChange += remaining - previous;
      t.released += released;
      t.newly += newly;
      const difference = remaining - previous + released - newly;
      if (Math.abs(difference) >= NOISE_M2)
        t.causes.push({
          hazardAreaId: area.id,
          differenceM2: roundM2(difference),
          reasons: reasonsFor(history, year, end),
        });
      previous = remaining;
    }
  }

  if (totals.size === 0) return [];
  const first = Math.min(...totals.keys());
  const rows: ReconciliationYear[] = [];
  let opening = 0;
  for (let year = first; year <= yearOf(asOf); year++) {
    const t = totals.get(year) ?? { remainingChange: 0, released: 0, newly: 0, causes: [] };
    const closing = opening + t.remainingChange;
    const expected = opening - t.released + t.newly;
    const difference = closing - expected;
    rows.push({
      year,
      openingM2: roundM2(opening),
      releasedM2: roundM2(t.released),
      newlyRecordedM2: roundM2(t.newly),
      expectedM2: roundM2(expected),
      closingM2: roundM2(closing),
      differenceM2: Math.abs(difference) < NOISE_M2 ? 0 : roundM2(difference),
      causes: t.causes.sort(
        (a, b) => Math.abs(b.differenceM2) - Math.abs(a.differenceM2) || a.hazardAreaId.localeCompare(b.hazardAreaId),
      ),
    });
    opening = closing;
  }
  return rows;
}
