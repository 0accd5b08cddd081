/**
 * The clearance map's downloads, started by the State page as soon as it knows the State has
 * records, not once the section above the map has rendered: on a slow connection the map's code
 * (MapLibre), its worker and the country shapes are most of the wait, so they start beside the
 * State's record instead of after it. The State's outline and its records draw the map's first
 * view (ClearanceMapPreview) while MapLibre loads.
 */
import type { MultiPolygon } from 'geojson';
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

/** GET /states/{iso3}/clearance/outline: the State's boundary (1:50m), null where there is none. */
export interface StateOutline {
  geometry: MultiPolygon | null;
}

/**
 * A per-State read made once per page load (a failed one is forgotten, so the next call tries
 * again), and its answer once it has arrived, so a first view can draw it in its first render.
 */
function readOncePerState<T>(path: (iso3: string) => string) {
  const reads = new Map<string, Promise<T>>();
  const here = new Map<string, T>();
  return {
    load(iso3: string): Promise<T> {
      let read = reads.get(iso3);
      if (read === undefined) {
        read = prefetchJson<T>(path(iso3));
        read.then(
          (loaded) => here.set(iso3, loaded),
          () => reads.delete(iso3),
        );
        reads.set(iso3, read);
      }
      return read;
    },
    arrived: (iso3: string): T | null => here.get(iso3) ?? null,
  };
}

/** The State's clearance records; the table's own read of the same path takes this read (prefetchJson). */
export const clearanceRecords = readOncePerState<RecordsCollection>(paths.clearanceRecords);
/** The State's outline for the first view (the whole world's shapes are only for MapLibre's map). */
export const stateOutline = readOncePerState<StateOutline>(paths.clearanceOutline);

/** The map's code (one download however often it is asked for). */
export const loadClearanceMap = () => import('./ClearanceMap');

/** Preloads made in this page load, by State and date: main.tsx and the State page both ask for one. */
const preloads = new Map<string, Promise<unknown>>();

/**
 * Reads the State's clearance now, with what the map's first view draws (its records and outline);
 * when it has records, fetches the map's code and the world's shapes too. Settles when the summary,
 * the records and the outline have arrived or failed (the State page's first render waits for them).
 * Once per State and date: asked again (the page's effect after main.tsx's preload, whose answer the
 * section has already taken), it reads nothing twice.
 */
export function preloadClearance(iso3: string, asOf: string): Promise<unknown> {
  const key = `${iso3}|${asOf}`;
  let preload = preloads.get(key);
  if (preload === undefined) {
    preload = startPreload(iso3, asOf);
    preloads.set(key, preload);
  }
  return preload;
}

function startPreload(iso3: string, asOf: string): Promise<unknown> {
  // The records and outline at once: the server's preload hints (src/server/web.ts) have them on the way already.
  const firstView = [clearanceRecords.load(iso3), stateOutline.load(iso3)];
  const drawn = Promise.allSettled(firstView);
  const summary = prefetchJson<ClearanceSummary>(paths.clearance(iso3, asOf)).then(
    (answer) => {
      if (!hasRecords(answer)) return;
      // Failures here are shown by the section and the map, which ask again. MapLibre's code and the
      // shapes its map draws around the State come once the first view's reads are here: they would
      // share the bandwidth, and MapLibre's code, once here, runs for about a second on a slow phone.
      void drawn.then(() => {
        void loadClearanceMap().catch(() => undefined);
        void loadCountryShapes('110m').catch(() => undefined);
      });
    },
    () => undefined,
  );
  return Promise.allSettled([summary, drawn]);
}
