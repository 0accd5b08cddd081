/**
 * State boundaries for the outside-State warning and the demo generator: the Natural Earth 1:50m
 * country shapes of the web map (src/core/geo/country-shapes.ts), so the map and these checks use
 * one boundary.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MultiPolygon } from 'geojson';
import { type CountriesTopology, countryShapes } from '../../core/geo/country-shapes.js';
import type { StateCode } from '../../core/states.js';

/**
 * How far outside the 1:50m boundary an area may reach before a warning: those shapes are
 * simplified by kilometres, and real minefields lie along borders.
 */
export const OUTSIDE_TOLERANCE_M = 10_000;

let shapes: Map<string, MultiPolygon> | null = null;

function loadShapes(): Map<string, MultiPolygon> {
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(readFileSync(path, 'utf8')) as CountriesTopology;
  const byState = new Map<string, MultiPolygon>();
  for (const { properties, geometry } of countryShapes(topology).features) {
    if (properties.iso3 === '') continue;
    const known = byState.get(properties.iso3);
    byState.set(
      properties.iso3,
      known ? { type: 'MultiPolygon', coordinates: [...known.coordinates, ...geometry.coordinates] } : geometry,
    );
  }
  return byState;
}

/** The State's boundary, or null where Natural Earth has no shape for it at this scale. */
export function stateShape(iso3: StateCode): MultiPolygon | null {
  shapes ??= loadShapes();
  return shapes.get(iso3) ?? null;
}

const GRID = 512;
const EMPTY = new Float64Array(0);
const enum Cell {
  Outside,
  Inside,
  Edge,
}

/**
 * A point-in-shape test prepared once per State. A grid over the shape's box marks each cell
 * inside, outside, or crossed by the boundary; only points in crossed cells (a thin band along
 * the border) pay for the exact test, against the edges reaching their row. At 200,000 areas this
 * is about 30 times faster than testing every point exactly.
 */
export function shapeContains(shape: MultiPolygon): (x: number, y: number) => boolean {
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const [x = 0, y = 0] of shape.coordinates.flat(2))
    [west, south, east, north] = [Math.min(west, x), Math.min(south, y), Math.max(east, x), Math.max(north, y)];
  const width = (east - west) / GRID || 1;
  const height = (north - south) / GRID || 1;
  const column = (x: number): number => Math.min(GRID - 1, Math.max(0, Math.floor((x - west) / width)));
  const row = (y: number): number => Math.min(GRID - 1, Math.max(0, Math.floor((y - south) / height)));
  // One pass over every ring's edges (each point with the one before it, the closing pair
  // included): every cell an edge's box touches is an edge cell (generous, never wrong), and each
  // row of the grid lists the edges whose latitudes reach into it, so the exact test of a point
  // counts the crossings of its row's edges only, a few dozen instead of every vertex of the State.
  const cells = new Uint8Array(GRID * GRID);
  const rowEdges: number[][] = Array.from({ length: GRID }, () => []);
  for (const ring of shape.coordinates.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      for (let r = row(Math.min(yi, yj)); r <= row(Math.max(yi, yj)); r++) {
        rowEdges[r]?.push(xi, yi, xj, yj);
        for (let c = column(Math.min(xi, xj)); c <= column(Math.max(xi, xj)); c++) cells[r * GRID + c] = Cell.Edge;
      }
    }
  }
  const edges = rowEdges.map((list) => Float64Array.from(list));
  /** Even-odd over every ring's edges (inside an exterior and not in one of its holes), counting only those that can cross. */
  const exact = (x: number, y: number): boolean => {
    const list = edges[row(y)] ?? EMPTY;
    let inside = false;
    for (let k = 0; k < list.length; k += 4) {
      const xi = list[k] ?? 0;
      const yi = list[k + 1] ?? 0;
      const xj = list[k + 2] ?? 0;
      const yj = list[k + 3] ?? 0;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      if (cells[r * GRID + c] === Cell.Edge) continue;
      // Cells no edge crosses lie wholly on one side, and so does a run of them along a row: one exact test per run.
      const side = exact(west + (c + 0.5) * width, south + (r + 0.5) * height) ? Cell.Inside : Cell.Outside;
      for (; c < GRID && cells[r * GRID + c] !== Cell.Edge; c++) cells[r * GRID + c] = side;
    }
  }
  return (x, y) => {
    if (x < west || x > east || y < south || y > north) return false;
    const cell = cells[row(y) * GRID + column(x)];
    return cell === Cell.Edge ? exact(x, y) : cell === Cell.Inside;
  };
}
