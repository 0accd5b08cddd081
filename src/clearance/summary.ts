/**
 * The clearance answer for one State on a date (issue 4, §8): the land-release arithmetic, the
 * baseline reconciliation and the forecast against the current Article 5 deadline, in the JSON
 * shape the CLI prints with --json and the API returns. Pure: the deadline is an input.
 */
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { StateCode } from '../core/states.js';
import { type Verdict, deadlineDay, forecastCompletion } from './forecast.js';
import { type DevicesYear, type OpenAreas, type ReleasedYear, type StateRecords, landReleaseSummary, releasedPerYear, releasedTotals } from './land-release.js';
import { reconcile } from './reconciliation.js';

export interface ClearanceSummary {
  iso3: StateCode;
  asOf: CalendarDate;
  /** Open areas on the date and what remains of them, in m². */
  open: { sha: OpenAreas; cha: OpenAreas };
  released: ReleasedYear[];
  devicesDestroyed: DevicesYear[];
  /** One row per year from the first record: closing − (opening − released + newly recorded). */
  reconciliation: { year: number; differenceM2: number }[];
  /** The current Article 5 deadline as the treaty engine gives it (a year or month when that is all the source says). */
  deadline: PartialDate | null;
  forecast: { completion: CalendarDate | null; low: CalendarDate | null; high: CalendarDate | null; verdict: Verdict };
  /** True when any of the State's records is synthetic (demo data). */
  synthetic: boolean;
}

export function summariseClearance(records: StateRecords, asOf: CalendarDate, deadline: PartialDate | null): ClearanceSummary {
  const summary = landReleaseSummary(records, asOf);
  // Rates from the recorded (unrounded) areas, like the forecast's own tests.
  const forecast = forecastCompletion({
    asOf,
    remainingM2: summary.remainingM2,
    releasedByYear: releasedTotals(releasedPerYear(records, asOf)),
    deadline: deadlineDay(deadline),
  });
  return {
    iso3: records.iso3,
    asOf,
    open: summary.open,
    released: summary.released,
    devicesDestroyed: summary.devicesDestroyed,
    reconciliation: reconcile(records, asOf).map((r) => ({ year: r.year, differenceM2: r.differenceM2 })),
    deadline,
    forecast: { completion: forecast.completion, low: forecast.low, high: forecast.high, verdict: forecast.verdict },
    synthetic: records.areas.some((a) => a.area.synthetic),
  };
}
