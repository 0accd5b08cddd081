/**
 * The base layer: Natural Earth 1:50m country shapes from world-atlas (bundled, no network),
 * keyed by ISO 3166-1 alpha-3 so they join the States the API returns.
 */
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-50m.json';
import { splitGeometry } from '../../../core/geo/antimeridian-map.js';
import { ALPHA3_BY_NUMERIC } from '../../../core/geo/iso-numeric.js';

export interface CountryShapeProperties {
  /** ISO 3166-1 alpha-3, or '' for an area the map data gives no ISO code (Kosovo, Somaliland, ...). */
  iso3: string;
  /** The name Natural Earth gives the shape. */
  shapeName: string;
}

export type CountryShapes = FeatureCollection<MultiPolygon, CountryShapeProperties>;

export function countryShapes(): CountryShapes {
  const collection = feature(countries, countries.objects.countries);
  const features: CountryShapes['features'] = [];
  for (const shape of collection.features) {
    const geometry = shape.geometry;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    const numeric = shape.id === undefined ? '' : String(shape.id);
    features.push({
      type: 'Feature',
      properties: { iso3: ALPHA3_BY_NUMERIC[numeric] ?? '', shapeName: shape.properties?.name ?? '' },
      geometry: splitGeometry(geometry),
    });
  }
  return { type: 'FeatureCollection', features };
}
