/**
 * The clearance map's rules, apart from MapLibre itself: dates as the tiles' integers, the
 * slider's dates, the layers over the offline world basemap with the filter expressions that
 * show the records of one day, the legend, and a clicked feature in plain words.
 *
 * Tiles (GET /states/{iso3}/clearance/tiles/{z}/{x}/{y}): layer `hazard_areas` with id, type
 * (SHA/CHA), status (open/closed/handed-over), recorded and closed (YYYYMMDD integers, closed
 * 99991231 while open), areaM2, synthetic; layer `land_releases` with id, hazardAreaId, kind
 * (cancelled/reduced/cleared), released (YYYYMMDD), areaM2, synthetic; below zoom 10 only
 * `hazard_area_points` (type, status, recorded, closed, synthetic).
 */
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
} from 'maplibre-gl';
import { areaWords, monthEnd } from './clearance-series';
import { formatDate } from './dates';
import type { CountryShapes } from './map/world-shapes';
import { t } from './i18n';

export const CLEARANCE_SOURCE = 'clearance';
export const HAZARD_LAYER = 'hazard_areas';
export const RELEASE_LAYER = 'land_releases';
/**
 * Below zoom 10 the tiles give each hazard area as a point at its centre (type, status, recorded,
 * closed, synthetic: no id or area), and no polygons: most areas are under a pixel there.
 */
export const HAZARD_POINT_LAYER = 'hazard_area_points';
export const POINT_MAX_ZOOM = 10;
/** `closed` of an area still open. */
export const STILL_OPEN = 99_991_231;

/** "2024-03-05" -> 20240305: the tiles' dates, comparable in a filter. */
export function dateInt(date: string): number {
  return Number(date.slice(0, 10).replaceAll('-', ''));
}

/** 20240305 -> "2024-03-05"; null for the "still open" date or anything that is not a date. */
export function intDate(value: unknown): string | null {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n === STILL_OPEN || n < 10_000_101 || n > 99_991_231) return null;
  const text = String(n);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/**
 * The dates the slider stops at: the end of each month from January of the first recorded
 * year, then the as-of date itself (the last stop, where the slider starts).
 */
export function sliderDates(firstYear: number, asOf: string): string[] {
  const asOfYear = Number(asOf.slice(0, 4));
  const asOfMonth = Number(asOf.slice(5, 7));
  const dates: string[] = [];
  for (let year = Math.min(firstYear, asOfYear); year <= asOfYear; year++) {
    for (let month = 1; month <= 12; month++) {
      if (year === asOfYear && month >= asOfMonth) break;
      dates.push(monthEnd(year, month));
    }
  }
  dates.push(asOf);
  return dates;
}

export const HAZARD_COLOUR = { SHA: '#E69F00', CHA: '#C5281C' } as const;
export const HAZARD_EDGE = { SHA: '#8A5A00', CHA: '#7A1209' } as const;
export const RELEASE_COLOUR = { cancelled: '#56B4E9', reduced: '#009E73', cleared: '#0B3C8C' } as const;
const CLOSED_EDGE = '#4A4A4A';

const recordedBy = (day: number): ExpressionSpecification => ['<=', ['to-number', ['get', 'recorded']], day];
const openOn = (day: number): ExpressionSpecification => ['>', ['to-number', ['get', 'closed']], day];

/** The filter of each clearance layer for a day (YYYYMMDD): no refetch, the tiles hold every date. */
export function clearanceFilters(day: number): Record<string, FilterSpecification> {
  return {
    'clearance-hazard-open': ['all', recordedBy(day), openOn(day)],
    'clearance-released': ['<=', ['to-number', ['get', 'released']], day],
    'clearance-hazard-open-edge': ['all', recordedBy(day), openOn(day)],
    'clearance-hazard-closed-edge': ['all', recordedBy(day), ['!', openOn(day)]],
    'clearance-hazard-points': ['all', recordedBy(day), openOn(day)],
  };
}

const byType = (colours: Record<'SHA' | 'CHA', string>): ExpressionSpecification => [
  'match',
  ['get', 'type'],
  'CHA',
  colours.CHA,
  colours.SHA,
];

