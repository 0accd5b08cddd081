// The clearance routes on the real app, SQLite and PostgreSQL: records posted all or nothing,
// the summary and the vector tiles read from the database and rebuilt after a write.
import { VectorTile } from '@mapbox/vector-tile';
import type { LightMyRequestResponse } from 'fastify';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { expectProblem, useApp } from './harness.js';

const square = (west: number, south: number, size = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

const area = (id: string, type: 'SHA' | 'CHA', west: number, extra: Record<string, unknown> = {}, south = 13.1) => ({
  type: 'Feature',
  geometry: square(west, south),
  properties: {
    id,
    localRef: id,
    name: `Area ${id}`,
    type,
    informationDate: '2020-03-01',
    organisation: 'CMAC',
    ...extra,
  },
});

// Near Battambang: a CHA half cleared in 2021 with 3 AP mines destroyed, and a SHA cancelled in 2022.
const KHM_RECORDS = {
  type: 'FeatureCollection',
  features: [
    area('KHM-T1', 'CHA', 103.2),
    area('KHM-T2', 'SHA', 103.25),
    {
      type: 'Feature',
      geometry: null,
      properties: {
        record: 'activity',
        id: 'KHM-T1-C',
        hazardAreaId: 'KHM-T1',
        kind: 'clearance',
        organisation: 'CMAC',
        start: '2021-01-04',
        end: '2021-06-30',
      },
    },
    {
      type: 'Feature',
      geometry: null,
      properties: {
        record: 'activity',
        id: 'KHM-T2-N',
        hazardAreaId: 'KHM-T2',
        kind: 'non-technical-survey',
        organisation: 'CMAC',
        start: '2022-02-01',
        end: '2022-02-03',
      },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [103.2, 13.1],
            [103.205, 13.1],
            [103.205, 13.11],
            [103.2, 13.11],
            [103.2, 13.1],
          ],
        ],
      },
      properties: {
        record: 'land-release',
        id: 'KHM-T1-R',
        hazardAreaId: 'KHM-T1',
        activityId: 'KHM-T1-C',
        kind: 'cleared',
        date: '2021-06-30',
      },
    },
    {
      type: 'Feature',
      geometry: square(103.25, 13.1),
      properties: {
        record: 'land-release',
        id: 'KHM-T2-R',
        hazardAreaId: 'KHM-T2',
        activityId: 'KHM-T2-N',
        kind: 'cancelled',
        date: '2022-02-03',
      },
    },
    {
      type: 'Feature',
      geometry: null,
      properties: {
        record: 'devices-destroyed',
        activityId: 'KHM-T1-C',
        category: 'ap-mine',
        model: 'PMN-2',
        count: 3,
        date: '2021-05-10',
      },
    },
  ],
};

/** The z8 tile holding (lon, lat). */
function tileAt(z: number, lon: number, lat: number): string {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return `${z}/${Math.floor(((lon + 180) / 360) * n)}/${Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)}`;
}

function layers(response: LightMyRequestResponse): Record<string, Record<string, unknown>[]> {
  const tile = new VectorTile(new PbfReader(response.rawPayload));
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => [
      name,
      Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties),
    ]),
  );
}

interface Summary {
  open: { sha: { count: number; areaM2: number }; cha: { count: number; areaM2: number } };
  released: { year: number; cancelledM2: number; reducedM2: number; clearedM2: number }[];
  devicesDestroyed: { year: number; category: string; count: number }[];
  reconciliation: { year: number; closingM2: number; differenceM2: number }[];
  deadline: string | null;
  forecast: { verdict: string };
  synthetic: boolean;
  bounds: number[] | null;
  records: Record<string, number>;
}

