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
