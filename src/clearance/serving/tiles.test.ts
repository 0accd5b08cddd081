import { VectorTile } from '@mapbox/vector-tile';
import type { Position } from 'geojson';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../core/date.js';
import type { ClearanceRecords } from '../model.js';
import { hazardArea, release } from '../test-records.js';
import {
  ClearanceTiles,
  HAZARD_AREAS_LAYER,
  HAZARD_AREA_POINTS_LAYER,
  LAND_RELEASES_LAYER,
  POLYGON_MIN_ZOOM,
  STILL_OPEN,
  tileQueryBox,
} from './tiles.js';
import { square, tileAt } from './test-tiles.js';

type Properties = Record<string, string | number | boolean>;

/** Layer name → the properties of each feature in it, in tile order. */
function decode(bytes: Uint8Array): Record<string, Properties[]> {
  const tile = new VectorTile(new PbfReader(bytes));
  const out: Record<string, Properties[]> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    expect(layer.extent).toBe(4096);
    expect(layer.version).toBe(2);
    out[name] = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
  }
  return out;
}

// Near Battambang: A (CHA, open) and B (SHA, closed), one release on A; C far away in the north.
const records: ClearanceRecords = {
  areas: [
    hazardArea('KHM-A', '2020-01-15', 12_345.6, { geometry: square(103.2, 13.1, 0.02) }),
    hazardArea('KHM-B', '2021-06-01', 5_000, {
      type: 'SHA',
      status: 'closed',
      statusDate: parseDate('2023-02-28'),
      geometry: square(103.25, 13.1, 0.02),
      synthetic: false,
    }),
    hazardArea('KHM-C', '2022-03-03', 800, { geometry: square(106.9, 14.3, 0.01) }),
  ],
  revisions: [],
  activities: [],
  releases: [release('KHM-A-R1', 'KHM-A', '2022-05-01', 2_000, 'reduced')].map((r) => ({
    ...r,
    geometry: square(103.2, 13.1, 0.01),
  })),
  devices: [],
};
const tiles = ClearanceTiles.fromRecords(records);

