/**
 * The one module that talks to the server: every read under /api/v1, same origin.
 * Types come from the engine (type imports only; no engine code reaches the browser).
 */
import type { SourceId } from '../../core/source.js';
import type { Source } from '../../sources/model.js';
import type { Article4Record, Article5Record, ArmedConflict, InstrumentKind } from '../../treaty/model.js';
import type { FigureJson } from '../../transparency/figure-json.js';
import type { DeadlineEntry, StateOnDate, StatusSummary } from '../../treaty/status.js';

export type { DeadlineEntry, Source, SourceId, StateOnDate, StatusSummary };

/**
 * One reported figure as a source gave it (GET /figures, GET /figures/editions): `id` is the
 * indicator, `period` what the figure is about (`2016`, `2017-12`, `2017-12-20`), `edition` the
 * Landmine Monitor edition (`LM2017`) or null, `source.published` the day it counts as published.
 */
export type ReportedFigure = FigureJson;

/** One point of GET /status/history: the counts from `date` until the next point. */
export interface HistoryPoint {
  date: string;
  statesParties: number;
  inForce: number;
  withdrawn: number;
}

export interface InstrumentRecord {
  id: string;
  kind: InstrumentKind;
  deposited: string | null;
  effectiveStated: string | null;
  announced: string | null;
  armedConflict: ArmedConflict | null;
  sources: SourceId[];
}

/** GET /states/{iso3}/record: the stored facts for one State and every source they cite. */
export interface StateFacts {
  iso3: string;
  name: string;
  instruments: InstrumentRecord[];
  article4: Article4Record | null;
  article5: Article5Record | null;
  sources: Source[];
}

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

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
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
  clearance: (iso3: string, asOf: string) => `/states/${encodeURIComponent(iso3)}/clearance${asOfQuery(asOf)}`,
  /** One State's extension requests, decisions, latest work plan and completion on a date (Article5Workflow). */
  article5: (iso3: string, asOf: string) => `/states/${encodeURIComponent(iso3)}/article5${asOfQuery(asOf)}`,
};

/**
 * The State's hazard areas and released land as Mapbox vector tiles, as a MapLibre tile URL
 * template (absolute: MapLibre's worker fetches it). Layers and properties: clearance-map.ts.
 */
export const clearanceTilesUrl = (iso3: string): string =>
  `${window.location.origin}/api/v1/states/${encodeURIComponent(iso3)}/clearance/tiles/{z}/{x}/{y}`;

/** Area in m² and the number of areas. */
export interface OpenAreas {
  count: number;
  areaM2: number;
}

export type ClearanceVerdict = 'on-track' | 'at-risk' | 'off-track' | 'unknown';

/** One year of GET /states/{iso3}/clearance `reconciliation`; the as-of year's row ends on the as-of date. */
export interface ReconciliationYear {
  year: number;
  openingM2: number;
  releasedM2: number;
  newlyRecordedM2: number;
  expectedM2: number;
  /** The area remaining at the end of the year. */
  closingM2: number;
  differenceM2: number;
}

/** GET /states/{iso3}/clearance: hazard areas, land release and the forecast against the Article 5 deadline. */
export interface ClearanceSummary {
  iso3: string;
  asOf: string;
  open: { sha: OpenAreas; cha: OpenAreas };
  released: { year: number; cancelledM2: number; reducedM2: number; clearedM2: number }[];
  devicesDestroyed: { year: number; category: string; count: number }[];
  reconciliation: ReconciliationYear[];
  /** The current Article 5 deadline: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` (holds until its last day); null when none is known. */
  deadline: string | null;
  forecast: {
    /** Completion at the mean recent release rate. */
    completion: string | null;
    /** At the lowest recent rate: the latest date. */
    low: string | null;
    /** At the highest recent rate: the earliest date. */
    high: string | null;
    verdict: ClearanceVerdict;
    basis?: { years: number[]; meanM2PerYear: number; lowM2PerYear: number; highM2PerYear: number } | null;
  };
  /** True when any record is synthetic demo data: the page says so. */
  synthetic: boolean;
  /** [west, south, east, north] of all the State's hazard areas. */
  bounds?: [number, number, number, number] | null;
  records?: { hazardAreas: number; landReleases: number; activities: number; devicesDestroyed: number };
}

/**
 * The printable fact sheet: a page the server renders (not part of this app), so it is reached
 * with a plain link and a full page load.
 */
export const factSheetHref = (asOf: string, format: 'html' | 'pdf' = 'html'): string =>
  `/factsheet${asOfQuery(asOf)}${format === 'pdf' ? '&format=pdf' : ''}`;

/** GET /states/{iso3}/article5: the Article 5 workflow on a date (src/clearance/article5-store.ts). */
export interface Article5Workflow {
  iso3: string;
  asOf: string;
  originalDeadline: string | null;
  currentDeadline: string | null;
  requests: {
    id: number;
    submitted: string;
    requestedDeadline: string;
    remainingAreaM2: number;
    budgetUsd: number | null;
    sourceId: string | null;
    decision: { granted: boolean; date: string; meeting: string; newDeadline: string | null } | null;
  }[];
  plan: {
    requestId: number;
    years: {
      year: number;
      plannedM2: number;
      releasedM2: number | null;
      differenceM2: number | null;
      complete: boolean;
    }[];
  } | null;
  completion: {
    declarations: { id: number; date: string }[];
    obligation: { state: 'in-progress' | 'completed' | 'reopened'; declared: string | null; reopenedBy: string[] };
  };
}
