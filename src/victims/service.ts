/**
 * The victim assistance pillar's use cases: the public view of a State and of the world on a date
 * (frameworks and suppressed aggregates only), records written and read by editors.
 */
import { type CalendarDate, compareDates } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import type { Store } from '../store/database.js';
import { listReportedFigures } from '../transparency/store.js';
import { casualtyBreakdowns, casualtySeries } from './aggregates.js';
import { frameworkOn, globalFrameworks } from './frameworks.js';
import type {
  CasualtyBreakdowns,
  FrameworkOnDate,
  GlobalVictimsAnswer,
  PublishedCount,
  StateVictimsAnswer,
} from './model.js';
import { dimensionCounts, holdsSynthetic, loadFrameworks, yearOutcomeCounts } from './store.js';

/** A State's framework on a date (with services and sources). */
export async function stateFramework(store: Store, iso3: StateCode, asOf: CalendarDate): Promise<FrameworkOnDate> {
  return frameworkOn(await loadFrameworks(store.db), iso3, asOf);
}

/** `GET /api/v1/states/{iso3}/victims`: the framework and the suppressed casualties per year. */
export async function stateVictims(store: Store, iso3: StateCode, asOf: CalendarDate): Promise<StateVictimsAnswer> {
  const framework = await stateFramework(store, iso3, asOf);
  return {
    iso3,
    asOf,
    significantNumberOfVictims: framework.significantNumberOfVictims,
    coordination: framework.coordination,
    plan: framework.plan,
    survivorParticipation: framework.survivorParticipation,
    casualties: casualtySeries(await yearOutcomeCounts(store, iso3, asOf)),
    synthetic: (await holdsSynthetic(store.db, iso3)) === true,
  };
}

export async function stateBreakdowns(store: Store, iso3: StateCode, asOf: CalendarDate): Promise<CasualtyBreakdowns> {
  return casualtyBreakdowns(iso3, asOf, await dimensionCounts(store, iso3, asOf));
}

/** The reported figures of the ICRC fact sheet (2018) behind the global counts, as published by `asOf`. */
const PUBLISHED = {
  significantNumberOfVictims: 'states_parties_significant_victims',
  withCoordinationMechanism: 'states_parties_va_coordination_mechanism',
  withPlanInForce: 'states_parties_va_plan',
  withSurvivorParticipation: 'states_parties_va_survivor_participation',
} as const;

export async function globalVictims(store: Store, asOf: CalendarDate): Promise<GlobalVictimsAnswer> {
  const computed = globalFrameworks(await loadFrameworks(store.db), asOf);
  const published = async (indicator: string): Promise<PublishedCount | null> => {
    const figures = (await listReportedFigures(store, { indicator, scope: 'global' })).filter(
      (f) => f.published !== null && compareDates(f.published, asOf) <= 0,
    );
    const latest = figures.at(-1);
    if (latest === undefined) return null;
    const cited =
      latest.citedDocument === null
        ? ''
        : ` (${latest.citedDocument}${latest.citedPage === null ? '' : `, p. ${latest.citedPage}`})`;
    return { value: latest.value, period: latest.period, source: `${latest.source}${cited}` };
  };
  return {
    asOf,
    ...computed,
    published: {
      significantNumberOfVictims: await published(PUBLISHED.significantNumberOfVictims),
      withCoordinationMechanism: await published(PUBLISHED.withCoordinationMechanism),
      withPlanInForce: await published(PUBLISHED.withPlanInForce),
      withSurvivorParticipation: await published(PUBLISHED.withSurvivorParticipation),
    },
  };
}