forEachDatabase((database) => {
  const h = useApp(database);
  const KHM_TILE = `/api/v1/states/KHM/clearance/tiles/${tileAt(10, 103.205, 13.105)}`;
  const KHM_NATIONAL_TILE = `/api/v1/states/KHM/clearance/tiles/${tileAt(7, 103.205, 13.105)}`;

  describe('clearance records through the API', () => {
    it('refuses anonymous and viewer writes', async () => {
      expectProblem(await h.post('/api/v1/states/KHM/clearance', KHM_RECORDS), 401);
      expectProblem(await h.post('/api/v1/states/KHM/clearance', KHM_RECORDS, await h.signIn('viewer')), 403);
    });

    it('refuses a batch with one bad feature, names it, and writes nothing', async () => {
      const bowTie = {
        type: 'Polygon',
        coordinates: [
          [
            [103.3, 13.1],
            [103.31, 13.11],
            [103.31, 13.1],
            [103.3, 13.11],
            [103.3, 13.1],
          ],
        ],
      };
      const bad = {
        ...KHM_RECORDS,
        features: [...KHM_RECORDS.features, { ...area('KHM-T3', 'SHA', 103.3), geometry: bowTie }],
      };
      const body = expectProblem(await h.post('/api/v1/states/KHM/clearance', bad, await h.signIn('editor')), 422);
      expect(body.errors?.[0]?.field).toBe('body.features.7');
      expect(body.errors?.[0]?.expected).toMatch(/KHM-T3.*self-intersect/i);
      const summary = (await h.get('/api/v1/states/KHM/clearance?asOf=2026-01-01')).json<Summary>();
      expect(summary.records).toEqual({ hazardAreas: 0, activities: 0, landReleases: 0, devicesDestroyed: 0 });
      expect((await h.get(KHM_TILE)).statusCode).toBe(204);
    });

    it('writes a batch; the summary, the tiles and their ETags follow at once', async () => {
      const before = await h.get('/api/v1/states/KHM/clearance?asOf=2026-01-01');
      const created = await h.post('/api/v1/states/KHM/clearance', KHM_RECORDS, await h.signIn('editor'));
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ hazardAreas: 2, activities: 2, landReleases: 2, devicesDestroyed: 1 });

      const after = await h.get('/api/v1/states/KHM/clearance?asOf=2026-01-01');
      expect(after.headers.etag).not.toBe(before.headers.etag);
      const s = after.json<Summary>();
      const state = (await h.get('/api/v1/states/KHM?asOf=2026-01-01')).json<{
        article5: { currentDeadline: string | null };
      }>();
      expect(s.deadline).toBe(state.article5.currentDeadline);
      expect(s.open.sha.count).toBe(0); // cancelled whole in 2022
      expect(s.open.cha.count).toBe(1); // half cleared
      expect(s.open.cha.areaM2).toBeGreaterThan(0);
      expect(s.released.map((r) => r.year)).toEqual([2021, 2022]);
      expect(s.released[0]?.clearedM2).toBeCloseTo(s.open.cha.areaM2, -2); // half of T1 cleared, half left
      expect(s.devicesDestroyed).toEqual([{ year: 2021, category: 'ap-mine', count: 3 }]);
      expect(s.reconciliation.every((r) => r.differenceM2 === 0)).toBe(true);
      expect(s.reconciliation.at(-1)?.closingM2).toBe(s.open.cha.areaM2);
      expect(s.synthetic).toBe(false);
      expect(s.bounds).toEqual([103.2, 13.1, 103.26, 13.11]);
      expect(s.records).toEqual({ hazardAreas: 2, activities: 2, landReleases: 2, devicesDestroyed: 1 });

      const tile = await h.get(KHM_TILE);
      expect(tile.statusCode).toBe(200);
      expect(tile.headers['content-type']).toBe('application/x-protobuf');
      const { hazard_areas: areas = [], land_releases: releases = [] } = layers(tile);
      expect(areas.map((a) => a.id).sort()).toEqual(['KHM-T1', 'KHM-T2']);
      expect(areas.find((a) => a.id === 'KHM-T1')).toMatchObject({
        type: 'CHA',
        status: 'open',
        recorded: 20200301,
        closed: 99991231,
        synthetic: 0,
      });
      expect(releases.map((r) => [r.id, r.kind, r.released]).sort()).toEqual([
        ['KHM-T1-R', 'cleared', 20210630],
        ['KHM-T2-R', 'cancelled', 20220203],
      ]);
      // The national view: each area a point, no released land.
      expect(layers(await h.get(KHM_NATIONAL_TILE))).toEqual({
        hazard_area_points: [
          { type: 'CHA', status: 'open', recorded: 20200301, closed: 99991231, synthetic: 0 },
          { type: 'SHA', status: 'open', recorded: 20200301, closed: 99991231, synthetic: 0 },
        ],
      });
      const etag = tile.headers.etag ?? '';
      expect((await h.get(KHM_TILE, { 'if-none-match': etag })).statusCode).toBe(304);
    });

    it('answers any date from the same records', async () => {
      const early = (await h.get('/api/v1/states/KHM/clearance?asOf=2020-12-31')).json<Summary>();
      expect(early.open).toMatchObject({ sha: { count: 1 }, cha: { count: 1 } });
      expect(early.released).toEqual([]);
      expect((await h.get('/api/v1/states/KHM/clearance?asOf=2019-12-31')).json<Summary>().reconciliation).toEqual([]);
    });

    it('exports the records in the import format', async () => {
      const response = await h.get('/api/v1/states/KHM/clearance/records');
      expect(response.headers['content-type']).toContain('application/geo+json');
      const body = response.json<{ minefree: unknown; features: { properties: Record<string, unknown> }[] }>();
      expect(body.minefree).toEqual({ iso3: 'KHM', synthetic: false });
      expect(body.features.map((f) => f.properties.record)).toEqual([
        'hazard-area',
        'hazard-area',
        'activity',
        'activity',
        'land-release',
        'land-release',
        'devices-destroyed',
      ]);
      // With geometry=bbox: the same records, each shape replaced by its box (what the web app reads).
      const boxed = await h.get('/api/v1/states/KHM/clearance/records?geometry=bbox');
      expect(boxed.statusCode).toBe(200);
      const boxes = boxed.json<{ features: { properties: unknown; geometry: unknown; bbox: number[] | null }[] }>();
      const shapes = body as unknown as {
        features: { properties: unknown; geometry: { coordinates: unknown } | null }[];
      };
      expect(boxes.features.map((f) => f.properties)).toEqual(shapes.features.map((f) => f.properties));
      expect(boxes.features.every((f) => f.geometry === null)).toBe(true);
      boxes.features.forEach((f, i) => {
        const shape = shapes.features[i]?.geometry;
        if (shape === null || shape === undefined) return expect(f.bbox).toBeNull();
        const points = JSON.stringify(shape.coordinates).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? [];
        const xy = points.map((p) => p.split(',').map(Number) as [number, number]);
        expect(f.bbox).toEqual([
          Math.min(...xy.map((p) => p[0])),
          Math.min(...xy.map((p) => p[1])),
          Math.max(...xy.map((p) => p[0])),
          Math.max(...xy.map((p) => p[1])),
        ]);
      });
      expect(boxed.rawPayload.length).toBeLessThan(response.rawPayload.length);
      expectProblem(await h.get('/api/v1/states/KHM/clearance/records?geometry=circle'), 400);
    });

    it("answers a State's outline for the map's first view, whether or not it has records", async () => {
      const response = await h.get('/api/v1/states/khm/clearance/outline');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('application/geo+json');
      const outline = response.json<{ type: string; properties: { iso3: string }; geometry: { type: string } }>();
      expect(outline).toMatchObject({
        type: 'Feature',
        properties: { iso3: 'KHM' },
        geometry: { type: 'MultiPolygon' },
      });
      // Every coordinate to 0.001°: the 1:50m shape is not truer than that.
      const numbers = JSON.stringify(outline.geometry).match(/-?\d+\.\d+/g) ?? [];
      expect(numbers.length).toBeGreaterThan(100);
      expect(numbers.every((n) => (n.split('.')[1] ?? '').length <= 3)).toBe(true);
      expect((await h.get('/api/v1/states/TUV/clearance/outline')).json()).toMatchObject({ geometry: null });
      expectProblem(await h.get('/api/v1/states/XXX/clearance/outline'), 404);
    });

    it('flags synthetic records in the summary and in every tile feature', async () => {
      const synthetic = {
        type: 'FeatureCollection',
        features: [area('THA-S1', 'CHA', 102.5, { synthetic: true, informationDate: '2024-05-01' }, 14.1)],
      };
      expect((await h.post('/api/v1/states/THA/clearance', synthetic, await h.signIn('admin'))).statusCode).toBe(201);
      expect((await h.get('/api/v1/states/THA/clearance')).json<Summary>().synthetic).toBe(true);
      const { hazard_areas: areas = [] } = layers(
        await h.get(`/api/v1/states/THA/clearance/tiles/${tileAt(10, 102.505, 14.105)}`),
      );
      expect(areas).toEqual([expect.objectContaining({ id: 'THA-S1', synthetic: 1 })]);
    });

    it('answers problems for an unknown State and a tile that does not exist', async () => {
      expectProblem(await h.get('/api/v1/states/XXX/clearance'), 404);
      const outside = expectProblem(await h.get('/api/v1/states/KHM/clearance/tiles/2/4/0'), 400);
      expect(outside.errors).toEqual([{ field: 'path.x', expected: '0 to 3' }]);
      expectProblem(await h.get('/api/v1/states/KHM/clearance/tiles/15/0/0'), 400);
    });
  });
});
