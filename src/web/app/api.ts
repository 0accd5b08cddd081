/**
 * The one module that talks to the server: every read under /api/v1, same origin.
 * Types come from the pillars that build the answers (type imports only; no server code reaches
 * the browser).
 */
import type {
  Article5Workflow as Article5WorkflowAnswer,
  ClearanceAnswer,
  OpenAreas as OpenAreasAnswer,
  ReconciliationTotals,
  Verdict,
} from '../../clearance/model.js';
import type {
  FundingAnswer as FundingAnswerJson,
  NeedsAnswer as NeedsAnswerJson,
  StoredFlow,
  YearTotal,
} from '../../cooperation/model.js';
import type { CalendarDate } from '../../core/date.js';
import type { PartialDate } from '../../core/partial-date.js';
import type { SourceId } from '../../core/source.js';
import type { Source as SourceAnswer } from '../../sources/model.js';
import type {
  GlobalStockpiles as GlobalStockpilesAnswer,
  StateStockpile as StateStockpileAnswer,
  StockpilesByState as StockpilesByStateAnswer,
  StoredEntry,
} from '../../stockpiles/model.js';
import type {
  CellValue,
  DraftCell as DraftCellAnswer,
  DraftForm as DraftFormAnswer,
  ReportDraft,
  ReportsOnDate as ReportsOnDateAnswer,
} from '../../reporting/model.js';
import type {
  CasualtyBreakdowns as CasualtyBreakdownsAnswer,
  FrameworkHistory,
  GlobalVictimsAnswer,
  StateVictimsAnswer,
} from '../../victims/model.js';
import type { HistoryPoint as HistoryPointAnswer } from '../../treaty/history.js';
import type { StateRecordAnswer } from '../../treaty/service.js';
import type { FigureJson } from '../../transparency/figure-json.js';
import type {
  PlanAnswer as PlanAnswerJson,
  PlansOnDate as PlansOnDateAnswer,
} from '../../transparency/plan-indicators.js';
import type { DeadlineEntry, StateOnDate, StatusSummary } from '../../treaty/status.js';

export type { DeadlineEntry, SourceId, StateOnDate, StatusSummary };
/** A source as GET /sources and the State record give it. */
export type Source = Json<SourceAnswer>;

/**
 * A server type as the browser receives it, through JSON: a date the server checked
 * (CalendarDate, PartialDate) is a plain string here, and nothing is read-only.
 */
export type Json<T> = T extends CalendarDate | PartialDate
  ? string
  : T extends object
    ? { -readonly [K in keyof T]: Json<T[K]> }
    : T;

/**
 * One reported figure as a source gave it (GET /figures, GET /figures/editions): `id` is the
 * indicator, `period` what the figure is about (`2016`, `2017-12`, `2017-12-20`), `edition` the
 * Landmine Monitor edition (`LM2017`) or null, `source.published` the day it counts as published.
 */
export type ReportedFigure = FigureJson;

/** One point of GET /status/history: the counts from `date` until the next point. */
export type HistoryPoint = Json<HistoryPointAnswer>;

/** GET /states/{iso3}/record: the stored facts for one State and every source they cite. */
export type StateFacts = Json<StateRecordAnswer>;
export type InstrumentRecord = StateFacts['instruments'][number];

/** An RFC 9457 problem the server answered with, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface Problem {
  title?: unknown;
  detail?: unknown;
}

async function problemMessage(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as Problem;
    if (typeof problem.detail === 'string') return problem.detail;
    if (typeof problem.title === 'string') return problem.title;
  } catch {
    // not JSON: fall through to the status line
  }
  return `${response.status} ${response.statusText}`;
}

/** Reads started ahead of the component that needs them (see `prefetchJson`), by path. */
const prefetched = new Map<string, Promise<unknown>>();

/**
 * Starts reading `path` now, before the component that shows it is on screen (the State page asks for
 * its clearance beside its record, not after it): the next `getJson` of the same path takes this read.
 */
export function prefetchJson<T>(path: string): Promise<T> {
  let read = prefetched.get(path) as Promise<T> | undefined;
  if (read === undefined) {
    read = fetchJson<T>(path);
    // A failed read is not kept: the component's own read tries again.
    read.then(
      (data) => {
        if (prefetched.get(path) === read) arrived.set(path, { data });
      },
      () => prefetched.delete(path),
    );
    prefetched.set(path, read);
  }
  return read;
}

/** Prefetched reads that have arrived, by path: a component can start with them (no render in between). */
const arrived = new Map<string, { data: unknown }>();

/**
 * The answer of a prefetched read of `path` if it has already arrived, taken as `getJson` would take
 * it; undefined if not (then `getJson` reads as usual). On a slow phone each render counts: a section
 * whose answer is here renders with it at once instead of loading first.
 */
export function takeArrived<T>(path: string): { data: T } | undefined {
  const early = arrived.get(path) as { data: T } | undefined;
  if (early === undefined) return undefined;
  arrived.delete(path);
  prefetched.delete(path);
  return early;
}

