/**
 * The tables as Kysely sees them (DESIGN.md §5). One shape for both engines: dates are TEXT
 * `YYYY-MM-DD` (or partial `YYYY`/`YYYY-MM`), instants are ISO 8601 TEXT, yes/no flags are
 * INTEGER 0/1 and lists of source ids are JSON arrays in TEXT, so no value changes type
 * between SQLite and PostgreSQL. The pillar stores turn rows into model records.
 */
import type { Generated } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { Qualifier } from '../core/source.js';
import type { StateCode } from '../core/states.js';

/** JSON text of a `string[]` of source ids. */
export type SourceIdsJson = string;
/** 0 or 1: better-sqlite3 cannot bind booleans, so both engines store integers. */
export type Flag = 0 | 1;

export const INSTRUMENT_KINDS = [
  'signature',
  'ratification',
  'acceptance',
  'approval',
  'accession',
  'succession',
  'withdrawal',
] as const;
export type InstrumentKindColumn = (typeof INSTRUMENT_KINDS)[number];
export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface StatesTable {
  iso3: StateCode;
  name: string;
  entry_into_force_stated: CalendarDate | null;
  sources: SourceIdsJson;
}

export interface InstrumentsTable {
  id: Generated<number>;
  iso3: StateCode;
  kind: InstrumentKindColumn;
  /** Date of deposit (of signing, for a signature); null only for a withdrawal known without it. */
  deposited: CalendarDate | null;
  effective_stated: CalendarDate | null;
  announced: CalendarDate | null;
  armed_conflict: Flag;
  conflict_ended: CalendarDate | null;
  sources: SourceIdsJson;
  created_at: string;
  created_by: number | null;
}

export interface Article4RecordsTable {
  iso3: StateCode;
  deadline_stated: CalendarDate | null;
  deadline_met: Flag | null;
  completed: PartialDate | null;
  stockpile_remaining: number | null;
  remaining_as_of: PartialDate | null;
  notes: string;
  sources: SourceIdsJson;
}

export interface Article5RecordsTable {
  iso3: StateCode;
  original_deadline_stated: CalendarDate | null;
  current_deadline_stated: PartialDate | null;
  current_deadline_as_of: PartialDate | null;
  completed: PartialDate | null;
  notes: string;
  sources: SourceIdsJson;
}

export interface ExtensionDecisionsTable {
  id: Generated<number>;
  iso3: StateCode;
  /** Order in the State's chain of extensions, from 0. */
  position: number;
  granted: PartialDate | null;
  deadline: PartialDate | null;
  decided_at_meeting: string | null;
  sources: SourceIdsJson;
}

export interface SourcesTable {
  id: string;
  title: string;
  url: string | null;
  published: PartialDate | null;
}

export interface ReportedFiguresTable {
  id: Generated<number>;
  indicator: string;
  scope: string;
  period: string;
  value: number;
  qualifier: Qualifier;
  unit: string;
  source_id: string;
  cited_document: string | null;
  cited_page: string | null;
  /** The edition's label (`LM2017`) where the data gives one. */
  edition: string | null;
  /** The day the figure became public (ReportedFigure.published). */
  edition_date: CalendarDate | null;
  notes: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  expires_at: string;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

/** A hazard area (clearance pillar). Geometry is GeoJSON text; the box and area are computed on write. */
export interface HazardAreasTable {
  id: string;
  iso3: StateCode;
  local_ref: string;
  name: string;
  type: 'SHA' | 'CHA';
  /** JSON text of `[{category, certainty}]`. */
  devices: string;
  status: 'open' | 'closed' | 'handed-over';
  status_date: CalendarDate | null;
  geometry: string;
  area_m2: number;
  min_x: number;
  min_y: number;
  max_x: number;
  max_y: number;
  information_date: CalendarDate;
  organisation: string;
  source_id: string | null;
  synthetic: Flag;
  previously_unknown: Flag;
}

export interface ActivitiesTable {
  id: string;
  /** The State of its hazard area, repeated so per-State reads need no join. */
  iso3: StateCode;
  hazard_area_id: string;
  kind: 'non-technical-survey' | 'technical-survey' | 'clearance';
  organisation: string;
  start_date: CalendarDate;
  end_date: CalendarDate | null;
}

export interface LandReleasesTable {
  id: string;
  iso3: StateCode;
  hazard_area_id: string;
  activity_id: string;
  kind: 'cancelled' | 'reduced' | 'cleared';
  geometry: string;
  area_m2: number;
  min_x: number;
  min_y: number;
  max_x: number;
  max_y: number;
  release_date: CalendarDate;
}

export interface DevicesDestroyedTable {
  id: Generated<number>;
  iso3: StateCode;
  activity_id: string;
  category: 'ap-mine' | 'improvised-ap-mine' | 'av-mine' | 'erw' | 'cluster-munition-remnants';
  model: string | null;
  count: number;
  destroyed_on: CalendarDate;
}

/** An Article 5 extension request and the decision on it (null fields until decided). */
export interface ExtensionRequestsTable {
  id: Generated<number>;
  iso3: StateCode;
  submitted: CalendarDate;
  requested_deadline: CalendarDate;
  remaining_area_m2: number;
  budget_usd: number | null;
  /** JSON text of `[{year, plannedReleaseM2}]`. */
  work_plan: string;
  source_id: string | null;
  outcome: 'granted' | 'refused' | null;
  decided_on: CalendarDate | null;
  meeting: string | null;
  new_deadline: CalendarDate | null;
  /** The extension_decisions row a grant wrote (the engine's deadline); null when refused or after a reset. */
  extension_decision_id: number | null;
}

export interface CompletionDeclarationsTable {
  id: Generated<number>;
  iso3: StateCode;
  declared_on: CalendarDate;
  source_id: string | null;
}

export interface Database {
  states: StatesTable;
  instruments: InstrumentsTable;
  article4_records: Article4RecordsTable;
  article5_records: Article5RecordsTable;
  extension_decisions: ExtensionDecisionsTable;
  sources: SourcesTable;
  reported_figures: ReportedFiguresTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  hazard_areas: HazardAreasTable;
  activities: ActivitiesTable;
  land_releases: LandReleasesTable;
  devices_destroyed: DevicesDestroyedTable;
  extension_requests: ExtensionRequestsTable;
  completion_declarations: CompletionDeclarationsTable;
}
