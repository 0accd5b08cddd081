/**
 * Ring orientation (RFC 7946 §3.1.6): exterior rings counter-clockwise, holes clockwise.
 * Many GIS write the opposite (shapefile convention); the direction carries no meaning for us,
 * so it is repaired rather than rejected.
 */
import type { Position } from 'geojson';

/** Twice the signed planar area in degrees²: positive when counter-clockwise. */
function signedArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i - 1] ?? [];
    const [x2 = 0, y2 = 0] = ring[i] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

export function isCounterClockwise(ring: readonly Position[]): boolean {
  return signedArea2(ring) > 0;
}

/** The polygon with its exterior counter-clockwise and its holes clockwise, and whether that changed it. */
export function orientPolygon(rings: readonly Position[][]): { rings: Position[][]; changed: boolean } {
  let changed = false;
  const oriented = rings.map((ring, index) => {
    const wantCounterClockwise = index === 0;
    const area2 = signedArea2(ring);
    // A zero-area ring has no direction to repair; topology checks report it.
    if (area2 === 0 || area2 > 0 === wantCounterClockwise) return ring;
    changed = true;
    return [...ring].reverse();
  });
  return { rings: oriented, changed };
}
