/**
 * The clearance map's first view, drawn as SVG from what arrives before MapLibre (its code and
 * worker are most of the wait on a slow connection): the State's outline from the coarse country
 * shapes and a dot at each hazard area open on the date, in Web Mercator like the map that replaces
 * it. Plain data in, SVG geometry out.
 */
import { type Box, type HazardAreaRow, boxOf } from './hazard-area-rows';

/** SVG units per unit of the Mercator square (the whole world is SCALE wide). */
export const SCALE = 100_000;
/** Room around the fitted box, as a share of its larger side. */
const PADDING = 0.06;
/** Web Mercator's limit: beyond it the projection runs to infinity. */
const MAX_LAT = 85.051129;

export interface PreviewDot {
  x: number;
  y: number;
  type: 'SHA' | 'CHA';
  /** The row's place in the rows given (the first view opens its details). */
  index: number;
}

export interface PreviewGeometry {
  /** `minX minY width height` */
  viewBox: string;
  /** Dot radius in the viewBox's units. */
  radius: number;
  /** The State's outline as one path (every ring of every polygon), or '' without a shape. */
  outline: string;
  dots: PreviewDot[];
}

/** Web Mercator, in SVG units: x east, y south (down). */
export function project(lon: number, lat: number): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  const x = ((lon + 180) / 360) * SCALE;
  const y = ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * SCALE;
  return [x, y];
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** Every ring of a Polygon's or MultiPolygon's coordinates as one SVG path. */
export function outlinePath(geometry: { type: string; coordinates: unknown } | null | undefined): string {
  if (!geometry) return '';
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as number[][][]]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as number[][][][])
        : [];
  const parts: string[] = [];
  for (const polygon of polygons)
    for (const ring of polygon) {
      const points = ring
        .filter((p) => typeof p[0] === 'number' && typeof p[1] === 'number')
        .map(([lon, lat]) => project(lon as number, lat as number));
      if (points.length < 3) continue;
      parts.push(`M${points.map(([x, y]) => `${round(x)} ${round(y)}`).join('L')}Z`);
    }
  return parts.join('');
}

/** The viewBox around `fit` ([west, south, east, north]) with some room on every side. */
export function frame(fit: Box): { viewBox: string; size: number } {
  const [x0, y0] = project(fit[0], fit[3]);
  const [x1, y1] = project(fit[2], fit[1]);
  // A single point (one small area) still gets a frame: at least about 1 km across.
  const size = Math.max(x1 - x0, y1 - y0, SCALE / 40_000);
  const pad = size * PADDING;
  const width = x1 - x0 + 2 * pad;
  const height = y1 - y0 + 2 * pad;
  return {
    viewBox: [x0 - pad, y0 - pad, width, height].map(round).join(' '),
    size: Math.max(width, height),
  };
}

/**
 * The first view: framed on `fit` (the State's hazard areas, else its outline), a dot at the centre
 * of each hazard area open on the date (closed and handed-over ones are not drawn, as on the map's
 * date); null when there is nothing to frame.
 */
export function previewGeometry(
  fit: Box | null,
  shape: { type: string; coordinates: unknown } | null | undefined,
  rows: readonly Pick<HazardAreaRow, 'box' | 'status' | 'type'>[],
): PreviewGeometry | null {
  const box = fit ?? (shape ? boxOf(shape.coordinates) : null);
  if (box === null) return null;
  const { viewBox, size } = frame(box);
  const dots: PreviewDot[] = [];
  rows.forEach((row, index) => {
    if (row.status !== 'open' || row.box === null) return;
    const [x, y] = project((row.box[0] + row.box[2]) / 2, (row.box[1] + row.box[3]) / 2);
    dots.push({ x: round(x), y: round(y), type: row.type === 'CHA' ? 'CHA' : 'SHA', index });
  });
  return { viewBox, radius: round(size / 120), outline: outlinePath(shape), dots };
}
