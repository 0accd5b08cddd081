/**
 * A MapLibre style that needs no network: one GeoJSON source, no tiles, no glyphs, no sprites.
 * Each country is filled by the `category` feature-state the map page sets for the chosen date.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { CATEGORIES, CATEGORY_COLOUR, OTHER_LAND_COLOUR } from '../status';
import type { CountryShapes } from './world-shapes';
import { t } from '../i18n';

export const COUNTRIES_SOURCE = 'countries';
export const COUNTRIES_FILL = 'countries-fill';
export const SEA_COLOUR = '#EEF4F8';

/** The treaty statuses' colours: the map's default palette. */
const STATUS_PALETTE: Readonly<Record<string, string>> = Object.fromEntries(
  CATEGORIES.map((category) => [category, CATEGORY_COLOUR[category]]),
);

const fillColourOf = (palette: Readonly<Record<string, string>>): ExpressionSpecification =>
  [
    'match',
    ['to-string', ['feature-state', 'category']],
    ...Object.entries(palette).flat(),
    OTHER_LAND_COLOUR,
  ] as unknown as ExpressionSpecification;

/** A country's `category` feature-state picks its colour in `palette` (other land: grey). */
export function mapStyle(
  shapes: CountryShapes,
  palette: Readonly<Record<string, string>> = STATUS_PALETTE,
): StyleSpecification {
  const fillColour = fillColourOf(palette);
  return {
    version: 8,
    sources: {
      [COUNTRIES_SOURCE]: {
        type: 'geojson',
        data: shapes,
        promoteId: 'iso3',
        attribution: t('web:map.attribution'),
      },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': SEA_COLOUR } },
      { id: COUNTRIES_FILL, type: 'fill', source: COUNTRIES_SOURCE, paint: { 'fill-color': fillColour } },
      {
        id: 'countries-outline',
        type: 'line',
        source: COUNTRIES_SOURCE,
        paint: {
          'line-color': ['case', ['boolean', ['feature-state', 'hover'], false], '#000000', '#3D3D3D'],
          'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0.5],
        },
      },
    ],
  };
}
