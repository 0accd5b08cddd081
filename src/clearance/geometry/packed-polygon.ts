/**
 * A hazard area's or a release's polygon packed as one Float64Array, stored beside its GeoJSON
 * (column tile_geometry) so a vector tile reads numbers, not text to parse per request (issue 15
 * §4). Layout: the part count P, each part's ring count, each ring's point count, then every
 * point's longitude and latitude, in order. Little-endian bytes in the database.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../model.js';

export type PackedPolygon = Float64Array;

export function packPolygon(geometry: AreaGeometry): PackedPolygon {
  const parts: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let [rings, points] = [0, 0];
  for (const part of parts) for (const ring of part) [rings, points] = [rings + 1, points + ring.length];
  const out = new Float64Array(1 + parts.length + rings + 2 * points);
  out[0] = parts.length;
  let [head, ringAt, at] = [1, 1 + parts.length, 1 + parts.length + rings];
  for (const part of parts) {
    out[head++] = part.length;
    for (const ring of part) {
      out[ringAt++] = ring.length;
      for (const [lon = 0, lat = 0] of ring) [out[at++], out[at++]] = [lon, lat];
    }
  }
  return out;
}

/** The bytes to store (little-endian, as every platform Node.js runs on). */
export function packedBytes(polygon: PackedPolygon): Buffer {
  return Buffer.from(polygon.buffer, polygon.byteOffset, polygon.byteLength);
}

/** The polygon from stored bytes: a view of them, or a copy when they are not 8-byte aligned. */
export function unpackBytes(bytes: Uint8Array): PackedPolygon {
  if (bytes.byteOffset % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Calls `ring(part, start, count)` for each ring: its points are at polygon[start + 2i], [start + 2i + 1]. */
export function forEachRing(
  polygon: PackedPolygon,
  ring: (part: number, ringInPart: number, start: number, count: number) => void,
): void {
  const parts = polygon[0] ?? 0;
  let rings = 0;
  for (let p = 0; p < parts; p++) rings += polygon[1 + p] ?? 0;
  let [ringAt, at] = [1 + parts, 1 + parts + rings];
  for (let p = 0; p < parts; p++) {
    const count = polygon[1 + p] ?? 0;
    for (let r = 0; r < count; r++) {
      const points = polygon[ringAt++] ?? 0;
      ring(p, r, at, points);
      at += 2 * points;
    }
  }
}

/** Numbers (Float64) a packed polygon starting at `at` takes: its header tells (part, ring and point counts). */
function packedLength(numbers: Float64Array, at: number): number {
  const parts = numbers[at] ?? 0;
  let rings = 0;
  for (let p = 1; p <= parts; p++) rings += numbers[at + p] ?? 0;
  let points = 0;
  for (let r = 1 + parts; r <= parts + rings; r++) points += numbers[at + r] ?? 0;
  return 1 + parts + rings + 2 * points;
}

/**
 * Polygons stored one after the other in `bytes` (a tile's rows read as one blob): `present[i]`
 * false when row i has none (the blob skips it; its entry stays null). Views of one copy.
 */
export function splitPacked(bytes: Uint8Array, present: readonly boolean[]): (PackedPolygon | null)[] {
  const numbers = unpackBytes(bytes);
  const out: (PackedPolygon | null)[] = [];
  let at = 0;
  for (const has of present) {
    if (!has) {
      out.push(null);
      continue;
    }
    const length = packedLength(numbers, at);
    out.push(numbers.subarray(at, at + length));
    at += length;
  }
  if (at !== numbers.length) throw new Error(`packed polygons: ${numbers.length - at} numbers left over`);
  return out;
}

/** [west, south, east, north] of the first part's outer ring (Infinity when there is none): where an area's point goes. */
export function firstRingBox(polygon: PackedPolygon): [number, number, number, number] {
  const parts = polygon[0] ?? 0;
  let rings = 0;
  for (let p = 1; p <= parts; p++) rings += polygon[p] ?? 0;
  const count = rings > 0 ? (polygon[1 + parts] ?? 0) : 0;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 1 + parts + rings, end = i + 2 * count; i < end; i += 2) {
    const [lon = 0, lat = 0] = [polygon[i], polygon[i + 1]];
    if (lon < w) w = lon;
    if (lon > e) e = lon;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
  }
  return [w, s, e, n];
}
