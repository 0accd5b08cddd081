/** The answers of the reporting routes and commands, from the engine's States and the records. No I/O here. */
import { type CalendarDate, toParts } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import type { StateOnDate } from '../treaty/status.js';
import { annualRate, reportLines } from './article7.js';
import type { ReportRecord, ReportsOnDate, StateReports } from './model.js';

/** A State's reports on `asOf`; its withdrawal counts only once it is known on that date. */
export function stateReports(state: StateOnDate, records: readonly ReportRecord[], asOf: CalendarDate): StateReports {
  const withdrawalEffective = state.withdrawal.state === 'none' ? null : state.withdrawal.effective;
  const party = { entryIntoForce: state.entryIntoForce, withdrawalEffective };
  return {
    iso3: state.iso3,
    name: state.name,
    asOf,
    entryIntoForce: state.entryIntoForce,
    withdrawalEffective,
    reports: reportLines(party, records, asOf),
  };
}

/**
 * Every State bound on some day up to `asOf` (in force, or withdrawn since), with its reports, and
 * the counts of each 30 April that has passed, newest first.
 */
export function reportsOnDate(
  states: readonly StateOnDate[],
  records: ReadonlyMap<StateCode, readonly ReportRecord[]>,
  asOf: CalendarDate,
): ReportsOnDate {
  const bound = states.filter((s) => s.entryIntoForce !== null && s.entryIntoForce <= asOf);
  const answers = bound
    .map((s) => stateReports(s, records.get(s.iso3) ?? [], asOf))
    .sort((a, b) => a.name.localeCompare(b.name));
  const annual = [];
  const lines = answers.map((a) => a.reports);
  for (let covers = toParts(asOf).year - 1; covers >= 1999; covers -= 1) {
    const rate = annualRate(covers, lines);
    if (rate.due < asOf) annual.push(rate);
  }
  return { asOf, states: answers, annual };
}
