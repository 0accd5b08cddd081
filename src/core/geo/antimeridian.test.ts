import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Position } from 'geojson';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import {
  crossesAntimeridian,
  exactClip,
  fastClip,
  splitAtAntimeridian,
  splitGeometry,
  splitPolygon,
  unwrapPolygon,
} from './antimeridian.js';
import type { CountriesTopology } from './country-shapes.js';

const countries = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8'),
) as CountriesTopology;

const atPole = (a: number[] | undefined, b: number[] | undefined): boolean =>
  Math.abs(a?.[1] ?? 0) === 90 && a?.[1] === b?.[1];

/** The longest east-west step between neighbouring points, edges along a pole (Antarctica's closure) aside. */
const longestStep = (rings: number[][][]): number =>
  Math.max(
    ...rings.flatMap((ring) =>
      ring.slice(1).map((p, i) => (atPole(p, ring[i]) ? 0 : Math.abs((p[0] ?? 0) - (ring[i]?.[0] ?? 0)))),
    ),
  );

describe('splitPolygon', () => {
  it('leaves a polygon that does not cross the antimeridian alone', () => {
    const square = [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
    ];
    expect(splitPolygon(square)).toEqual([square]);
  });

  it('cuts a polygon crossing +-180 into one part on each side', () => {
    const crossing = [
      [
        [170, -10],
        [-170, -10],
        [-170, 10],
        [170, 10],
        [170, -10],
      ],
    ];
    const parts = splitPolygon(crossing);
    expect(parts).toHaveLength(2);
    const xs = parts.map((part) => (part[0] ?? []).map((p) => p[0] ?? 0));
    expect(xs.map((x) => [Math.min(...x), Math.max(...x)]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual([
      [-180, -170],
      [170, 180],
    ]);
  });

  it('leaves no edge longer than 180 degrees of longitude in Russia, Fiji or anywhere else', () => {
    const shapes = feature(countries, countries.objects.countries).features;
    let crossed = 0;
    for (const shape of shapes) {
      const geometry = shape.geometry;
      if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
      const before = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      if (before.some((polygon) => longestStep(polygon) > 180)) crossed += 1;
      for (const polygon of splitGeometry(geometry).coordinates) {
        expect(longestStep(polygon), shape.properties?.name).toBeLessThanOrEqual(180);
      }
    }
    expect(crossed).toBeGreaterThanOrEqual(2);
  });
});

describe('the exact cut (stored areas) and the fast one (the map)', () => {
  const ring = (x: number, y: number, w: number, h: number): Position[] => [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
    [x, y],
  ];
  const box = (positions: Position[]): number[] => {
    const xs = positions.map((p) => p[0] ?? 0);
    return [Math.min(...xs), Math.max(...xs)];
  };

  it('cut a polygon crossing 180° into the same two parts', () => {
    const crossing = [ring(179.9, -17, 0.2, 0.1).map(([x = 0, y = 0]) => [x > 180 ? x - 360 : x, y])];
    expect(crossesAntimeridian(crossing)).toBe(true);
    const unwrapped = unwrapPolygon(crossing);
    expect(unwrapped.rings?.[0]?.map((p) => p[0])).toEqual([179.9, 180.1, 180.1, 179.9, 179.9]);
    const exact = splitAtAntimeridian(unwrapped.rings ?? [], exactClip);
    const fast = splitAtAntimeridian(unwrapped.rings ?? [], fastClip);
    for (const parts of [exact, fast]) {
      expect(parts.map((part) => box(part[0] ?? [])).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual([
        [-180, -179.9],
        [179.9, 180],
      ]);
    }
  });

  it('part a U across 180° in two exactly; the fast cut keeps one ring with a seam', () => {
    // Two arms east of 180°, joined west of it.
    const u = [
      [
        [179.5, 0],
        [-179.5, 0],
        [-179.5, 0.2],
        [179.8, 0.2],
        [179.8, 0.8],
        [-179.5, 0.8],
        [-179.5, 1],
        [179.5, 1],
        [179.5, 0],
      ],
    ];
    const { rings } = unwrapPolygon(u);
    expect(splitAtAntimeridian(rings ?? [], exactClip)).toHaveLength(3);
    expect(splitAtAntimeridian(rings ?? [], fastClip)).toHaveLength(2);
  });

  it('refuse a ring round a pole, or close it along the pole for drawing', () => {
    const polar = [
      [
        [0, 80],
        [90, 80],
        [180, 80],
        [-90, 80],
        [0, 80],
      ],
    ];
    expect(unwrapPolygon(polar)).toEqual({ rings: null, poleRing: 0 });
    const closed = unwrapPolygon(polar, 'close').rings[0] ?? [];
    expect(closed.slice(-3)).toEqual([
      [360, 90],
      [0, 90],
      [0, 80],
    ]);
  });
});
