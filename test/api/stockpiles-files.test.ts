// A State's stockpile ledger as a file through the API, SQLite and PostgreSQL: export (CSV, XLSX)
// then import gives the same ledger; every bad row named by file, sheet, row and column, nothing written.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { type Harness, type SignedIn, expectProblem, useApp } from './harness.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER =
  'iso3,kind,date,from,year,quantity,qualifier,type,method,place,recipient,destroyed,met,held,consumed,purpose,sources,notes';
const DECLARED = 'GRC,declared,2008-04-02,,,1600000,about,unspecified,,,,,,,,,S30,declared';

function upload(h: Harness, iso3: string, body: Buffer | string, type: string, auth?: SignedIn, query = '') {
  const headers: Record<string, string> = { 'content-type': type };
  if (auth) {
    headers.cookie = auth.cookie;
    headers['x-csrf-token'] = auth.csrfToken;
  }
  return h.app.inject({
    method: 'POST',
    url: `/api/v1/states/${iso3}/stockpiles/import${query}`,
    payload: body,
    headers,
  });
}

const withoutIds = (entries: { id: number }[]) => entries.map(({ id: _, ...e }) => e);

forEachDatabase((database) => {
  describe('stockpile ledger files', () => {
    const h = useApp(database);
    // One sign-in per role for the whole file (sign-ins are rate limited).
    let editorSession: SignedIn | null = null;
    const signInEditor = async (): Promise<SignedIn> => (editorSession ??= await h.signIn('admin'));
    const ledger = async (iso3: string) =>
      (await h.get(`/api/v1/states/${iso3}/stockpiles/ledger`)).json<{ id: number }[]>();

    it('exports a ledger as CSV and XLSX, and imports each back to the same ledger', async () => {
      const editor = await signInEditor();
      for (const iso3 of ['UKR', 'BLR', 'GRC']) {
        const before = withoutIds(await ledger(iso3));
        expect(before.length).toBeGreaterThan(0);
        const csv = await h.get(`/api/v1/states/${iso3}/stockpiles/export?format=csv`);
        expect(csv.statusCode).toBe(200);
        expect(csv.headers['content-type']).toContain('text/csv');
        expect(csv.body.split('\n')[0]).toBe(HEADER);
        const back = await upload(h, iso3, csv.rawPayload, 'text/csv', editor);
        expect(back.statusCode).toBe(201);
        expect(back.json()).toMatchObject({ iso3, entries: before.length, replaced: before.length });
        expect(withoutIds(await ledger(iso3))).toEqual(before);

        const xlsx = await h.get(`/api/v1/states/${iso3}/stockpiles/export?format=xlsx`);
        expect(xlsx.statusCode).toBe(200);
        expect(xlsx.headers['content-type']).toBe(XLSX);
        expect(xlsx.headers['content-disposition']).toContain(`${iso3}-stockpiles.xlsx`);
        const again = await upload(h, iso3, xlsx.rawPayload, XLSX, editor);
        expect(again.statusCode).toBe(201);
        expect(withoutIds(await ledger(iso3))).toEqual(before);
      }
    });

    it('refuses an upload without an editor session and CSRF token, before reading it', async () => {
      expectProblem(await upload(h, 'GRC', `${HEADER}\n${DECLARED}\n`, 'text/csv'), 401);
      const viewer = await h.signIn('viewer');
      expectProblem(await upload(h, 'GRC', `${HEADER}\n${DECLARED}\n`, 'text/csv', viewer), 403);
      const editor = await signInEditor();
      expectProblem(await upload(h, 'GRC', 'x', 'application/pdf', editor), 415);
    });

    // The bad input: each row named by line and column, and nothing written.
    it.each([
      [
        'a negative quantity',
        'GRC,destroyed,2010-01,,,-5,exact,unspecified,,,,,,,,,S30,x',
        'line 3, column 6 (quantity)',
      ],
      [
        'a quantity not whole',
        'GRC,destroyed,2010-01,,,1.5,exact,unspecified,,,,,,,,,S30,x',
        'line 3, column 6 (quantity)',
      ],
      [
        'a destruction before the declaration',
        'GRC,destroyed,2007-01,,,10,exact,unspecified,,,,,,,,,S30,x',
        'line 3, column 3 (date)',
      ],
      [
        'a destruction after the as-of date',
        'GRC,destroyed,2020-02,,,10,exact,unspecified,,,,,,,,,S30,x',
        'line 3, column 3 (date)',
      ],
      [
        'an entry when the State was not a party',
        'GRC,declared,2003-05-01,,,10,exact,unspecified,,,,,,,,,S30,x',
        'line 3, column 3 (date)',
      ],
      [
        'a retained count with no year',
        'GRC,retained,,,,,exact,,,,,,,6158,,unspecified,K1,x',
        'line 3, column 5 (year)',
      ],
      ['an unknown mine type', 'GRC,declared,2009-01,,,10,exact,XM-99,,,,,,,,,S30,x', 'line 3, column 8 (type)'],
      [
        'an entry of another State',
        'BLR,declared,2009-01,,,10,exact,unspecified,,,,,,,,,S30,x',
        'line 3, column 1 (iso3)',
      ],
      [
        'an unknown source',
        'GRC,declared,2009-01,,,10,exact,unspecified,,,,,,,,,S9999,x',
        'line 3, column 17 (sources)',
      ],
    ])('refuses %s', async (_what, row, where) => {
      const editor = await signInEditor();
      const before = await ledger('GRC');
      const problem = expectProblem(
        await upload(h, 'GRC', `${HEADER}\n${DECLARED}\n${row}\n`, 'text/csv', editor, '?asOf=2020-01-01&file=grc.csv'),
        422,
      );
      expect(problem.detail).toContain('grc.csv: nothing imported');
      expect(problem.errors?.map((e) => e.field)).toEqual([`body (grc.csv, ${where})`]);
      expect(await ledger('GRC')).toEqual(before);
    });

    it('names the sheet, row and column of a bad cell in a spreadsheet', async () => {
      const editor = await signInEditor();
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Ledger');
      sheet.addRow(HEADER.split(','));
      sheet.addRow(DECLARED.split(','));
      sheet.addRow([
        'GRC',
        'destroyed',
        '2010-01',
        '',
        '',
        -5,
        'exact',
        'unspecified',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'S30',
        'x',
      ]);
      const bytes = Buffer.from(await book.xlsx.writeBuffer());
      const problem = expectProblem(await upload(h, 'GRC', bytes, XLSX, editor, '?file=grc.xlsx'), 422);
      expect(problem.errors?.map((e) => e.field)).toEqual([
        'body (grc.xlsx, sheet "Ledger", row 3, column F (quantity))',
      ]);
      const broken = expectProblem(await upload(h, 'GRC', Buffer.from('not a zip'), XLSX, editor), 422);
      expect(broken.errors?.[0]?.expected).toContain('XLSX workbook');
    });

    it('is in the OpenAPI document', async () => {
      const doc = (await h.get('/api/v1/openapi.json')).json<{ paths: Record<string, unknown> }>();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/v1/states/{iso3}/stockpiles/import', '/api/v1/states/{iso3}/stockpiles/export']),
      );
    });
  });
});
