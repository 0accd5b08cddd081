/**
 * Article 5 records, aligned with GICHD's Minimum Data Requirements (the IMSMA core fields):
 * hazard areas, the activities on them, the land they release, the devices destroyed, and the
 * Article 5.3-5.6 workflow (extension requests, decisions, declarations of completion); then the
 * answers the API gives (the web app imports those types: src/web/app/api.ts).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';

/** SHA: suspected hazardous area (indirect evidence); CHA: confirmed (direct evidence). */
export const HAZARD_TYPES = ['SHA', 'CHA'] as const;
export type HazardType = (typeof HAZARD_TYPES)[number];

export const DEVICE_CATEGORIES = [
  'ap-mine',
  'improvised-ap-mine',
  'av-mine',
  'erw',
  'cluster-munition-remnants',
] as const;
export type DeviceCategory = (typeof DEVICE_CATEGORIES)[number];

/** Suspected: reported or inferred; confirmed: found on the ground. */
export const DEVICE_CERTAINTIES = ['suspected', 'confirmed'] as const;
export type DeviceCertainty = (typeof DEVICE_CERTAINTIES)[number];

export const HAZARD_STATUSES = ['open', 'closed', 'handed-over'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const ACTIVITY_KINDS = ['non-technical-survey', 'technical-survey', 'clearance'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Cancelled by non-technical survey, reduced by technical survey, cleared (IMAS 07.11). */
export const RELEASE_KINDS = ['cancelled', 'reduced', 'cleared'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/** The kinds of record a file or a batch holds (the `record` property of a feature). */
export const RECORD_KINDS = ['hazard-area', 'activity', 'land-release', 'devices-destroyed'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Forecast verdicts against the Article 5 deadline (forecast.ts). */
export const VERDICTS = ['on-track', 'at-risk', 'off-track', 'unknown'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Hazard areas and released land are polygons; GeoJSON positions are [longitude, latitude]. */
export type AreaGeometry = Polygon | MultiPolygon;

/** [west, south, east, north] in degrees, as GeoJSON writes a bounding box. */
export type BBox = [number, number, number, number];

export interface DeviceRecord {
  category: DeviceCategory;
  certainty: DeviceCertainty;
}

export interface HazardArea {
  id: string;
  iso3: StateCode;
  /** The national authority's own reference (IMSMA "hazard local ID"). */
  localRef: string;
  name: string;
  type: HazardType;
  devices: readonly DeviceRecord[];
  status: HazardStatus;
  /** Date the area was closed or handed over; null while open. Needed to answer "open on date D". */
  statusDate: CalendarDate | null;
  geometry: AreaGeometry;
  /** Computed from the geometry on every write (geometry.ts), never taken from input. */
  areaM2: number;
  bbox: BBox;
  /** Date of the information: the day the area enters the record, and so the baseline. */
  informationDate: CalendarDate;
  organisation: string;
  sourceId: SourceId | null;
  /** Generated for exploring and benchmarking; never mixed silently with real data. */
  synthetic: boolean;
  /** Found after the State declared completion (re-opens the Article 5 obligation). */
  previouslyUnknown: boolean;
}

/**
 * A change of an area's recorded size (re-survey redrew its polygon), taken from the write
 * history's before/after. `HazardArea.areaM2` is the size now; with these the size on any past
 * date is known, and the baseline reconciliation can say why "remaining" moved.
 */
export interface AreaRevision {
  hazardAreaId: string;
  date: CalendarDate;
  beforeM2: number;
  afterM2: number;
}

export interface Activity {
  id: string;
  hazardAreaId: string;
  kind: ActivityKind;
  organisation: string;
  start: CalendarDate;
  end: CalendarDate | null;
}

export interface LandRelease {
  id: string;
  hazardAreaId: string;
  activityId: string;
  kind: ReleaseKind;
  geometry: AreaGeometry;
  areaM2: number;
  date: CalendarDate;
}

export interface DevicesDestroyed {
  activityId: string;
  category: DeviceCategory;
  /** Model when known (for example "PMN-2"). */
  model: string | null;
  count: number;
  date: CalendarDate;
}

export interface WorkPlanYear {
  year: number;
  plannedReleaseM2: number;
}

/** Art. 5.4: what a request must state, among others. */
export interface ExtensionRequest {
  iso3: StateCode;
  submitted: CalendarDate;
  requestedDeadline: CalendarDate;
  remainingAreaM2: number;
  budgetUsd: number | null;
  workPlan: readonly WorkPlanYear[];
}

/** A request as recorded: with the source it comes from. */
export interface ExtensionRequestInput extends ExtensionRequest {
  sourceId?: SourceId | null;
}

/** Art. 5.5-5.6: decided by a Meeting of States Parties or a Review Conference. */
export interface ExtensionDecisionOutcome {
  granted: boolean;
  date: CalendarDate;
  /** For example "22MSP" or "Fifth Review Conference". */
  meeting: string;
  /** The deadline the decision sets; null when the request was not granted. */
  newDeadline: CalendarDate | null;
}

export interface CompletionDeclaration {
  iso3: StateCode;
  date: CalendarDate;
}

/** Everything the land-release arithmetic reads for one or more States. */
export interface ClearanceRecords {
  areas: readonly HazardArea[];
  revisions: readonly AreaRevision[];
  activities: readonly Activity[];
  releases: readonly LandRelease[];
  devices: readonly DevicesDestroyed[];
}

// The answers of the API (and the CLI's `--json`), as the routes return them.

export interface ClearanceCounts {
  hazardAreas: number;
  activities: number;
  landReleases: number;
  devicesDestroyed: number;
}

/** Area in m² and the number of areas. */
export interface OpenAreas {
  count: number;
  areaM2: number;
}

export interface ReleasedYear {
  year: number;
  cancelledM2: number;
  reducedM2: number;
  clearedM2: number;
}

export interface DevicesYear {
  year: number;
  category: DeviceCategory;
  count: number;
}

/**
 * One year of the baseline reconciliation (reconciliation.ts lists the areas causing a
 * difference too); the as-of year's row ends on the as-of date.
 */
export interface ReconciliationTotals {
  year: number;
  openingM2: number;
  releasedM2: number;
  newlyRecordedM2: number;
  /** opening − released + newly recorded */
  expectedM2: number;
  /** The area remaining at the end of the year. */
  closingM2: number;
  /** closing − expected: zero when the records agree. */
  differenceM2: number;
}

/** The years a forecast's rates come from, and the rates in m² a year. */
export interface ForecastBasis {
  years: number[];
  meanM2PerYear: number;
  lowM2PerYear: number;
  highM2PerYear: number;
}

/** `minefree clearance --json` (cliSummary takes its subset) and the core of the API's answer (summary.ts). */
export interface ClearanceSummary {
  iso3: StateCode;
  asOf: CalendarDate;
  /** Open areas on the date and what remains of them, in m². */
  open: { sha: OpenAreas; cha: OpenAreas };
  released: ReleasedYear[];
  devicesDestroyed: DevicesYear[];
  /** One row per year from the first record: closing − (opening − released + newly recorded). */
  reconciliation: ReconciliationTotals[];
  /** The current Article 5 deadline as the treaty engine gives it (a year or month when that is all the source says). */
  deadline: PartialDate | null;
  forecast: {
    /** Completion at the mean recent release rate. */
    completion: CalendarDate | null;
    /** At the lowest recent rate: the latest date. */
    low: CalendarDate | null;
    /** At the highest recent rate: the earliest date. */
    high: CalendarDate | null;
    verdict: Verdict;
    basis: ForecastBasis | null;
  };
  /** True when any of the State's records is synthetic (demo data). */
  synthetic: boolean;
}

/** GET /api/v1/states/{iso3}/clearance: the summary, with where the areas are and how many records there are. */
export interface ClearanceAnswer extends ClearanceSummary {
  /** [west, south, east, north] of all the State's hazard areas; null when it has none. */
  bounds: BBox | null;
  records: ClearanceCounts;
}

/** A decision as stored with its request. */
export interface StoredDecision extends ExtensionDecisionOutcome {
  /** The treaty engine's extension_decisions row a grant wrote; null when refused (or after `init --reset`). */
  extensionDecisionId: number | null;
}

export interface StoredExtensionRequest extends ExtensionRequest {
  id: number;
  sourceId: SourceId | null;
  /** null while undecided (or, in an as-of answer, decided after the date). */
  decision: StoredDecision | null;
}

export interface StoredCompletionDeclaration extends CompletionDeclaration {
  id: number;
  sourceId: SourceId | null;
}

/** One year of a work plan against the land released (work-plan.ts). */
export interface PlanYear {
  year: number;
  plannedM2: number;
  /** null for a year that has not started by the as-of date. */
  releasedM2: number | null;
  /** released − planned; negative when behind the plan. */
  differenceM2: number | null;
  /** Whether the whole year is seen by the as-of date (else the figures are so far). */
  complete: boolean;
}

export type ObligationState = 'in-progress' | 'completed' | 'reopened';

/** The Article 5 obligation on a date, given the declarations of completion (completion.ts). */
export interface ObligationOnDate {
  state: ObligationState;
  /** The latest declaration on or before the date. */
  declared: CalendarDate | null;
  /** Areas recorded after that declaration. */
  reopenedBy: string[];
  /** Of those, the ones not flagged `previouslyUnknown`: the record should say so. */
  unflagged: string[];
}

/** GET /api/v1/states/{iso3}/article5: the Article 5 workflow of one State as it stood on a date. */
export interface Article5Workflow {
  iso3: StateCode;
  asOf: CalendarDate;
  /** From the treaty engine: entry into force + 10 years, and the deadline in force on the date. */
  originalDeadline: CalendarDate | null;
  currentDeadline: PartialDate | null;
  /** Requests submitted by the date, oldest first; a decision taken after the date shows as null. */
  requests: StoredExtensionRequest[];
  /** The latest request's work plan against the land released each year. */
  plan: { requestId: number; years: PlanYear[] } | null;
  completion: { declarations: StoredCompletionDeclaration[]; obligation: ObligationOnDate };
}
