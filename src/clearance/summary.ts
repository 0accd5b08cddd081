/**
 * The clearance answer for one State on a date (issue 4, §8): the land-release arithmetic, the
 * baseline reconciliation and the forecast against the current Article 5 deadline, in the JSON
 * shape the API returns (the CLI prints the subset, cliSummary). Pure: the deadline is an
 * input. Computed from the ledger, so a server that keeps a State's ledger answers any date at once.
 */
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import { deadlineDay, forecastCompletion } from './forecast.js';
import type { StateRecords } from './land-release.js';
import {
  type ClearanceLedger,
  buildLedger,
  devicesYears,
  openOn,
  reconciliationTotals,
  releasedYears,
} from './ledger.js';
import { roundM2 } from './calendar.js';
import type { ClearanceSummary } from './model.js';

export function ledgerSummary(
  ledger: ClearanceLedger,
  asOf: CalendarDate,
  deadline: PartialDate | null,
): ClearanceSummary {
  const open = openOn(ledger, asOf);
  const released = releasedYears(ledger, asOf);
  const forecast = forecastCompletion({
    asOf,
    remainingM2: open.remainingM2,
    // Rates from the recorded (unrounded) areas, like the forecast's own tests.
    releasedByYear: new Map(released.map((r) => [r.year, r.cancelledM2 + r.reducedM2 + r.clearedM2])),
    deadline: deadlineDay(deadline),
  });
  return {
    iso3: ledger.iso3,
    asOf,
    open: { sha: open.sha, cha: open.cha },
    released: released.map((r) => ({
      year: r.year,
      cancelledM2: roundM2(r.cancelledM2),
      reducedM2: roundM2(r.reducedM2),
      clearedM2: roundM2(r.clearedM2),
    })),
    devicesDestroyed: devicesYears(ledger, asOf),
    reconciliation: reconciliationTotals(ledger, asOf),
    deadline,
    forecast: {
      completion: forecast.completion,
      low: forecast.low,
      high: forecast.high,
      verdict: forecast.verdict,
      basis: forecast.basis,
    },
    synthetic: ledger.synthetic,
  };
}

export function summariseClearance(
  records: StateRecords,
  asOf: CalendarDate,
  deadline: PartialDate | null,
): ClearanceSummary {
  return ledgerSummary(buildLedger(records), asOf, deadline);
}

/** The `minefree clearance --json` shape of the issue (§8): the summary without the API's extra detail. */
export function cliSummary(s: ClearanceSummary) {
  return {
    iso3: s.iso3,
    asOf: s.asOf,
    open: s.open,
    released: s.released,
    devicesDestroyed: s.devicesDestroyed,
    reconciliation: s.reconciliation.map((r) => ({ year: r.year, differenceM2: r.differenceM2 })),
    deadline: s.deadline,
    forecast: {
      completion: s.forecast.completion,
      low: s.forecast.low,
      high: s.forecast.high,
      verdict: s.forecast.verdict,
    },
    synthetic: s.synthetic,
  };
}