export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const early = prefetched.get(path) as Promise<T> | undefined;
  if (early === undefined) return fetchJson<T>(path, signal);
  prefetched.delete(path);
  arrived.delete(path);
  return early;
}

async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'The minefree server could not be reached.');
  }
  if (!response.ok) throw new ApiError(response.status, await problemMessage(response));
  return (await response.json()) as T;
}

const asOfQuery = (asOf: string): string => `?asOf=${encodeURIComponent(asOf)}`;

export const paths = {
  status: (asOf: string) => `/status${asOfQuery(asOf)}`,
  history: () => '/status/history',
  states: (asOf: string) => `/states${asOfQuery(asOf)}`,
  state: (iso3: string, asOf: string) => `/states/${encodeURIComponent(iso3)}${asOfQuery(asOf)}`,
  stateFacts: (iso3: string) => `/states/${encodeURIComponent(iso3)}/record`,
  /** Every edition of every reported figure. */
  figureEditions: () => '/figures/editions',
  /** The figures of one indicator known on a date: the latest edition published on or before it, for each period. */
  figuresKnown: (indicator: string, asOf: string) =>
    `/figures${asOfQuery(asOf)}&indicator=${encodeURIComponent(indicator)}`,
  /** One State's Article 5 clearance on a date (ClearanceSummary). */
  /** One State's clearance records as GeoJSON with boxes, not shapes (the hazard areas table, the map's first view). */
  clearanceRecords: (iso3: string) => `/states/${encodeURIComponent(iso3)}/clearance/records?geometry=bbox`,
  clearanceOutline: (iso3: string) => `/states/${encodeURIComponent(iso3)}/clearance/outline`,
  clearance: (iso3: string, asOf: string) => `/states/${encodeURIComponent(iso3)}/clearance${asOfQuery(asOf)}`,
  /** One State's extension requests, decisions, latest work plan and completion on a date (Article5Workflow). */
  article5: (iso3: string, asOf: string) => `/states/${encodeURIComponent(iso3)}/article5${asOfQuery(asOf)}`,
  /** Every source, with its address and publication date. */
  sources: () => '/sources',
  /** Article 4 on a date over the States Parties (GlobalStockpiles). */
  stockpiles: (asOf: string) => `/stockpiles${asOfQuery(asOf)}`,
  /** One State's stockpile on a date (StateStockpile). */
  stateStockpile: (iso3: string, asOf: string) => `/states/${encodeURIComponent(iso3)}/stockpiles${asOfQuery(asOf)}`,
  /** One State's stockpile ledger as stored: every entry with its sources (LedgerEntryJson[]). */
  stockpileLedger: (iso3: string) => `/states/${encodeURIComponent(iso3)}/stockpiles/ledger`,
  /** Every bound State's Article 7 reports on a date, and the counts of each 30 April (ReportsOnDate). */
  reports: (asOf: string) => `/reports${asOfQuery(asOf)}`,
  /** The counts of each 30 April passed by the date, newest first (AnnualReportingRate[]). */
  reportingRates: (asOf: string) => `/reports/annual${asOfQuery(asOf)}`,
  /** A State's Article 7 report drafted from the records on a date, or as submitted (ReportDraftJson). */
  reportDraft: (iso3: string, report: string, asOf: string) =>
    `/states/${encodeURIComponent(iso3)}/reports/${encodeURIComponent(report)}/draft${asOfQuery(asOf)}`,
  /** Where a draft's edits and submission are sent (PATCH, POST …/submit), and its documents (.pdf, .xlsx). */
  reportDraftWrite: (iso3: string, report: string) =>
    `/states/${encodeURIComponent(iso3)}/reports/${encodeURIComponent(report)}/draft`,
  /** The action plans and the one in force on a date (PlansOnDate). */
  plans: (asOf: string) => `/plans${asOfQuery(asOf)}`,
  /** One action plan on a date: its actions as the data holds them and the indicators computed (PlanAnswer). */
  plan: (id: string, asOf: string) => `/plans/${encodeURIComponent(id)}${asOfQuery(asOf)}`,
  /** Every State's Article 4 state on a date and the ledger's destructions by year (StockpilesByState). */
  stockpilesByState: (asOf: string) => `/stockpiles/states${asOfQuery(asOf)}`,
  /** Funding in a year on a date, from flows or the published figures (FundingAnswer); one recipient State when given. */
  funding: (asOf: string, recipient?: string) =>
    `/funding${asOfQuery(asOf)}${recipient === undefined ? '' : `&recipient=${encodeURIComponent(recipient)}`}`,
  /** Every stored funding flow (FundingFlow[]). */
  fundingFlows: () => '/funding/flows',
  /** Each year with a flow known on the date (FundingYear[]). */
  fundingYears: (asOf: string) => `/funding/years${asOfQuery(asOf)}`,
  /** Needs stated in Article 5 extension requests against support received (FundingNeeds); one State when given. */
  fundingNeeds: (asOf: string, iso3?: string) =>
    `/funding/needs${asOfQuery(asOf)}${iso3 === undefined ? '' : `&iso3=${encodeURIComponent(iso3)}`}`,
  /** The States with significant numbers of victims and the counts on a date (GlobalVictims). */
  victims: (asOf: string) => `/victims${asOfQuery(asOf)}`,
  /** One State's victim assistance framework and casualties per year on a date (StateVictims). */
  stateVictims: (iso3: string, asOf: string) => `/states/${encodeURIComponent(iso3)}/victims${asOfQuery(asOf)}`,
  /** One State's casualties by sex, age band, status and device, suppressed (CasualtyBreakdowns). */
  victimBreakdowns: (iso3: string, asOf: string) =>
    `/states/${encodeURIComponent(iso3)}/victims/breakdowns${asOfQuery(asOf)}`,
  /** Every observation of one State's framework published by the date, oldest first (VictimFrameworks). */
  victimFrameworks: (iso3: string, asOf: string) =>
    `/states/${encodeURIComponent(iso3)}/victims/frameworks${asOfQuery(asOf)}`,
};

