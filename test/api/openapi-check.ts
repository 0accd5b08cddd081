/**
 * Every JSON answer of the API tests against the response schema the OpenAPI document gives for
 * its route, status and media type (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it). The harness
 * adds the hook to every app it builds and fails the suite on any answer the document does not describe.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_SCHEMA, openApiPath } from '../../src/http/openapi.js';

interface MediaType {
  schema?: unknown;
}
interface Response {
  content?: Record<string, MediaType>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, Response> }>>;
}

/** One answer the document does not describe. */
export interface Mismatch {
  request: string;
  /** The route, status and media type. */
  route?: string;
  status: number;
  problem: string;
}

/** `{ $ref: '#/components/schemas/Problem' }` replaced by the schema itself. */
const resolveRefs = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema), (_key, value: unknown) =>
    typeof value === 'object' && value !== null && (value as { $ref?: unknown }).$ref === '#/components/schemas/Problem'
      ? PROBLEM_SCHEMA
      : value,
  ) as unknown;

const JSON_TYPES = /^application\/([a-z+.-]*\+)?json$/;

/** Adds an onSend hook checking each JSON answer of an /api/v1 route; returns the mismatches found so far. */
export function checkAnswers(app: FastifyInstance): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const compiled = new Map<string, ValidateFunction>();
  let doc: OpenApiDocument | null = null;
  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.routeOptions.url;
    if (url === undefined || !url.startsWith('/api/v1/')) return payload;
    doc ??= app.swagger() as unknown as OpenApiDocument;
    const operation = doc.paths[openApiPath(url)]?.[request.method.toLowerCase()];
    if (!operation) return payload; // not documented (hidden): nothing to check against
    const status = reply.statusCode;
    if (status === 304 || status >= 500) return payload;
    const where = `${request.method} ${request.url}`;
    const response = operation.responses?.[String(status)];
    if (!response) {
      mismatches.push({ request: where, status, problem: 'status not documented' });
      return payload;
    }
    const type = String(reply.getHeader('content-type') ?? '')
      .split(';')[0]
      ?.trim();
    if (!type || !JSON_TYPES.test(type)) return payload;
    const media = response.content?.[type];
    if (!media?.schema) {
      mismatches.push({ request: where, status, problem: `media type ${type} not documented` });
      return payload;
    }
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    if (text === null) return payload; // a stream (compressed): not read here
    const key = `${request.method} ${url} ${status} ${type}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(resolveRefs(media.schema) as object);
      compiled.set(key, validate);
    }
    if (!validate(JSON.parse(text))) {
      // One line per route and kind of error: array indices as *, the first five errors.
      const errors = [
        ...new Set((validate.errors ?? []).map((e) => `${e.instancePath.replace(/\/\d+/g, '/*')} ${e.message ?? ''}`)),
      ];
      const problem = errors.slice(0, 5).join('; ');
      if (!mismatches.some((m) => m.problem === problem && m.status === status && m.route === key))
        mismatches.push({ request: where, route: key, status, problem });
    }
    return payload;
  });
  return mismatches;
}
