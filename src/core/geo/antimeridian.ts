/**
 * Polygons crossing the antimeridian (180°): the one implementation, for the import checks
 * (src/clearance/geometry/geometry.ts) and the web map's basemap (country-shapes.ts). Pure and
 * browser-safe.
 *
 * A ring whose consecutive longitudes jump by more than 180° is read as crossing 180° the short
 * way (a hazard area is never half the globe wide; world-atlas stitches Russia and Fiji that way
 * for spherical projections, and drawn flat that edge streaks across the whole map). The cut:
 * 1. unwrap: every step between neighbours taken the short way, so longitudes run on past ±180;
 *    a ring that does not close once unwrapped goes round a pole: refused (a hazard area is
 *    never that) or closed along the pole's latitude (Antarctica on the map);
 * 2. the exterior made to start west of 180°, each hole moved by whole turns to sit over it (a
 *    file may write a hole on either side);
 * 3. clipped to each 360° strip it covers, [-180, 180], [180, 540], ..., each piece shifted back
 *    into [-180, 180]: a MultiPolygon with one part on each side, as RFC 7946 §3.1.9 asks.
 *
 * Step 3 has two clippers, and the caller picks one:
 * - `exactClip`: polygon intersection (turf): valid pieces, as many as the cut makes (a U across 180°
 *   gives two), slivers of no area dropped. What a stored hazard area needs.
 * - `fastClip`: Sutherland-Hodgman, ring by ring: linear, and about a hundred times faster on a 1:50m
 *   country (turf takes over a second on Russia). A polygon leaving and re-entering the strip
 *   keeps a zero-width seam along 180°, which no one sees on a map.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { area } from '@turf/area';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';

type Ring = Position[];

const lon = (p: Position | undefined): number => p?.[0] ?? 0;
const lat = (p: Position | undefined): number => p?.[1] ?? 0;

/** Whether a step between neighbouring positions jumps more than 180° of longitude. */
export function crossesAntimeridian(rings: readonly (readonly Position[])[]): boolean {
  return rings.some((ring) => ring.some((p, i) => i > 0 && Math.abs(lon(p) - lon(ring[i - 1])) > 180));
}

/**
 * Continuous longitudes: no step between neighbours exceeds 180°. Each position moves by whole
 * turns (x + 360k), so a position near ±180 comes out exact, with no sum of steps to drift.
 */
function unwrapRing(ring: readonly Position[]): Ring {
  const out: Ring = [];
  let shift = 0;
  let previous: number | null = null;
  for (const p of ring) {
    const x = lon(p);
    if (previous !== null) {
      const step = x + shift - previous;
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    out.push([x + shift, lat(p)]);
    previous = x + shift;
  }
  return out;
}

/** A ring around a pole does not close once unwrapped: close it along the pole's latitude. */
function closeAroundPole(ring: Ring): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || Math.abs(lon(last) - lon(first)) < 180) return ring;
  const meanLat = ring.reduce((sum, p) => sum + lat(p), 0) / ring.length;
  const pole = meanLat < 0 ? -90 : 90;
  return [...ring, [lon(last), pole], [lon(first), pole], first];
}

const shift = (ring: readonly Position[], by: number): Ring => ring.map((p) => [lon(p) + by, lat(p)]);

/** What to do with a ring that goes round a pole: name it, or close it along the pole. */
export type AroundPole = 'refuse' | 'close';

export type Unwrapped = { rings: Ring[]; poleRing: null } | { rings: null; poleRing: number };

/**
 * The polygon in one continuous longitude frame with its exterior starting west of 180°
 * (longitudes then run past 180). With `refuse`, `poleRing` is the index of a ring that goes
 * round a pole; with `close`, such a ring is closed along the pole.
 */
export function unwrapPolygon(rings: readonly Position[][], aroundPole: 'close'): { rings: Ring[]; poleRing: null };
export function unwrapPolygon(rings: readonly Position[][], aroundPole?: AroundPole): Unwrapped;
export function unwrapPolygon(rings: readonly Position[][], aroundPole: AroundPole = 'refuse'): Unwrapped {
  const unwrapped: Ring[] = [];
  for (const [index, ring] of rings.entries()) {
    const out = unwrapRing(ring);
    if (Math.abs(lon(out[0]) - lon(out[out.length - 1])) > 1e-9) {
      if (aroundPole === 'refuse') return { rings: null, poleRing: index };
      unwrapped.push(closeAroundPole(out));
    } else unwrapped.push(out);
  }
  const [shell = [], ...holes] = unwrapped;
  const shellLons = shell.map(lon);
  const west = Math.min(...shellLons);
  const middle = (west + Math.max(...shellLons)) / 2;
  const offset = west < -180 ? 360 : 0;
  const placed = holes.map((hole) => shift(hole, Math.round((middle - lon(hole[0])) / 360) * 360 + offset));
  return { rings: [offset === 0 ? shell : shift(shell, offset), ...placed], poleRing: null };
}

