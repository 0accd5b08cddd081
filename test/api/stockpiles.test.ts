// The stockpile routes on the real app, SQLite and PostgreSQL: the global view and a State's
// stockpile on a date, in the JSON shapes; ledger entries posted all or nothing.
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { expectProblem, useApp } from './harness.js';

forEachDatabase((database) => {
  describe('stockpiles API', () => {
    const h = useApp(database);

    it('answers the global view on 1 Mar 2018 from the sourced ledger', async () => {
      const response = await h.get('/api/v1/stockpiles?asOf=2018-03-01');
      expect(response.statusCode).toBe(200);
      const body = response.json<Record<string, unknown>>();
      expect(Object.keys(body)).toEqual([
        'asOf',
        'statesParties',
        'noStockpile',
        'completed',
        'holding',
        'missed',
        'unknown',
        'destroyedTotal',
        'reportedDestroyed',
      ]);
      expect(body).toMatchObject({
        asOf: '2018-03-01',
        statesParties: 164,
        // Sri Lanka (completed 2021) and Oman (September 2018) still held theirs.
        holding: ['GRC', 'LKA', 'OMN', 'UKR'],
        // The Monitor's FAQ of December 2017 (S32), public from the month's last day (issue 14's publication rule).
        reportedDestroyed: { value: 53_000_000, qualifier: 'more than', source: 'S32', published: '2017-12-31' },
        // With the Article 4 gaps pass (1 Dec 2026): ERI and HTI held none, CMR and COD completed in time,
        // MUS completed late (K396-K401); Cook Islands, Estonia, Iraq, Nigeria and Togo are still unknown.
        noStockpile: 66,
        completed: 87,
        unknown: 5,
      });
      for (const iso3 of ['AFG', 'BLR', 'GRC', 'TUR', 'UKR']) expect(body.missed).toContain(iso3);
      expect(body.destroyedTotal).toBeGreaterThan(5_000_000);
    });

    it("answers Belarus's stockpile in the issue's shape", async () => {
      const response = await h.get('/api/v1/states/blr/stockpiles?asOf=2026-01-01');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        iso3: 'BLR',
        asOf: '2026-01-01',
        deadline: '2008-03-01',
        state: 'missed',
        declared: { date: '2008-04-02', quantity: 3_400_000, source: 'S30' },
        destroyed: [{ date: '2017-04-05', quantity: 3_400_000, type: 'PFM-1', source: 'S31' }],
        remaining: 0,
        completed: '2017-04-05',
        foundAfterDeadline: [],
        retained: [{ year: 2010, held: 6030, consumed: 0 }],
      });
    });

    it("answers every State's Article 4 state and the destructions by year (the page's map and chart)", async () => {
      const response = await h.get('/api/v1/stockpiles/states?asOf=2018-03-01');
      expect(response.statusCode).toBe(200);
      const body = response.json<{
        states: { iso3: string; state: string | null; deadline: string | null }[];
        destroyedByYear: { year: number; quantity: number }[];
      }>();
      expect(body.states).toHaveLength(197);
      expect(body.states.filter((s) => s.state !== null)).toHaveLength(164);
      expect(body.states.find((s) => s.iso3 === 'GRC')).toMatchObject({ state: 'missed', deadline: '2008-03-01' });
      expect(body.states.find((s) => s.iso3 === 'USA')).toMatchObject({ state: null, deadline: null });
      const global = (await h.get('/api/v1/stockpiles?asOf=2018-03-01')).json<{ destroyedTotal: number }>();
      expect(body.destroyedByYear.reduce((sum, y) => sum + y.quantity, 0)).toBe(global.destroyedTotal);
    });

    it("says when a State's remaining stock only repeats a declaration", async () => {
      const greece = (await h.get('/api/v1/states/GRC/stockpiles?asOf=2018-03-01')).json<unknown>();
      expect(greece).toMatchObject({ remaining: 1_600_000, remainingAsDeclared: '2008-04-02' });
      const belarus = (await h.get('/api/v1/states/BLR/stockpiles?asOf=2026-01-01')).json<unknown>();
      expect(belarus).toMatchObject({ remaining: 0, remainingAsDeclared: null });
    });

    it('names a State that is not one of the 197 and a bad date', async () => {
      expectProblem(await h.get('/api/v1/states/XXX/stockpiles'), 404);
      const bad = expectProblem(await h.get('/api/v1/stockpiles?asOf=2018-02-30'), 400);
      expect(bad.errors?.[0]?.field).toContain('asOf');
    });

    it('refuses a write without an editor session and CSRF token', async () => {
      const entry = { kind: 'retained', year: 2011, held: 6000, sources: ['K1'] };
      expectProblem(await h.post('/api/v1/states/GRC/stockpiles', { entries: [entry] }), 401);
      const viewer = await h.signIn('viewer');
      expectProblem(await h.post('/api/v1/states/GRC/stockpiles', { entries: [entry] }, viewer), 403);
      const editor = await h.signIn('admin');
      expectProblem(
        await h.post('/api/v1/states/GRC/stockpiles', { entries: [entry] }, { cookie: editor.cookie }),
        403,
      );
    });

    it('adds entries, all or none, and the answer follows', async () => {
      const editor = await h.signIn('admin');
      const url = '/api/v1/states/GRC/stockpiles';
      const good = { kind: 'retained', year: 2011, held: 6000, consumed: 158, sources: ['K1'] };
      // An unknown mine type: refused by the schema, naming the field.
      const badType = expectProblem(
        await h.post(
          url,
          { entries: [good, { kind: 'declared', date: '2025', quantity: 5, type: 'XM-99', sources: ['S34'] }] },
          editor,
        ),
        400,
      );
      expect(badType.errors?.map((e) => e.field).join(' ')).toContain('entries.1.type');
      // More destroyed than held: refused by the ledger check, naming the entry; nothing written.
      const tooMany = expectProblem(
        await h.post(
          url,
          { entries: [good, { kind: 'destroyed', date: '2025-01', quantity: 400_000, sources: ['S34'] }] },
          editor,
        ),
        422,
      );
      expect(tooMany.errors?.[0]?.field).toBe('body.entries[1].quantity');
      // After the as-of date of the write.
      const late = expectProblem(
        await h.post(
          url,
          { asOf: '2025-06-30', entries: [{ kind: 'destroyed', date: '2025-07', quantity: 1, sources: ['S34'] }] },
          editor,
        ),
        422,
      );
      expect(late.errors?.[0]?.field).toBe('body.entries[0].date');
      expect((await h.get('/api/v1/states/GRC/stockpiles/ledger')).json<unknown[]>()).toHaveLength(4);

      const created = await h.post(
        url,
        { entries: [good, { kind: 'destroyed', date: '2025-01', quantity: 25_413, sources: ['S34'] }] },
        editor,
      );
      expect(created.statusCode).toBe(201);
      expect(created.json<unknown[]>()).toHaveLength(2);
      const after = (await h.get('/api/v1/states/GRC/stockpiles?asOf=2025-02-01')).json<{
        remaining: number;
        retained: unknown[];
      }>();
      expect(after.remaining).toBe(300_000);
      expect(after.retained).toHaveLength(2);
    });

    it("moves the States' Article 4 marks: the treaty engine reads the same ledger", async () => {
      // Togo (deadline 1 Sep 2004): no ledger entry says whether it met its deadline.
      const mark = async () =>
        (await h.get('/api/v1/states/TGO?asOf=2026-11-30')).json<{
          article4: { state: string; completed: string | null };
        }>().article4;
      expect(await mark()).toMatchObject({ state: 'unknown', completed: null });
      const editor = await h.signIn('admin');
      const entry = { kind: 'completed', date: '2004-06', sources: ['S34'], notes: 'a test entry' };
      expect((await h.post('/api/v1/states/TGO/stockpiles', { entries: [entry] }, editor)).statusCode).toBe(201);
      expect(await mark()).toEqual({ deadline: '2004-09-01', completed: '2004-06', missed: false, state: 'met' });
      const list = (await h.get('/api/v1/deadlines/4?asOf=2026-11-30')).json<{ iso3: string; state: string }[]>();
      expect(list.find((e) => e.iso3 === 'TGO')?.state).toBe('met');
    });

    it('is in the OpenAPI document', async () => {
      const doc = (await h.get('/api/v1/openapi.json')).json<{ paths: Record<string, unknown> }>();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/v1/stockpiles', '/api/v1/states/{iso3}/stockpiles']),
      );
    });
  });
});
