import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkGeometry } from './geometry.js';
import { isCounterClockwise } from './orientation.js';

// WGS84 ground distances, hand-computed: at the equator 1 km east = 1000 / (a·π/180) degrees
// (a = 6,378,137 m) and 1 km north = 1000 / (M·π/180) with M = a(1 − e²) = 6,335,439 m.
const KM_EAST_AT_EQUATOR = 0.008983152841195214;
const KM_NORTH_AT_EQUATOR = 0.009043694770503822;

const square = (west: number, south: number, dx: number, dy: number): Position[] => [
  [west, south],
  [west + dx, south],
  [west + dx, south + dy],
  [west, south + dy],
  [west, south],
];
const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });

function ok(value: unknown) {
  const check = checkGeometry('HA-1', value);
  if (!check.ok) throw new Error(check.problems.map((p) => p.message).join('\n'));
  return check;
}

function messages(value: unknown): string[] {
  const check = checkGeometry('HA-1', value);
  expect(check.ok).toBe(false);
  return check.problems.map((p) => p.message);
}

describe('area', () => {
  it('a 1 km × 1 km square near the equator is 1,000,000 m² within 0.5 %', () => {
    const { areaM2 } = ok(polygon(square(10, 0, KM_EAST_AT_EQUATOR, KM_NORTH_AT_EQUATOR)));
    expect(Math.abs(areaM2 / 1e6 - 1)).toBeLessThan(0.005);
  });

  it('a square at 60° N has the spherical area turf computes, by the closed formula', () => {
    // Area of a longitude/latitude box on a sphere: R² · Δλ · (sin φ2 − sin φ1), R = 6,371,008.8 m.
    const R = 6371008.8;
    const rad = Math.PI / 180;
    const expected = R * R * (0.02 * rad) * (Math.sin(60.01 * rad) - Math.sin(60 * rad));
    const { areaM2 } = ok(polygon(square(25, 60, 0.02, 0.01)));
    // By hand: R² = 4.05897e13 m², Δλ = 3.49066e-4 rad, sin 60.01° − sin 60° ≈ cos 60.005° · 1.74533e-4 = 8.72520e-5.
    expect(expected).toBeCloseTo(1_236_248, -1);
    expect(Math.abs(areaM2 / expected - 1)).toBeLessThan(1e-9);
  });

  it("a 1 km WGS84 ground square at 60° N reads 0.56 % low on turf's sphere (documented in area.ts)", () => {
    // At 60° N: N = a / √(1 − e² sin²φ) = 6,394,209 m, so 1 km east = 0.0179211°; M = 6,384,387 m, 1 km north = 0.0089757°.
    const { areaM2 } = ok(polygon(square(25, 59.99551216466865, 0.017921146448389637, 0.008975670662708168)));
    expect(areaM2 / 1e6 - 1).toBeCloseTo(-0.00557, 4);
  });

  it('gives the bounding box as [west, south, east, north]', () => {
    expect(ok(polygon(square(10, 20, 1, 2))).bbox).toEqual([10, 20, 11, 22]);
  });
});

