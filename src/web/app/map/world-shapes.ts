/**
 * The base layer: Natural Earth 1:50m country shapes from world-atlas (bundled, no network),
 * keyed by ISO 3166-1 alpha-3 so they join the States the API returns (src/core/geo/country-shapes.ts,
 * the shapes the import checks areas against).
 */
import countries from 'world-atlas/countries-50m.json';
import { type CountryShapes, countryShapes as shapesOf } from '../../../core/geo/country-shapes.js';

export type { CountryShapeProperties, CountryShapes } from '../../../core/geo/country-shapes.js';

export function countryShapes(): CountryShapes {
  return shapesOf(countries);
}
