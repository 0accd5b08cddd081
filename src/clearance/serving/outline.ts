/**
 * A State's outline for the clearance map's first view: the Natural Earth 1:50m boundary the import
 * checks areas against (files/state-shapes.ts), its coordinates rounded to 0.001° (about 100 m, far
 * finer than a 1:50 million shape is true to). Cambodia's is under 1 KB compressed, against about
 * 32 KB for the whole world's coarse shapes the first view drew its outline from before.
 */
import type { Feature, MultiPolygon, Position } from 'geojson';
import type { StateCode } from '../../core/states.js';
import { stateShape } from '../files/state-shapes.js';

export interface OutlineProperties {
  iso3: StateCode;
  /** Where the shape comes from, for the map's attribution. */
  source: 'Natural Earth 1:50m (world-atlas)';
}

/** GeoJSON Feature; geometry null where Natural Earth has no shape for the State at 1:50m. */
export type StateOutline = Feature<MultiPolygon | null, OutlineProperties>;

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Rounds each position and drops a position that rounds onto the one before it. */
function roundRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const [x = 0, y = 0] of ring) {
    const point = [round(x), round(y)];
    const last = out[out.length - 1];
    if (last === undefined || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

/** A ring needs 4 positions (3 corners and the first again); a smaller island or lake is under 100 m. */
const isRing = (ring: readonly Position[]): boolean => ring.length >= 4;

/**
 * The shape with rounded coordinates. A ring that rounding leaves without 4 positions is dropped;
 * when that ring is a polygon's outside, so is the polygon (its holes would otherwise become land).
 */
export function roundedShape(shape: MultiPolygon): MultiPolygon {
  const coordinates: Position[][][] = [];
  for (const [outside = [], ...holes] of shape.coordinates) {
    const ring = roundRing(outside);
    if (isRing(ring)) coordinates.push([ring, ...holes.map(roundRing).filter(isRing)]);
  }
  return { type: 'MultiPolygon', coordinates };
}

const outlines = new Map<StateCode, StateOutline>();

/** The State's outline, made once per process. */
export function stateOutline(iso3: StateCode): StateOutline {
  let outline = outlines.get(iso3);
  if (outline === undefined) {
    const shape = stateShape(iso3);
    outline = {
      type: 'Feature',
      properties: { iso3, source: 'Natural Earth 1:50m (world-atlas)' },
      geometry: shape === null ? null : roundedShape(shape),
    };
    outlines.set(iso3, outline);
  }
  return outline;
}
