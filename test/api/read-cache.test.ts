// The read path (issue 15): a repeated public read does no database work, on both databases,
// and a write through this store or another one (another process's, in effect) is seen on the next read.
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { addSource } from '../../src/sources/store.js';
import { SYSTEM } from '../../src/store/audit.js';
import type { Store } from '../../src/store/database.js';
import { forEachDatabase, openAgain } from '../../src/store/test-databases.js';
import { initDatabase } from '../../src/setup/seed.js';

/** Counts every query the app sends through Kysely (selects, writes and raw SQL). */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery: KyselyPlugin['transformQuery'] = (args) => {
    this.count += 1;
    return args.node;
  };
  transformResult: KyselyPlugin['transformResult'] = (args) => Promise.resolve(args.result);
}

function counted(store: Store, counter: QueryCounter): Store {
  return {
    db: store.db.withPlugin(counter),
    dialect: store.dialect,
    changes: store.changes,
    bulkInsert: store.bulkInsert,
    bulkChunk: store.bulkChunk,
    close: () => store.close(),
  };
}

/** PostgreSQL's NOTIFY arrives a moment after the commit: the first read after it has arrived. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 2000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const source = (id: string) => ({ id, title: `A source added by a test (${id})`, url: null, published: null });

forEachDatabase((database) => {
  const counter = new QueryCounter();
  let store: Store;
  let other: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await database.open();
    await initDatabase(store);
    other = await openAgain(store);
    app = await buildApp({ store: counted(store, counter) });
  });
  afterAll(async () => {
    await app.close();
    await other.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  const sources = async (): Promise<string[]> =>
    (await get('/api/v1/sources')).json<{ id: string }[]>().map((s) => s.id);

  describe('cached reads', () => {
    it('answers a repeated /api/v1/status and /api/v1/states with no query, the same bytes', async () => {
      for (const url of ['/api/v1/status?asOf=2026-11-28', '/api/v1/states?asOf=2026-11-28']) {
        const first = await get(url);
        expect(first.statusCode).toBe(200);
        const before = counter.count;
        const second = await get(url);
        expect(counter.count - before).toBe(0);
        expect(second.statusCode).toBe(200);
        expect(second.body).toBe(first.body);
        expect(second.headers.etag).toBe(first.headers.etag);
        expect(second.headers['content-type']).toBe(first.headers['content-type']);
      }
    });

    it('keys the answer by the sorted query: the same parameters in another order are a hit', async () => {
      const first = await get('/api/v1/deadlines/4?asOf=2010-01-01&x=1');
      const before = counter.count;
      const second = await get('/api/v1/deadlines/4?x=1&asOf=2010-01-01');
      expect(counter.count - before).toBe(0);
      expect(second.body).toBe(first.body);
      const other = await get('/api/v1/deadlines/4?asOf=2011-01-01');
      expect(other.body).not.toBe(first.body);
    });

    it('serves the kept answer compressed (brotli) and decompressing gives the same JSON', async () => {
      const plain = await get('/api/v1/states?asOf=2017-12-14');
      const before = counter.count;
      const br = await get('/api/v1/states?asOf=2017-12-14', { 'accept-encoding': 'gzip, br' });
      expect(counter.count - before).toBe(0);
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
      const again = await get('/api/v1/states?asOf=2017-12-14', { 'accept-encoding': 'br' });
      expect(again.rawPayload.equals(br.rawPayload)).toBe(true);
    });

    it('answers If-None-Match with a 304 and no query', async () => {
      const first = await get('/api/v1/states?asOf=2026-11-28');
      const before = counter.count;
      const second = await get('/api/v1/states?asOf=2026-11-28', { 'if-none-match': String(first.headers.etag) });
      expect(second.statusCode).toBe(304);
      expect(counter.count - before).toBe(0);
    });

    it('computes an answer once for many requests that miss it at the same time (after a write)', async () => {
      const url = '/api/v1/stockpiles?asOf=2024-06-30';
      // The queries of one request on its own, cold.
      await addSource(store, source('Sherd1'), SYSTEM);
      let before = counter.count;
      const alone = await get(url);
      const one = counter.count - before;
      expect(one).toBeGreaterThan(0);
      // Twenty at once, cold again: the queries of one, and twenty times the same answer.
      await addSource(store, source('Sherd2'), SYSTEM);
      before = counter.count;
      const many = await Promise.all(Array.from({ length: 20 }, () => get(url)));
      expect(counter.count - before).toBe(one);
      for (const response of many) {
        expect(response.statusCode).toBe(200);
        expect(response.body).toBe(alone.body);
      }
      expect(new Set(many.map((r) => r.headers.etag)).size).toBe(1);
    });

    it('lets requests waiting for an answer that fails answer for themselves', async () => {
      const many = await Promise.all(Array.from({ length: 5 }, () => get('/api/v1/sources/Snothing')));
      expect(many.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404]);
    });

    it('keeps no problem: a 404 is asked again', async () => {
      expect((await get('/api/v1/sources/Snone')).statusCode).toBe(404);
      const before = counter.count;
      expect((await get('/api/v1/sources/Snone')).statusCode).toBe(404);
      expect(counter.count - before).toBeGreaterThan(0);
    });
  });

  describe('writes are seen on the next read', () => {
    it('a write through the same store', async () => {
      const etag = (await get('/api/v1/sources')).headers.etag;
      await addSource(store, source('Sperf1'), SYSTEM);
      const after = await get('/api/v1/sources');
      expect(after.json<{ id: string }[]>().map((s) => s.id)).toContain('Sperf1');
      expect(after.headers.etag).not.toBe(etag);
    });

    it('a write through another store on the same database (another process)', async () => {
      expect(await sources()).not.toContain('Sperf2');
      const quiet = counter.count;
      await sources();
      expect(counter.count).toBe(quiet);
      await addSource(other, source('Sperf2'), SYSTEM);
      // SQLite: data_version has moved by the time the commit returns, so the very next read sees it.
      // PostgreSQL: the NOTIFY follows the commit by a moment (the periodic check is 5 s away).
      const seen =
        database.name === 'sqlite' ? await sources() : await eventually(sources, (ids) => ids.includes('Sperf2'), 4000);
      expect(seen).toContain('Sperf2');
      // And quiet again: the new answer is kept.
      const settled = counter.count;
      await sources();
      expect(counter.count).toBe(settled);
    });
  });
});
