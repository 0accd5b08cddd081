import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { stateShape } from '../files/state-shapes.js';
import { roundedShape, stateOutline } from './outline.js';

const square = (x: number, y: number, side: number) => [
  [x, y],
  [x + side, y],
  [x + side, y + side],
  [x, y + side],
  [x, y],
];

describe('roundedShape', () => {
  it.each([
    [
      'rounds each position to 0.001°',
      [
        [
          [
            [104.12345, 10.98765],
            [104.13349, 10.98765],
            [104.13349, 10.9976],
            [104.12345, 10.98765],
          ],
        ],
      ],
      [
        [
          [
            [104.123, 10.988],
            [104.133, 10.988],
            [104.133, 10.998],
            [104.123, 10.988],
          ],
        ],
      ],
    ],
    [
      'drops a position that rounds onto the one before',
      [
        [
          [
            [0, 0],
            [0.0001, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      ],
      [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      ],
    ],
    ['drops a hole under 100 m', [[square(0, 0, 1), square(0.5, 0.5, 0.0002)]], [[square(0, 0, 1)]]],
    [
      'drops a polygon whose outside is under 100 m, holes and all',
      [[square(0, 0, 1)], [square(5, 5, 0.0002), square(5, 5, 0.0001)]],
      [[square(0, 0, 1)]],
    ],
    [
      'keeps the 0.0005 boundary as rounding does (half up, then compared)',
      [[square(0.0004, 0.0005, 1)]],
      [[square(0, 0.001, 1)]],
    ],
  ])('%s', (_, coordinates, expected) => {
    const shape: MultiPolygon = { type: 'MultiPolygon', coordinates };
    expect(roundedShape(shape).coordinates).toEqual(expected);
  });
});

describe('stateOutline', () => {
  it("is Cambodia's 1:50m boundary to within 0.0005°, every polygon kept, and the same object on a second call", () => {
    const outline = stateOutline('KHM');
    const shape = stateShape('KHM');
    expect(shape).not.toBeNull();
    expect(outline.properties.iso3).toBe('KHM');
    expect(outline.geometry?.coordinates).toHaveLength(shape?.coordinates.length ?? -1);
    for (const [p, polygon] of (outline.geometry?.coordinates ?? []).entries())
      for (const [x, y] of polygon[0] ?? []) {
        const near = (shape?.coordinates[p]?.[0] ?? []).some(
          ([sx = 0, sy = 0]) => Math.abs(sx - x!) <= 0.0005 + 1e-9 && Math.abs(sy - y!) <= 0.0005 + 1e-9,
        );
        expect(near).toBe(true);
      }
    expect(stateOutline('KHM')).toBe(outline);
  });

  it('has no geometry where Natural Earth has none at 1:50m', () => {
    // Tuvalu is below Natural Earth's 1:50m threshold.
    expect(stateShape('TUV')).toBeNull();
    expect(stateOutline('TUV').geometry).toBeNull();
  });
});
