/**
 * The action plans' indicators that minefree can compute from the records it holds, on any date.
 * No I/O here: the other pillars' answers (Article 7 reports, stockpile ledgers, victim assistance
 * frameworks, funding flows) are computed by their own rules in the service and handed in; the
 * Article 5 counts come from the treaty engine.
 *
 * Each indicator is minefree's measure, not a plan's wording. No source read ties one of them to
 * an action number or to an indicator id of a plan, so they are attached to the plan as a whole,
 * never to a guessed action. An indicator the data does not allow on the date is listed with
 * `computable: false` and the reason (`why`), never with a guessed value.
 */
import type { CalendarDate } from '../core/date.js';
import type { SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';
import type { TreatyEngine } from '../treaty/status.js';
import { t } from '../i18n/index.js';
import { type ActionPlan, type PlannedAction, type TextExtent, planInForce } from './action-plans.js';
import type { FlowFunding } from './factsheet/context.js';

/** `share` 0..1; `states` a count of States Parties. */
export const INDICATOR_UNITS = ['share', 'states'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** The catalogue: every indicator minefree knows how to compute, in the order they are shown. */
export const PLAN_INDICATORS = {
  'article7-on-time': 'share',
  'article5-bound': 'states',
  'article5-open': 'states',
  'article5-completed': 'states',
  'stockpiles-completed': 'states',
  'victims-plan-in-force': 'share',
  'funding-national-share': 'share',
  'article5-work-plans': 'states',
} as const satisfies Record<string, IndicatorUnit>;
export type PlanIndicatorId = keyof typeof PLAN_INDICATORS;
export const PLAN_INDICATOR_IDS = Object.keys(PLAN_INDICATORS) as PlanIndicatorId[];

/** Why an indicator is not computable on a date (each has its sentence in the message catalogue). */
export const NOT_COMPUTABLE = [
  'no-deadline-passed',
  'reports-not-all-recorded',
  'no-victim-data',
  'victim-plans-not-all-known',
  'no-funding-flows',
  'no-national-flows',
  'no-work-plan-records',
  'no-measure',
] as const;
export type NotComputable = (typeof NOT_COMPUTABLE)[number];

export interface PlanIndicator {
  id: PlanIndicatorId;
  unit: IndicatorUnit;
  computable: boolean;
  /** Null when not computable. */
  value: number | null;
  why: NotComputable | null;
  /** For a share: how many of how many (also given when the share is not computable but the counts are known). */
  of: { count: number; total: number } | null;
  /** What the value is for when it is not the as-of date itself: the year reported on (`2024`) or a funding year. */
  period: string | null;
  sources: SourceId[];
}

/** One 30 April's counts (the reporting pillar's `AnnualReportingRate`), with the sources of the reports counted. */
export interface AnnualRateInput {
  covers: number;
  due: CalendarDate;
  required: number;
  onTime: number;
  /** Null while any required report is not recorded or its outcome is not known. */
  shareOnTime: number | null;
  sources: readonly SourceId[];
}

/** Victim assistance plans on the date, per State with significant numbers of victims (src/victims). */
export interface VictimPlansInput {
  /** `planInForce` null: no source read states the State's plan. */
  states: readonly { planInForce: boolean | null }[];
  sources: readonly SourceId[];
}

export interface PlanIndicatorInput {
  asOf: CalendarDate;
  engine: TreatyEngine;
  /** The 30 Aprils counted by the reporting pillar, any order. */
  annual: readonly AnnualRateInput[];
  /** States Parties whose stockpile destruction the ledger shows completed on the date (src/stockpiles). */
  stockpiles: { completed: number; sources: readonly SourceId[] };
  victims: VictimPlansInput | null;
  /** Funding from the stored flows for the latest year known on the date (src/cooperation); null when none. */
  funding: FlowFunding | null;
}

const unique = (ids: readonly SourceId[]): SourceId[] =>
  [...new Set(ids)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

type Fields = Partial<Omit<PlanIndicator, 'sources'>> & { sources?: readonly SourceId[] };

function indicator(id: PlanIndicatorId, fields: Fields): PlanIndicator {
  const value = fields.value ?? null;
  const why = fields.why ?? null;
  return {
    id,
    unit: PLAN_INDICATORS[id],
    computable: why === null && value !== null,
    value: why === null ? value : null,
    why,
    of: fields.of ?? null,
    period: fields.period ?? null,
    sources: unique(fields.sources ?? []),
  };
}

/**
 * The share of States Parties whose annual report was received by 30 April, for the latest 30
 * April that has passed by the date (the day itself is still in time: on 30 April the previous
 * year's deadline is the latest passed).
 */
export function article7OnTime(annual: readonly AnnualRateInput[], asOf: CalendarDate): PlanIndicator {
  const rate = annual.filter((r) => r.due < asOf).sort((a, b) => b.due.localeCompare(a.due))[0];
  if (rate === undefined) return indicator('article7-on-time', { why: 'no-deadline-passed' });
  const fields = {
    of: { count: rate.onTime, total: rate.required },
    period: String(rate.covers),
    sources: rate.sources,
  };
  if (rate.shareOnTime === null) return indicator('article7-on-time', { ...fields, why: 'reports-not-all-recorded' });
  return indicator('article7-on-time', { ...fields, value: rate.shareOnTime });
}

/** States Parties bound by Article 5 on the date, those whose deadline has not passed, and those that completed. */
export function article5Indicators(engine: TreatyEngine, asOf: CalendarDate): PlanIndicator[] {
  // The engine lists a State Party from its deposit; Article 5 binds it from entry into force (Art. 5.1).
  const inForce = (iso3: StateCode): boolean => {
    const eif = engine.state(iso3, asOf)?.entryIntoForce ?? null;
    return eif !== null && eif <= asOf;
  };
  const entries = engine.deadlines(5, asOf).filter((e) => inForce(e.iso3));
  const sources = entries.flatMap((e) => [
    ...(engine.facts.article5.get(e.iso3)?.sources ?? []),
    ...(e.decision?.sources ?? []),
  ]);
  const completed = entries.filter((e) => (engine.state(e.iso3, asOf)?.article5.completed ?? null) !== null).length;
  const open = entries.filter((e) => e.state === 'open').length;
  return [
    indicator('article5-bound', { value: entries.length, sources }),
    indicator('article5-open', { value: open, of: { count: open, total: entries.length }, sources }),
    indicator('article5-completed', { value: completed, of: { count: completed, total: entries.length }, sources }),
  ];
}

/** The share of States with significant numbers of victims whose victim assistance plan is in force. */
export function victimPlansInForce(victims: VictimPlansInput | null): PlanIndicator {
  if (victims === null || victims.states.length === 0)
    return indicator('victims-plan-in-force', { why: 'no-victim-data' });
  const total = victims.states.length;
  const count = victims.states.filter((s) => s.planInForce === true).length;
  const fields = { of: { count, total }, sources: victims.sources };
  if (victims.states.some((s) => s.planInForce === null))
    return indicator('victims-plan-in-force', { ...fields, why: 'victim-plans-not-all-known' });
  return indicator('victims-plan-in-force', { ...fields, value: count / total });
}

/**
 * National funding as a share of all funding (national and international) in the latest year with
 * a flow known on the date. A year without a national flow is not a year of no national funding,
 * only one minefree holds none for, so it is not computable.
 */
export function nationalFundingShare(funding: FlowFunding | null): PlanIndicator {
  if (funding === null) return indicator('funding-national-share', { why: 'no-funding-flows' });
  const period = String(funding.year);
  if (funding.national <= 0)
    return indicator('funding-national-share', { period, sources: funding.sources, why: 'no-national-flows' });
  return indicator('funding-national-share', {
    period,
    value: funding.national / (funding.national + funding.international),
    sources: funding.sources,
  });
}

/** Every indicator of the catalogue on the date, in its order. */
export function planIndicators(input: PlanIndicatorInput): PlanIndicator[] {
  return [
    article7OnTime(input.annual, input.asOf),
    ...article5Indicators(input.engine, input.asOf),
    indicator('stockpiles-completed', { value: input.stockpiles.completed, sources: input.stockpiles.sources }),
    victimPlansInForce(input.victims),
    nationalFundingShare(input.funding),
    // Updated Article 5 work plans: minefree holds no record of them (issue 16 names the measure).
    indicator('article5-work-plans', { why: 'no-work-plan-records' }),
  ];
}

/** Why an indicator is not computable, in the message catalogue (the CLI and the answer's words). */
export const NOT_COMPUTABLE_TEXT = {
  'no-deadline-passed': 'common:plans.why.no-deadline-passed',
  'reports-not-all-recorded': 'common:plans.why.reports-not-all-recorded',
  'no-victim-data': 'common:plans.why.no-victim-data',
  'victim-plans-not-all-known': 'common:plans.why.victim-plans-not-all-known',
  'no-funding-flows': 'common:plans.why.no-funding-flows',
  'no-national-flows': 'common:plans.why.no-national-flows',
  'no-work-plan-records': 'common:plans.why.no-work-plan-records',
  'no-measure': 'common:plans.why.no-measure',
} as const satisfies Record<NotComputable, string>;

/** The sentence of each indicator in the message catalogue, keys named in full. */
const INDICATOR_TEXT = {
  'article7-on-time': 'common:plans.indicator.article7-on-time',
  'article5-bound': 'common:plans.indicator.article5-bound',
  'article5-open': 'common:plans.indicator.article5-open',
  'article5-completed': 'common:plans.indicator.article5-completed',
  'stockpiles-completed': 'common:plans.indicator.stockpiles-completed',
  'victims-plan-in-force': 'common:plans.indicator.victims-plan-in-force',
  'funding-national-share': 'common:plans.indicator.funding-national-share',
  'article5-work-plans': 'common:plans.indicator.article5-work-plans',
} as const satisfies Record<PlanIndicatorId, string>;

/** The short name of a plan in addresses and on the command line: `Siem Reap-Angkor Action Plan` → `siem-reap-angkor`. */
export function planSlug(name: string): string {
  return name
    .replace(/ Action Plan$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The plan a name or slug names (case-insensitive), or null. */
export function findPlan(plans: readonly ActionPlan[], name: string): ActionPlan | null {
  const wanted = name.trim().toLowerCase();
  return plans.find((p) => planSlug(p.name) === wanted || p.name.toLowerCase() === wanted) ?? null;
}

/** One indicator in an answer: `source` the ids of the sources it rests on (`minefree plan --json`). */
export interface IndicatorJson {
  /** A computed indicator's id (PLAN_INDICATORS), or the plan's own indicator id (`OAP-12.a`). */
  id: string;
  text: string;
  value: number | null;
  unit: IndicatorUnit | null;
  computable: boolean;
  source: SourceId[];
  why: NotComputable | null;
  of: { count: number; total: number } | null;
  period: string | null;
}

export interface ActionJson {
  /** The plan's number; null when no source showed it. */
  number: string | null;
  section: string;
  /** Words a source printed (see `extent`): never minefree's paraphrase. */
  text: string;
  extent: TextExtent;
  notes: string;
  sources: SourceId[];
  /** The plan's own indicators for the action, as the data holds them; none is computed (`no-measure`). */
  indicators: IndicatorJson[];
}

/**
 * A plan on a date (`GET /api/v1/plans/{plan}`, `minefree plan --json`). The computed indicators
 * serve the plan as a whole, so they are in `indicators` beside `actions`, not in a made-up
 * action: an action's `text` is always words a source printed.
 */
export interface PlanAnswer {
  plan: string;
  id: string;
  adopted: CalendarDate;
  meeting: string;
  period: string;
  sources: SourceId[];
  asOf: CalendarDate;
  /** Whether this is the plan in force on the date (the latest adopted on or before it). */
  inForce: boolean;
  actions: ActionJson[];
  indicators: IndicatorJson[];
}

/** The plans and which is in force on a date (`GET /api/v1/plans`). */
export interface PlansOnDate {
  asOf: CalendarDate;
  /** The id of the plan in force; null before the first was adopted. */
  inForce: string | null;
  plans: {
    id: string;
    plan: string;
    adopted: CalendarDate;
    meeting: string;
    period: string;
    sources: SourceId[];
    /** How many of its actions the data holds (data/action-plans.csv is partial). */
    actionsHeld: number;
  }[];
}

function indicatorJson(i: PlanIndicator): IndicatorJson {
  return {
    id: i.id,
    text: t(INDICATOR_TEXT[i.id]),
    value: i.value,
    unit: i.unit,
    computable: i.computable,
    source: i.sources,
    why: i.why,
    of: i.of,
    period: i.period,
  };
}

export function plansOnDate(
  plans: readonly ActionPlan[],
  actions: readonly PlannedAction[],
  asOf: CalendarDate,
): PlansOnDate {
  const current = planInForce(plans, asOf);
  return {
    asOf,
    inForce: current === null ? null : planSlug(current.name),
    plans: [...plans]
      .sort((a, b) => a.adopted.localeCompare(b.adopted))
      .map((p) => ({
        id: planSlug(p.name),
        plan: p.name,
        adopted: p.adopted,
        meeting: p.meeting,
        period: p.period,
        sources: [...p.sources],
        actionsHeld: actions.filter((a) => a.plan === p.name).length,
      })),
  };
}

/** A plan's actions as the data holds them, ordered by number (those without one last), and the indicators on the date. */
export function planAnswer(
  plan: ActionPlan,
  plans: readonly ActionPlan[],
  actions: readonly PlannedAction[],
  indicators: readonly PlanIndicator[],
  asOf: CalendarDate,
): PlanAnswer {
  const number = (a: PlannedAction): number => (a.number === null ? Infinity : Number.parseInt(a.number, 10));
  const own = actions.filter((a) => a.plan === plan.name).sort((a, b) => number(a) - number(b));
  return {
    plan: plan.name,
    id: planSlug(plan.name),
    adopted: plan.adopted,
    meeting: plan.meeting,
    period: plan.period,
    sources: [...plan.sources],
    asOf,
    inForce: planInForce(plans, asOf)?.name === plan.name,
    actions: own.map((a) => ({
      number: a.number,
      section: a.section,
      text: a.text,
      extent: a.extent,
      notes: a.notes,
      sources: [...a.sources],
      indicators: a.indicators.map((i) => ({
        id: i.id,
        text: i.text,
        value: null,
        unit: null,
        computable: false,
        source: [...a.sources],
        why: 'no-measure',
        of: null,
        period: null,
      })),
    })),
    indicators: indicators.map(indicatorJson),
  };
}
