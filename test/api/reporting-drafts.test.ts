// Drafts of Article 7 reports on the real app, SQLite and PostgreSQL: Forms A–J drafted from the
// stored records, edited by the State's editor, submitted (audited) and then frozen; the next
// year's draft lists what changed since.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XLSX_CONTENT_TYPE } from '../../src/reporting/documents/xlsx-layout.js';
import type { ReportDraft } from '../../src/reporting/model.js';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { type Harness, type SignedIn, expectProblem, useApp } from './harness.js';

const patch = (h: Harness, url: string, payload: unknown, auth?: SignedIn) =>
  h.app.inject({
    method: 'PATCH',
    url,
    payload: payload as object,
    headers: auth ? { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken } : {},
  });
const putXlsx = (h: Harness, url: string, bytes: Buffer, auth?: SignedIn) =>
  h.app.inject({
    method: 'PUT',
    url,
    payload: bytes,
    headers: {
      'content-type': XLSX_CONTENT_TYPE,
      ...(auth ? { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken } : {}),
    },
  });
const cellOf = (d: ReportDraft, form: string, row: string, column: string) =>
  d.forms.find((f) => f.form === form)?.rows.find((r) => r.key === row)?.cells[column];

forEachDatabase((database) => {
  describe('report drafts API', () => {
    const h = useApp(database);

    it('drafts a year from the stockpile ledger, citing the entries and their sources', async () => {
      const response = await h.get('/api/v1/states/blr/reports/2017/draft?asOf=2018-03-01');
      expect(response.statusCode).toBe(200);
      const draft = response.json<ReportDraft>();
      expect(draft).toMatchObject({ iso3: 'BLR', report: 2017, from: '2017-01-01', to: '2017-12-31', status: 'draft' });
      expect(draft.forms.map((f) => f.form)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
      expect(cellOf(draft, 'G', 'article4:PFM-1', 'quantity')).toMatchObject({
        value: 3400000,
        origin: 'from-data',
        sources: ['S31'],
      });
      expect(cellOf(draft, 'G', 'article4:PFM-1', 'quantity')?.records[0]?.kind).toBe('stockpile-entry');
      expect(cellOf(draft, 'B', 'total', 'quantity')).toMatchObject({ value: 0, origin: 'from-data' });
      expect(cellOf(draft, 'F', 'article4', 'status')?.value).toBe('completed');
      expect(cellOf(draft, 'A', 'measures', 'reference')).toMatchObject({ origin: 'to-complete', value: null });
      expect(cellOf(draft, 'A', 'measures', 'reference')?.why).toMatch(/^common:article7\.why\./);
      // The year before: nothing destroyed in 2016, Form G is to complete.
      const before = (await h.get('/api/v1/states/BLR/reports/2016/draft')).json<ReportDraft>();
      expect(before.forms.find((f) => f.form === 'G')?.rows.map((r) => r.key)).toEqual(['destroyed']);
    });

    it('answers 404 for a year not over, a year before entry into force, and an unknown State', async () => {
      expectProblem(await h.get('/api/v1/states/BLR/reports/2017/draft?asOf=2017-12-31'), 404);
      const early = expectProblem(await h.get('/api/v1/states/BLR/reports/2002/draft?asOf=2018-03-01'), 404);
      expect(early.detail).toContain('2004');
      expectProblem(await h.get('/api/v1/states/XXX/reports/2017/draft'), 404);
      expectProblem(await h.get('/api/v1/states/BLR/reports/17/draft'), 400);
    });

    it('edits a draft, names a cell that does not exist, then submits it and freezes it', async () => {
      const url = '/api/v1/states/KHM/reports/2019/draft';
      const edit = { edits: [{ form: 'A', row: 'measures', column: 'reference', value: 'Law of 28 May 1999' }] };
      expectProblem(await patch(h, url, edit), 401);
      const viewer = await h.signIn('viewer');
      expectProblem(await patch(h, url, edit, viewer), 403);
      const otherState = await h.signIn('editor');
      expectProblem(await patch(h, '/api/v1/states/THA/reports/2019/draft', edit, otherState), 403);

      const editor = await h.signIn('editor');
      const badForm = expectProblem(await patch(h, url, { edits: [{ ...edit.edits[0], form: 'K' }] }, editor), 422);
      expect(badForm.detail).toContain('edits[0].form');
      const badRow = expectProblem(await patch(h, url, { edits: [{ ...edit.edits[0], row: 'laws' }] }, editor), 422);
      expect(badRow.detail).toContain('edits[0].row');
      expect(badRow.detail).toContain('measures');
      const badColumn = expectProblem(
        await patch(h, url, { edits: [{ ...edit.edits[0], column: 'colour' }] }, editor),
        422,
      );
      expect(badColumn.detail).toContain('edits[0].column');

      const edited = await patch(h, url, edit, editor);
      expect(edited.statusCode).toBe(200);
      expect(cellOf(edited.json<ReportDraft>(), 'A', 'measures', 'reference')).toMatchObject({
        value: 'Law of 28 May 1999',
        origin: 'edited',
        drafted: null,
      });
      // Read back, then cleared with null, then set again.
      const read = (await h.get(url)).json<ReportDraft>();
      expect(cellOf(read, 'A', 'measures', 'reference')?.origin).toBe('edited');
      const cleared = await patch(h, url, { edits: [{ ...edit.edits[0], value: null }] }, editor);
      expect(cellOf(cleared.json<ReportDraft>(), 'A', 'measures', 'reference')?.origin).toBe('to-complete');
      expect((await patch(h, url, edit, editor)).statusCode).toBe(200);

      const submitted = await h.post(`${url}/submit`, { asOf: '2020-04-20' }, editor);
      expect(submitted.statusCode).toBe(201);
      expect(submitted.json<ReportDraft>()).toMatchObject({ status: 'submitted', submittedOn: '2020-04-20' });
      const frozen = expectProblem(await patch(h, url, edit, editor), 409);
      expect(frozen.detail).toContain('submitted on 2020-04-20');
      expectProblem(await h.post(`${url}/submit`, {}, editor), 409);
      const after = (await h.get(url)).json<ReportDraft>();
      expect(after).toMatchObject({ status: 'submitted', submittedOn: '2020-04-20' });
      expect(cellOf(after, 'A', 'measures', 'reference')?.value).toBe('Law of 28 May 1999');

      // The next year's draft compares with it: the edited reference is not in the new draft.
      const next = (await h.get('/api/v1/states/KHM/reports/2020/draft?asOf=2021-03-01')).json<ReportDraft>();
      expect(next.previous).toBe(2019);
      expect(next.changes).toContainEqual({
        form: 'A',
        row: 'measures',
        column: 'reference',
        before: 'Law of 28 May 1999',
        after: null,
      });
      expect(next.forms.find((f) => f.form === 'A')?.changed).toBe(true);

      const audit = await h.store.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('entity', '=', 'article7-draft')
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { action: 'create', entity_id: 'KHM/2019' },
        { action: 'update', entity_id: 'KHM/2019' },
        { action: 'update', entity_id: 'KHM/2019' },
        { action: 'update', entity_id: 'KHM/2019' },
      ]);
    });

    it('gives the draft as a PDF and a workbook, and takes the workbook back with its edits, all or nothing', async () => {
      const url = '/api/v1/states/BLR/reports/2017/draft';
      const pdf = await h.get(`${url}.pdf?asOf=2018-03-01`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toContain('minefree-BLR-2017-draft.pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expectProblem(await h.get('/api/v1/states/BLR/reports/2002/draft.pdf?asOf=2018-03-01'), 404);

      const xlsx = await h.get(`${url}.xlsx?asOf=2018-03-01`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual([
        'Cover',
        ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((f) => `Form ${f}`),
      ]);
      // The State completes Form A's reference in the workbook and sends it back.
      const formA = book.getWorksheet('Form A');
      if (formA === undefined) throw new Error('no sheet Form A');
      const headings = (formA.getRow(1).values as unknown[]).map(String);
      const row = formA.getRow(2);
      expect(row.getCell(1).value).toBe('measures');
      row.getCell(headings.indexOf('Reference')).value = 'Law of 28 May 1999';
      const edited = Buffer.from(await book.xlsx.writeBuffer());

      const target = `${url}.xlsx?asOf=2018-03-01`;
      expectProblem(await putXlsx(h, target, edited), 401);
      const editor = await h.signIn('editor');
      expectProblem(await putXlsx(h, target, edited, editor), 403);
      const admin = await h.signIn('admin');
      const bad = expectProblem(await putXlsx(h, target, Buffer.from('not a workbook'), admin), 422);
      expect(bad.detail).toMatch(/XLSX|workbook/i);
      // A row the draft does not have: refused, naming sheet and cell, and nothing is written.
      row.getCell(1).value = 'laws';
      const wrongRow = expectProblem(await putXlsx(h, target, Buffer.from(await book.xlsx.writeBuffer()), admin), 422);
      expect(wrongRow.detail).toContain('Form A!A2');
      expect(
        cellOf((await h.get(`${url}?asOf=2018-03-01`)).json<ReportDraft>(), 'A', 'measures', 'reference')?.origin,
      ).toBe('to-complete');
      const taken = await putXlsx(h, target, edited, admin);
      expect(taken.statusCode).toBe(200);
      expect(cellOf(taken.json<ReportDraft>(), 'A', 'measures', 'reference')).toMatchObject({
        value: 'Law of 28 May 1999',
        origin: 'edited',
      });
    });
  });
});
