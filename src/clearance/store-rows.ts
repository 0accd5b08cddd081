/**
 * Clearance records to table rows and back. Rows keep GeoJSON and device lists as JSON text and
 * flags as 0/1, so the same values come back from SQLite and PostgreSQL.
 */
import type { Insertable, Selectable } from 'kysely';
import type { StateCode } from '../core/states.js';
import type { ActivitiesTable, DevicesDestroyedTable, HazardAreasTable, LandReleasesTable } from './tables.js';
import { boxUnion } from './geometry/area.js';
import { packPolygon, packedBytes } from './geometry/packed-polygon.js';
import { type AreaFacts, type ReleaseFacts, type StateRecords, byDate } from './land-release.js';
import type { Activity, AreaGeometry, BBox, DeviceRecord, DevicesDestroyed, HazardArea, LandRelease } from './model.js';

const flag = (value: boolean): 0 | 1 => (value ? 1 : 0);

/**
 * Stands in for the geometry when a read asks for none (the land-release arithmetic never looks
 * at polygons, and parsing 200,000 of them is most of the read's time).
 */
export const GEOMETRY_NOT_LOADED: AreaGeometry = Object.freeze({ type: 'MultiPolygon', coordinates: [] });

export function hazardAreaRow(a: HazardArea): Insertable<HazardAreasTable> {
  const [minX, minY, maxX, maxY] = a.bbox;
  return {
    id: a.id,
    iso3: a.iso3,
    local_ref: a.localRef,
    name: a.name,
    type: a.type,
    devices: JSON.stringify(a.devices),
    status: a.status,
    status_date: a.statusDate,
    geometry: JSON.stringify(a.geometry),
    tile_geometry: packedBytes(packPolygon(a.geometry)),
    area_m2: a.areaM2,
    min_x: minX,
    min_y: minY,
    max_x: maxX,
    max_y: maxY,
    information_date: a.informationDate,
    organisation: a.organisation,
    source_id: a.sourceId,
    synthetic: flag(a.synthetic),
    previously_unknown: flag(a.previouslyUnknown),
  };
}

/**
 * The columns of hazardAreaRow, a bulk insert's values (files/geojson-import.ts): in its order but
 * for tile_geometry, last so that AreaOfValues reads the others where they were.
 */
export const HAZARD_AREA_COLUMNS = [
  'id',
  'iso3',
  'local_ref',
  'name',
  'type',
  'devices',
  'status',
  'status_date',
  'geometry',
  'area_m2',
  'min_x',
  'min_y',
  'max_x',
  'max_y',
  'information_date',
  'organisation',
  'source_id',
  'synthetic',
  'previously_unknown',
  'tile_geometry',
] as const satisfies readonly (keyof HazardAreasTable)[];

/** hazardAreaRow as values in HAZARD_AREA_COLUMNS order (null for a missing value). */
export function hazardAreaValues(a: HazardArea): unknown[] {
  const row = hazardAreaRow(a) as Record<string, unknown>;
  return HAZARD_AREA_COLUMNS.map((column) => row[column] ?? null);
}

/**
 * Those values back into a hazard area whose polygon and devices stay text until asked for: most
 * areas of a large file are never looked at again (a class, so 200,000 of them share one shape).
 */
class AreaOfValues implements HazardArea {
  readonly id: string;
  readonly iso3: StateCode;
  readonly localRef: string;
  readonly name: string;
  readonly type: HazardArea['type'];
  readonly status: HazardArea['status'];
  readonly statusDate: HazardArea['statusDate'];
  readonly areaM2: number;
  readonly bbox: BBox;
  readonly informationDate: HazardArea['informationDate'];
  readonly organisation: string;
  readonly sourceId: string | null;
  readonly synthetic: boolean;
  readonly previouslyUnknown: boolean;
  #geometry: string | AreaGeometry;
  #devices: string | DeviceRecord[];

  constructor(v: readonly unknown[]) {
    this.id = v[0] as string;
    this.iso3 = v[1] as StateCode;
    this.localRef = v[2] as string;
    this.name = v[3] as string;
    this.type = v[4] as HazardArea['type'];
    this.#devices = v[5] as string;
    this.status = v[6] as HazardArea['status'];
    this.statusDate = v[7] as HazardArea['statusDate'];
    this.#geometry = v[8] as string;
    this.areaM2 = v[9] as number;
    this.bbox = [v[10] as number, v[11] as number, v[12] as number, v[13] as number];
    this.informationDate = v[14] as HazardArea['informationDate'];
    this.organisation = v[15] as string;
    this.sourceId = v[16] as string | null;
    this.synthetic = v[17] === 1;
    this.previouslyUnknown = v[18] === 1;
  }

