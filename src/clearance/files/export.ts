/**
 * `minefree export clearance` and GET /api/v1/states/{iso3}/clearance/records: a State's records
 * as GeoJSON, GeoPackage or CSV, each importable again as the same records.
 */
import type { StateCode } from '../../core/states.js';
import type { Store } from '../../store/database.js';
import type { ClearanceCounts } from '../model.js';
import { countsOf, loadClearanceRecords } from '../store.js';
import { writeCsv } from './csv.js';
import { boundingBox } from '../geometry/area.js';
import type { BBox } from '../model.js';
import { type ClearanceFeatureCollection, exportMeta, geoJsonCollection, writeGeoJson } from './geojson.js';
import type { FileFormat } from './import.js';

export interface ExportResult {
  counts: ClearanceCounts;
  synthetic: boolean;
}

export async function exportClearanceFile(
  store: Store,
  iso3: StateCode,
  format: FileFormat,
  out: string,
): Promise<ExportResult> {
  const records = await loadClearanceRecords(store, iso3);
  const meta = exportMeta(records, iso3);
  if (format === 'geojson') writeGeoJson(records, out, meta);
  else if (format === 'csv') writeCsv(records, out);
  else await (await import('./gpkg.js')).writeGeoPackage(records, out);
  return { counts: countsOf(records), synthetic: meta.synthetic };
}

/** The State's records as one GeoJSON FeatureCollection, as a .geojson export holds them. */
export async function clearanceGeoJson(store: Store, iso3: StateCode): Promise<ClearanceFeatureCollection> {
  const records = await loadClearanceRecords(store, iso3);
  return geoJsonCollection(records, exportMeta(records, iso3));
}

/** A record with its geometry replaced by its bounding box (RFC 7946 §5: `bbox`, [west, south, east, north]). */
export interface ClearanceBoxFeature {
  type: 'Feature';
  properties: object;
  geometry: null;
  bbox: BBox | null;
}

/**
 * The State's records with boxes instead of shapes (`?geometry=bbox`): what the web app's hazard
 * area table and the map's first view read (the map itself draws the shapes from tiles), at a
 * fraction of the bytes on a slow connection. Not an import format: the shapes are gone.
 */
export async function clearanceBoxes(
  store: Store,
  iso3: StateCode,
): Promise<{
  type: 'FeatureCollection';
  minefree: ClearanceFeatureCollection['minefree'];
  features: ClearanceBoxFeature[];
}> {
  const { minefree, features } = await clearanceGeoJson(store, iso3);
  return {
    type: 'FeatureCollection',
    minefree,
    features: features.map((f) => ({
      type: 'Feature',
      properties: f.properties,
      geometry: null,
      bbox: f.geometry === null ? null : boundingBox(f.geometry),
    })),
  };
}
