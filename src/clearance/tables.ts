/** The clearance pillar's tables as Kysely sees them (one shape for both engines). */
import type { Generated } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import type { Flag } from '../store/database.js';

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
  /** The polygon packed as numbers for tiles (geometry/packed-polygon.ts); null when written without. */
  tile_geometry: Uint8Array | null;
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
  /** The polygon packed as numbers for tiles (geometry/packed-polygon.ts); null when written without. */
  tile_geometry: Uint8Array | null;
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

/** One running total of a State's clearance ledger on a day it changed (store-ledger.ts). */
export interface ClearanceLedgerTotalsTable {
  iso3: StateCode;
  series: string;
  /** yyyymmdd. */
  day: number;
  total: number;
  /** 1 on the series' last change of its year. */
  last_in_year: Flag;
}

/** What a State's summary shows besides the running totals; null days: nothing of the kind yet. */
export interface ClearanceLedgerStatesTable {
  iso3: StateCode;
  synthetic: Flag;
  first_event: number | null;
  first_release: number | null;
  first_device: number | null;
  hazard_areas: number;
  activities: number;
  land_releases: number;
  devices_destroyed: number;
  min_x: number | null;
  min_y: number | null;
  max_x: number | null;
  max_y: number | null;
}

/** The box a clearance write touched (issue 15 §4): cached tiles that do not meet it stay valid. */
export interface ClearanceTileChangesTable {
  id: Generated<number>;
  iso3: StateCode;
  min_x: number;
  min_y: number;
  max_x: number;
  max_y: number;
}

/** SQLite: a table whose tile-index triggers stand aside during a bulk import's transaction (migration 0023). */
export interface TileIndexDeferredTable {
  tbl: 'hazard_areas' | 'land_releases';
}

declare module '../store/database.js' {
  interface Database {
    hazard_areas: HazardAreasTable;
    activities: ActivitiesTable;
    land_releases: LandReleasesTable;
    devices_destroyed: DevicesDestroyedTable;
    extension_requests: ExtensionRequestsTable;
    completion_declarations: CompletionDeclarationsTable;
    clearance_ledger_totals: ClearanceLedgerTotalsTable;
    clearance_ledger_states: ClearanceLedgerStatesTable;
    clearance_tile_changes: ClearanceTileChangesTable;
    tile_index_deferred: TileIndexDeferredTable;
  }
}