describe('errors name the feature and what is wrong', () => {
  it('rejects a bow-tie and says where jsts found the crossing', () => {
    const bowTie = polygon([
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    const check = checkGeometry('HA-7', bowTie);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.objectContaining({
        featureId: 'HA-7',
        expected: 'rings that do not cross themselves or each other',
        message:
          'feature HA-7: expected rings that do not cross themselves or each other, found a self-intersection (for example a bow-tie) at [0.5, 0.5]',
      }),
    ]);
  });

  it('rejects an unclosed ring, showing the first and last positions', () => {
    expect(
      messages(
        polygon([
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ]),
      ),
    ).toEqual([
      'feature HA-1, ring 1 (exterior): expected a closed ring: its last position must repeat its first ([0,0]), found an unclosed ring ending at [0,1]',
    ]);
  });

  it('rejects a ring of fewer than four positions', () => {
    expect(
      messages(
        polygon([
          [0, 0],
          [1, 0],
          [0, 0],
        ]),
      )[0],
    ).toContain('expected a ring of at least 4 positions');
  });

  it('accepts a hole inside its shell and subtracts it from the area', () => {
    const shell = square(0, 0, 0.01, 0.01);
    const hole = [...square(0.004, 0.004, 0.002, 0.002)].reverse();
    const withHole = ok(polygon(shell, hole));
    const full = ok(polygon(shell));
    expect(withHole.areaM2 / full.areaM2).toBeCloseTo(0.96, 4);
  });

  it('rejects a hole outside its shell', () => {
    const [message] = messages(polygon(square(0, 0, 1, 1), [...square(2, 2, 1, 1)].reverse()));
    expect(message).toBe(
      'feature HA-1: expected each hole inside the exterior ring of its polygon, found a hole outside its exterior ring at [2, 2]',
    );
  });

  it('says coordinates look swapped when latitudes exceed 90 and longitudes do not', () => {
    // Phnom Penh written [latitude, longitude].
    const swapped = polygon([
      [11.55, 104.9],
      [11.56, 104.9],
      [11.56, 104.91],
      [11.55, 104.91],
      [11.55, 104.9],
    ]);
    expect(messages(swapped)).toEqual([
      'feature HA-1: coordinates look like [latitude, longitude]; GeoJSON wants [longitude, latitude], ring 1 (exterior), position 1 is [11.55,104.9]',
    ]);
  });

  it('rejects coordinates out of range', () => {
    expect(messages(polygon(square(181, 0, 1, 1)))[0]).toContain(
      'expected a longitude between -180 and 180, found [181,0]',
    );
    expect(messages(polygon(square(120, 95, 1, 1)))[0]).toContain(
      'expected a latitude between -90 and 90, found [120,95]',
    );
  });

  it.each([
    [
      'an empty Polygon',
      { type: 'Polygon', coordinates: [] },
      'expected a polygon with at least an exterior ring, found an empty geometry',
    ],
    [
      'an empty MultiPolygon',
      { type: 'MultiPolygon', coordinates: [] },
      'expected a MultiPolygon with at least one polygon, found an empty geometry',
    ],
    [
      'an empty ring',
      { type: 'Polygon', coordinates: [[]] },
      'ring 1 (exterior): expected a ring of at least 4 positions, found an empty ring',
    ],
    ['no geometry', null, 'expected a GeoJSON Polygon or MultiPolygon geometry, found no geometry'],
    ['a Point', { type: 'Point', coordinates: [0, 0] }, 'found type "Point"'],
    ['a Feature', { type: 'Feature', geometry: null }, 'found a Feature (give its "geometry" member)'],
    [
      'a position with text',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            ['1', 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'position 2: expected a position [longitude, latitude] of two finite numbers',
    ],
  ])('rejects %s', (_name, value, expected) => {
    expect(messages(value)[0]).toContain(expected);
  });

  it('reports every shape fault at once, with the polygon of a MultiPolygon', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
        [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      ],
    };
    const found = messages(multi);
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('polygon 1, ring 1 (exterior)');
    expect(found[1]).toContain('polygon 2, ring 1 (exterior)');
  });

  it('rejects MultiPolygon parts that overlap', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 1)], [square(0.5, 0.5, 1, 1)]] };
    expect(messages(multi)[0]).toContain('found a self-intersection');
  });
});

