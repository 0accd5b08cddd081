/** `minefree export clearance`: a State's records as GeoJSON, GeoPackage or CSV, each importable again as the same records. */
import type { StateCode } from '../../core/states.js';
import type { Store } from '../../store/database.js';
import type { ClearanceCounts } from '../model.js';
import { countsOf, loadClearanceRecords } from '../store.js';
import { writeCsv } from './csv.js';
import { writeGeoJson } from './geojson.js';
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
  const synthetic = records.areas.some((a) => a.synthetic);
  if (format === 'geojson') writeGeoJson(records, out, { iso3, synthetic });
  else if (format === 'csv') writeCsv(records, out);
  else await (await import('./gpkg.js')).writeGeoPackage(records, out);
  return { counts: countsOf(records), synthetic };
}
