/**
 * Fastify's and Node's own refusals as problem+json too: an address that is not valid
 * percent-encoding (400), a path segment or an address too long (414), headers too large (431),
 * a client error on the socket (400) or a timeout (408). Body errors (413 too large, 415
 * unsupported type, 400 malformed JSON) already reach the one error handler.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, problem, sendProblem } from './problem.js';

/** The longest address (path and query) answered; Node refuses headers over 16 KiB with a 431. */
export const MAX_URL_LENGTH = 8192;
/** The longest path segment (`{iso3}`, `{id}`) the router reads. */
export const MAX_PARAM_LENGTH = 100;

/** Fastify's `frameworkErrors`: errors found while routing, before any hook runs. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', reply.request.id);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    sendProblem(reply, problem(414, `A path segment is longer than ${MAX_PARAM_LENGTH} characters.`));
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    sendProblem(
      reply,
      problem(400, 'The address is not valid: a %-escape is not UTF-8.', [
        { field: 'path', expected: 'percent-encoded UTF-8' },
      ]),
    );
    return;
  }
  sendProblem(reply, problem(400, 'The request could not be routed.'));
}

const RAW: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    detail: 'The request line and headers are larger than the server accepts (16 KiB).',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request took too long to arrive.' },
};

/** Fastify's `clientErrorHandler`: Node could not parse the request, so there is no request object. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = RAW[error.code ?? ''] ?? { status: 400, detail: 'The request is not valid HTTP.' };
  const requestId = randomUUID();
  const body = JSON.stringify({ ...problem(status, detail), requestId });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Refuses addresses longer than MAX_URL_LENGTH with a 414 before any other work. */
export function registerUrlLimit(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.url.length > MAX_URL_LENGTH)
      done(new HttpProblem(414, `The address is longer than ${MAX_URL_LENGTH} characters.`));
    else done();
  });
}
