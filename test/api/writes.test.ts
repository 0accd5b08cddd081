// Writes through the HTTP API: who may write, CSRF, validation naming every field, audit rows,
// nothing half-written, and the next read showing the change. Real app, SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { listRecentAudit } from '../../src/store/audit.js';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { expectProblem, useApp } from './harness.js';

const WITHDRAWAL = { kind: 'withdrawal', deposited: '2026-09-01', sources: ['S02'] };
const NEW_SOURCE = {
  id: 'S990',
  title: 'Landmine Monitor 2026',
  url: 'https://www.the-monitor.org/',
  published: '2026-11',
};
const NEW_FIGURE = {
  indicator: 'casualties_mines_erw',
  scope: 'global',
  period: '2025',
  value: 6279,
  qualifier: 'at least',
  unit: 'people',
  source: 'S990',
  citedPage: '2',
  edition: 'Landmine Monitor 2026',
  published: '2026-11-20',
};

forEachDatabase((database) => {
  const h = useApp(database);
  /** Audit rows about the records (sign-ins are audited too, as the `user` entity). */
  const auditCount = async (): Promise<number> =>
    (await listRecentAudit(h.store, { limit: 10_000 })).filter((e) => e.entity !== 'user').length;

  describe('who may write', () => {
    it('refuses an anonymous write with a 401 problem', async () => {
      expectProblem(await h.post('/api/v1/states/NZL/instruments', WITHDRAWAL), 401);
      expectProblem(await h.post('/api/v1/sources', NEW_SOURCE), 401);
    });

    it('checks who is asking before the body: an anonymous write with a bad body is a 401, not a 400', async () => {
      const bad = { kind: 'not-a-kind', deposited: '2025-02-29' };
      for (const path of [
        '/api/v1/states/NZL/instruments',
        '/api/v1/states/KHM/extensions',
        '/api/v1/sources',
        '/api/v1/figures',
      ]) {
        expect(expectProblem(await h.post(path, bad), 401).errors).toBeUndefined();
      }
    });

    it('refuses a viewer with a 403 problem, even with the CSRF token', async () => {
      const viewer = await h.signIn('viewer');
      expectProblem(await h.post('/api/v1/states/NZL/instruments', WITHDRAWAL, viewer), 403);
      // Refused before the body is read: a bad body changes nothing.
      expectProblem(await h.post('/api/v1/sources', { id: 17 }, viewer), 403);
    });

    it('refuses an editor without the CSRF token, or with another one', async () => {
      const { cookie, csrfToken } = await h.signIn('isu');
      const missing = expectProblem(await h.post('/api/v1/states/NZL/instruments', WITHDRAWAL, { cookie }), 403);
      expect(missing.errors).toEqual([{ field: 'header.x-csrf-token', expected: 'the csrfToken of this session' }]);
      expectProblem(
        await h.post('/api/v1/states/NZL/instruments', WITHDRAWAL, { cookie, csrfToken: `${csrfToken}x` }),
        403,
      );
      const other = await h.signIn('admin');
      expectProblem(
        await h.post('/api/v1/states/NZL/instruments', WITHDRAWAL, { cookie, csrfToken: other.csrfToken }),
        403,
      );
    });
  });

  describe('validation', () => {
    it('refuses an invalid body listing every failing field, and writes nothing', async () => {
      const editor = await h.signIn('admin');
      const before = await auditCount();
      const instruments = (await h.get('/api/v1/states/NZL/instruments')).body;
      const body = expectProblem(
        await h.post(
          '/api/v1/states/NZL/instruments',
          { kind: 'treaty', deposited: '2026-02-30', sources: [] },
          editor,
        ),
        400,
      );
      const expected = new Map(body.errors?.map((e) => [e.field, e.expected]));
      expect([...expected.keys()].sort()).toEqual(['body.deposited', 'body.kind', 'body.sources']);
      expect(expected.get('body.kind')).toContain('withdrawal');
      expect(expected.get('body.deposited')).toBe('a day between 01 and 28 for 2026-02');
      expect(expected.get('body.sources')).toBe('at least one source id');
      expect(await auditCount()).toBe(before);
      expect((await h.get('/api/v1/states/NZL/instruments')).body).toBe(instruments);
    });

    it('names every failing field of a figure, nested ones by their path', async () => {
      const body = expectProblem(
        await h.post(
          '/api/v1/figures',
          { ...NEW_FIGURE, value: 'many', qualifier: 'roughly', period: '25', unit: undefined },
          await h.signIn('admin'),
        ),
        400,
      );
      expect(body.errors?.map((e) => e.field).sort()).toEqual([
        'body.period',
        'body.qualifier',
        'body.unit',
        'body.value',
      ]);
    });

    it('refuses a write the records cannot take with the field at fault, and writes nothing', async () => {
      const editor = await h.signIn('admin');
      const before = await auditCount();
      const unknownSource = expectProblem(
        await h.post('/api/v1/states/NZL/instruments', { ...WITHDRAWAL, sources: ['S999'] }, editor),
        422,
      );
      expect(unknownSource.errors).toEqual([{ field: 'body.sources', expected: 'source ids of stored sources' }]);
      const early = expectProblem(
        await h.post('/api/v1/states/NZL/instruments', { ...WITHDRAWAL, deposited: '1990-01-01' }, editor),
        422,
      );
      expect(early.errors?.[0]?.field).toMatch(/^body\./);
      expectProblem(await h.post('/api/v1/states/ZZZ/instruments', WITHDRAWAL, editor), 404);
      expect(await auditCount()).toBe(before);
    });
  });

  describe('accepted writes', () => {
    it("accepts an editor's instrument with the token, audits it, and the next read shows it", async () => {
      const editor = await h.signIn('admin');
      const url = '/api/v1/states/NZL?asOf=2026-10-01';
      const first = await h.get(url);
      expect(first.json()).toMatchObject({ withdrawal: { state: 'none' } });
      const response = await h.post('/api/v1/states/nzl/instruments', WITHDRAWAL, editor);
      expect(response.statusCode).toBe(201);
      const [audit] = await listRecentAudit(h.store, { entity: 'instrument', limit: 1 });
      expect(audit).toMatchObject({
        action: 'create',
        before: null,
        after: { iso3: 'NZL', kind: 'withdrawal', deposited: '2026-09-01' },
      });
      expect(typeof audit?.userId).toBe('number');
      // The engine was rebuilt at once, and the old ETag no longer matches.
      const next = await h.get(url, { 'if-none-match': String(first.headers.etag) });
      expect(next.statusCode).toBe(200);
      expect(next.json()).toMatchObject({
        withdrawal: { notified: '2026-09-01', effective: '2027-03-01', state: 'pending' },
      });
      const conflict = expectProblem(await h.post('/api/v1/states/NZL/instruments', WITHDRAWAL, editor), 409);
      expect(conflict.errors?.[0]?.field).toBe('body.kind');
    });

    it('accepts an extension decision and moves the Article 5 deadline', async () => {
      const editor = await h.signIn('admin');
      expect((await h.get('/api/v1/states/SEN?asOf=2026-01-01')).json()).toMatchObject({
        article5: { currentDeadline: '2026-03-01' },
      });
      const response = await h.post(
        '/api/v1/states/SEN/extensions',
        { granted: '2025-12-05', deadline: '2031-03-01', decidedAtMeeting: '22MSP', sources: ['S50'] },
        editor,
      );
      expect(response.statusCode).toBe(201);
      expect((await h.get('/api/v1/states/SEN?asOf=2026-01-01')).json()).toMatchObject({
        article5: { currentDeadline: '2031-03-01' },
      });
      const [audit] = await listRecentAudit(h.store, { entity: 'extension_decision', limit: 1 });
      expect(audit).toMatchObject({ before: null, after: { iso3: 'SEN', deadline: '2031-03-01' } });
    });

    it('accepts a source and a figure citing it, each audited and shown by the next read', async () => {
      const admin = await h.signIn('admin');
      const sources = await h.get('/api/v1/sources');
      expect((await h.post('/api/v1/sources', NEW_SOURCE, admin)).statusCode).toBe(201);
      expect((await h.get('/api/v1/sources/S990')).json()).toMatchObject({
        id: 'S990',
        title: 'Landmine Monitor 2026',
      });
      expect((await h.get('/api/v1/sources', { 'if-none-match': String(sources.headers.etag) })).statusCode).toBe(200);
      expectProblem(await h.post('/api/v1/sources', NEW_SOURCE, admin), 409);

      expect((await h.post('/api/v1/figures', NEW_FIGURE, admin)).statusCode).toBe(201);
      const figures = (await h.get('/api/v1/figures?indicator=casualties_mines_erw&scope=global&asOf=2026-12-01')).json<
        { period: string; value: number; source: { id: string } }[]
      >();
      expect(figures.find((f) => f.period === '2025')).toMatchObject({ value: 6279, source: { id: 'S990' } });
      expect(
        (await h.get('/api/v1/figures?indicator=casualties_mines_erw&asOf=2026-11-01'))
          .json<{ period: string }[]>()
          .some((f) => f.period === '2025'),
      ).toBe(false);
      const audited = (await listRecentAudit(h.store, { limit: 3 }))
        .filter((e) => e.entity !== 'user')
        .map((e) => e.entity)
        .sort();
      expect(audited).toEqual(['reported_figure', 'source']);
    });

    it('refuses a figure citing no stored source, and keeps nothing', async () => {
      const before = await auditCount();
      const body = expectProblem(
        await h.post('/api/v1/figures', { ...NEW_FIGURE, source: 'S404' }, await h.signIn('admin')),
        422,
      );
      expect(body.errors?.[0]?.field).toBe('body.source');
      expect(await auditCount()).toBe(before);
    });
  });
});
