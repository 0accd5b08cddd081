/**
 * What the OpenAPI document tells a client it can trust, filled in for every `/api/v1` route:
 * an `operationId` (from the method and the path), the answers (2xx as the server passes them in,
 * the problem+json 4xx from the route's kind), the sign-in and CSRF token on every write, a server.
 * Documentation only: nothing here is compiled into a serializer, so it cannot change an answer.
 */
import type { SwaggerTransformObject } from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from './auth.js';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it). */
export type JsonSchema = Record<string, unknown>;

/** One documented success answer of a route. */
export interface Answer {
  status: 200 | 201 | 204;
  description: string;
  /** The body's media types and their schemas; absent for 204. Default media type: application/json. */
  content?: Record<string, JsonSchema>;
}

/** The success answers of every route, by `METHOD /api/v1/path/{param}` (OpenAPI path). */
export type Answers = Readonly<Record<string, readonly Answer[]>>;

export const SESSION_SCHEME = 'minefree_session';
export const CSRF_SCHEME = 'csrf_token';

export const SECURITY_SCHEMES = {
  [SESSION_SCHEME]: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie set by POST /api/v1/session (HttpOnly, SameSite=Strict).',
  },
  [CSRF_SCHEME]: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: 'The csrfToken given at sign-in (POST or GET /api/v1/session), sent with every write.',
  },
} as const;

/** RFC 9457 problem details, as `src/http/problem.ts` sends them. */
export const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details: what went wrong, and every field at fault with what was expected.',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: 'A URI naming the kind of problem' },
    title: { type: 'string', description: 'The kind of problem, in words' },
    status: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status' },
    detail: { type: 'string', description: 'What went wrong with this request' },
    instance: { type: 'string', description: 'The request the problem is about' },
    requestId: {
      type: 'string',
      description: 'The id of the request in the server log (also the x-request-id header)',
    },
    errors: {
      type: 'array',
      description: 'Every field at fault',
      items: {
        type: 'object',
        required: ['field', 'expected'],
        properties: {
          field: { type: 'string', description: 'Where: query.asOf, body.sources.0, path.iso3' },
          expected: { type: 'string', description: 'What was expected there' },
        },
      },
    },
  },
};

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid: every field at fault, with what was expected',
  401: 'Sign in first',
  403: 'Not allowed for this account, or a missing or wrong x-csrf-token header',
  404: 'Not found',
  409: 'Conflicts with what is stored',
  413: 'The request body is too large',
  414: 'The address (path and query) is too long',
  415: 'Unsupported media type',
  422: 'The change would break the stored records',
  429: 'Too many attempts',
};

/** A route as the kit saw it registered. */
interface RouteInfo {
  write: boolean;
  hasParams: boolean;
  hasBody: boolean;
}

/** `/api/v1/states/:iso3/record` as OpenAPI writes it: `/api/v1/states/{iso3}/record`. */
export const openApiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A stable, unique operationId from the method and the path: `GET /api/v1/states/{iso3}/record`
 * is `getStatesByIso3Record`. The path without `/api/v1` is unique per method, so is this.
 */
export function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => {
      const param = /^\{(.+)\}$/.exec(part);
      const word = (param ? param[1] : part) ?? '';
      const camel = word
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map(capital)
        .join('');
      return param ? `By${camel}` : camel;
    });
  return `${method.toLowerCase()}${words.join('')}`;
}

const problemResponse = (status: number): JsonSchema => ({
  description: PROBLEM_DESCRIPTIONS[status] ?? 'A problem',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The 4xx a route can answer, from its kind. */
function problemStatuses(method: string, path: string, route: RouteInfo): number[] {
  // Every route: a bad field, or an address longer than the server reads (framework-errors.ts).
  const statuses = new Set<number>([400, 414]);
  if (route.hasParams) statuses.add(404);
  if (route.write) for (const s of [401, 403, 409, 422]) statuses.add(s);
  if (route.hasBody || (route.write && method !== 'GET' && method !== 'DELETE')) {
    statuses.add(413);
    statuses.add(415);
  }
  if (path === '/api/v1/session') {
    statuses.add(401);
    if (method === 'POST') statuses.add(429);
    if (method === 'DELETE') statuses.add(403);
  }
  return [...statuses].sort((a, b) => a - b);
}

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses?: Record<string, unknown>;
}
interface Document {
  servers?: unknown[];
  security?: Record<string, string[]>[];
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  paths?: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * Registers the hook that sees every route, and returns the `transformObject` option of
 * @fastify/swagger that completes the document with what the routes and `answers` say.
 * A documented route with no entry in `answers` is documented with an error, so it is found.
 */
export function openApiCompleter(app: FastifyInstance, answers: Answers): SwaggerTransformObject {
  const routes = new Map<string, RouteInfo>();
  app.addHook('onRoute', (route) => {
    const path = openApiPath(route.url);
    if (!path.startsWith('/api/v1/')) return;
    for (const method of [route.method].flat())
      routes.set(`${method} ${path}`, {
        write: route.config?.write === true,
        hasParams: path.includes('{'),
        hasBody: route.schema?.body !== undefined,
      });
  });
  return (input) => {
    const doc = ('openapiObject' in input ? input.openapiObject : input.swaggerObject) as Document;
    doc.servers = [{ url: '/', description: 'The server that serves this document' }];
    // Reads are open to anyone; a signed-in session may be sent (it changes no public answer).
    doc.security = [{}, { [SESSION_SCHEME]: [] }];
    doc.components = {
      ...doc.components,
      schemas: { ...doc.components?.schemas, Problem: PROBLEM_SCHEMA },
      securitySchemes: { ...doc.components?.securitySchemes, ...SECURITY_SCHEMES },
    };
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const key = `${method.toUpperCase()} ${path}`;
        const route = routes.get(key) ?? { write: false, hasParams: path.includes('{'), hasBody: false };
        op.operationId = operationId(method, path);
        if (route.write) op.security = [{ [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }];
        const responses: Record<string, unknown> = {};
        for (const answer of answers[key] ?? []) {
          responses[String(answer.status)] =
            answer.content === undefined
              ? { description: answer.description }
              : {
                  description: answer.description,
                  content: Object.fromEntries(
                    Object.entries(answer.content).map(([type, schema]) => [type, { schema }]),
                  ),
                };
        }
        for (const status of problemStatuses(method.toUpperCase(), path, route))
          responses[String(status)] = problemResponse(status);
        op.responses = responses;
      }
    }
    return doc;
  };
}