describe('ClearanceTiles', () => {
  it.each([
    { zoom: 10, areas: ['KHM-A', 'KHM-B'], releases: ['KHM-A-R1'] },
    { zoom: 12, areas: ['KHM-A', 'KHM-B'], releases: ['KHM-A-R1'] },
    { zoom: 14, areas: ['KHM-A'], releases: ['KHM-A-R1'] },
  ])(
    'z$zoom over area A draws areas $areas and releases $releases with the contract properties',
    ({ zoom, areas, releases }) => {
      const bytes = tiles.tile(...tileAt(zoom, 103.205, 13.105));
      expect(bytes).not.toBeNull();
      const layers = decode(bytes ?? new Uint8Array());
      expect(Object.keys(layers).sort()).toEqual([HAZARD_AREAS_LAYER, LAND_RELEASES_LAYER]);
      expect(layers[HAZARD_AREAS_LAYER]?.map((p) => p.id)).toEqual(areas);
      expect(layers[LAND_RELEASES_LAYER]?.map((p) => p.id)).toEqual(releases);
      expect(layers[HAZARD_AREAS_LAYER]?.[0]).toEqual({
        id: 'KHM-A',
        type: 'CHA',
        status: 'open',
        recorded: 20200115,
        closed: STILL_OPEN,
        areaM2: 12_345.6,
        synthetic: 1,
      });
      expect(layers[LAND_RELEASES_LAYER]?.[0]).toEqual({
        id: 'KHM-A-R1',
        hazardAreaId: 'KHM-A',
        kind: 'reduced',
        released: 20220501,
        areaM2: 2000,
        synthetic: 1,
      });
    },
  );

  it('draws areas as points below zoom 10, coloured and dated like the polygons, without releases', () => {
    const layers = decode(tiles.tile(...tileAt(8, 103.205, 13.105)) ?? new Uint8Array());
    expect(Object.keys(layers)).toEqual([HAZARD_AREA_POINTS_LAYER]);
    expect(layers[HAZARD_AREA_POINTS_LAYER]).toEqual([
      { type: 'CHA', status: 'open', recorded: 20200115, closed: STILL_OPEN, synthetic: 1 },
      { type: 'SHA', status: 'closed', recorded: 20210601, closed: 20230228, synthetic: 0 },
    ]);
    const whole = decode(tiles.tile(...tileAt(POLYGON_MIN_ZOOM - 1, 106.905, 14.305)) ?? new Uint8Array());
    expect(whole[HAZARD_AREA_POINTS_LAYER]).toHaveLength(1);
  });

  it('puts each point where its area is', () => {
    const tile = new VectorTile(new PbfReader(tiles.tile(0, 0, 0) ?? new Uint8Array()));
    const layer = tile.layers[HAZARD_AREA_POINTS_LAYER];
    const geometry = layer?.feature(0).toGeoJSON(0, 0, 0).geometry;
    expect(geometry?.type).toBe('Point');
    const [lon, lat] = geometry?.type === 'Point' ? geometry.coordinates : [];
    expect(lon).toBeCloseTo(103.21, 1);
    expect(lat).toBeCloseTo(13.11, 1);
  });

  it('finds every point of a tile and its buffer, at every point zoom (checked against a scan of all areas)', () => {
    // 400 areas 0.02° apart over western Cambodia: tiles at z6-z9 cut the grid in many places.
    const grid = Array.from({ length: 400 }, (_, i) =>
      hazardArea(`G-${i}`, '2020-01-01', 1, {
        geometry: square(102.5 + (i % 20) * 0.2, 11 + Math.floor(i / 20) * 0.2, 0.01),
      }),
    );
    const gridTiles = ClearanceTiles.fromRecords({
      areas: grid,
      revisions: [],
      activities: [],
      releases: [],
      devices: [],
    });
    const mercator = (lon: number, lat: number): [number, number] => {
      const sin = Math.sin((lat * Math.PI) / 180);
      return [lon / 360 + 0.5, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
    };
    const centres = grid.map((_, i) => mercator(102.5 + (i % 20) * 0.2 + 0.005, 11 + Math.floor(i / 20) * 0.2 + 0.005));
    for (let z = 3; z < POLYGON_MIN_ZOOM; z++) {
      const n = 2 ** z;
      const seen = new Set(centres.map(([mx, my]) => `${Math.floor(mx * n)}/${Math.floor(my * n)}`));
      for (const key of seen) {
        const [x = 0, y = 0] = key.split('/').map(Number);
        const expected = centres.filter(([mx, my]) => {
          const [px, py] = [(mx * n - x) * 4096, (my * n - y) * 4096];
          return px >= -64 && px <= 4160 && py >= -64 && py <= 4160;
        }).length;
        expect(decode(gridTiles.tile(z, x, y) ?? new Uint8Array())[HAZARD_AREA_POINTS_LAYER]).toHaveLength(expected);
      }
    }
  });

  it('writes a closed area with its closing date and a real area as synthetic 0', () => {
    const layers = decode(tiles.tile(...tileAt(10, 103.26, 13.11)) ?? new Uint8Array());
    expect(layers[HAZARD_AREAS_LAYER]?.find((p) => p.id === 'KHM-B')).toEqual({
      id: 'KHM-B',
      type: 'SHA',
      status: 'closed',
      recorded: 20210601,
      closed: 20230228,
      areaM2: 5000,
      synthetic: 0,
    });
  });

  it.each([
    { where: 'over open sea', at: tileAt(8, 0, 0) },
    { where: 'next to the areas, beyond the buffer', at: tileAt(12, 104.5, 13.1) },
  ])('returns null for a tile with nothing in it ($where)', ({ at }) => {
    expect(tiles.tile(...at)).toBeNull();
  });

  it('returns null for every tile of a State with no records', () => {
    expect(
      ClearanceTiles.fromRecords({ areas: [], revisions: [], activities: [], releases: [], devices: [] }).tile(0, 0, 0),
    ).toBeNull();
  });

  it('draws only the layer that has features (no empty layer)', () => {
    const layers = decode(tiles.tile(...tileAt(12, 106.905, 14.305)) ?? new Uint8Array());
    expect(Object.keys(layers)).toEqual([HAZARD_AREAS_LAYER]);
  });

  // Fiji's Taveuni straddles 180°: stored as a MultiPolygon cut there (src/core/geo/antimeridian.ts).
  const east: Position[] = [
    [179.9, -16.9],
    [180, -16.9],
    [180, -16.8],
    [179.9, -16.8],
    [179.9, -16.9],
  ];
  const west: Position[] = [
    [-180, -16.9],
    [-179.9, -16.9],
    [-179.9, -16.8],
    [-180, -16.8],
    [-180, -16.9],
  ];
  const fiji = ClearanceTiles.fromRecords({
    areas: [
      hazardArea('FJI-X', '2020-01-01', 1, {
        iso3: 'FJI',
        geometry: { type: 'MultiPolygon', coordinates: [[east], [west]] },
        bbox: [-180, -16.9, 180, -16.8],
      }),
    ],
    revisions: [],
    activities: [],
    releases: [],
    devices: [],
  });
  it.each([
    { side: 'east of 180°', at: tileAt(10, 179.95, -16.85), x: 1023 },
    { side: 'west of 180°', at: tileAt(10, -179.95, -16.85), x: 0 },
  ])('draws an area cut at the antimeridian in the tile $side', ({ at, x }) => {
    expect(at[1]).toBe(x);
    // The part across the line comes too, into the tile's buffer, as geojson-vt's wrapped copy.
    expect(new Set(decode(fiji.tile(...at) ?? new Uint8Array())[HAZARD_AREAS_LAYER]?.map((p) => p.id))).toEqual(
      new Set(['FJI-X']),
    );
  });

  it('does not draw the cut area in the middle of the world', () => {
    expect(fiji.tile(...tileAt(10, 0, -16.85))).toBeNull();
  });

  it.each([
    { z: 15, x: 0, y: 0, range: 'z a whole number from 0 to 14' },
    { z: -1, x: 0, y: 0, range: 'z a whole number from 0 to 14' },
    { z: 1.5, x: 0, y: 0, range: 'z a whole number from 0 to 14' },
    { z: 8, x: 256, y: 0, range: 'x and y whole numbers from 0 to 255 at zoom 8' },
    { z: 8, x: 0, y: -1, range: 'x and y whole numbers from 0 to 255 at zoom 8' },
    { z: 0, x: 0, y: 1, range: 'x and y whole numbers from 0 to 0 at zoom 0' },
    { z: 3, x: Number.NaN, y: 1, range: 'x and y whole numbers from 0 to 7 at zoom 3' },
  ])('refuses tile $z/$x/$y with a RangeError naming z, x, y and the range', ({ z, x, y, range }) => {
    expect(() => tiles.tile(z, x, y)).toThrow(RangeError);
    expect(() => tiles.tile(z, x, y)).toThrow(`tile z=${z}, x=${x}, y=${y} is out of range: expected ${range}`);
  });

  it('gives the tile with its buffer as a query box, past ±180° at the world edges', () => {
    const [w, s, e, n] = tileQueryBox(1, 0, 0);
    expect(w).toBeCloseTo(-180 - 180 / 64, 9);
    expect(e).toBeCloseTo(0 + 180 / 64, 9);
    expect(n).toBe(90);
    expect(s).toBeLessThan(0);
  });
});
