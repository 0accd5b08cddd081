import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * ETag on every successful API read, from the body itself (so it changes exactly when the
 * answer does), and 304 when the client already has it. Caches must revalidate: the records
 * can change at any write.
 */
export function registerEtag(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string' || !request.url.startsWith('/api/')) return payload;
    const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('etag', etag).header('cache-control', 'public, max-age=0, must-revalidate');
    const sent = request.headers['if-none-match'];
    if (sent && sent.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
