/**
 * The clearance map's downloads, started by the State page as soon as it knows the State has
 * records, not once the section above the map has rendered: on a slow connection the map's code
 * (MapLibre), its worker and the country shapes are most of the wait, so they start beside the
 * State's record instead of after it. The coarse shapes and the records also draw the map's first
 * view (ClearanceMapPreview) while MapLibre loads.
 */
import { type ClearanceSummary, paths, prefetchJson } from '../api';
import { hasRecords } from '../clearance-series';
import { loadCountryShapes } from '../map/world-shapes';

/** GET /states/{iso3}/clearance/records: the hazard areas' table and the map's first view. */
export interface RecordsCollection {
  features: {
    properties?: Record<string, unknown> | null;
    geometry?: { type: string; coordinates: unknown } | null;
    bbox?: readonly number[] | null;
  }[];
}

const records = new Map<string, Promise<RecordsCollection>>();
const recordsHere = new Map<string, RecordsCollection>();

/** The State's clearance records if they have arrived (the first view then draws them at once), else null. */
export const arrivedClearanceRecords = (iso3: string): RecordsCollection | null => recordsHere.get(iso3) ?? null;

/**
 * The State's clearance records, read once per page load for the map's first view
 * (ClearanceMapPreview); the table's own read of the same path takes this read (prefetchJson).
 */
export function loadClearanceRecords(iso3: string): Promise<RecordsCollection> {
  let read = records.get(iso3);
  if (read === undefined) {
    read = prefetchJson<RecordsCollection>(paths.clearanceRecords(iso3));
    read.then(
      (loaded) => recordsHere.set(iso3, loaded),
      () => records.delete(iso3),
    );
    records.set(iso3, read);
  }
  return read;
}

/** The map's code (one download however often it is asked for). */
export const loadClearanceMap = () => import('./ClearanceMap');

/** Reads the State's clearance now; when it has records, fetches the map's code and shapes too. */
export function preloadClearance(iso3: string, asOf: string): void {
  // The records too, at once: the server's preload hint (src/server/web.ts) has them on the way already.
  void loadClearanceRecords(iso3).catch(() => undefined);
  prefetchJson<ClearanceSummary>(paths.clearance(iso3, asOf)).then(
    (summary) => {
      if (!hasRecords(summary)) return;
      // Failures here are shown by the section and the map, which ask again. The shapes first, then the
      // map's code: the first view (a usable map already) needs only the shapes and records, and
      // MapLibre's code, once here, runs for about a second on a slow phone's main thread.
      const code = () => void loadClearanceMap().catch(() => undefined);
      loadCountryShapes('110m').then(code, code);
    },
    () => undefined,
  );
}
