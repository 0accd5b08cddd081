/**
 * A State's victim assistance framework on a date, from the observations sources published
 * (data/victim_assistance_frameworks.csv): each fact from the latest observation published by the
 * date that states it, the mechanism if it existed by then, the plan in force, expired or not yet
 * begun. A source's "None" is a statement like any other: a later report of none replaces an earlier
 * mechanism or plan, and a later mechanism or plan replaces an earlier none. No I/O here.
 */
import { type CalendarDate, compareDates } from '../core/date.js';
import { earliestDay, latestDay } from '../core/partial-date.js';
import type { StateCode } from '../core/states.js';
import {
  type FrameworkOnDate,
  type FrameworkReport,
  type GlobalVictimsAnswer,
  NONE,
  type PlanState,
  SERVICE_KINDS,
} from './model.js';

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

/** The observations of `iso3` published on or before `asOf`, oldest first (on one day, in the file's order). */
function publishedBy(reports: readonly FrameworkReport[], iso3: StateCode, asOf: CalendarDate): FrameworkReport[] {
  return reports
    .filter((r) => r.iso3 === iso3 && compareDates(r.reported, asOf) <= 0)
    .sort((a, b) => compareDates(a.reported, b.reported));
}

/**
 * What the sources published by `asOf` state of `iso3`, field by field: each of significance,
 * mechanism, plan, survivor participation and each service note from the latest observation that
 * states it (an empty cell is "not found", so a later source silent on a field leaves the earlier
 * statement standing; a later "none" replaces an earlier mechanism or plan, and the other way round).
 * `sources`: those of every observation a field came from, oldest first. Null when none was published.
 */
export function statedOn(
  reports: readonly FrameworkReport[],
  iso3: StateCode,
  asOf: CalendarDate,
): Omit<FrameworkReport, 'notes'> | null {
  const seen = publishedBy(reports, iso3, asOf);
  const last = seen.at(-1);
  if (last === undefined) return null;
  const latest = <T>(
    field: (r: FrameworkReport) => T | null | undefined,
  ): { value: T | null; from: FrameworkReport[] } => {
    for (let i = seen.length - 1; i >= 0; i--) {
      const r = seen[i] as FrameworkReport;
      const value = field(r);
      if (value !== null && value !== undefined) return { value, from: [r] };
    }
    return { value: null, from: [] };
  };
  const significant = latest((r) => r.significantNumberOfVictims);
  const mechanism = latest((r) => r.mechanism);
  const plan = latest((r) => r.plan);
  const participation = latest((r) => r.survivorParticipation);
  const services: FrameworkReport['services'] = {};
  const used = [...significant.from, ...mechanism.from, ...plan.from, ...participation.from];
  for (const kind of SERVICE_KINDS) {
    const note = latest((r) => r.services[kind]);
    if (note.value !== null) services[kind] = note.value;
    used.push(...note.from);
  }
  const sources = [...new Set(seen.filter((r) => used.includes(r)).flatMap((r) => r.sources))];
  return {
    iso3,
    reported: last.reported,
    significantNumberOfVictims: significant.value,
    mechanism: mechanism.value,
    plan: plan.value,
    survivorParticipation: participation.value,
    services,
    sources,
  };
}

/** The framework of `iso3` on `asOf` (`statedOn`); every field null when no source had been published by then. */
export function frameworkOn(reports: readonly FrameworkReport[], iso3: StateCode, asOf: CalendarDate): FrameworkOnDate {
  const report = statedOn(reports, iso3, asOf);
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
    mechanism === null ||
    (mechanism.type !== NONE && mechanism.since !== null && compareDates(earliestDay(mechanism.since), asOf) > 0)
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
