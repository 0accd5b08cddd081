/**
 * `minefree export clearance` and GET /api/v1/states/{iso3}/clearance/records: a State's records
 * as GeoJSON, GeoPackage or CSV, each importable again as the same records.
 */
import type { StateCode } from '../../core/states.js';
import type { Store } from '../../store/database.js';
import type { ClearanceCounts } from '../model.js';
import { countsOf, loadClearanceRecords } from '../store.js';
import { writeCsv } from './csv.js';
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
