// The Article 5 workflow through the HTTP API: who may write, problems naming the field, a grant
// moving the engine's deadline, and the workflow read back on a date. Real app, both databases.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDate } from '../../src/core/date.js';
import type { ClearanceRecords } from '../../src/clearance/model.js';
import { saveClearanceRecords } from '../../src/clearance/store.js';
import { hazardArea, release } from '../../src/clearance/test-records.js';
import { SYSTEM, listRecentAudit } from '../../src/store/audit.js';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { expectProblem, useApp } from './harness.js';

/** Senegal's deadline is 1 Mar 2026; its one area of 10,000 m² loses 2,000 m² in 2024 and 3,000 m² in 2026. */
const SEN_RECORDS: ClearanceRecords = {
  areas: [{ ...hazardArea('SEN-A', '2020-01-01', 10_000, { synthetic: false }), iso3: 'SEN' }],
  revisions: [],
  activities: [
    {
      id: 'SEN-A-CLR',
      hazardAreaId: 'SEN-A',
      kind: 'clearance',
      organisation: 'CNAMS',
      start: parseDate('2020-01-01'),
      end: null,
    },
  ],
  releases: [
    { ...release('SEN-A-R1', 'SEN-A', '2024-06-01', 2_000), activityId: 'SEN-A-CLR' },
    { ...release('SEN-A-R2', 'SEN-A', '2026-05-01', 3_000), activityId: 'SEN-A-CLR' },
  ],
  devices: [],
};

const REQUEST = {
  submitted: '2025-03-31',
  requestedDeadline: '2036-03-01',
  remainingAreaM2: 8_000,
  budgetUsd: 1_000_000,
  workPlan: [
    { year: 2026, plannedReleaseM2: 4_000 },
    { year: 2027, plannedReleaseM2: 4_000 },
  ],
  sourceId: 'S210',
};
const GRANT = { granted: true, date: '2025-12-05', meeting: '22MSP', newDeadline: '2031-03-01' };
const URL = '/api/v1/states/SEN/article5';

