/**
 * Polygons crossing the antimeridian (180°). Decision: accepted and normalised. A ring whose
 * consecutive longitudes jump by more than 180° is read as crossing 180° (the short way: a hazard
 * area is never half the globe wide), unwrapped to continuous longitudes, checked there, then cut
 * at 180° into a MultiPolygon with one part on each side, as RFC 7946 §3.1.9 asks. The repair
 * is reported so the user sees the stored shape differs from the file. A ring that does not close
 * after unwrapping goes round a pole and is rejected.
 */
import type { Position } from 'geojson';
import { area, featureCollection, intersect, polygon } from '@turf/turf';

const lon = (p: Position | undefined): number => p?.[0] ?? 0;

export function crossesAntimeridian(rings: readonly Position[][]): boolean {
  return rings.some((ring) => ring.some((p, i) => i > 0 && Math.abs(lon(p) - lon(ring[i - 1])) > 180));
}

/** Continuous longitudes: each step is taken the short way round. */
function unwrapRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  let previousIn = lon(ring[0]);
  let previousOut = previousIn;
  for (const [index, p] of ring.entries()) {
    if (index > 0) {
      let step = lon(p) - previousIn;
      if (step > 180) step -= 360;
      else if (step < -180) step += 360;
      previousIn = lon(p);
      previousOut += step;
    }
    out.push([previousOut, p[1] ?? 0]);
  }
  return out;
}

const shift = (ring: readonly Position[], by: number): Position[] => ring.map((p) => [lon(p) + by, p[1] ?? 0]);

export type Unwrapped = { rings: Position[][]; poleRing: null } | { rings: null; poleRing: number };

/**
 * The polygon in one continuous longitude frame with its exterior starting west of 180°
 * (longitudes then run past 180). `poleRing` is the index of a ring that goes round a pole.
 */
export function unwrapPolygon(rings: readonly Position[][]): Unwrapped {
  const unwrapped: Position[][] = [];
  for (const [index, ring] of rings.entries()) {
    const out = unwrapRing(ring);
    if (Math.abs(lon(out[0]) - lon(out[out.length - 1])) > 1e-9) return { rings: null, poleRing: index };
    // Sums of steps drift by an ulp; a ring must close exactly for jsts.
    out[out.length - 1] = [...(out[0] ?? [])];
    unwrapped.push(out);
  }
  const [shell = [], ...holes] = unwrapped;
  const shellLons = shell.map(lon);
  const west = Math.min(...shellLons);
  const middle = (west + Math.max(...shellLons)) / 2;
  const offset = west < -180 ? 360 : 0;
  // Each hole moves by whole turns to sit over its shell: the file may write it on either side.
  const placed = holes.map((hole) => shift(hole, Math.round((middle - lon(hole[0])) / 360) * 360 + offset));
  return { rings: [shift(shell, offset), ...placed], poleRing: null };
}

const WEST_OF_180 = polygon([
  [
    [-180, -90],
    [180, -90],
    [180, 90],
    [-180, 90],
    [-180, -90],
  ],
]);
const EAST_OF_180 = polygon([
  [
    [180, -90],
    [540, -90],
    [540, 90],
    [180, 90],
    [180, -90],
  ],
]);

function piecesOf(rings: Position[][], window: typeof WEST_OF_180, by: number): Position[][][] {
  const piece = intersect(featureCollection([polygon(rings), window]));
  if (piece === null) return [];
  const polygons = piece.geometry.type === 'Polygon' ? [piece.geometry.coordinates] : piece.geometry.coordinates;
  return polygons.map((p) => p.map((ring) => shift(ring, by)));
}

/** A cut through a vertex a hair from 180° leaves a sliver of no area and no direction; it is dropped. */
const SLIVER_M2 = 1e-3;

/** Cuts an unwrapped polygon at 180°; the eastern pieces come back to -180..-x. */
export function splitAtAntimeridian(unwrapped: Position[][]): Position[][][] {
  const pieces = [...piecesOf(unwrapped, WEST_OF_180, 0), ...piecesOf(unwrapped, EAST_OF_180, -360)];
  return pieces.filter((piece) => area(polygon(piece)) >= SLIVER_M2);
}

/** A longitude from the unwrapped frame back into -180..180, for messages. */
export function normaliseLongitude(value: number): number {
  const wrapped = ((((value + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 && value > 0 ? 180 : wrapped;
}
