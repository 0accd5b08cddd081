/**
 * Errors as RFC 9457 problem details (`application/problem+json`), each naming the field at
 * fault and what was expected, so a user can correct the request.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { UsageError } from '../core/errors.js';
import type { FieldProblem, Problem } from '../core/problem.js';
import { RejectedWriteError } from '../core/rejection.js';
import { type DatabaseRefusal, type RefusalKind, databaseRefusal } from '../store/database-errors.js';

export type { FieldProblem, Problem } from '../core/problem.js';

const TITLES: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Sign in first',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflicts with what is stored',
  413: 'The request body is too large',
  414: 'The address is too long',
  415: 'Unsupported media type',
  422: 'The change would break the treaty records',
  429: 'Too many attempts',
  431: 'The request headers are too large',
  500: 'Something went wrong on the server',
  503: 'Busy: try again shortly',
};

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail);
  }
}

export function problem(status: number, detail: string, errors: FieldProblem[] = []): Problem {
  const body: Problem = {
    type: `https://minefree.org/problems/${status}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
  };
  if (errors.length > 0) body.errors = errors;
  return body;
}

/**
 * Sends a problem, with the request id (also in the `x-request-id` header and in the server's
 * log line of this request) as the `requestId` extension member, so a report can be matched to
 * the log.
 */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply
    .code(body.status)
    .type('application/problem+json')
    .send({ ...body, requestId: reply.request.id });
}

const REFUSALS: Record<RefusalKind, { status: number; expected: string; detail: string }> = {
  unique: { status: 409, expected: 'a value no stored record has yet', detail: 'A stored record already has' },
  'foreign-key': { status: 422, expected: 'the id of a stored record', detail: 'No stored record matches' },
  check: { status: 422, expected: 'a value the records accept', detail: 'The records do not accept' },
  'not-null': { status: 422, expected: 'a value', detail: 'The records need' },
  'out-of-range': { status: 422, expected: 'a value the column can hold', detail: 'Out of range for the records:' },
  'too-long': { status: 422, expected: 'shorter text', detail: 'Too long for the records:' },
  'bad-text': { status: 400, expected: 'plain text', detail: 'The database cannot store' },
};

const camel = (column: string): string => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const keysOf = (value: unknown): string[] =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];

/** The request fields a refusal is about: columns named by the database, or a body field named in the constraint. */
function refusalFields(request: FastifyRequest, refusal: DatabaseRefusal): string[] {
  const params = keysOf(request.params);
  const body = keysOf(request.body);
  const fieldOf = (column: string): string => {
    for (const name of [camel(column), column, camel(column.replace(/_id$/, ''))]) {
      if (params.includes(name)) return `path.${name}`;
      if (body.includes(name)) return `body.${name}`;
    }
    return `body.${camel(column)}`;
  };
  if (refusal.columns.length > 0) return [...new Set(refusal.columns.map(fieldOf))];
  const constraint = refusal.constraint ?? '';
  const named = body
    .filter((key) => new RegExp(`_${snake(key)}(_|$)`).test(constraint))
    .sort((a, b) => b.length - a.length)[0];
  return [named === undefined ? 'body' : `body.${named}`];
}

function refusalProblem(request: FastifyRequest, refusal: DatabaseRefusal): Problem {
  const { status, expected, detail } = REFUSALS[refusal.kind];
  const fields = refusalFields(request, refusal);
  const what = refusal.constraint === null ? fields.join(', ') : `${fields.join(', ')} (${refusal.constraint})`;
  return problem(
    status,
    `${detail} ${what}.`,
    fields.map((field) => ({ field, expected })),
  );
}

/** Zod's issue paths as the field names users sent (`query.asOf`, `body.sources.0`). */
function validationProblems(error: FastifyError): FieldProblem[] {
  const context = error.validationContext ?? 'request';
  return (error.validation ?? []).map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    return { field: path ? `${context}.${path}` : context, expected: issue.message ?? 'a valid value' };
  });
}

/** A store's field name as the client sent it: `path.iso3` or `body.source`. */
function requestField(request: FastifyRequest, field: string | null): string {
  if (field === null) return 'body';
  const params = request.params;
  return typeof params === 'object' && params !== null && field in params ? `path.${field}` : `body.${field}`;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = validationProblems(error);
    return sendProblem(
      reply,
      problem(400, `${errors.length} field(s) are not as expected: ${errors.map((e) => e.field).join(', ')}`, errors),
    );
  }
  if (error instanceof HttpProblem) return sendProblem(reply, problem(error.status, error.detail, error.errors));
  if (error instanceof UsageError) return sendProblem(reply, problem(400, error.message));
  if (error instanceof RejectedWriteError) {
    const status = error.reason === 'not-found' ? 404 : error.reason === 'conflict' ? 409 : 422;
    const errors = [{ field: requestField(request, error.field), expected: error.expected }];
    return sendProblem(reply, problem(status, error.message, errors));
  }
  const refusal = databaseRefusal(error);
  if (refusal !== null) return sendProblem(reply, refusalProblem(request, refusal));
  if (error.statusCode === 429)
    return sendProblem(reply, problem(429, 'Too many sign-in attempts; wait a minute and try again.'));
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(reply, problem(error.statusCode, error.message));
  }
  request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, problem(500, 'The server could not answer; the error is in its log.'));
}
