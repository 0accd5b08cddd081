/**
 * Natural Earth 1:50m country shapes (world-atlas: bundled, no network), keyed by ISO 3166-1
 * alpha-3 and split at the antimeridian: the web map's basemap and the import's State boundaries
 * are these same shapes. The topology is an input (the browser bundles the JSON, the server reads
 * the file): no I/O here.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { splitGeometry } from './antimeridian.js';
import { ALPHA3_BY_NUMERIC } from './iso-numeric.js';

/** world-atlas's countries-50m.json: one object, `countries`, each shape with its name. */
export type CountriesTopology = Topology<{ countries: GeometryCollection<{ name?: string } | null> }>;

export interface CountryShapeProperties {
  /** ISO 3166-1 alpha-3, or '' for an area the map data gives no ISO code (Kosovo, Somaliland, ...). */
  iso3: string;
  /** The name Natural Earth gives the shape. */
  shapeName: string;
}

export type CountryShapes = FeatureCollection<MultiPolygon, CountryShapeProperties>;

/** Every polygonal shape of the topology, in its order, split at 180°. */
export function countryShapes(topology: CountriesTopology): CountryShapes {
  const features: CountryShapes['features'] = [];
  for (const shape of feature(topology, topology.objects.countries).features) {
    const geometry = shape.geometry as Polygon | MultiPolygon | null;
    if (geometry === null || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    const numeric = shape.id === undefined ? '' : String(shape.id);
    features.push({
      type: 'Feature',
      properties: { iso3: ALPHA3_BY_NUMERIC[numeric] ?? '', shapeName: shape.properties?.name ?? '' },
      geometry: splitGeometry(geometry),
    });
  }
  return { type: 'FeatureCollection', features };
}
