/**
 * Article 5 records, aligned with GICHD's Minimum Data Requirements (the IMSMA core fields):
 * hazard areas, the activities on them, the land they release, the devices destroyed, and the
 * Article 5.3-5.6 workflow (extension requests, decisions, declarations of completion).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { CalendarDate } from '../core/date.js';
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
