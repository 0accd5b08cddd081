import { VectorTile } from '@mapbox/vector-tile';
import type { Feature, Polygon, Position } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import vtpbf from 'vt-pbf';
import { randomSource } from '../demo/demo-placement.js';
import { packPolygon, unpackBytes, packedBytes, forEachRing } from '../geometry/packed-polygon.js';
import type { AreaGeometry } from '../model.js';
import { type PolygonTileOptions, polygonTile } from './mvt-polygons.js';
import { square, tileAt } from './test-tiles.js';

const OPTIONS: PolygonTileOptions = { maxZoom: 14, tolerance: 3, extent: 4096, buffer: 64 };

type Rings = [number, number][][];
/** Feature id → its rings as decoded (points in tile pixels), and the layer's properties. */
function decode(bytes: Uint8Array | null): Map<string, { rings: Rings; properties: Record<string, unknown> }> {
  const out = new Map<string, { rings: Rings; properties: Record<string, unknown> }>();
  if (bytes === null) return out;
  const layer = new VectorTile(new PbfReader(bytes)).layers['areas'];
  for (let i = 0; i < (layer?.length ?? 0); i++) {
    const feature = layer?.feature(i);
    if (feature === undefined) continue;
    const id = String(feature.properties.id);
    const rings = feature.loadGeometry().map((ring) => ring.map((p): [number, number] => [p.x, p.y]));
    // geojson-vt draws a part near ±180° as a second feature: gather them under one id.
    const known = out.get(id);
    if (known) known.rings.push(...rings);
    else out.set(id, { rings, properties: feature.properties });
  }
  return out;
}

