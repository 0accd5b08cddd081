/**
 * The clearance map's downloads, started by the State page as soon as it knows the State has
 * records, not once the section above the map has rendered: on a slow connection the map's code
 * (MapLibre), its worker and the country shapes are most of the wait, so they start beside the
 * State's record instead of after it.
 */
import { type ClearanceSummary, paths, prefetchJson } from '../api';
import { hasRecords } from '../clearance-series';
import { loadCountryShapes } from '../map/world-shapes';

/** The map's code (one download however often it is asked for). */
export const loadClearanceMap = () => import('./ClearanceMap');

/** Reads the State's clearance now; when it has records, fetches the map's code and shapes too. */
export function preloadClearance(iso3: string, asOf: string): void {
  prefetchJson<ClearanceSummary>(paths.clearance(iso3, asOf)).then(
    (summary) => {
      if (!hasRecords(summary)) return;
      // Failures here are shown by the section and the map, which ask again.
      void loadClearanceMap().catch(() => undefined);
      void loadCountryShapes('110m').catch(() => undefined);
    },
    () => undefined,
  );
}