/** The layers clicked for a popup, topmost first. */
export const CLICKABLE_LAYERS = [
  'clearance-hazard-points',
  'clearance-released',
  'clearance-hazard-open',
  'clearance-hazard-closed-edge',
];
/** Every clearance layer: what the map asks for rendered features. */
export const CLEARANCE_LAYERS = [
  'clearance-hazard-open',
  'clearance-released',
  'clearance-hazard-open-edge',
  'clearance-hazard-closed-edge',
  'clearance-hazard-points',
];

/** The clearance source and its layers, drawn over the basemap in this order. */
export function clearanceLayers(
  tilesUrl: string,
  day: number,
): { source: SourceSpecification; layers: LayerSpecification[] } {
  const filters = clearanceFilters(day);
  return {
    source: {
      type: 'vector',
      tiles: [tilesUrl],
      minzoom: 0,
      maxzoom: 14,
      attribution: t('web:clearanceMap.attribution'),
    },
    layers: [
      {
        id: 'clearance-hazard-open',
        type: 'fill',
        source: CLEARANCE_SOURCE,
        'source-layer': HAZARD_LAYER,
        filter: filters['clearance-hazard-open'],
        paint: { 'fill-color': byType(HAZARD_COLOUR), 'fill-opacity': 0.75 },
      },
      {
        id: 'clearance-released',
        type: 'fill',
        source: CLEARANCE_SOURCE,
        'source-layer': RELEASE_LAYER,
        filter: filters['clearance-released'],
        paint: {
          'fill-color': [
            'match',
            ['get', 'kind'],
            'cancelled',
            RELEASE_COLOUR.cancelled,
            'reduced',
            RELEASE_COLOUR.reduced,
            RELEASE_COLOUR.cleared,
          ],
          'fill-opacity': 0.85,
        },
      },
      {
        // Also the mark that keeps an area seen when, at a national scale, it is smaller than a pixel.
        id: 'clearance-hazard-open-edge',
        type: 'line',
        source: CLEARANCE_SOURCE,
        'source-layer': HAZARD_LAYER,
        filter: filters['clearance-hazard-open-edge'],
        paint: {
          'line-color': byType(HAZARD_EDGE),
          'line-width': ['interpolate', ['linear'], ['zoom'], 6, 3, 10, 2.5, 14, 1.5],
        },
      },
      {
        id: 'clearance-hazard-closed-edge',
        type: 'line',
        source: CLEARANCE_SOURCE,
        'source-layer': HAZARD_LAYER,
        filter: filters['clearance-hazard-closed-edge'],
        paint: { 'line-color': CLOSED_EDGE, 'line-width': 1.2, 'line-dasharray': [2, 1.5] },
      },
      pointLayer('clearance-hazard-points', filters['clearance-hazard-points']),
    ],
  };
}

/** One circle per open hazard area, for the scales where the areas are smaller than a pixel. */
export function pointLayer(id: string, filter: FilterSpecification | undefined): CircleLayerSpecification {
  return {
    id,
    type: 'circle',
    source: CLEARANCE_SOURCE,
    'source-layer': HAZARD_POINT_LAYER,
    maxzoom: POINT_MAX_ZOOM,
    ...(filter === undefined ? {} : { filter }),
    paint: {
      'circle-color': byType(HAZARD_COLOUR),
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 3, 10, 5],
      'circle-stroke-color': byType(HAZARD_EDGE),
      'circle-stroke-width': 1,
    },
  };
}

export interface LegendEntry {
  label: string;
  fill: string | null;
  edge: string;
  dashed?: boolean;
}

/** The legend's groups and entries, in the catalogue's words. */
export function clearanceLegend(): { heading: string; note?: string; entries: LegendEntry[] }[] {
  return [
    {
      heading: t('web:clearanceMap.hazardHeading'),
      note: t('web:clearanceMap.hazardNote'),
      entries: [
        { label: t('web:clearanceMap.sha'), fill: HAZARD_COLOUR.SHA, edge: HAZARD_EDGE.SHA },
        { label: t('web:clearanceMap.cha'), fill: HAZARD_COLOUR.CHA, edge: HAZARD_EDGE.CHA },
        { label: t('web:clearanceMap.closedOutline'), fill: null, edge: CLOSED_EDGE, dashed: true },
      ],
    },
    {
      heading: t('web:clearanceMap.releasedHeading'),
      note: t('web:clearanceMap.releasedNote'),
      entries: [
        { label: t('web:clearanceMap.cancelled'), fill: RELEASE_COLOUR.cancelled, edge: '#2D6F94' },
        { label: t('web:clearanceMap.reduced'), fill: RELEASE_COLOUR.reduced, edge: '#005C43' },
        { label: t('web:clearanceMap.cleared'), fill: RELEASE_COLOUR.cleared, edge: '#061F4A' },
      ],
    },
  ];
}

