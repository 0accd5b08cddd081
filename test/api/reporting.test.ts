// The Article 7 report routes on the real app, SQLite and PostgreSQL: every State's reports on a
// date and one State's, with their marks; an editor records a submission, checked and audited.
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { expectProblem, useApp } from './harness.js';

interface Line {
  report: string | number;
  due: string | null;
  received: string | null;
  mark: string;
  sources: string[];
}
interface StateReports {
  iso3: string;
  entryIntoForce: string | null;
  reports: Line[];
}
interface Rate {
  covers: number;
  required: number;
  onTime: number;
  overdue: number;
  notRecorded: number;
  shareOnTime: number | null;
}

forEachDatabase((database) => {
  describe('reports API', () => {
    const h = useApp(database);

    it("answers a State's reports on the day before and after its deadline", async () => {
      const before = await h.get('/api/v1/states/lka/reports?asOf=2018-11-28');
      expect(before.statusCode).toBe(200);
      expect(before.json<StateReports>()).toMatchObject({
        iso3: 'LKA',
        entryIntoForce: '2018-06-01',
        reports: [{ report: 'initial', due: '2018-11-28', received: null, mark: 'due' }],
      });
      const after = await h.get('/api/v1/states/LKA/reports?asOf=2018-11-29');
      expect(after.json<StateReports>().reports[0]).toMatchObject({
        received: '2018-11-29',
        mark: 'late',
        sources: ['S39'],
      });
    });

    it('answers every bound State with the counts of each 30 April', async () => {
      const response = await h.get('/api/v1/reports?asOf=2015-07-01');
      expect(response.statusCode).toBe(200);
      const body = response.json<{ asOf: string; states: StateReports[]; annual: Rate[] }>();
      expect(body.asOf).toBe('2015-07-01');
      const tuvalu = body.states.find((s) => s.iso3 === 'TUV');
      expect(tuvalu?.reports[0]).toMatchObject({ report: 'initial', due: '2012-08-28', mark: 'overdue' });
      const angola = body.states.find((s) => s.iso3 === 'AGO');
      expect(angola?.reports.find((l) => l.report === 2014)).toMatchObject({ due: '2015-04-30', mark: 'overdue' });
      // Oman's initial report is due 31 July 2015: still due.
      expect(body.states.find((s) => s.iso3 === 'OMN')?.reports[0]).toMatchObject({ mark: 'due' });
      // Not a State Party on that day: Sri Lanka.
      expect(body.states.some((s) => s.iso3 === 'LKA')).toBe(false);
      const y2014 = body.annual.find((a) => a.covers === 2014);
      expect(y2014).toMatchObject({ overdue: 81, shareOnTime: null });
      expect(y2014?.notRecorded).toBeGreaterThan(0);
      expect(body.annual[0]?.covers).toBe(2014);
      // The counts alone, as the dashboard reads them: the same, newest first.
      const annual = await h.get('/api/v1/reports/annual?asOf=2015-07-01');
      expect(annual.statusCode).toBe(200);
      expect(annual.json<Rate[]>()).toEqual(body.annual);
      // On 30 April itself the day has not passed (a report may still arrive): 2014's counts from 1 May.
      const onTheDay = (await h.get('/api/v1/reports/annual?asOf=2015-04-30')).json<Rate[]>();
      expect(onTheDay[0]?.covers).toBe(2013);
      expect((await h.get('/api/v1/reports/annual?asOf=2015-05-01')).json<Rate[]>()[0]?.covers).toBe(2014);
      expectProblem(await h.get('/api/v1/reports/annual?asOf=2015-02-30'), 400);
    });

    it('names a State that is not one of the 197 and a bad date', async () => {
      expectProblem(await h.get('/api/v1/states/XXX/reports'), 404);
      const bad = expectProblem(await h.get('/api/v1/reports?asOf=2019-02-29'), 400);
      expect(bad.errors?.[0]?.field).toContain('asOf');
    });

    it('refuses a write without an editor session and CSRF token', async () => {
      const body = { report: 2018, received: '2019-04-30', sources: ['S39'] };
      expectProblem(await h.post('/api/v1/states/LKA/reports', body), 401);
      const viewer = await h.signIn('viewer');
      expectProblem(await h.post('/api/v1/states/LKA/reports', body, viewer), 403);
      const editor = await h.signIn('admin');
      expectProblem(await h.post('/api/v1/states/LKA/reports', body, { cookie: editor.cookie }), 403);
    });

    it('records a submission once, refuses what contradicts the record, and the answer follows', async () => {
      const editor = await h.signIn('admin');
      const url = '/api/v1/states/LKA/reports';
      const good = { report: 2018, received: '2019-04-30', language: 'en', sources: ['S39'], asOf: '2019-06-01' };
      // A year before entry into force (1 June 2018).
      const early = expectProblem(await h.post(url, { ...good, report: 2017 }, editor), 422);
      expect(early.detail).toMatch(/report.*2018/);
      // Both a day received and a statement that it was not.
      expectProblem(await h.post(url, { ...good, notReceivedOn: '2019-05-02' }, editor), 422);
      // A day after the write's as-of date.
      expectProblem(await h.post(url, { ...good, received: '2019-06-02' }, editor), 422);
      // Received before the year it covers ended.
      expectProblem(await h.post(url, { ...good, received: '2018-12-31' }, editor), 422);
      // An unknown source; an unknown field.
      expectProblem(await h.post(url, { ...good, sources: ['S99999'] }, editor), 422);
      expectProblem(await h.post(url, { ...good, recieved: '2019-04-30' }, editor), 400);

      const created = await h.post(url, good, editor);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ iso3: 'LKA', report: 2018, received: '2019-04-30', language: 'en' });
      const duplicate = expectProblem(await h.post(url, { ...good, received: '2019-05-03' }, editor), 409);
      expect(duplicate.detail).toContain('one submission per State and report');

      const reports = (await h.get('/api/v1/states/LKA/reports?asOf=2019-06-01')).json<StateReports>().reports;
      expect(reports.map((l) => [l.report, l.mark])).toEqual([
        ['initial', 'late'],
        [2018, 'on-time'],
      ]);
      const audit = await h.store.db
        .selectFrom('audit_log')
        .select(['entity', 'entity_id', 'user_id'])
        .where('entity', '=', 'article7-report')
        .execute();
      expect(audit).toEqual([expect.objectContaining({ entity: 'article7-report', entity_id: 'LKA' })]);
    });

    it('records a statement that a report had not been received, which makes it overdue', async () => {
      const editor = await h.signIn('admin');
      const url = '/api/v1/states/PSE/reports';
      const statement = { report: 2018, notReceivedOn: '2019-06-18', sources: ['R1'], asOf: '2019-07-01' };
      // A statement about a year not yet over on that day says nothing.
      expectProblem(await h.post(url, { ...statement, report: 2019 }, editor), 422);
      expect((await h.post(url, statement, editor)).statusCode).toBe(201);
      // A second statement is another fact, not a duplicate.
      expect((await h.post(url, { ...statement, notReceivedOn: '2019-06-20' }, editor)).statusCode).toBe(201);
      const line = (await h.get('/api/v1/states/PSE/reports?asOf=2019-07-01'))
        .json<StateReports>()
        .reports.find((l) => l.report === 2018);
      expect(line).toMatchObject({ mark: 'overdue', notReceivedOn: '2019-06-20' });
      // A submission received before the day a source says none was: refused.
      const contradiction = expectProblem(
        await h.post(url, { report: 2018, received: '2019-06-01', sources: ['S39'], asOf: '2019-07-01' }, editor),
        422,
      );
      expect(contradiction.detail).toContain('received');
    });
  });
});
