/**
 * Errors as RFC 9457 problem details (`application/problem+json`), each naming the field at
 * fault and what was expected, so a user can correct the request.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { UsageError } from '../core/errors.js';
import type { FieldProblem, Problem } from '../core/problem.js';
import { RejectedWriteError } from '../core/rejection.js';

export type { FieldProblem, Problem } from '../core/problem.js';

const TITLES: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Sign in first',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflicts with what is stored',
  422: 'The change would break the treaty records',
  429: 'Too many attempts',
  500: 'Something went wrong on the server',
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

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
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
  if (error.statusCode === 429)
    return sendProblem(reply, problem(429, 'Too many sign-in attempts; wait a minute and try again.'));
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(reply, problem(error.statusCode, error.message));
  }
  request.log.error(error);
  return sendProblem(reply, problem(500, 'The server could not answer; the error is in its log.'));
}
