/**
 * Completion forecast (issue 4, §5): the date the remaining area would be released at recent
 * rates, against the current Article 5 deadline. The deadline is an input (from the treaty
 * engine): rules do not reach for the engine themselves.
 *
 * Rate basis: the last three complete calendar years up to the as-of date (a year is complete
 * once its 31 December is seen), never before the first year with a release on record. Mean
 * case: their mean; low case: the lowest; high case: the highest. A year of work is the mean
 * Gregorian year, 365.2425 days, and a projection rounds up to whole days.
 */
import { type CalendarDate, addDays, daysBetween, parseDate } from '../core/date.js';
import { type PartialDate, latestDay } from '../core/partial-date.js';
import { endOfYear, yearOf } from './calendar.js';
import type { ForecastBasis, Verdict } from './model.js';

export const DAYS_PER_YEAR = 365.2425;
export const RATE_BASIS_YEARS = 3;
const LAST_DAY = parseDate('9999-12-31');

export interface ForecastInput {
  asOf: CalendarDate;
  remainingM2: number;
  /** Area released per calendar year, all kinds together (land-release.ts `releasedTotals`). */
  releasedByYear: ReadonlyMap<number, number>;
  /** Current Article 5 deadline; null when none is known. */
  deadline: CalendarDate | null;
}

export interface Forecast {
  /** Projected completion at the mean rate; null when that rate would never finish. */
  completion: CalendarDate | null;
  /** Completion in the low-rate case (the latest date). */
  low: CalendarDate | null;
  /** Completion in the high-rate case (the earliest date). */
  high: CalendarDate | null;
  verdict: Verdict;
  deadline: CalendarDate | null;
  /** The years the rates come from, and the rates in m² a year. */
  basis: ForecastBasis | null;
}

/** The engine gives a deadline known only to its year or month; it holds until its last day. */
export function deadlineDay(deadline: PartialDate | null): CalendarDate | null {
  return deadline === null ? null : latestDay(deadline);
}

/** asOf + remaining / rate years, rounded up to a day; null when never (or past year 9999). */
export function projectCompletion(asOf: CalendarDate, remainingM2: number, m2PerYear: number): CalendarDate | null {
  if (remainingM2 <= 0) return asOf;
  if (!(m2PerYear > 0)) return null;
  const days = Math.ceil((remainingM2 / m2PerYear) * DAYS_PER_YEAR);
  if (!Number.isFinite(days) || days > daysBetween(asOf, LAST_DAY)) return null;
  return addDays(asOf, days);
}

function basisYears(asOf: CalendarDate, releasedByYear: ReadonlyMap<number, number>): number[] {
  const lastComplete = endOfYear(yearOf(asOf)) === asOf ? yearOf(asOf) : yearOf(asOf) - 1;
  const withRelease = [...releasedByYear].filter(([year, m2]) => m2 > 0 && year <= lastComplete).map(([year]) => year);
  if (withRelease.length === 0) return [];
  const from = Math.max(Math.min(...withRelease), lastComplete - RATE_BASIS_YEARS + 1);
  const years: number[] = [];
  for (let year = from; year <= lastComplete; year++) years.push(year);
  return years;
}

const meets = (date: CalendarDate | null, deadline: CalendarDate): boolean => date !== null && date <= deadline;

export function forecastCompletion({ asOf, remainingM2, releasedByYear, deadline }: ForecastInput): Forecast {
  if (remainingM2 <= 0) {
    // Nothing left to release: whether it was done in time is the treaty engine's question.
    return {
      completion: asOf,
      low: asOf,
      high: asOf,
      verdict: deadline === null ? 'unknown' : 'on-track',
      deadline,
      basis: null,
    };
  }
  const years = basisYears(asOf, releasedByYear);
  if (years.length === 0) return { completion: null, low: null, high: null, verdict: 'unknown', deadline, basis: null };
  const rates = years.map((year) => releasedByYear.get(year) ?? 0);
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
  const basis = { years, meanM2PerYear: mean, lowM2PerYear: Math.min(...rates), highM2PerYear: Math.max(...rates) };
  const completion = projectCompletion(asOf, remainingM2, basis.meanM2PerYear);
  const low = projectCompletion(asOf, remainingM2, basis.lowM2PerYear);
  const high = projectCompletion(asOf, remainingM2, basis.highM2PerYear);
  let verdict: Verdict = 'unknown';
  if (deadline !== null)
    verdict = !meets(completion, deadline) ? 'off-track' : meets(low, deadline) ? 'on-track' : 'at-risk';
  return { completion, low, high, verdict, deadline, basis };
}