/** Twice the signed area of a ring in pixels, without repeated points. */
function ringArea(ring: [number, number][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] ?? [0, 0];
    const [x2, y2] = ring[(i + 1) % ring.length] ?? [0, 0];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

function geojsonVt(
  features: { id: string; geometry: AreaGeometry }[],
  z: number,
  x: number,
  y: number,
): Uint8Array | null {
  const collection = {
    type: 'FeatureCollection' as const,
    features: features.map(({ id, geometry }): Feature<AreaGeometry> => ({
      type: 'Feature',
      geometry,
      properties: { id },
    })),
  };
  const tile = new GeoJSONVT(collection, { ...OPTIONS, indexMaxZoom: 0 }).getTile(z, x, y);
  if (tile === null || tile.features.length === 0) return null;
  return vtpbf.fromGeojsonVt({ areas: tile }, { version: 2, extent: 4096 });
}

const ours = (features: { id: string; geometry: AreaGeometry }[], z: number, x: number, y: number) =>
  polygonTile(
    [
      {
        name: 'areas',
        features: features.map(({ id, geometry }) => ({ polygon: packPolygon(geometry), properties: { id } })),
      },
    ],
    z,
    x,
    y,
    OPTIONS,
  );

/** Star-shaped polygons like the demo's (5 to 9 corners, 20 to 600 m) scattered around a point. */
function stars(seed: number, [lon, lat]: Position, count: number, spread: number): { id: string; geometry: Polygon }[] {
  const random = randomSource(seed);
  return Array.from({ length: count }, (_, i) => {
    const [cx, cy] = [(lon ?? 0) + (random() - 0.5) * spread, (lat ?? 0) + (random() - 0.5) * spread];
    const radius = (20 + random() * 580) / 111_320;
    const corners = 5 + Math.floor(random() * 5);
    const ring: Position[] = Array.from({ length: corners }, (_, k) => {
      const angle = ((k + 0.15 + random() * 0.7) / corners) * 2 * Math.PI;
      const r = radius * (0.6 + 0.4 * random());
      return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
    });
    return {
      id: `S-${String(i).padStart(4, '0')}`,
      geometry: { type: 'Polygon', coordinates: [[...ring, ring[0] ?? [0, 0]]] },
    };
  });
}

describe('polygon tiles', () => {
  it.each([
    { zoom: 10, seed: 1 },
    { zoom: 12, seed: 2 },
    { zoom: 14, seed: 3 },
  ])(
    'draws the polygons geojson-vt draws at z$zoom, wound the same way, with about the same area',
    ({ zoom, seed }) => {
      const at = tileAt(zoom, 103.2, 13.1);
      // Scattered over the tile and past its edges, so many are clipped.
      const features = stars(seed, [103.2, 13.1], 400, 360 / 2 ** zoom);
      const mine = decode(ours(features, ...at));
      // geojson-vt keeps rings that simplification or rounding left without area; ours leaves them
      // out, as PostGIS's ST_AsMVTGeom does (and a feature left with no ring).
      const theirs = new Map(
        [...decode(geojsonVt(features, ...at))]
          .map(([id, f]) => [id, { ...f, rings: f.rings.filter((ring) => ringArea(ring) !== 0) }] as const)
          .filter(([, f]) => f.rings.length > 0),
      );
      expect(mine.size).toBeGreaterThan(50);
      // A polygon of a few pixels may be kept by one and not the other (a corner at the tolerance).
      const tiny = (f: { rings: Rings } | undefined): boolean =>
        (f?.rings ?? []).reduce((sum, ring) => sum + Math.abs(ringArea(ring)), 0) <= 64;
      const onlyOne = [...new Set([...mine.keys(), ...theirs.keys()])].filter((id) => mine.has(id) !== theirs.has(id));
      expect(onlyOne.filter((id) => !tiny(mine.get(id) ?? theirs.get(id)))).toEqual([]);
      expect(onlyOne.length).toBeLessThan(mine.size / 50);
      let compared = 0;
      for (const [id, { rings }] of mine) {
        if (!theirs.has(id)) continue;
        const other = theirs.get(id)?.rings ?? [];
        expect(rings.length, id).toBe(other.length);
        for (const [r, ring] of rings.entries()) {
          // Theirs may repeat a point that rounding merged; ours never does.
          const expected = (other[r] ?? []).filter(
            ([x, y], i, all) => i === 0 || x !== all[i - 1]?.[0] || y !== all[i - 1]?.[1],
          );
          // Where the two may differ: an intersection with the buffer's edge rounded the other way (a
          // pixel along the edge), and below z14 a corner at the tolerance kept by one and not the
          // other (geojson-vt keeps importances as whole numbers): at most the tolerance along the ring.
          const perimeter = expected.reduce(
            (sum, [x, y], i) =>
              sum + Math.hypot(x - (expected.at(i - 1)?.[0] ?? x), y - (expected.at(i - 1)?.[1] ?? y)),
            0,
          );
          expect(Math.abs(ringArea(ring) - ringArea(expected)), id).toBeLessThanOrEqual(
            Math.max(8, 0.02 * Math.abs(ringArea(expected))) + perimeter * (zoom < 14 ? 3 : 1),
          );
          expect(Math.sign(ringArea(ring)), id).toBe(Math.sign(ringArea(expected)));
          compared++;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(mine.size - onlyOne.length);
    },
  );

  it.each([
    { what: 'inside the tile', square: square(103.25, 13.05, 0.01), corners: 4 },
    { what: 'across the west edge', square: square(103.2 - 0.005, 13.05, 0.01), corners: 4 },
    { what: 'across a corner', square: square(103.2 - 0.005, 13.1 - 0.005, 0.01), corners: 4 },
    { what: 'covering the whole tile and buffer', square: square(102, 12, 3), corners: 4 },
  ])('clips a square $what to the tile and its buffer', ({ square: geometry, corners }) => {
    const at: [number, number, number] = tileAt(10, 103.25, 13.05);
    const [feature] = decode(ours([{ id: 'A', geometry }], ...at)).values();
    expect(feature?.rings.length).toBe(1);
    const ring = feature?.rings[0] ?? [];
    // The closing point is written as ClosePath, not repeated.
    expect(ring.length).toBe(corners + 1);
    for (const [x, y] of ring) {
      expect(x).toBeGreaterThanOrEqual(-64);
      expect(x).toBeLessThanOrEqual(4160);
      expect(y).toBeGreaterThanOrEqual(-64);
      expect(y).toBeLessThanOrEqual(4160);
    }
    // Outer rings keep their orientation: positive area in tile pixels (y down), as MVT 2.1 wants.
    expect(ringArea(ring)).toBeGreaterThan(0);
  });

  it('keeps a hole as a second ring, drawn the other way round', () => {
    const outer = square(103.25, 13.05, 0.02).coordinates[0] ?? [];
    const hole = [...(square(103.255, 13.055, 0.01).coordinates[0] ?? [])].reverse();
    const at = tileAt(10, 103.26, 13.06);
    const rings = decode(ours([{ id: 'H', geometry: { type: 'Polygon', coordinates: [outer, hole] } }], ...at)).get(
      'H',
    )?.rings;
    expect(rings?.map((r) => Math.sign(ringArea(r)))).toEqual([1, -1]);
  });

  it.each([
    { what: 'under the tolerance (a 2 m square at z10)', size: 2 / 111_320, zoom: 10, drawn: false },
    { what: 'the same square at z14 (nothing dropped at the deepest zoom)', size: 2 / 111_320, zoom: 14, drawn: true },
    { what: 'a 100 m square at z10', size: 100 / 111_320, zoom: 10, drawn: true },
  ])('draws a polygon $what: $drawn', ({ size, zoom, drawn }) => {
    const at = tileAt(zoom, 103.25, 13.05);
    const tile = ours([{ id: 'T', geometry: square(103.25, 13.05, size) }], ...at);
    expect(tile !== null).toBe(drawn);
    expect(geojsonVt([{ id: 'T', geometry: square(103.25, 13.05, size) }], ...at) !== null).toBe(drawn);
  });

  it('returns null for polygons outside the tile and its buffer, and leaves out an empty layer', () => {
    const at = tileAt(10, 0, 0);
    expect(ours([{ id: 'F', geometry: square(103.25, 13.05, 0.01) }], ...at)).toBeNull();
    const both = polygonTile(
      [
        { name: 'empty', features: [{ polygon: packPolygon(square(103.25, 13.05, 0.01)), properties: { id: 'F' } }] },
        { name: 'areas', features: [{ polygon: packPolygon(square(0.001, 0.001, 0.01)), properties: { id: 'G' } }] },
      ],
      ...tileAt(10, 0.005, 0.005),
      OPTIONS,
    );
    expect(Object.keys(new VectorTile(new PbfReader(both ?? new Uint8Array())).layers)).toEqual(['areas']);
  });

  it('writes values as vt-pbf does: strings, whole numbers, fractions, each once per layer', () => {
    const features = [1, 2].map((n) => ({
      polygon: packPolygon(square(103.25 + n * 0.01, 13.05, 0.005)),
      properties: { id: `V-${n}`, kind: 'cleared', recorded: 20200115, areaM2: 12_345.6, negative: -3 },
    }));
    const at = tileAt(10, 103.26, 13.05);
    const bytes = polygonTile([{ name: 'areas', features }], ...at, OPTIONS);
    const layer = new VectorTile(new PbfReader(bytes ?? new Uint8Array())).layers['areas'];
    expect(layer?.version).toBe(2);
    expect(layer?.extent).toBe(4096);
    expect([0, 1].map((i) => layer?.feature(i).properties)).toEqual(features.map((f) => f.properties));
  });
});

describe('packed polygons', () => {
  const geometries: { what: string; geometry: AreaGeometry }[] = [
    { what: 'a polygon', geometry: square(103.2, 13.1, 0.01) },
    {
      what: 'a multipolygon with a hole',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          square(1, 2, 3).coordinates,
          [square(10, 10, 5).coordinates[0] ?? [], square(11, 11, 1).coordinates[0] ?? []],
        ],
      },
    },
    { what: 'an empty multipolygon', geometry: { type: 'MultiPolygon', coordinates: [] } },
  ];
  it.each(geometries)('gives back every ring of $what from its stored bytes', ({ geometry }) => {
    const stored = Buffer.concat([Buffer.from([0]), packedBytes(packPolygon(geometry))]).subarray(1); // not aligned
    const polygon = unpackBytes(stored);
    const parts: Position[][][] = [];
    forEachRing(polygon, (part, _, start, count) => {
      const ring = Array.from({ length: count }, (_, i): Position => [
        polygon[start + 2 * i] ?? 0,
        polygon[start + 2 * i + 1] ?? 0,
      ]);
      (parts[part] ??= []).push(ring);
    });
    expect(parts).toEqual(geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);
  });
});
