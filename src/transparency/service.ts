/** The transparency pillar's use cases: the fact sheet and the figures known on a date, from the store. */
import type { CalendarDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import { loadSources } from '../sources/store.js';
import { globalStockpiles, stateStockpile } from '../stockpiles/answers.js';
import type { LedgerEntry } from '../stockpiles/model.js';
import { loadLedgers } from '../stockpiles/store.js';
import type { Store } from '../store/database.js';
import type { TreatyEngine } from '../treaty/status.js';
import { figuresKnownOn } from './editions.js';
import { type FactSheetInput, buildFactSheet } from './factsheet/build.js';
import type { FlowFunding, LedgerStockpiles, VictimFrameworks } from './factsheet/context.js';
import { globalFrameworks, statedOn } from '../victims/frameworks.js';
import type { FrameworkReport } from '../victims/model.js';
import { loadFrameworks } from '../victims/store.js';
import type { FundingFlow } from '../cooperation/model.js';
import { loadFlows } from '../cooperation/store.js';
import { countedFlows, fundingAnswer } from '../cooperation/totals.js';
import type { FactSheet } from './factsheet/model.js';
import { type FigureJson, figureJson } from './figure-json.js';
import { loadActionPlans } from './reference.js';
import { planInForce } from './action-plans.js';
import { listReportedFigures } from './store.js';
import { latestDay } from '../core/partial-date.js';
import { reportsOn } from '../reporting/service.js';
import {
  type PlanAnswer,
  type PlansOnDate,
  findPlan,
  planAnswer,
  planIndicators,
  plansOnDate,
} from './plan-indicators.js';

/** Action plans are reference text shipped in data/ (not edited through the API), read once. */
let plans: ReturnType<typeof loadActionPlans> | null = null;

/**
 * The fact sheet's view of the stockpile ledgers on `asOf`, with the stockpiles pillar's rules (the
 * same answers as `GET /api/v1/stockpiles`; its service is not imported because it reads this
 * pillar's figures, and the two services would import each other).
 */
export function ledgerStockpilesOn(
  engine: TreatyEngine,
  ledgers: ReadonlyMap<StateCode, readonly LedgerEntry[]>,
  asOf: CalendarDate,
): LedgerStockpiles {
  const global = globalStockpiles(engine, ledgers, asOf, null);
  return {
    noStockpile: global.noStockpile,
    holding: global.holding,
    missed: global.missed.map((iso3) => {
      const answer = stateStockpile(engine, iso3, ledgers.get(iso3) ?? [], asOf);
      return { iso3, completed: answer?.completed ?? null, declared: answer?.declared ?? null };
    }),
  };
}

/**
 * The fact sheet's funding from the stored flows on `asOf`, with the cooperation pillar's rules:
 * the latest year with a disbursement known on the date, international and national, and each
 * sector's share of the international flows. Null when no flow is known.
 */
export function flowFundingOn(flows: readonly FundingFlow[], asOf: CalendarDate): FlowFunding | null {
  const all = fundingAnswer(flows, { asOf });
  if (all.basis !== 'flows' || all.year === null) return null;
  const year = all.year;
  const international = fundingAnswer(
    flows.filter((f) => f.funding === 'international'),
    { asOf, year },
  );
  return {
    year,
    flows: countedFlows(flows, { asOf, year }).length,
    international: all.international,
    national: all.national,
    bySector: international.bySector.map(({ sector, share }) => ({ sector, share })),
    sources: all.source,
  };
}

/**
 * The victim assistance counts from the frameworks data on the date (the rules of `GET /victims`),
 * complete when every State counted has its mechanism, plan and survivor participation stated.
 * Null when the data holds no State with significant numbers of victims on the date.
 */
export function frameworkCountsOn(reports: readonly FrameworkReport[], asOf: CalendarDate): VictimFrameworks | null {
  const { states, counts } = globalFrameworks(reports, asOf);
  if (states.length === 0) return null;
  const latest = states.flatMap((s) => statedOn(reports, s.iso3, asOf) ?? []);
  return {
    states: states.length,
    complete: latest.every((r) => r.mechanism !== null && r.plan !== null && r.survivorParticipation !== null),
    counts,
    sources: [...new Set(latest.flatMap((r) => r.sources))],
  };
}

/** What a fact sheet is built from, read from the database. */
export async function factSheetInputFromStore(
  store: Store,
  engine: TreatyEngine,
  asOf: CalendarDate,
): Promise<FactSheetInput> {
  plans ??= loadActionPlans();
  const [figures, sources, ledgers, flows, reports] = await Promise.all([
    listReportedFigures(store),
    loadSources(store),
    loadLedgers(store.db),
    loadFlows(store.db),
    loadFrameworks(store.db),
  ]);
  const stockpiles = ledgerStockpilesOn(engine, ledgers, asOf);
  const funding = flowFundingOn(flows, asOf);
  const frameworks = frameworkCountsOn(reports, asOf);
  return {
    asOf,
    engine,
    figures,
    sources,
    plans: plans.plans,
    actions: plans.actions,
    stockpiles,
    funding,
    frameworks,
  };
}

/** The fact sheet for a date, from the stored records and the engine. */
export async function factSheetOn(store: Store, engine: TreatyEngine, asOf: CalendarDate): Promise<FactSheet> {
  return buildFactSheet(await factSheetInputFromStore(store, engine, asOf));
}

/** The figures known on `asOf`: per indicator, scope and period, the latest edition published by then. */
export async function figuresKnown(
  store: Store,
  asOf: CalendarDate,
  filter: { indicator?: string | undefined; scope?: string | undefined } = {},
): Promise<FigureJson[]> {
  const [figures, sources] = await Promise.all([listReportedFigures(store, filter), loadSources(store)]);
  return figuresKnownOn(figures, asOf).map((f) => figureJson(f, sources));
}

/** Every edition of every figure (of one indicator), for charts of revisions. */
export async function figureEditions(store: Store, indicator?: string): Promise<FigureJson[]> {
  const [figures, sources] = await Promise.all([listReportedFigures(store, { indicator }), loadSources(store)]);
  return figures.map((f) => figureJson(f, sources));
}

/** The action plans and the one in force on the date. */
export function plansOn(asOf: CalendarDate): PlansOnDate {
  plans ??= loadActionPlans();
  return plansOnDate(plans.plans, plans.actions, asOf);
}

/**
 * A plan (by id or name; the plan in force when none is named) with its actions and the indicators
 * computed on the date. `unknown` for a name that is no plan, `none` when no plan was adopted by the date.
 */
export async function planOn(
  store: Store,
  engine: TreatyEngine,
  asOf: CalendarDate,
  name?: string,
): Promise<PlanAnswer | 'unknown' | 'none'> {
  plans ??= loadActionPlans();
  const { plans: all, actions } = plans;
  const plan = name === undefined ? planInForce(all, asOf) : findPlan(all, name);
  if (plan === null) return name === undefined ? 'none' : 'unknown';
  const [reports, ledgers, flows, frameworks] = await Promise.all([
    reportsOn(store, engine, asOf),
    loadLedgers(store.db),
    loadFlows(store.db),
    loadFrameworks(store.db),
  ]);
  const annual = reports.annual.map((rate) => ({
    ...rate,
    sources: reports.states.flatMap((s) => s.reports.filter((l) => l.report === rate.covers).flatMap((l) => l.sources)),
  }));
  const parties = new Set(engine.states(asOf).flatMap((s) => (s.status === 'state-party' ? [s.iso3] : [])));
  const stockpileSources = [...ledgers]
    .filter(([iso3]) => parties.has(iso3))
    .flatMap(([, entries]) =>
      entries.filter((e) => (e.kind === 'destroyed' || e.kind === 'completed') && latestDay(e.date) <= asOf),
    )
    .flatMap((e) => e.sources);
  const victims = globalFrameworks(frameworks, asOf);
  const indicators = planIndicators({
    asOf,
    engine,
    annual,
    stockpiles: { completed: globalStockpiles(engine, ledgers, asOf, null).completed, sources: stockpileSources },
    victims:
      victims.states.length === 0
        ? null
        : {
            states: victims.states.map((v) => ({
              planInForce: v.planState === null ? null : v.planState === 'in-force',
            })),
            sources: victims.states.flatMap((v) => statedOn(frameworks, v.iso3, asOf)?.sources ?? []),
          },
    funding: flowFundingOn(flows, asOf),
  });
  return planAnswer(plan, all, actions, indicators, asOf);
}