  get geometry(): AreaGeometry {
    if (typeof this.#geometry === 'string') this.#geometry = JSON.parse(this.#geometry) as AreaGeometry;
    return this.#geometry;
  }

  get devices(): DeviceRecord[] {
    if (typeof this.#devices === 'string') this.#devices = JSON.parse(this.#devices) as DeviceRecord[];
    return this.#devices;
  }
}

/** Values in HAZARD_AREA_COLUMNS order (hazardAreaValues) back into a hazard area. */
export const hazardAreaOfValues = (values: readonly unknown[]): HazardArea => new AreaOfValues(values);

export type HazardAreaRow = Omit<Selectable<HazardAreasTable>, 'geometry' | 'tile_geometry'> & { geometry?: string };

export function hazardAreaFromRow(r: HazardAreaRow): HazardArea {
  return {
    id: r.id,
    iso3: r.iso3,
    localRef: r.local_ref,
    name: r.name,
    type: r.type,
    devices: JSON.parse(r.devices) as DeviceRecord[],
    status: r.status,
    statusDate: r.status_date,
    geometry: r.geometry === undefined ? GEOMETRY_NOT_LOADED : (JSON.parse(r.geometry) as AreaGeometry),
    areaM2: r.area_m2,
    bbox: [r.min_x, r.min_y, r.max_x, r.max_y],
    informationDate: r.information_date,
    organisation: r.organisation,
    sourceId: r.source_id,
    synthetic: r.synthetic === 1,
    previouslyUnknown: r.previously_unknown === 1,
  };
}

export function activityRow(a: Activity, iso3: StateCode): Insertable<ActivitiesTable> {
  return {
    id: a.id,
    iso3,
    hazard_area_id: a.hazardAreaId,
    kind: a.kind,
    organisation: a.organisation,
    start_date: a.start,
    end_date: a.end,
  };
}

export function activityFromRow(r: Selectable<ActivitiesTable>): Activity {
  return {
    id: r.id,
    hazardAreaId: r.hazard_area_id,
    kind: r.kind,
    organisation: r.organisation,
    start: r.start_date,
    end: r.end_date,
  };
}

export function releaseRow(
  r: LandRelease,
  iso3: StateCode,
  bbox: readonly [number, number, number, number],
): Insertable<LandReleasesTable> {
  const [minX, minY, maxX, maxY] = bbox;
  return {
    id: r.id,
    iso3,
    hazard_area_id: r.hazardAreaId,
    activity_id: r.activityId,
    kind: r.kind,
    geometry: JSON.stringify(r.geometry),
    tile_geometry: packedBytes(packPolygon(r.geometry)),
    area_m2: r.areaM2,
    min_x: minX,
    min_y: minY,
    max_x: maxX,
    max_y: maxY,
    release_date: r.date,
  };
}

export type ReleaseRow = Omit<Selectable<LandReleasesTable>, 'geometry' | 'tile_geometry'> & { geometry?: string };

export function releaseFromRow(r: ReleaseRow): LandRelease {
  const geometry = r.geometry === undefined ? GEOMETRY_NOT_LOADED : (JSON.parse(r.geometry) as AreaGeometry);
  return {
    id: r.id,
    hazardAreaId: r.hazard_area_id,
    activityId: r.activity_id,
    kind: r.kind,
    geometry,
    areaM2: r.area_m2,
    date: r.release_date,
  };
}

export function devicesRow(d: DevicesDestroyed, iso3: StateCode): Insertable<DevicesDestroyedTable> {
  return {
    iso3,
    activity_id: d.activityId,
    category: d.category,
    model: d.model,
    count: d.count,
    destroyed_on: d.date,
  };
}

export function devicesFromRow(r: Selectable<DevicesDestroyedTable>): DevicesDestroyed {
  return { activityId: r.activity_id, category: r.category, model: r.model, count: r.count, date: r.destroyed_on };
}

/** The hazard-area columns the land-release arithmetic reads (store.ts loadStateFacts). */
export const AREA_FACT_COLUMNS = [
  'id',
  'type',
  'status',
  'status_date',
  'area_m2',
  'information_date',
  'synthetic',
  'previously_unknown',
  'min_x',
  'min_y',
  'max_x',
  'max_y',
] as const;
export const RELEASE_FACT_COLUMNS = ['hazard_area_id', 'kind', 'area_m2', 'release_date'] as const;
export const DEVICES_FACT_COLUMNS = ['category', 'count', 'destroyed_on'] as const;

type AreaFactsRow = Pick<Selectable<HazardAreasTable>, (typeof AREA_FACT_COLUMNS)[number]>;
type ReleaseFactsRow = Pick<Selectable<LandReleasesTable>, (typeof RELEASE_FACT_COLUMNS)[number]>;
type DevicesFactsRow = Pick<Selectable<DevicesDestroyedTable>, (typeof DEVICES_FACT_COLUMNS)[number]>;

/**
 * Those columns grouped per area for the rules, each area's releases in date order (a stored
 * device's activity is always one of the State's), and the box around all the State's areas.
 */
export function stateFactsFromRows(
  iso3: StateCode,
  areaRows: readonly AreaFactsRow[],
  releaseRows: readonly ReleaseFactsRow[],
  deviceRows: readonly DevicesFactsRow[],
): { records: StateRecords; bounds: BBox | null } {
  const areas = new Map<string, { area: AreaFacts; releases: ReleaseFacts[]; revisions: [] }>();
  for (const r of areaRows) {
    areas.set(r.id, {
      area: {
        id: r.id,
        type: r.type,
        status: r.status,
        statusDate: r.status_date,
        areaM2: r.area_m2,
        informationDate: r.information_date,
        synthetic: r.synthetic === 1,
        previouslyUnknown: r.previously_unknown === 1,
      },
      releases: [],
      // Re-surveys are updates; the store has none yet, so no size ever changed.
      revisions: [],
    });
  }
  for (const r of releaseRows)
    areas.get(r.hazard_area_id)?.releases.push({ kind: r.kind, areaM2: r.area_m2, date: r.release_date });
  for (const a of areas.values()) if (a.releases.length > 1) a.releases.sort(byDate);
  return {
    records: {
      iso3,
      areas: [...areas.values()],
      devices: deviceRows.map((d) => ({ category: d.category, count: d.count, date: d.destroyed_on })),
    },
    bounds: boxUnion(areaRows.map((r): BBox => [r.min_x, r.min_y, r.max_x, r.max_y])),
  };
}
