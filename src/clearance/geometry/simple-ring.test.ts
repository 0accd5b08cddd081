import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { certainlySimpleRing } from './simple-ring.js';

const reader = new GeoJSONReader(new GeometryFactory());
const jstsValid = (ring: Position[]): boolean => {
  try {
    return new IsValidOp(reader.read({ type: 'Polygon', coordinates: [ring] })).isValid();
  } catch {
    return false;
  }
};
const closed = (ps: Position[]): Position[] => [...ps, ps[0] ?? [0, 0]];

describe('certainlySimpleRing', () => {
  it.each<[string, Position[], boolean]>([
    [
      'a square',
      closed([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
      true,
    ],
    [
      'a square drawn clockwise',
      closed([
        [0, 0],
        [0, 1],
        [1, 1],
        [1, 0],
      ]),
      true,
    ],
    [
      'a triangle',
      closed([
        [0, 0],
        [1, 0],
        [0, 1],
      ]),
      true,
    ],
    [
      'a bow-tie',
      closed([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
      ]),
      false,
    ],
    [
      'a repeated position',
      closed([
        [0, 0],
        [1, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
      false,
    ],
    [
      'a straight run (collinear corner)',
      closed([
        [0, 0],
        [0.5, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
      false,
    ],
    [
      'a spike going back on itself',
      closed([
        [0, 0],
        [2, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
      false,
    ],
    [
      'a ring touching itself at a vertex',
      closed([
        [0, 0],
        [2, 0],
        [1, 1],
        [2, 2],
        [0, 2],
        [1, 1],
      ]),
      false,
    ],
    [
      'a flat ring',
      closed([
        [0, 0],
        [1, 0],
        [2, 0],
      ]),
      false,
    ],
    [
      'too few positions',
      [
        [0, 0],
        [1, 0],
        [0, 0],
      ],
      false,
    ],
    [
      'not closed',
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0.5],
      ],
      false,
    ],
    [
      'a non-finite position',
      closed([
        [0, 0],
        [Infinity, 0],
        [1, 1],
      ]),
      false,
    ],
    [
      'an edge touching another edge',
      closed([
        [0, 0],
        [2, 0],
        [2, 2],
        [1, 0],
        [0, 2],
      ]),
      false,
    ],
  ])('%s: %s', (_, ring, expected) => {
    expect(certainlySimpleRing(ring)).toBe(expected);
    // Whatever it clears, jsts calls valid.
    if (expected) expect(jstsValid(ring)).toBe(true);
  });

  // Small integer grids make touches, straight runs and repeats common; doubles make near-misses.
  const grid = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }));
  const near = fc.tuple(
    fc.double({ min: 104, max: 104.001, noNaN: true }),
    fc.double({ min: 12, max: 12.001, noNaN: true }),
  );
  it.each([
    ['integer grid', grid],
    ['doubles close together', near],
  ] as const)('never clears a ring jsts refuses (%s)', (_, point) => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 9 }), (ps) => {
        const ring = closed(ps.map(([x, y]) => [x, y]));
        if (certainlySimpleRing(ring)) expect(jstsValid(ring)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('clears most random simple rings (star-shaped around a centre)', () => {
    let cleared = 0;
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 3, maxLength: 40 }), (radii) => {
        const ring = closed(
          radii.map((r, i) => {
            const angle = (2 * Math.PI * i) / radii.length;
            return [105 + r * 0.01 * Math.cos(angle), 12 + r * 0.01 * Math.sin(angle)];
          }),
        );
        expect(jstsValid(ring)).toBe(true);
        if (certainlySimpleRing(ring)) cleared += 1;
      }),
      { numRuns: 500 },
    );
    expect(cleared).toBeGreaterThan(450);
  });
});
