/**
 * A State's victim assistance framework on a date, from the observations sources published
 * (data/victim_assistance_frameworks.csv): the latest observation published by the date, its
 * mechanism if it existed by then, its plan in force, expired or not yet begun. A source's "None"
 * is an observation like any other: a later report of none replaces an earlier mechanism or plan,
 * and a later mechanism or plan replaces an earlier none. No I/O here.
 */
import { type CalendarDate, compareDates } from '../core/date.js';
import { earliestDay, latestDay } from '../core/partial-date.js';
import type { StateCode } from '../core/states.js';
import { type FrameworkOnDate, type FrameworkReport, type GlobalVictimsAnswer, NONE, type PlanState } from './model.js';

/**
 * `in-force` from the first day of `from` to the last day of `to`; `expired` after; `none` before it
 * begins, or when a source states there was no plan (null title).
 */
export function planState(plan: NonNullable<FrameworkReport['plan']>, asOf: CalendarDate): PlanState {
  if (plan.title === null) return 'none';
  if (plan.from !== null && compareDates(earliestDay(plan.from), asOf) > 0) return 'none';
  if (plan.to !== null && compareDates(latestDay(plan.to), asOf) < 0) return 'expired';
  return 'in-force';
}

/** The latest observation of `iso3` published on or before `asOf`, or null. */
export function latestReport(
  reports: readonly FrameworkReport[],
  iso3: StateCode,
  asOf: CalendarDate,
): FrameworkReport | null {
  let best: FrameworkReport | null = null;
  for (const r of reports) {
    if (r.iso3 !== iso3 || compareDates(r.reported, asOf) > 0) continue;
    if (best === null || compareDates(r.reported, best.reported) >= 0) best = r;
  }
  return best;
}

/** The framework of `iso3` on `asOf`; every field null (or none) when no source had been published by then. */
export function frameworkOn(reports: readonly FrameworkReport[], iso3: StateCode, asOf: CalendarDate): FrameworkOnDate {
  const report = latestReport(reports, iso3, asOf);
  if (report === null)
    return {
      significantNumberOfVictims: null,
      coordination: null,
      plan: null,
      survivorParticipation: null,
      services: {},
      sources: [],
    };
  const mechanism = report.mechanism;
  // A mechanism the source dates after asOf did not exist yet; whether another did is not stated.
  const coordination =
    mechanism === null || (mechanism.since !== null && compareDates(earliestDay(mechanism.since), asOf) > 0)
      ? null
      : mechanism;
  const plan = report.plan;
  return {
    significantNumberOfVictims: report.significantNumberOfVictims,
    coordination,
    plan: plan === null ? null : { ...plan, state: planState(plan, asOf) },
    survivorParticipation: report.survivorParticipation,
    services: report.services,
    sources: report.sources,
  };
}

/** The States with significant numbers of victims on `asOf` and the counts the ICRC fact sheet quotes, computed. */
export function globalFrameworks(
  reports: readonly FrameworkReport[],
  asOf: CalendarDate,
): Pick<GlobalVictimsAnswer, 'states' | 'counts'> {
  const states: GlobalVictimsAnswer['states'] = [];
  for (const iso3 of [...new Set(reports.map((r) => r.iso3))].sort()) {
    const f = frameworkOn(reports, iso3, asOf);
    if (f.significantNumberOfVictims !== true) continue;
    states.push({
      iso3,
      // An empty cell in the data means "not found": what no source states stays null; a stated none is false.
      coordination: f.coordination === null ? null : f.coordination.type !== NONE,
      planState: f.plan === null ? null : f.plan.state,
      survivorParticipation: f.survivorParticipation,
    });
  }
  return {
    states,
    counts: {
      significantNumberOfVictims: states.length,
      withCoordinationMechanism: states.filter((s) => s.coordination === true).length,
      withPlanInForce: states.filter((s) => s.planState === 'in-force').length,
      withSurvivorParticipation: states.filter((s) => s.survivorParticipation === true).length,
    },
  };
}