describe('repairs', () => {
  it('turns a clockwise exterior counter-clockwise and says so', () => {
    const clockwise = [...square(0, 0, 0.01, 0.01)].reverse();
    expect(isCounterClockwise(clockwise)).toBe(false);
    const check = ok(polygon(clockwise));
    expect(check.geometry.type).toBe('Polygon');
    expect(isCounterClockwise((check.geometry as Polygon).coordinates[0] ?? [])).toBe(true);
    expect(check.repairs).toEqual([
      'ring orientation repaired: exterior rings counter-clockwise, holes clockwise (RFC 7946)',
    ]);
    expect(check.areaM2).toBeCloseTo(ok(polygon(square(0, 0, 0.01, 0.01))).areaM2, 6);
  });

  it('turns a counter-clockwise hole clockwise', () => {
    const check = ok(polygon(square(0, 0, 1, 1), square(0.4, 0.4, 0.2, 0.2)));
    expect(isCounterClockwise((check.geometry as Polygon).coordinates[1] ?? [])).toBe(false);
    expect(check.repairs).toHaveLength(1);
  });

  it('leaves a well-formed polygon alone', () => {
    const input = polygon(square(0, 0, 1, 1));
    const check = ok(input);
    expect(check.geometry).toEqual(input);
    expect(check.repairs).toEqual([]);
  });

  it('drops altitudes', () => {
    const check = ok(
      polygon([
        [0, 0, 5],
        [1, 0, 5],
        [1, 1, 5],
        [0, 1, 5],
        [0, 0, 5],
      ]),
    );
    expect((check.geometry as Polygon).coordinates[0]?.[0]).toEqual([0, 0]);
    expect(check.repairs[0]).toContain('altitudes dropped');
  });
});

describe('the antimeridian: accepted and cut at 180°', () => {
  // Fiji-like: 0.2° wide, from 179.9° E to 179.9° W, written with the jump GIS exports produce.
  const crossing = polygon([
    [179.9, -17],
    [-179.9, -17],
    [-179.9, -16.9],
    [179.9, -16.9],
    [179.9, -17],
  ]);

  it('stores two parts, one on each side, with the area of the whole', () => {
    const check = ok(crossing);
    expect(check.geometry.type).toBe('MultiPolygon');
    const parts = (check.geometry as MultiPolygon).coordinates;
    expect(parts).toHaveLength(2);
    const longitudes = parts.map((p) => (p[0] ?? []).map((q) => q[0] ?? 0));
    expect(longitudes.some((ls) => Math.min(...ls) === 179.9 && Math.max(...ls) === 180)).toBe(true);
    expect(longitudes.some((ls) => Math.min(...ls) === -180 && Math.max(...ls) === -179.9)).toBe(true);
    // The same box away from 180°: the cut changes nothing in the area.
    const same = ok(polygon(square(10, -17, 0.2, 0.1)));
    expect(check.areaM2).toBeCloseTo(same.areaM2, 0);
    expect(check.bbox).toEqual([-180, -17, 180, -16.9]);
    expect(check.repairs).toContain(
      'the polygon crosses the antimeridian (180°): stored cut at 180° into 2 parts (RFC 7946 §3.1.9)',
    );
  });

  it('cuts a hole that crosses too, wherever the file writes it', () => {
    const shell = [
      [179.8, -17],
      [-179.8, -17],
      [-179.8, -16.6],
      [179.8, -16.6],
      [179.8, -17],
    ];
    const hole = [
      [179.9, -16.9],
      [179.9, -16.7],
      [-179.9, -16.7],
      [-179.9, -16.9],
      [179.9, -16.9],
    ];
    const check = ok(polygon(shell, hole));
    const away = ok(polygon(square(10, -17, 0.4, 0.4), [...square(10.1, -16.9, 0.2, 0.2)].reverse()));
    expect(check.areaM2).toBeCloseTo(away.areaM2, 0);
    // Cut through its hole, each side is one ring shaped like a U.
    expect((check.geometry as MultiPolygon).coordinates.map((part) => part.length)).toEqual([1, 1]);
  });

  it('checks the topology of the unwrapped polygon', () => {
    const bowTie = polygon([
      [179.9, -17],
      [-179.9, -16.9],
      [-179.9, -17],
      [179.9, -16.9],
      [179.9, -17],
    ]);
    expect(messages(bowTie)[0]).toContain('found a self-intersection (for example a bow-tie) at [180, -16.95]');
  });

  it('rejects a ring that goes round a pole', () => {
    const polar = polygon([
      [0, 80],
      [90, 80],
      [180, 80],
      [-90, 80],
      [0, 80],
    ]);
    // 180 → -90 is a step of 90° the short way: the ring runs a full turn and cannot close.
    expect(messages(polar)[0]).toContain('expected a ring that does not go round a pole');
  });
});