/** GET /states/{iso3}/reports/{report}/draft (src/reporting/model.ts). */
export type ReportDraftJson = Json<ReportDraft>;
export type DraftForm = Json<DraftFormAnswer>;
export type DraftCell = Json<DraftCellAnswer>;
export type { CellValue };

/** GET /funding (src/cooperation/model.ts). */
export type FundingAnswer = Json<FundingAnswerJson>;
/** GET /funding/flows: one stored flow. */
export type FundingFlow = Json<StoredFlow>;
export type FundingYear = Json<YearTotal>;
/** GET /funding/needs. */
export type FundingNeeds = Json<NeedsAnswerJson>;

/**
 * The State's hazard areas and released land as Mapbox vector tiles, as a MapLibre tile URL
 * template (absolute: MapLibre's worker fetches it). Layers and properties: clearance-map.ts.
 */
export const clearanceTilesUrl = (iso3: string): string =>
  `${window.location.origin}/api/v1/states/${encodeURIComponent(iso3)}/clearance/tiles/{z}/{x}/{y}`;

/** Area in m² and the number of areas. */
export type OpenAreas = OpenAreasAnswer;

export type ClearanceVerdict = Verdict;

/** One year of GET /states/{iso3}/clearance `reconciliation`; the as-of year's row ends on the as-of date. */
export type ReconciliationYear = Json<ReconciliationTotals>;

/**
 * GET /states/{iso3}/clearance: hazard areas, land release and the forecast against the Article 5
 * deadline (`deadline`: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY`, holding until its last day).
 */
export type ClearanceSummary = Json<ClearanceAnswer>;

/**
 * The printable fact sheet: a page the server renders (not part of this app), so it is reached
 * with a plain link and a full page load.
 */
export const factSheetHref = (asOf: string, format: 'html' | 'pdf' = 'html'): string =>
  `/factsheet${asOfQuery(asOf)}${format === 'pdf' ? '&format=pdf' : ''}`;

/** GET /states/{iso3}/article5: the Article 5 workflow on a date (src/clearance/article5/service.ts). */
export type Article5Workflow = Json<Article5WorkflowAnswer>;

/** GET /plans: the action plans and the one in force on a date (src/transparency/plan-indicators.ts). */
export type PlansOnDate = Json<PlansOnDateAnswer>;

/** GET /plans/{plan}: an action plan on a date (src/transparency/plan-indicators.ts). */
export type PlanAnswer = Json<PlanAnswerJson>;

/** GET /reports: Article 7 reports on a date (src/reporting/model.ts). */
export type ReportsOnDate = Json<ReportsOnDateAnswer>;

/** GET /stockpiles: Article 4 on a date over the States Parties (src/stockpiles/model.ts). */
export type GlobalStockpiles = Json<GlobalStockpilesAnswer>;

/** GET /states/{iso3}/stockpiles: one State's stockpile on a date (src/stockpiles/model.ts). */
export type StateStockpile = Json<StateStockpileAnswer>;

/** GET /stockpiles/states: every State's Article 4 state on a date, and the ledger's destructions by year. */
export type StockpilesByState = Json<StockpilesByStateAnswer>;

/** One entry of GET /states/{iso3}/stockpiles/ledger, as stored, with its sources. */
export type LedgerEntryJson = Json<StoredEntry>;

/** GET /victims: the States with significant numbers of victims and the counts on a date (src/victims/model.ts). */
export type GlobalVictims = Json<GlobalVictimsAnswer>;

/** GET /states/{iso3}/victims: a State's framework and casualties per year (suppressed). */
export type StateVictims = Json<StateVictimsAnswer>;

/** GET /states/{iso3}/victims/breakdowns: casualties by sex, age band, status and device (suppressed). */
export type CasualtyBreakdowns = Json<CasualtyBreakdownsAnswer>;

/** GET /states/{iso3}/victims/frameworks: every observation of the State's framework, with its sources. */
export type VictimFrameworks = Json<FrameworkHistory>;

/** One year of a casualty series: the published totals by edition beside the recorded total. */
export type SeriesYearJson = StateVictims['series'][number];
