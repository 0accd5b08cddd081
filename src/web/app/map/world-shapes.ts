/**
 * The base layer: Natural Earth country shapes from world-atlas, keyed by ISO 3166-1 alpha-3 so they
 * join the States the API returns (src/core/geo/country-shapes.ts, the shapes the import checks areas
 * against). The TopoJSON files are static build assets (hashed, pre-compressed, cached for a year),
 * fetched only by pages that draw a map, never bundled into the JavaScript:
 * - '110m' (about 38 KB compressed): the world at world zoom; it leaves out the smallest States;
 * - '50m' (about 190 KB compressed): every State, detailed enough for a State's own extent.
 * Each is fetched and split at the antimeridian once per page load.
 */
import coarseUrl from 'world-atlas/countries-110m.json?url';
import detailedUrl from 'world-atlas/countries-50m.json?url';
import {
  type CountriesTopology,
  type CountryShapes,
  countryShapes as shapesOf,
} from '../../../core/geo/country-shapes.js';

export type { CountryShapeProperties, CountryShapes } from '../../../core/geo/country-shapes.js';

/** The scale of Natural Earth's shapes: 1:110 million (world zoom) or 1:50 million (a State). */
export type ShapeScale = '110m' | '50m';

const URLS: Readonly<Record<ShapeScale, string>> = { '110m': coarseUrl, '50m': detailedUrl };
const loaded = new Map<ShapeScale, Promise<CountryShapes>>();
const here = new Map<ShapeScale, CountryShapes>();

/** The country shapes at `scale` if they have arrived, else null (a map then starts with them). */
export const arrivedCountryShapes = (scale: ShapeScale): CountryShapes | null => here.get(scale) ?? null;

/**
 * The country shapes at `scale`, fetched once; call it early (before the map's code has loaded) so the
 * download runs beside the map library's. A failed download is forgotten, so the next call tries again.
 */
export function loadCountryShapes(scale: ShapeScale): Promise<CountryShapes> {
  let shapes = loaded.get(scale);
  if (shapes === undefined) {
    shapes = fetch(URLS[scale])
      .then((response) => {
        if (!response.ok) throw new Error(`${URLS[scale]}: HTTP ${response.status}`);
        return response.json() as Promise<CountriesTopology>;
      })
      .then(shapesOf);
    shapes.then(
      (ready) => here.set(scale, ready),
      () => loaded.delete(scale),
    );
    loaded.set(scale, shapes);
  }
  return shapes;
}
