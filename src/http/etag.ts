/**
 * HTTP caching of public reads. A route opts in with one line, `config: PUBLIC_READ`:
 * - its ETag is a hash of (data version, today's date, path and sorted query): it changes
 *   whenever a write could change the answer (dataVersion), and each day for answers that default
 *   to today. It is computed before the handler, so a matching If-None-Match is a 304 without any work;
 * - its answer is kept under the same key (read-cache.ts), so the next request for it runs no
 *   handler and no query; requests for it that arrive while it is being computed wait for that
 *   one answer instead of each computing it (after a write, hundreds of clients miss at once).
 *   `{ etag: true }` alone gives the ETag without keeping the answer.
 * The data version is known without a query while nothing is written (store/changes.ts).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { today } from '../core/date.js';
import type { Store } from '../store/database.js';
import { dataVersion } from '../store/versions.js';
import { type CachedAnswer, type Encoding, ReadCache, encodedBody, negotiate, normalisedUrl } from './read-cache.js';

// Revalidate every time: a 304 costs no query while nothing changed, and an editor sees their own write at once.
export const CACHE_CONTROL = 'public, no-cache';

/** Route config of a cacheable public read: ETag and the kept answer. */
export const PUBLIC_READ = { etag: true, readCache: true } as const;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public read whose answer depends only on the stored records, the URL and today. */
    etag?: boolean;
    /** Keep its answers in memory per data version (needs `etag`). */
    readCache?: boolean;
  }
  interface FastifyRequest {
    etag: string | null;
    /** Where to keep this request's answer: set on a cache miss of a readCache route. */
    readCacheKey: { version: number; key: string; settle?: (answer: CachedAnswer | null) => void } | null;
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

const header = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function registerEtag(app: FastifyInstance, store: Store, cache: ReadCache = new ReadCache()): void {
  /** Answers being computed, by version and key: later requests for one wait for it. */
  const computing = new Map<string, Promise<CachedAnswer | null>>();
  app.decorateRequest('etag', null);
  app.decorateRequest('readCacheKey', null);
  // Other processes' writes are watched before the first request (PostgreSQL: LISTEN in effect).
  app.addHook('onReady', () => store.changes.ready());
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (request.method !== 'GET' || config.etag !== true) return undefined;
    const version = await dataVersion(store);
    const day = today();
    const url = normalisedUrl(request.url);
    const key = `${day}\n${url}`;
    const kept = config.readCache === true ? cache.get(version, key) : undefined;
    const etag = kept?.etag ?? etagFor(version, day, url);
    request.etag = etag;
    if (matches(request, etag))
      return reply.code(304).header('etag', etag).header('cache-control', CACHE_CONTROL).send();
    if (config.readCache !== true) return undefined;
    // The answer is compressed here, once, rather than by @fastify/compress on every request.
    request.headers['x-no-compression'] = '1';
    if (kept !== undefined) return send(reply, kept, negotiate(request.headers['accept-encoding']), cache);
    const flight = `${version}\n${key}`;
    const running = computing.get(flight);
    if (running !== undefined) {
      const answer = await running;
      if (answer !== null) return send(reply, answer, negotiate(request.headers['accept-encoding']), cache);
      // That one was not kept (a problem, a cookie): this request answers for itself.
      request.readCacheKey = { version, key };
      return undefined;
    }
    let resolve: (answer: CachedAnswer | null) => void = () => undefined;
    const done = new Promise<CachedAnswer | null>((r) => (resolve = r));
    computing.set(flight, done);
    const settle = (answer: CachedAnswer | null): void => {
      if (computing.get(flight) === done) computing.delete(flight);
      resolve(answer);
    };
    request.readCacheKey = { version, key, settle };
    return undefined;
  });
  // Whatever became of the answer (an error, an aborted request), the requests waiting for it go on.
  const release = (request: FastifyRequest): void => {
    request.readCacheKey?.settle?.(null);
    request.readCacheKey = null;
  };
  app.addHook('onResponse', (request, _reply, next) => {
    release(request);
    next();
  });
  app.addHook('onRequestAbort', (request, next) => {
    release(request);
    next();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    // Routes of contexts made before these decorators have neither field (undefined, not null).
    if (!request.etag || reply.statusCode !== 200) return payload;
    reply.header('etag', request.etag).header('cache-control', CACHE_CONTROL);
    const where = request.readCacheKey;
    if (!where) return payload;
    if ((typeof payload !== 'string' && !Buffer.isBuffer(payload)) || reply.hasHeader('set-cookie')) return payload;
    request.readCacheKey = null;
    const answer: CachedAnswer = {
      etag: request.etag,
      contentType: header(reply.getHeader('content-type')),
      contentDisposition: header(reply.getHeader('content-disposition')),
      body: typeof payload === 'string' ? Buffer.from(payload) : payload,
      encoded: new Map(),
    };
    cache.set(where.version, where.key, answer);
    where.settle?.(answer);
    reply.header('vary', 'accept-encoding');
    const { body, encoding } = encodedBody(answer, negotiate(request.headers['accept-encoding']));
    if (encoding === 'identity') return payload;
    cache.grew(body.length);
    reply.header('content-encoding', encoding).removeHeader('content-length');
    return body;
  });
}

function send(reply: FastifyReply, kept: CachedAnswer, accepted: Encoding, cache: ReadCache): FastifyReply {
  const before = kept.encoded.size;
  const { body, encoding } = encodedBody(kept, accepted);
  if (kept.encoded.size > before) cache.grew(body.length);
  reply.code(200).header('etag', kept.etag).header('cache-control', CACHE_CONTROL).header('vary', 'accept-encoding');
  if (kept.contentType !== undefined) reply.header('content-type', kept.contentType);
  if (kept.contentDisposition !== undefined) reply.header('content-disposition', kept.contentDisposition);
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(body);
}
