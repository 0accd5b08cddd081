/**
 * HTTP caching of public reads. A route opts in with `config: { etag: true }`. Its ETag is a
 * hash of (data version, today's date, path and query): it changes whenever a write could
 * change the answer (dataVersion), and each day for answers that default to today. It is
 * computed before the handler, so a matching If-None-Match is a 304 without any work.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { today } from '../core/date.js';
import type { Store } from '../store/database.js';
import { dataVersion } from '../store/versions.js';

// Revalidate every time: a 304 costs one indexed query, and an editor sees their own write at once.
export const CACHE_CONTROL = 'public, no-cache';

/** Route config of a cacheable public read. */
export const PUBLIC_READ = { etag: true } as const;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public read whose answer depends only on the stored records, the URL and today. */
    etag?: boolean;
  }
  interface FastifyRequest {
    etag: string | null;
  }
}

export function etagFor(version: number, day: string, url: string): string {
  return `"${createHash('sha256').update(`${version}\n${day}\n${url}`).digest('base64url').slice(0, 27)}"`;
}

function matches(request: FastifyRequest, etag: string): boolean {
  const sent = request.headers['if-none-match'];
  return (
    sent !== undefined && sent.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')
  );
}

export function registerEtag(app: FastifyInstance, store: Store): void {
  app.decorateRequest('etag', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.routeOptions.config.etag !== true) return;
    const etag = etagFor(await dataVersion(store), today(), request.url);
    request.etag = etag;
    if (matches(request, etag))
      return reply.code(304).header('etag', etag).header('cache-control', CACHE_CONTROL).send();
    return undefined;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.etag !== null && reply.statusCode === 200)
      reply.header('etag', request.etag).header('cache-control', CACHE_CONTROL);
    return payload;
  });
}
