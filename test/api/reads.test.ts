// Public reads of the HTTP API on the real app and the real databases (SQLite and PostgreSQL), no mocks.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { today } from '../../src/core/date.js';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { expectProblem, useApp } from './harness.js';

interface HistoryPoint {
  date: string;
  statesParties: number;
  inForce: number;
  withdrawn: number;
}

forEachDatabase((database) => {
  const h = useApp(database);

  describe('treaty status', () => {
    it('status on 14 December 2017: 163 States Parties, the same JSON as the CLI', async () => {
      const response = await h.get('/api/v1/status?asOf=2017-12-14');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.json()).toMatchObject({
        asOf: '2017-12-14',
        statesTotal: 197,
        statesParties: 163,
        notParty: 34,
        latestToJoin: { iso3: 'LKA' },
      });
    });

    it('defaults to today', async () => {
      expect((await h.get('/api/v1/status')).json()).toMatchObject({ asOf: today() });
    });

    it('lists 197 States, and one State by code in any case', async () => {
      expect((await h.get('/api/v1/states?asOf=2026-11-28')).json<unknown[]>()).toHaveLength(197);
      expect((await h.get('/api/v1/states/khm?asOf=2017-12-14')).json()).toMatchObject({
        iso3: 'KHM',
        name: 'Cambodia',
        status: 'state-party',
        inForce: true,
      });
    });

    it('gives an unknown State as a 404 problem naming the code', async () => {
      const body = expectProblem(await h.get('/api/v1/states/XXX'), 404);
      expect(body.errors?.map((e) => e.field)).toEqual(['path.iso3']);
      expect(body.errors?.[0]?.expected).toContain('alpha-3');
      expectProblem(await h.get('/api/v1/states/XXX/record'), 404);
    });

    it('refuses a bad date with 400, naming asOf and the expected format', async () => {
      const impossible = expectProblem(await h.get('/api/v1/states?asOf=2025-02-29'), 400);
      expect(impossible.errors).toEqual([
        { field: 'querystring.asOf', expected: 'a day between 01 and 28 for 2025-02' },
      ]);
      const words = expectProblem(await h.get('/api/v1/status?asOf=yesterday'), 400);
      expect(words.errors).toEqual([
        { field: 'querystring.asOf', expected: 'a date written YYYY-MM-DD (for example 1999-03-01)' },
      ]);
    });

    it('gives the deadlines of Articles 4, 5 and 7, and refuses another article', async () => {
      for (const article of ['4', '5', '7']) {
        const entries = (await h.get(`/api/v1/deadlines/${article}?asOf=2020-01-01`)).json<
          { iso3: string; state: string }[]
        >();
        expect(entries.length).toBeGreaterThan(0);
      }
      const body = expectProblem(await h.get('/api/v1/deadlines/6'), 400);
      expect(body.errors?.[0]?.field).toBe('params.article');
    });

    it('gives the history: one point per change, from 3 December 1997 to today or asOf', async () => {
      const history = (await h.get('/api/v1/status/history')).json<HistoryPoint[]>();
      // Canada, Ireland and Mauritius ratified on the day the Convention opened for signature.
      expect(history[0]).toEqual({ date: '1997-12-03', statesParties: 3, inForce: 0, withdrawn: 0 });
      expect(history.at(-1)?.date).toBe(today());
      const dates = history.map((p) => p.date);
      expect([...dates].sort()).toEqual(dates);
      expect(history.filter((p) => p.date <= '2017-12-14').at(-1)?.statesParties).toBe(163);
      const until2000 = (await h.get('/api/v1/status/history?asOf=2000-01-01')).json<HistoryPoint[]>();
      expect(until2000.at(-1)?.date).toBe('2000-01-01');
      expect(until2000.slice(0, -1)).toEqual(history.filter((p) => p.date < '2000-01-01'));
    });

    it("gives a State's record with its instruments and every source it cites", async () => {
      const record = (await h.get('/api/v1/states/lka/record')).json<{
        iso3: string;
        instruments: { kind: string; sources: string[] }[];
        sources: { id: string; title: string }[];
      }>();
      expect(record.iso3).toBe('LKA');
      expect(record.instruments.map((i) => i.kind)).toEqual(['accession']);
      const ids = record.sources.map((s) => s.id);
      expect(ids).toContain('S06');
      for (const cited of record.instruments.flatMap((i) => i.sources)) expect(ids).toContain(cited);
    });
  });

  describe('sources and figures', () => {
    it('lists the sources and gives one, or a 404 problem', async () => {
      const sources = (await h.get('/api/v1/sources')).json<{ id: string }[]>();
      expect(sources.map((s) => s.id)).toContain('S06');
      const one = (await h.get('/api/v1/sources/S06')).json<{ id: string; title: string }>();
      expect(one.id).toBe('S06');
      expect(one.title).not.toBe('');
      expectProblem(await h.get('/api/v1/sources/NOPE1'), 404);
    });

    it('gives the figures known on a date, by indicator, and the fact sheet', async () => {
      const figures = (await h.get('/api/v1/figures?indicator=casualties_mines_erw&asOf=2019-01-01')).json<
        { id: string; period: string; value: number }[]
      >();
      expect(figures.every((f) => f.id === 'casualties_mines_erw')).toBe(true);
      expect(figures.find((f) => f.period === '2016')?.value).toBe(9437);
      const sheet = (await h.get('/api/v1/factsheet?asOf=2018-03-01')).json<{
        figures: { id: string; computed: boolean; value: number }[];
      }>();
      expect(sheet.figures.find((f) => f.id === 'states_parties' && f.computed)?.value).toBe(164);
    });
  });

  describe('caching', () => {
    it('gives reads an ETag and Cache-Control, and answers 304 to a matching If-None-Match', async () => {
      const first = await h.get('/api/v1/deadlines/4?asOf=2010-01-01');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^".+"$/);
      expect(first.headers['cache-control']).toBe('public, no-cache');
      const second = await h.get('/api/v1/deadlines/4?asOf=2010-01-01', { 'if-none-match': etag });
      expect(second.statusCode).toBe(304);
      expect(second.body).toBe('');
      expect(second.headers.etag).toBe(etag);
      const other = await h.get('/api/v1/deadlines/4?asOf=2011-01-01', { 'if-none-match': etag });
      expect(other.statusCode).toBe(200);
      expect(other.headers.etag).not.toBe(etag);
    });

    it('gives no ETag to a problem', async () => {
      expect((await h.get('/api/v1/states/XXX')).headers.etag).toBeUndefined();
    });
  });

  describe('documentation', () => {
    it('publishes an OpenAPI 3.1 document with every path and the request schemas', async () => {
      const response = await h.get('/api/v1/openapi.json');
      expect(response.statusCode).toBe(200);
      const doc = JSON.parse(response.body) as {
        openapi: string;
        paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string }[] }>>;
      };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/status',
          '/api/v1/status/history',
          '/api/v1/states',
          '/api/v1/states/{iso3}',
          '/api/v1/states/{iso3}/record',
          '/api/v1/deadlines/{article}',
          '/api/v1/sources',
          '/api/v1/sources/{id}',
          '/api/v1/figures',
          '/api/v1/session',
          '/api/v1/states/{iso3}/instruments',
          '/api/v1/states/{iso3}/extensions',
        ]),
      );
      expect(doc.paths['/api/v1/states/{iso3}/instruments']?.post?.requestBody).toBeDefined();
      expect(doc.paths['/api/v1/states']?.get?.parameters?.map((p) => p.name)).toContain('asOf');
    });

    it('serves a docs page', async () => {
      const response = await h.app.inject({ method: 'GET', url: '/api/v1/docs/' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
    });

    it('answers an unknown API address with a 404 problem', async () => {
      expectProblem(await h.get('/api/v1/nothing-here'), 404);
    });
  });

  describe('the web app', () => {
    const root = mkdtempSync(join(tmpdir(), 'minefree-web-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('serves the built files at / and index.html for any other page address', async () => {
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>minefree</title><div id="root"></div>');
      writeFileSync(join(root, 'assets/app.js'), 'console.log(1)');
      const app = await h.another({ webRoot: `${root}/` });
      expect((await app.inject({ method: 'GET', url: '/' })).body).toContain('<title>minefree</title>');
      const page = await app.inject({ method: 'GET', url: '/states/KHM?asOf=2017-12-14' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<div id="root">');
      expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
      expectProblem(await app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404);
    });
  });
});