/** The west edges of the 360° strips, from -180 in steps of 360, that the rings reach into. */
function stripsOf(rings: readonly Ring[]): number[] {
  const xs = rings.flatMap((ring) => ring.map(lon));
  const first = Math.floor((Math.min(...xs) + 180) / 360);
  const last = Math.floor((Math.max(...xs) + 180) / 360);
  const wests: number[] = [];
  for (let strip = first; strip <= last; strip += 1) wests.push(strip * 360 - 180);
  return wests;
}

/** A cut through a vertex a hair from 180° leaves a sliver of no area and no direction; it is dropped. */
const SLIVER_M2 = 1e-3;

/** The strip as a GeoJSON feature: a literal, so a bundle that uses only fastClip leaves turf out. */
const strip = (west: number): Feature<Polygon> => ({
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [west, -90],
        [west + 360, -90],
        [west + 360, 90],
        [west, 90],
        [west, -90],
      ],
    ],
  },
});

/**
 * Cuts the piece of an unwrapped polygon that lies in the 360° strip from `west`, shifted back
 * into -180..180.
 */
export type Clip = (unwrapped: Ring[], west: number) => Ring[][];

const shiftedBack = (piece: Ring[], west: number): Ring[] =>
  west === -180 ? piece : piece.map((ring) => shift(ring, -(west + 180)));

/** Polygon intersection (turf): valid pieces, slivers of no area dropped. For stored areas. */
export const exactClip: Clip = (unwrapped, west) => {
  const piece = intersect(featureCollection([polygon(unwrapped), strip(west)]));
  if (piece === null) return [];
  const pieces = piece.geometry.type === 'Polygon' ? [piece.geometry.coordinates] : piece.geometry.coordinates;
  return pieces.map((p) => shiftedBack(p, west)).filter((p) => area(polygon(p)) >= SLIVER_M2);
};

/** Sutherland-Hodgman against one vertical line; `keep` says which side stays. */
function clipAt(ring: Ring, x: number, keep: (px: number) => boolean): Ring {
  const out: Ring = [];
  for (let i = 0; i < ring.length; i += 1) {
    const current = ring[i] as Position;
    const previous = ring[(i + ring.length - 1) % ring.length] as Position;
    const inCurrent = keep(lon(current));
    const inPrevious = keep(lon(previous));
    if (inCurrent !== inPrevious) {
      const t = (x - lon(previous)) / (lon(current) - lon(previous));
      out.push([x, lat(previous) + t * (lat(current) - lat(previous))]);
    }
    if (inCurrent) out.push(current);
  }
  return out;
}

function clipRing(ring: Ring, west: number): Ring | null {
  const open = ring.slice(0, -1);
  const clipped = clipAt(
    clipAt(open, west, (x) => x >= west),
    west + 360,
    (x) => x <= west + 360,
  );
  if (clipped.length < 3) return null;
  return [...clipped, clipped[0] as Position];
}

/** Sutherland-Hodgman, ring by ring: linear; may leave a zero-width seam along 180°. For drawing. */
export const fastClip: Clip = (unwrapped, west) => {
  const [outer, ...holes] = unwrapped;
  const clippedOuter = outer ? clipRing(outer, west) : null;
  if (!clippedOuter) return [];
  const clippedHoles = holes.map((hole) => clipRing(hole, west)).filter((hole) => hole !== null);
  return [shiftedBack([clippedOuter, ...clippedHoles], west)];
};

/** Cuts an unwrapped polygon (unwrapPolygon) at 180° and every 360° from it, with `clip`. */
export function splitAtAntimeridian(unwrapped: Ring[], clip: Clip): Ring[][] {
  return stripsOf(unwrapped).flatMap((west) => clip(unwrapped, west));
}

/** A longitude from the unwrapped frame back into -180..180, for messages. */
export function normaliseLongitude(value: number): number {
  const wrapped = ((((value + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 && value > 0 ? 180 : wrapped;
}

const outsideRange = (rings: readonly Ring[]): boolean =>
  rings.some((ring) => ring.some((p) => lon(p) < -180 || lon(p) > 180));

/**
 * For drawing: one polygon (exterior, then holes) as one or more polygons inside [-180, 180], by
 * the fast cut; never refuses (a ring round a pole is closed along it).
 */
export function splitPolygon(rings: Ring[]): Ring[][] {
  if (!crossesAntimeridian(rings)) return [rings];
  const unwrapped = unwrapPolygon(rings, 'close').rings;
  return outsideRange(unwrapped) ? splitAtAntimeridian(unwrapped, fastClip) : [rings];
}

export function splitGeometry(geometry: Polygon | MultiPolygon): MultiPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return { type: 'MultiPolygon', coordinates: polygons.flatMap(splitPolygon) };
}
