/**
 * What travels over a slow connection: text answers compressed (brotli or gzip, as the browser
 * accepts), the web app's files pre-compressed at build, hashed assets cached for a year, pages
 * and API answers revalidated. Through the real app on a loaded SQLite database.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initDatabase } from '../../src/setup/seed.js';
import { buildApp } from '../../src/server/app.js';
import { WEB_ROOT, firstFiles } from '../../src/server/web.js';
import { ensureWebBuild } from '../../src/server/web-build.js';
import { forEachDatabase } from '../../src/store/test-databases.js';

forEachDatabase((database) => {
  if (database.name !== 'sqlite') return;
  describe('transfer', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      await ensureWebBuild();
      const store = await database.open();
      await initDatabase(store);
      app = await buildApp({ store });
    }, 120_000);
    afterAll(() => app.close());

    const get = (url: string, encoding?: string) =>
      app.inject({ method: 'GET', url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

    it('compresses API answers with the encoding the client accepts, to the same JSON', async () => {
      const plain = await get('/api/v1/states?asOf=2018-03-01');
      expect(plain.headers['content-encoding']).toBeUndefined();
      const br = await get('/api/v1/states?asOf=2018-03-01', 'br, gzip');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
      expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
      const gzip = await get('/api/v1/states?asOf=2018-03-01', 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(plain.json());
    });

    it("hints a State page's first files and reads for preloading, the app's own files first", async () => {
      const page = await get('/states/khm?asOf=2018-03-01');
      expect(page.statusCode).toBe(200);
      const hints = String(page.headers.link ?? '').split(', ');
      // The app's files as index.html names them: its entry script and modules, then its style sheet.
      const { scripts, styles } = firstFiles(readFileSync(join(WEB_ROOT, 'index.html'), 'utf8'));
      expect(scripts[0]).toMatch(/^\/assets\/index-.+\.js$/);
      expect(styles).toEqual([expect.stringMatching(/^\/assets\/index-.+\.css$/)]);
      expect(hints.slice(0, scripts.length + 1)).toEqual([
        ...scripts.map((path) => `<${path}>; rel=modulepreload; crossorigin=anonymous`),
        `<${styles[0] ?? ''}>; rel=preload; as=style; crossorigin=anonymous`,
      ]);
      const links = hints
        .slice(scripts.length + 1)
        .map((link) => /^<([^>]+)>; rel=preload; as=fetch; crossorigin=anonymous$/.exec(link)?.[1]);
      expect(links).toEqual([
        '/api/v1/states/KHM?asOf=2018-03-01',
        '/api/v1/states/KHM/record',
        '/api/v1/states/KHM/clearance?asOf=2018-03-01',
        '/api/v1/states/KHM/clearance/records?geometry=bbox',
        '/api/v1/states/KHM/clearance/outline',
      ]);
      for (const path of [...scripts, ...styles]) expect((await get(path)).statusCode, path).toBe(200);
      for (const link of links) expect((await get(link ?? '')).statusCode, link).toBe(200);
      // Without a date, today's (UTC); a wrong one is not passed on; other pages get no hints.
      const today = new Date().toISOString().slice(0, 10);
      expect(String((await get('/states/KHM')).headers.link)).toContain(`/api/v1/states/KHM?asOf=${today}`);
      expect(String((await get('/states/KHM?asOf=x')).headers.link)).toContain(`?asOf=${today}`);
      // A day that does not exist would preload an error: today's instead.
      expect(String((await get('/states/KHM?asOf=2026-02-31')).headers.link)).toContain(`?asOf=${today}`);
      expect((await get('/map')).headers.link).toBeUndefined();
      expect((await get('/states')).headers.link).toBeUndefined();
    });

    it('leaves small answers as they are', async () => {
      expect((await get('/api/v1/ping', 'br')).headers['content-encoding']).toBeUndefined();
    });

    it('sends a hashed asset pre-compressed, cached for a year', async () => {
      const script = readdirSync(join(WEB_ROOT, 'assets')).find((f) => /^index-.*\.js$/.test(f));
      expect(script).toBeDefined();
      const response = await get(`/assets/${script ?? ''}`, 'gzip, deflate, br');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.rawPayload).toEqual(readFileSync(join(WEB_ROOT, 'assets', `${script ?? ''}.br`)));
    });

    it('revalidates the pages themselves, opened at any address of the app', async () => {
      for (const url of ['/', '/states/KHM']) {
        const page = await get(url, 'gzip');
        expect(page.statusCode).toBe(200);
        expect(page.headers['cache-control']).toBe('public, no-cache');
        const html = page.headers['content-encoding'] === 'gzip' ? gunzipSync(page.rawPayload) : page.rawPayload;
        expect(html.toString('utf8')).toContain('<div id="root">');
      }
    });

    it('sends the dashboard with its heading and lead already in the HTML (its LCP), other pages with an empty root', async () => {
      const words = JSON.parse(readFileSync('src/i18n/locales/en/web.json', 'utf8')) as {
        dashboard: { heading: string; lead: string };
      };
      const text = async (url: string) => {
        const page = await get(url, 'br');
        expect(page.statusCode).toBe(200);
        const br = page.headers['content-encoding'] === 'br';
        return { br, html: (br ? brotliDecompressSync(page.rawPayload) : page.rawPayload).toString('utf8') };
      };
      for (const url of ['/', '/?asOf=2017-12-14']) {
        const { br, html } = await text(url);
        // Pre-compressed at build, like every other file of the app.
        expect(br).toBe(true);
        expect(html).toContain(`<h1>${words.dashboard.heading}</h1>`);
        expect(html).toContain(`<p class="lead">${words.dashboard.lead}</p>`);
      }
      expect((await text('/states/KHM')).html).toContain('<div id="root"></div>');
    });
  });
});
