import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { splitGeometry, splitPolygon } from './antimeridian-map.js';

const countries = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8'),
) as Topology<{ countries: GeometryCollection<{ name?: string }> }>;

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
        expect(longestStep(polygon), shape.properties.name).toBeLessThanOrEqual(180);
      }
    }
    expect(crossed).toBeGreaterThanOrEqual(2);
  });
});
