/**
 * Where synthetic hazard areas go: small star-shaped polygons, each in its own cell of a grid
 * laid over the State's boundary, so they never overlap and every vertex lies inside the State.
 * Deterministic: the same random source gives the same polygons.
 */
import type { MultiPolygon, Position } from 'geojson';
import type { BBox } from '../model.js';

/** A PRNG small enough to read (mulberry32): uniform in [0, 1), fully determined by its seed. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlacedArea {
  centre: Position;
  /** Vertices counter-clockwise by angle around the centre, not closed. */
  vertices: Position[];
}

const METRES_PER_DEGREE = 111_320;
const MAX_RADIUS_M = 300;
/** Below this, an "area" would be a dot: the State is too small for the count asked. */
const MIN_RADIUS_M = 10;

function extentOf(shape: MultiPolygon): BBox {
  const box: BBox = [180, 90, -180, -90];
  for (const [x = 0, y = 0] of shape.coordinates.flat(2)) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

function starPolygon(random: () => number, centre: Position, radiusM: number): Position[] {
  const [x = 0, y = 0] = centre;
  const corners = 5 + Math.floor(random() * 5);
  const toLon = 1 / (METRES_PER_DEGREE * Math.cos((y * Math.PI) / 180));
  const vertices: Position[] = [];
  for (let i = 0; i < corners; i++) {
    // Angles stay in order (each within its own slice), so the ring never crosses itself.
    const angle = ((i + 0.15 + random() * 0.7) / corners) * 2 * Math.PI;
    const r = radiusM * (0.6 + 0.4 * random());
    vertices.push([x + r * Math.cos(angle) * toLon, y + (r * Math.sin(angle)) / METRES_PER_DEGREE]);
  }
  return vertices;
}

function shuffledCells(random: () => number, count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = swap;
  }
  return order;
}

/** `count` areas inside the shape, or null when it is too small to hold them apart. */
export function placeAreas(
  shape: MultiPolygon,
  contains: (x: number, y: number) => boolean,
  count: number,
  random: () => number,
): PlacedArea[] | null {
  const [west, south, east, north] = extentOf(shape);
  let inside = 0;
  const samples = 4000;
  for (let i = 0; i < samples; i++)
    if (contains(west + random() * (east - west), south + random() * (north - south))) inside++;
  if (inside === 0) return null;
  // Enough cells that about 1.5 times `count` fall inside; shrink and retry when edges waste too many.
  let cell = Math.sqrt(((east - west) * (north - south) * inside) / samples / (count * 1.5));
  for (let attempt = 0; attempt < 4; attempt++, cell *= 0.7) {
    const columns = Math.max(1, Math.ceil((east - west) / cell));
    const rows = Math.max(1, Math.ceil((north - south) / cell));
    const cellAtMiddle = cell * METRES_PER_DEGREE * Math.cos((((north + south) / 2) * Math.PI) / 180);
    if (columns * rows > 50_000_000 || cellAtMiddle * 0.25 < MIN_RADIUS_M) return null;
    const placed: PlacedArea[] = [];
    for (const index of shuffledCells(random, columns * rows)) {
      const cx = west + ((index % columns) + 0.3 + random() * 0.4) * cell;
      const cy = south + (Math.floor(index / columns) + 0.3 + random() * 0.4) * cell;
      const cellM = cell * METRES_PER_DEGREE * Math.min(1, Math.cos((cy * Math.PI) / 180));
      // At most a quarter of the cell from a centre kept 0.3 cells from its edges: neighbours never touch.
      const radius = Math.min(MAX_RADIUS_M, cellM * 0.25) * (0.5 + random() * 0.5);
      if (radius < MIN_RADIUS_M / 2) continue;
      if (!contains(cx, cy)) continue;
      const vertices = starPolygon(random, [cx, cy], radius);
      if (!vertices.every(([x = 0, y = 0]) => contains(x, y))) continue;
      placed.push({ centre: [cx, cy], vertices });
      if (placed.length === count) return placed;
    }
  }
  return null;
}
