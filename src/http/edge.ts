/**
 * Input checks at the edge, before any schema or handler sees a request: every string of the
 * path, the query and the JSON body (keys included) must be well-formed text without a NUL
 * (PostgreSQL cannot store one; a lone UTF-16 surrogate cannot be encoded), and a body may not
 * nest deeper than MAX_JSON_DEPTH (a GeoJSON MultiPolygon needs 8). The walk is iterative, so a
 * body nested 10,000 levels deep costs one pass and no stack.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';

export const MAX_JSON_DEPTH = 64;

/** A NUL, or a UTF-16 surrogate that is not half of a pair. */
const BAD_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function badText(text: string): string | null {
  const match = BAD_TEXT.exec(text);
  if (match === null) return null;
  return match[0] === '\0' ? 'a NUL character' : 'an unpaired UTF-16 surrogate';
}

interface Found {
  field: string;
  expected: string;
  detail: string;
}

/** The first string (or key) that is not plain text, or a nesting deeper than the limit; null when all is well. */
export function inspectValue(value: unknown, root: string, maxDepth = MAX_JSON_DEPTH): Found | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const { value: v, path, depth } = item;
    if (typeof v === 'string') {
      const bad = badText(v);
      if (bad !== null)
        return {
          field: path,
          expected: 'text without NUL characters or unpaired surrogates',
          detail: `${path} contains ${bad}.`,
        };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxDepth)
      return {
        field: path,
        expected: `JSON nested at most ${maxDepth} levels deep`,
        detail: `The request nests deeper than ${maxDepth} levels at ${path}.`,
      };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ value: v[i], path: `${path}.${i}`, depth: depth + 1 });
      continue;
    }
    for (const [key, child] of Object.entries(v)) {
      const bad = badText(key);
      const shown = bad === null ? key : JSON.stringify(key).slice(1, -1);
      if (bad !== null)
        return {
          field: `${path}.${shown}`,
          expected: 'names without NUL characters or unpaired surrogates',
          detail: `A name in ${path} contains ${bad}.`,
        };
      stack.push({ value: child, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return null;
}

function check(request: FastifyRequest): void {
  for (const [root, value] of [
    ['path', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const) {
    const found = inspectValue(value, root);
    if (found !== null) throw new HttpProblem(400, found.detail, [{ field: found.field, expected: found.expected }]);
  }
}

export function registerEdgeChecks(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      check(request);
    } catch (error) {
      done(error as HttpProblem);
      return;
    }
    done();
  });
}
