import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkGeometry } from './geometry.js';
import { isCounterClockwise } from './orientation.js';

// Any JSON, and rings of random positions (closed, so they reach jsts), near and across 180°.
const coordinate = fc.tuple(
  fc.double({ min: -200, max: 200, noNaN: true }),
  fc.double({ min: -100, max: 100, noNaN: true }),
);
const closedRing = fc
  .array(coordinate, { minLength: 3, maxLength: 8 })
  .map((ps): Position[] => [...ps, ps[0] ?? [0, 0]]);
const nearDateLine = fc
  .tuple(fc.double({ min: 179, max: 180, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.boolean())
  .map(([x, y, east]) => [east ? x : -x, y]);
const dateLineRing = fc
  .array(nearDateLine, { minLength: 3, maxLength: 8 })
  .map((ps): Position[] => [...ps, ps[0] ?? [0, 0]]);

describe('checkGeometry never throws', () => {
  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => checkGeometry('F', value)).not.toThrow();
        expect(() => checkGeometry('F', { type: 'Polygon', coordinates: value })).not.toThrow();
      }),
    );
  });

  it('on random rings, anywhere or across the antimeridian; what it accepts is oriented and measured', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(closedRing, dateLineRing), { minLength: 1, maxLength: 3 }), (rings) => {
        const check = checkGeometry('F', { type: 'Polygon', coordinates: rings });
        if (!check.ok) {
          expect(check.problems.length).toBeGreaterThan(0);
          return;
        }
        expect(check.areaM2).toBeGreaterThanOrEqual(0);
        const polygons = check.geometry.type === 'Polygon' ? [check.geometry.coordinates] : check.geometry.coordinates;
        for (const [shell = [], ...holes] of polygons) {
          expect(isCounterClockwise(shell)).toBe(true);
          for (const hole of holes) expect(isCounterClockwise(hole)).toBe(false);
          for (const [x = 0, y = 0] of shell) {
            expect(Math.abs(x)).toBeLessThanOrEqual(180);
            expect(Math.abs(y)).toBeLessThanOrEqual(90);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