export interface FeatureWords {
  title: string;
  rows: [string, string][];
}

const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
const dateWords = (value: unknown): string => {
  const date = intDate(value);
  return date === null ? t('web:clearanceMap.notRecorded') : formatDate(date);
};

const HAZARD_TITLE: Readonly<Record<string, 'web:clearanceMap.sha' | 'web:clearanceMap.cha'>> = {
  SHA: 'web:clearanceMap.sha',
  CHA: 'web:clearanceMap.cha',
};
const RELEASE_TITLE: Readonly<
  Record<string, 'web:clearanceMap.landCancelled' | 'web:clearanceMap.landReduced' | 'web:clearanceMap.landCleared'>
> = {
  cancelled: 'web:clearanceMap.landCancelled',
  reduced: 'web:clearanceMap.landReduced',
  cleared: 'web:clearanceMap.landCleared',
};

/** A clicked feature's properties in plain words, as they stood on the slider's day. */
export function featureWords(layer: string, properties: Record<string, unknown>, day: string): FeatureWords {
  const area = properties.areaM2 === undefined ? NaN : Number(properties.areaM2);
  // A point of the national view carries no id or area: zoom in for them.
  const areaRow: [string, string] = Number.isFinite(area)
    ? [t('web:clearanceMap.area'), areaWords(area)]
    : [t('web:clearanceMap.details'), t('web:clearanceMap.zoomIn')];
  const synthetic = Number(properties.synthetic) === 1 || properties.synthetic === true;
  const tail: [string, string][] = synthetic
    ? [[t('web:clearanceMap.data'), t('web:clearanceMap.syntheticRecord')]]
    : [];
  if (layer === RELEASE_LAYER || properties.kind !== undefined) {
    const kind = RELEASE_TITLE[text(properties.kind)];
    return {
      title: kind === undefined ? t('web:clearanceMap.landReleased') : t(kind),
      rows: [
        [t('web:clearanceMap.releasedOn'), dateWords(properties.released)],
        areaRow,
        [t('web:clearanceMap.fromHazardArea'), text(properties.hazardAreaId)],
        ...tail,
      ],
    };
  }
  const closed = intDate(properties.closed);
  const status = text(properties.status);
  const handedOver = status === 'handed-over';
  let state: string;
  if (closed === null) state = t('web:clearanceMap.openOn', { date: formatDate(day) });
  else if (dateInt(closed) > dateInt(day))
    state = t(handedOver ? 'web:clearanceMap.openThenHandedOver' : 'web:clearanceMap.openThenClosed', {
      date: formatDate(day),
      closed: formatDate(closed),
    });
  else
    state = t(handedOver ? 'web:clearanceMap.handedOverOn' : 'web:clearanceMap.closedOn', {
      closed: formatDate(closed),
    });
  const type = HAZARD_TITLE[text(properties.type)];
  return {
    title: type === undefined ? t('web:clearanceMap.hazardArea') : t(type),
    rows: [
      ...(text(properties.id) === ''
        ? []
        : [[t('web:clearanceMap.reference'), text(properties.id)] as [string, string]]),
      [t('web:clearanceMap.status'), state],
      [t('web:clearanceMap.recordedOn'), dateWords(properties.recorded)],
      areaRow,
      ...tail,
    ],
  };
}

/** The bounding box of one State's Natural Earth shape, for a map with no hazard areas to fit. */
export function shapeBounds(shapes: CountryShapes, iso3: string): [[number, number], [number, number]] | null {
  const shape = shapes.features.find((f) => f.properties.iso3 === iso3);
  if (!shape) return null;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of shape.geometry.coordinates) {
    for (const [x = 0, y = 0] of polygon[0] ?? []) {
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    }
  }
  return Number.isFinite(west)
    ? [
        [west, south],
        [east, north],
      ]
    : null;
}