forEachDatabase((database) => {
  const h = useApp(database);
  const auditCount = async (): Promise<number> =>
    (await listRecentAudit(h.store, { limit: 10_000 })).filter((e) => e.entity !== 'user').length;
  beforeAll(async () => {
    await saveClearanceRecords(h.store, 'SEN', SEN_RECORDS, SYSTEM);
  });

  describe('who may write', () => {
    it('refuses anonymous writes with 401 and a viewer with 403', async () => {
      const viewer = await h.signIn('viewer');
      for (const [url, body] of [
        [`${URL}/requests`, REQUEST],
        [`${URL}/requests/1/decision`, GRANT],
        [`${URL}/completion`, { declaredOn: '2030-01-01' }],
      ] as const) {
        expectProblem(await h.post(url, body), 401);
        expectProblem(await h.post(url, body, viewer), 403);
      }
    });
  });

  describe('validation', () => {
    it('refuses a malformed body naming every field, and writes nothing', async () => {
      const editor = await h.signIn('admin');
      const before = await auditCount();
      const body = expectProblem(
        await h.post(
          `${URL}/requests`,
          {
            ...REQUEST,
            submitted: '2025-02-30',
            remainingAreaM2: -5,
            workPlan: [{ year: 2026.5, plannedReleaseM2: 1 }],
          },
          editor,
        ),
        400,
      );
      expect(body.errors?.map((e) => e.field).sort()).toEqual([
        'body.remainingAreaM2',
        'body.submitted',
        'body.workPlan.0.year',
      ]);
      expect(body.errors?.find((e) => e.field === 'body.submitted')?.expected).toBe(
        'a day between 01 and 28 for 2025-02',
      );
      expectProblem(await h.post(`${URL}/requests/x/decision`, GRANT, editor), 400);
      expect(await auditCount()).toBe(before);
    });

    it('refuses ten years and one day with a 422 naming the field, and an unknown State with a 404', async () => {
      const editor = await h.signIn('admin');
      const before = await auditCount();
      const body = expectProblem(
        await h.post(`${URL}/requests`, { ...REQUEST, requestedDeadline: '2036-03-02' }, editor),
        422,
      );
      expect(body.errors).toEqual([
        {
          field: 'body.requestedDeadline',
          expected: 'a date no later than 2036-03-01: an extension is for at most 10 years (Art. 5.3)',
        },
      ]);
      expectProblem(await h.post('/api/v1/states/ZZZ/article5/requests', REQUEST, editor), 404);
      expect((await h.get(`${URL}?asOf=2027-06-30`)).json()).toMatchObject({ requests: [] });
      expect(await auditCount()).toBe(before);
    });
  });

  describe('the workflow', () => {
    let id = 0;

    it('records a request (201) with its analysis and warnings, audited under the user', async () => {
      const response = await h.post(`${URL}/requests`, REQUEST, await h.signIn('admin'));
      expect(response.statusCode).toBe(201);
      const answer = response.json<{ request: { id: number }; analysis: unknown; warnings: string[] }>();
      id = answer.request.id;
      expect(answer.analysis).toEqual({
        currentDeadline: '2026-03-01',
        latestAllowedDeadline: '2036-03-01',
        remaining: { statedM2: 8_000, computedM2: 8_000, differenceM2: 0 },
        plannedTotalM2: 8_000,
      });
      expect(answer.warnings).toEqual([]);
      const [audit] = await listRecentAudit(h.store, { entity: 'extension_request', limit: 1 });
      expect(audit).toMatchObject({ action: 'create', entityId: String(id) });
      expect(typeof audit?.userId).toBe('number');
    });

    it('grants it (201), and the State page shows the new deadline at once', async () => {
      const editor = await h.signIn('admin');
      const state = await h.get('/api/v1/states/SEN?asOf=2026-01-01');
      expect(state.json()).toMatchObject({ article5: { currentDeadline: '2026-03-01' } });
      expect(expectProblem(await h.post(`${URL}/requests/99999/decision`, GRANT, editor), 404).errors?.[0]?.field).toBe(
        'path.id',
      );
      const tooLate = expectProblem(
        await h.post(`${URL}/requests/${id}/decision`, { ...GRANT, newDeadline: '2036-03-02' }, editor),
        422,
      );
      expect(tooLate.errors?.[0]?.field).toBe('body.newDeadline');
      const response = await h.post(`${URL}/requests/${id}/decision`, GRANT, editor);
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        deadline: { before: '2026-03-01', after: '2031-03-01' },
        extensionDecision: { deadline: '2031-03-01', sources: ['S210'] },
      });
      const next = await h.get('/api/v1/states/SEN?asOf=2026-01-01', { 'if-none-match': String(state.headers.etag) });
      expect(next.statusCode).toBe(200);
      expect(next.json()).toMatchObject({ article5: { currentDeadline: '2031-03-01' } });
      const again = expectProblem(
        await h.post(`${URL}/requests/${id}/decision`, { ...GRANT, granted: false, newDeadline: null }, editor),
        409,
      );
      expect(again.errors?.[0]?.field).toBe('path.id');
    });

    it('records a declaration of completion (201) with its warning', async () => {
      const response = await h.post(`${URL}/completion`, { declaredOn: '2027-01-15' }, await h.signIn('admin'));
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        declaration: { iso3: 'SEN', date: '2027-01-15' },
        warnings: ['the records show 5,000 m² remaining on 2027-01-15'],
      });
    });

    it('reads back the request, its decision and the plan against what was released', async () => {
      const response = await h.get(`${URL}?asOf=2027-06-30`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        iso3: 'SEN',
        asOf: '2027-06-30',
        originalDeadline: '2009-03-01',
        currentDeadline: '2031-03-01',
        requests: [
          { ...REQUEST, id, iso3: 'SEN', decision: { ...GRANT, extensionDecisionId: expect.any(Number) as number } },
        ],
        plan: {
          requestId: id,
          years: [
            { year: 2026, plannedM2: 4_000, releasedM2: 3_000, differenceM2: -1_000, complete: true },
            { year: 2027, plannedM2: 4_000, releasedM2: 0, differenceM2: -4_000, complete: false },
          ],
        },
        completion: {
          declarations: [{ id: expect.any(Number) as number, iso3: 'SEN', date: '2027-01-15', sourceId: null }],
          obligation: { state: 'completed', declared: '2027-01-15', reopenedBy: [], unflagged: [] },
        },
      });
      expect((await h.get(`${URL}?asOf=2025-12-01`)).json()).toMatchObject({
        currentDeadline: '2026-03-01',
        requests: [{ id, decision: null }],
      });
      expectProblem(await h.get('/api/v1/states/ZZZ/article5'), 404);
    });
  });
});
