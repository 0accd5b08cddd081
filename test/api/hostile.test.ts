// A property test over the whole API: for every operation of the OpenAPI document, fast-check
// sends path parameters, queries and bodies shaped by the operation's own schemas, each value
// sometimes replaced by a hostile one (NUL, lone surrogates, long text, 1e308, 2^31, deep
// nesting, __proto__), signed in as an editor with the CSRF token so writes reach the database.
// No answer may be a 500, and every error is problem+json. Bounded runs, fixed seed, both engines.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { type SignedIn, useApp } from './harness.js';

const SEED = 20_261_201;
const RUNS_PER_OPERATION = 50;

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  description?: string;
}

interface Operation {
  parameters?: { in: 'path' | 'query'; name: string; schema: Schema }[];
  requestBody?: { content?: { 'application/json'?: { schema: Schema } } };
}

const deep = (depth: number): unknown => {
  let value: unknown = 0;
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

const hostileString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'x\u0000y',
    '\ud800',
    'a\udc00b',
    '',
    ' ',
    '__proto__',
    'constructor',
    'x'.repeat(5_000),
    '9'.repeat(400),
    '1e308',
    '-1',
    '2147483648',
    'NaN',
    'Infinity',
    "'; drop table sources; --",
    '../../etc/passwd',
    '%00',
    '2025-02-29',
    '9999-12-31',
    '0000-01-01',
    '\u202e\u{1F4A3}',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(
    1e308,
    -1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    2_147_483_648,
    -2_147_483_649,
    2 ** 53 + 2,
    -0,
    0.5,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, true, [], {}, { __proto__: { polluted: 1 } }, JSON.parse('{"__proto__":{"polluted":1}}')),
  fc.integer({ min: 1, max: 200 }).map(deep),
);

const DATE_WORDS = /date|YYYY|deadline|submitted|declared|granted|published|period|asOf|decision/i;
const day = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2045-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateLike = fc.oneof(
  day,
  day.map((d) => d.slice(0, 7)),
  day.map((d) => d.slice(0, 4)),
);

/** Values the schema accepts most of the time; a hostile value now and then, at any depth. */
function arbitraryOf(schema: Schema, name: string, depth = 0): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  let valid: fc.Arbitrary<unknown>;
  if (alternatives !== undefined) valid = fc.oneof(...alternatives.map((s) => arbitraryOf(s, name, depth + 1)));
  else if (schema.enum !== undefined) valid = fc.constantFrom(...schema.enum);
  else if (schema.type === 'string' && schema.pattern !== undefined)
    valid = fc.stringMatching(new RegExp(schema.pattern), { maxLength: 64 });
  else if (schema.type === 'string' && /iso3/.test(name)) valid = fc.constantFrom('KHM', 'SEN', 'nzl', 'ZZZ');
  else if (schema.type === 'string' && DATE_WORDS.test(`${name} ${schema.description ?? ''}`)) valid = dateLike;
  else if (schema.type === 'string') valid = fc.string({ maxLength: 20 });
  else if (schema.type === 'integer')
    valid = fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e9), max: Math.min(schema.maximum ?? 1e6, 1e9) });
  else if (schema.type === 'number') valid = fc.double({ min: 0, max: 1e9, noNaN: true });
  else if (schema.type === 'boolean') valid = fc.boolean();
  else if (schema.type === 'null') valid = fc.constant(null);
  else if (schema.type === 'array')
    valid = fc.array(arbitraryOf(schema.items ?? {}, name, depth + 1), { maxLength: depth > 3 ? 0 : 3 });
  else if (schema.type === 'object' || schema.properties !== undefined) {
    const entries = Object.entries(schema.properties ?? {});
    const required = new Set(schema.required ?? []);
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, child] of entries) record[key] = arbitraryOf(child, key, depth + 1);
    valid = fc.record(record, { requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k)) });
  } else valid = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileValue);
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: hostileValue, weight: 1 });
}

/** Percent-encodes any value, lone surrogates included (encodeURIComponent throws on them). */
function encode(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.replace(/[\s\S]/gu, (ch) => {
    if (/^[\uD800-\uDFFF]$/.test(ch)) return ch.charCodeAt(0) < 0xdc00 ? '%ED%A0%80' : '%ED%B0%80';
    return encodeURIComponent(ch);
  });
}

forEachDatabase((database) => {
  const h = useApp(database);

  it('answers every operation of the OpenAPI document with no 500, whatever it is sent', async () => {
    const document = (await h.get('/api/v1/openapi.json')).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const editor: SignedIn = await h.signIn('admin'); // an admin may write every record
    const failures: string[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        operations += 1;
        const parameters = operation.parameters ?? [];
        const request = fc.record({
          path: fc.record(
            Object.fromEntries(
              parameters.filter((p) => p.in === 'path').map((p) => [p.name, arbitraryOf(p.schema, p.name)]),
            ),
          ),
          query: fc.record(
            Object.fromEntries(
              parameters.filter((p) => p.in === 'query').map((p) => [p.name, arbitraryOf(p.schema, p.name)]),
            ),
            { requiredKeys: [] },
          ),
          body: operation.requestBody?.content?.['application/json']
            ? arbitraryOf(operation.requestBody.content['application/json'].schema, 'body')
            : fc.constant(undefined),
        });
        let last = '';
        const result = await fc.check(
          fc.asyncProperty(request, async ({ path: params, query, body }) => {
            const url =
              path.replace(/\{(\w+)\}/g, (_, name: string) => encode(params[name])) +
              (Object.keys(query).length === 0
                ? ''
                : `?${Object.entries(query)
                    .map(([k, v]) => `${k}=${encode(v)}`)
                    .join('&')}`);
            // Sign-out is sent anonymously, so the editor's session survives the run.
            const signedIn = method === 'post' && path !== '/api/v1/session';
            const response = await h.app.inject({
              method: method.toUpperCase() as 'GET' | 'POST' | 'DELETE',
              url,
              ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
              headers: {
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
                ...(signedIn ? { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken } : {}),
              },
            });
            const type = String(response.headers['content-type'] ?? '');
            last = `${response.statusCode} ${type} ${response.body.slice(0, 300)}`;
            if (response.statusCode >= 500) return false;
            if (response.statusCode >= 400) return /application\/problem\+json/.test(type);
            return true;
          }),
          { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
        );
        if (result.failed)
          failures.push(
            `${method.toUpperCase()} ${path}: ${last} ← ${fc.stringify(result.counterexample).slice(0, 300)}`,
          );
      }
    }
    expect(operations).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  }, 300_000);
});
