/**
 * The victim assistance pillar's use cases: the public view of a State and of the world on a date
 * (frameworks and suppressed aggregates only), records written and read by editors.
 */
import { type CalendarDate, compareDates } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import { loadSources } from '../sources/store.js';
import type { Store } from '../store/database.js';
import { listReportedFigures } from '../transparency/store.js';
import { casualtyBreakdowns, casualtySeries } from './aggregates.js';
import { frameworkOn, globalFrameworks } from './frameworks.js';
import type {
  CasualtyBreakdowns,
  FrameworkHistory,
  FrameworkOnDate,
  GlobalVictimsAnswer,
  PublishedCount,
  StateVictimsAnswer,
} from './model.js';
import { type StatePublished, type YearFigure, allRecordsByDevice, seriesBeside } from './series.js';
import { dimensionCounts, holdsSynthetic, loadFrameworks, stateYearDeviceCounts, yearOutcomeCounts } from './store.js';

/** The indicator of data/casualties_by_year.csv among the reported figures (the transparency pillar's). */
const CASUALTIES = 'casualties_mines_erw';

/** Every edition's casualty total of `scope` (`global` or a State) published by `asOf`, for whole years. */
async function publishedTotals(store: Store, scope: string, asOf: CalendarDate): Promise<YearFigure[]> {
  const figures = await listReportedFigures(store, { indicator: CASUALTIES, scope });
  return figures.flatMap((f) =>
    f.published === null || compareDates(f.published, asOf) > 0 || !/^\d{4}$/.test(f.period)
      ? []
      : [
          {
            year: Number(f.period),
            value: f.value,
            qualifier: f.qualifier,
            edition: f.edition,
            source: f.source,
            published: f.published,
          },
        ],
  );
}

/** A State's framework on a date (with services and sources). */
export async function stateFramework(store: Store, iso3: StateCode, asOf: CalendarDate): Promise<FrameworkOnDate> {
  return frameworkOn(await loadFrameworks(store.db), iso3, asOf);
}

/** `GET /api/v1/states/{iso3}/victims`: the framework and the suppressed casualties per year. */
export async function stateVictims(store: Store, iso3: StateCode, asOf: CalendarDate): Promise<StateVictimsAnswer> {
  const framework = await stateFramework(store, iso3, asOf);
  const casualties = casualtySeries(await yearOutcomeCounts(store, iso3, asOf));
  return {
    iso3,
    asOf,
    significantNumberOfVictims: framework.significantNumberOfVictims,
    coordination: framework.coordination,
    plan: framework.plan,
    survivorParticipation: framework.survivorParticipation,
    casualties,
    series: seriesBeside(await publishedTotals(store, iso3, asOf), casualties),
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

/** What one State publishes of its records on `asOf`: the same answers as its own routes. */
async function statePublished(store: Store, iso3: StateCode, asOf: CalendarDate): Promise<StatePublished> {
  const breakdowns = await stateBreakdowns(store, iso3, asOf);
  return {
    years: casualtySeries(await yearOutcomeCounts(store, iso3, asOf)),
    devices: breakdowns.byDevice,
    total: breakdowns.total,
  };
}

export async function globalVictims(store: Store, asOf: CalendarDate): Promise<GlobalVictimsAnswer> {
  const computed = globalFrameworks(await loadFrameworks(store.db), asOf);
  const counts = await stateYearDeviceCounts(store, asOf);
  const states: StatePublished[] = [];
  for (const iso3 of [...new Set(counts.map((c) => c.iso3))].sort())
    states.push(await statePublished(store, iso3, asOf));
  const records = allRecordsByDevice(counts, states);
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
    series: seriesBeside(await publishedTotals(store, 'global', asOf), records.years),
    byDevice: records.byDevice,
    synthetic: counts.some((c) => c.synthetic),
  };
}

/** `GET /api/v1/states/{iso3}/victims/frameworks`: every observation published by `asOf`, oldest first, with its sources. */
export async function frameworkHistory(store: Store, iso3: StateCode, asOf: CalendarDate): Promise<FrameworkHistory> {
  const sources = await loadSources(store);
  const reports = (await loadFrameworks(store.db))
    .filter((r) => r.iso3 === iso3 && compareDates(r.reported, asOf) <= 0)
    .sort((a, b) => compareDates(a.reported, b.reported));
  return {
    iso3,
    asOf,
    frameworks: reports.map((r) => ({
      ...r,
      sources: r.sources.map((id) => sources.get(id) ?? { id, title: id, url: null, published: null }),
    })),
  };
}
