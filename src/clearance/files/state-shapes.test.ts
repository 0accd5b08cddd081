import fc from 'fast-check';
import type { MultiPolygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { StateCode } from '../../core/states.js';
import { shapeContains, stateShape } from './state-shapes.js';

/** The definition: a ray to the east from the point crosses the State's rings an odd number of times (even-odd over every ring). */
function definitelyContains(shape: MultiPolygon, x: number, y: number): boolean {
  let inside = false;
  for (const ring of shape.coordinates.flat())
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] as Position;
      const [xj = 0, yj = 0] = ring[j] as Position;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

const shapeOf = (iso3: string): MultiPolygon => {
  const shape = stateShape(iso3 as StateCode);
  if (shape === null) throw new Error(`no shape for ${iso3}`);
  return shape;
};

// Cambodia; South Africa (Lesotho a hole in it); Indonesia (thousands of islands); Chile (long and thin).
describe.each(['KHM', 'ZAF', 'IDN', 'CHL'])('shapeContains, %s', (iso3) => {
  const shape = shapeOf(iso3);
  const contains = shapeContains(shape);
  const vertices = shape.coordinates.flat(2);
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const [x = 0, y = 0] of vertices)
    [west, south, east, north] = [Math.min(west, x), Math.min(south, y), Math.max(east, x), Math.max(north, y)];

  it('agrees with the even-odd test over every ring, anywhere in and around its box', () => {
    fc.assert(
      fc.property(
        fc.double({ min: west - 1, max: east + 1, noNaN: true }),
        fc.double({ min: south - 1, max: north + 1, noNaN: true }),
        (x, y) => {
          expect(contains(x, y)).toBe(definitelyContains(shape, x, y));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees on the boundary itself: its vertices and points a hair beside them', () => {
    fc.assert(
      fc.property(
        fc.nat(vertices.length - 1),
        fc.constantFrom(0, 1e-9, -1e-9),
        fc.constantFrom(0, 1e-9, -1e-9),
        (i, dx, dy) => {
          const [x = 0, y = 0] = vertices[i] ?? [];
          expect(contains(x + dx, y + dy)).toBe(definitelyContains(shape, x + dx, y + dy));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
