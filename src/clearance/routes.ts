/**
 * HTTP routes of the clearance pillar: thin — validate, authorise, call the service or the cache,
 * present. The summary and the tiles come from the ClearanceCache (rebuilt when the State's
 * records change); records are written through the same all-or-nothing path as a file import.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WRITE_STATE, requireWriter } from '../http/auth.js';
import type { PillarOptions } from '../http/plugin.js';
import type { EngineCache } from '../treaty/cache.js';
import { article5Routes } from './article5/article5-routes.js';
import type { ClearanceCache } from './serving/cache.js';
import { PUBLIC_READ } from '../http/etag.js';
import { asOf, asOfQuery, iso3Param, knownState } from '../http/params.js';
import { type FieldProblem, HttpProblem } from '../http/problem.js';
import { clearanceBoxes, clearanceGeoJson } from './files/export.js';
import { readGeoJson } from './files/geojson.js';
import { importFeatures } from './files/import.js';
import { type ImportProblem, ImportRejectedError } from './files/problems.js';
import { clearanceAnswer } from './service.js';
import { stateOutline } from './serving/outline.js';
import { TILE_MAX_ZOOM } from './serving/tiles.js';

const recordsQuery = z.object({
  geometry: z
    .enum(['shape', 'bbox'])
    .default('shape')
    .describe('shape: each record as stored (the import format); bbox: its bounding box only, geometry null'),
});

const TAGS = ['Mine clearance (Article 5)'];
/** A State's upload can be large: 200,000 polygons are about 150 MB of GeoJSON. */
const UPLOAD_LIMIT = 512 * 1024 * 1024;
const BODY_NAME = 'request body';

const tileParams = iso3Param.extend({
  z: z.coerce.number().int().min(0).max(TILE_MAX_ZOOM).describe(`Zoom, 0 to ${TILE_MAX_ZOOM}`),
  x: z.coerce.number().int().min(0),
  y: z.coerce.number().int().min(0),
});

const featureCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) })
  .describe(
    'Records in the import file format (src/clearance/README.md): hazard areas, activities, land releases, devices destroyed',
  );

/** "feature 17" → body.features.16, so a client can point at the record it sent. */
function fieldOf(p: ImportProblem): FieldProblem {
  const n = /^feature (\d+)$/.exec(p.where ?? '')?.[1];
  const field = n === undefined ? 'body' : `body.features.${Number(n) - 1}`;
  return { field, expected: `${p.ref === null ? '' : `${p.ref}: `}${p.message}` };
}

export interface ClearanceOptions extends PillarOptions {
  engines: EngineCache;
  clearance: ClearanceCache;
}

/** The clearance pillar: summaries, vector tiles, records, uploads and the Article 5 workflow. */
export function clearancePlugin(app: FastifyInstance, options: ClearanceOptions): Promise<void> {
  const { store, engines, clearance } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/states/:iso3/clearance',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          'Open hazard areas, land released, devices destroyed, reconciliation and forecast against the Article 5 deadline, on a date',
        params: iso3Param,
        querystring: asOfQuery,
      },
    },
    async (request) => {
      const iso3 = knownState(request.params.iso3);
      return clearanceAnswer(clearance, (await engines.get()).engine, iso3, asOf(request.query));
    },
  );

  api.get(
    '/api/v1/states/:iso3/clearance/tiles/:z/:x/:y',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          'Hazard areas and released land as a Mapbox vector tile (layers hazard_areas, land_releases); 204 when empty',
        params: tileParams,
      },
    },
    async (request, reply) => {
      const { z: zoom, x, y } = request.params;
      const iso3 = knownState(request.params.iso3);
      const tiles = 2 ** zoom;
      if (x >= tiles || y >= tiles)
        throw new HttpProblem(
          400,
          `Tile ${zoom}/${x}/${y} does not exist: at zoom ${zoom}, x and y run from 0 to ${tiles - 1}.`,
          [{ field: x >= tiles ? 'path.x' : 'path.y', expected: `0 to ${tiles - 1}` }],
        );
      const tile = await clearance.tile(iso3, zoom, x, y);
      if (tile === null) return reply.code(204).send();
      return reply.type('application/x-protobuf').send(Buffer.from(tile.buffer, tile.byteOffset, tile.byteLength));
    },
  );

  api.get(
    '/api/v1/states/:iso3/clearance/records',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          "The State's clearance records as GeoJSON, in the import format (posting it back into an empty database gives the same records); with geometry=bbox, each record's bounding box instead of its shape",
        params: iso3Param,
        querystring: recordsQuery,
      },
    },
    async (request, reply) => {
      const iso3 = knownState(request.params.iso3);
      const answer =
        request.query.geometry === 'bbox' ? await clearanceBoxes(store, iso3) : await clearanceGeoJson(store, iso3);
      return reply.type('application/geo+json').send(answer);
    },
  );

  api.get(
    '/api/v1/states/:iso3/clearance/outline',
    {
      config: PUBLIC_READ,
      schema: {
        tags: TAGS,
        summary:
          "The State's boundary that imported areas are checked against (Natural Earth 1:50m, to 0.001°), as a GeoJSON Feature; geometry null where Natural Earth has no shape for the State",
        params: iso3Param,
      },
    },
    async (request, reply) => reply.type('application/geo+json').send(stateOutline(knownState(request.params.iso3))),
  );

  api.post(
    '/api/v1/states/:iso3/clearance',
    {
      bodyLimit: UPLOAD_LIMIT,
      config: WRITE_STATE,
      schema: {
        tags: TAGS,
        summary: 'Add clearance records, all or nothing (editor or admin; x-csrf-token)',
        params: iso3Param,
        body: featureCollection,
      },
    },
    async (request, reply) => {
      const user = requireWriter(request);
      const iso3 = knownState(request.params.iso3);
      const features = readGeoJson(JSON.stringify(request.body), BODY_NAME);
      try {
        const result = await importFeatures(store, BODY_NAME, features, iso3, { userId: user.id });
        return reply.code(201).send({ ...result.counts, warnings: result.warnings, repairs: result.repairs });
      } catch (error) {
        if (!(error instanceof ImportRejectedError)) throw error;
        throw new HttpProblem(422, error.message, error.problems.map(fieldOf));
      } finally {
        clearance.invalidate(iso3);
      }
    },
  );

  article5Routes(app, options);
  return Promise.resolve();
}
