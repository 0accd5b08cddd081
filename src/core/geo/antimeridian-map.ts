/**
 * Splits polygons that cross the antimeridian (longitude +-180). world-atlas stitches them for
 * spherical projections, so a ring jumps from 179.9 to -179.9; drawn flat, that edge streaks
 * across the whole map (Russia, Fiji). Each ring is unwrapped to continuous longitudes, then
 * clipped to each 360-degree strip it covers and shifted back into [-180, 180].
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Ring = Position[];

const lon = (p: Position): number => p[0] ?? 0;
const lat = (p: Position): number => p[1] ?? 0;

/** Longitudes made continuous: no step between neighbours exceeds 180 degrees. */
function unwrap(ring: Ring): Ring {
  const out: Ring = [];
  let shift = 0;
  let previous: number | null = null;
  for (const point of ring) {
    const x = lon(point);
    if (previous !== null) {
      const step = x + shift - previous;
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    out.push([x + shift, lat(point)]);
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

function clipToStrip(ring: Ring, west: number): Ring | null {
  const open = ring.slice(0, -1);
  const clipped = clipAt(
    clipAt(open, west, (x) => x >= west),
    west + 360,
    (x) => x <= west + 360,
  );
  if (clipped.length < 3) return null;
  const shifted = clipped.map((p) => [lon(p) - west - 180, lat(p)]);
  return [...shifted, shifted[0] as Position];
}

function crosses(rings: Ring[]): boolean {
  return rings.some((ring) => ring.some((p) => lon(p) < -180 || lon(p) > 180));
}

/** One polygon (outer ring, then holes) as one or more polygons inside [-180, 180]. */
export function splitPolygon(rings: Ring[]): Ring[][] {
  const unwrapped = rings.map((ring) => closeAroundPole(unwrap(ring)));
  if (!crosses(unwrapped)) return [rings];
  const xs = unwrapped.flatMap((ring) => ring.map(lon));
  const firstStrip = Math.floor((Math.min(...xs) + 180) / 360);
  const lastStrip = Math.floor((Math.max(...xs) + 180) / 360);
  const parts: Ring[][] = [];
  for (let strip = firstStrip; strip <= lastStrip; strip += 1) {
    const west = strip * 360 - 180;
    const [outer, ...holes] = unwrapped;
    const clippedOuter = outer ? clipToStrip(outer, west) : null;
    if (!clippedOuter) continue;
    const clippedHoles = holes.map((hole) => clipToStrip(hole, west)).filter((hole): hole is Ring => hole !== null);
    parts.push([clippedOuter, ...clippedHoles]);
  }
  return parts;
}

export function splitGeometry(geometry: Polygon | MultiPolygon): MultiPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return { type: 'MultiPolygon', coordinates: polygons.flatMap(splitPolygon) };
}
