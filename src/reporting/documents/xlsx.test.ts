// A report draft as XLSX and back: the workbook read with exceljs holds the cover, one sheet per
// form named as the UN template, cells to complete empty and marked; a workbook edited with
// exceljs reads back into exactly the edits made; a workbook that does not fit is refused whole,
// each problem naming its sheet and cell.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { t } from '../../i18n/index.js';
import { edited, testDraft, toComplete } from './test-draft.js';
import { reportDraftJson } from './json.js';
import { reportDraftXlsx } from './xlsx-export.js';
import { DraftImportError, readDraftXlsx } from './xlsx-import.js';
import { EDITED_FILL, TO_COMPLETE_FILL } from './xlsx-layout.js';

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const bytesOf = async (workbook: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer());

const noteText = (cell: ExcelJS.Cell): string => {
  const note = cell.note as unknown;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] } | undefined)?.texts ?? [];
  return texts.map((x) => x.text).join('');
};

const fillOf = (cell: ExcelJS.Cell): string | undefined =>
  cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;

async function problemsOf(bytes: Buffer): Promise<string[]> {
  try {
    await readDraftXlsx(bytes, testDraft(), 'khm-2025.xlsx');
  } catch (error) {
    if (error instanceof DraftImportError) return error.problems.map((p) => p.message);
    throw error;
  }
  return [];
}

describe('report draft as XLSX', () => {
  it('writes a cover and one sheet per form, with the headings, values and marks', async () => {
    const workbook = await workbookOf(await reportDraftXlsx(testDraft()));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Cover', 'Form A', 'Form C', 'Form J']);

    const cover = workbook.getWorksheet('Cover');
    const coverText = (cover?.getSheetValues() ?? []).flat().filter((v) => typeof v === 'string');
    expect(coverText).toContain('Cambodia (KHM)');
    expect(coverText).toContain('1 January 2025 to 31 December 2025');
    expect(coverText).toContain('15 March 2026');
    expect(coverText).toContain('not submitted');
    const formLines = (cover?.getSheetValues() ?? [])
      .filter(
        (row): row is ExcelJS.CellValue[] =>
          Array.isArray(row) && typeof row[1] === 'string' && /^Form [A-J]$/.test(row[1]),
      )
      .map((row) => [row[1], row[2]]);
    expect(formLines).toEqual([
      ['Form A', 'changed'],
      ['Form C', 'unchanged'],
      ['Form J', 'no previous report'],
    ]);

    const c = workbook.getWorksheet('Form C');
    if (c === undefined) throw new Error('no Form C');
    expect(c.getRow(1).values).toEqual([undefined, 'Row', 'Location', 'Type', 'Area', 'Emplaced', 'Sources']);
    expect(c.getCell('A2').value).toBe('KHM-0001');
    expect(c.getCell('B2').value).toBe('Province de Battambang, près de Pailin');
    expect(c.getCell('D2').value).toBe(12500);
    expect(noteText(c.getCell('B2'))).toContain('S01, S02');
    expect(noteText(c.getCell('B2'))).toContain('hazard-area KHM-0001');
    expect(c.getCell('F2').value).toBe('S01, S02');
    // To complete: empty, yellow, a note saying why (an unknown reason key falls back to the generic one).
    expect(c.getCell('E2').value).toBeNull();
    expect(fillOf(c.getCell('E2'))).toBe(TO_COMPLETE_FILL);
    expect(noteText(c.getCell('E2'))).toBe(t('reporting:cell.whyDefault'));
    // Edited: the person's value, blue, a note with what the data gave.
    expect(c.getCell('D3').value).toBe(800);
    expect(fillOf(c.getCell('D3'))).toBe(EDITED_FILL);
    expect(noteText(c.getCell('D3'))).toContain('750');
    expect(fillOf(c.getCell('B3'))).toBeUndefined();
  });

  it('reads an unchanged export back as no edits', async () => {
    expect(await readDraftXlsx(await reportDraftXlsx(testDraft()), testDraft())).toEqual([]);
  });

  it('reads back exactly the cells edited with exceljs', async () => {
    const workbook = await workbookOf(await reportDraftXlsx(testDraft()));
    const c = workbook.getWorksheet('Form C');
    const a = workbook.getWorksheet('Form A');
    const j = workbook.getWorksheet('Form J');
    if (c === undefined || a === undefined || j === undefined) throw new Error('sheet missing');
    c.getCell('C3').value = 'M14 (mine à pression)'; // a cell to complete, filled
    c.getCell('E3').value = 1998; // a column with no type in the draft: kept as the number written
    c.getCell('D3').value = '1 250'; // a number typed as text with a space
    c.getCell('B3').value = 'Banteay Meanchey'; // same as the draft: no edit
    a.getCell('C2').value = '12 mai 1998';
    a.getCell('B2').value = 'Loi n° 98-12 relative à l’interdiction des mines antipersonnel'; // an edited cell, edited again
    const edits = await readDraftXlsx(await bytesOf(workbook), testDraft());
    expect(edits).toEqual([
      {
        form: 'A',
        row: 'loi-1998',
        column: 'measure',
        value: 'Loi n° 98-12 relative à l’interdiction des mines antipersonnel',
      },
      { form: 'A', row: 'loi-1998', column: 'adopted', value: '12 mai 1998' },
      { form: 'C', row: 'KHM-0002', column: 'type', value: 'M14 (mine à pression)' },
      { form: 'C', row: 'KHM-0002', column: 'area', value: 1250 },
      { form: 'C', row: 'KHM-0002', column: 'emplaced', value: 1998 },
    ]);
  });

  it('reads columns by their headings, in any order', async () => {
    const workbook = await workbookOf(await reportDraftXlsx(testDraft()));
    const c = workbook.getWorksheet('Form C');
    if (c === undefined) throw new Error('no Form C');
    c.spliceColumns(2, 1); // "location" removed: the others move left
    c.getCell('C3').value = 9; // now "area" (of the second area, edited by hand before)
    expect(await readDraftXlsx(await bytesOf(workbook), testDraft())).toEqual([
      { form: 'C', row: 'KHM-0002', column: 'area', value: 9 },
    ]);
  });

  it('refuses the whole workbook, naming sheet and cell, when a key, heading or number does not fit', async () => {
    const workbook = await workbookOf(await reportDraftXlsx(testDraft()));
    const c = workbook.getWorksheet('Form C');
    if (c === undefined) throw new Error('no Form C');
    c.getCell('C3').value = 'M14'; // a good edit: still nothing is returned
    c.getCell('A5').value = 'X';
    c.getCell('B5').value = 'Quelque part';
    c.getCell('D3').value = 'beaucoup';
    c.getCell('G1').value = 'superficie';
    c.getCell('A6').value = 'KHM-0001';
    c.getCell('B6').value = 'encore';
    expect(await problemsOf(await bytesOf(workbook))).toEqual([
      'Form C!G1: column heading “superficie” is not a column of Form C in this draft (expected one of “Location”, “Type”, “Area” and “Emplaced”).',
      'Form C!D3: expected a number, found “beaucoup”.',
      'Form C!A5: row key “X” is not a row of Form C in this draft.',
      'Form C!A6: row key “KHM-0001” appears twice (first in row 2).',
    ]);
  });

  it('refuses a figure that contradicts the records it was drafted from, naming them, and takes the rest of nothing', async () => {
    const workbook = await workbookOf(await reportDraftXlsx(testDraft()));
    const c = workbook.getWorksheet('Form C');
    if (c === undefined) throw new Error('no Form C');
    c.getCell('D2').value = 13000; // drafted from hazard area r1
    c.getCell('C3').value = 'M14'; // to complete: would be an edit
    expect(await problemsOf(await bytesOf(workbook))).toEqual([
      'Form C!D2: “13000” contradicts the records this figure comes from (hazard-area KHM-0001), which give 12500. Correct those records, not the report; the draft follows them.',
    ]);
    // The same figure as the records give is no edit, and no problem.
    c.getCell('D2').value = 12500;
    expect(await readDraftXlsx(await bytesOf(workbook), testDraft())).toEqual([
      { form: 'C', row: 'KHM-0002', column: 'type', value: 'M14' },
    ]);
  });

  it('refuses a workbook with a form sheet missing, added or moved', async () => {
    const missing = await workbookOf(await reportDraftXlsx(testDraft()));
    missing.removeWorksheet(missing.getWorksheet('Form C')?.id ?? 0);
    missing.addWorksheet('Form D');
    expect(await problemsOf(await bytesOf(missing))).toEqual([
      'Form D: this sheet is not a form of this draft (expected only “Form A”, “Form C” and “Form J”).',
      'khm-2025.xlsx: expected a sheet named “Form C” (a form of this draft), found none.',
    ]);

    const draft = testDraft();
    const reordered = await reportDraftXlsx({ ...draft, forms: [...draft.forms].reverse() });
    expect(await problemsOf(reordered)).toEqual([
      'khm-2025.xlsx: expected the sheets in the order Form A, Form C, Form J, found Form J, Form C, Form A.',
    ]);
  });

  it('refuses a file that is not a workbook, and a first heading that is not the row key', async () => {
    const problems = await problemsOf(Buffer.from('iso3,form\nKHM,C\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^khm-2025\.xlsx: expected an XLSX workbook/);

    const workbook = await workbookOf(await reportDraftXlsx(testDraft()));
    const j = workbook.getWorksheet('Form J');
    if (j === undefined) throw new Error('no Form J');
    j.getCell('A1').value = 'Clé';
    expect(await problemsOf(await bytesOf(workbook))).toEqual(['Form J!A1: expected the heading “Row”, found “Clé”.']);
  });

  it('takes a text in a text column as it is, and a number in a text column as its digits', async () => {
    const draft = testDraft({
      forms: [
        {
          form: 'B',
          columns: ['type', 'lot'],
          rows: [{ key: 'PMN', cells: { type: edited('PMN', null), lot: toComplete() } }],
          changed: null,
        },
      ],
    });
    const workbook = await workbookOf(await reportDraftXlsx(draft));
    const b = workbook.getWorksheet('Form B');
    if (b === undefined) throw new Error('no Form B');
    b.getCell('B2').value = 42;
    expect(await readDraftXlsx(await bytesOf(workbook), draft)).toEqual([
      { form: 'B', row: 'PMN', column: 'type', value: '42' },
    ]);
  });
});

describe('report draft as JSON', () => {
  it('is the draft as it is', () => {
    const draft = testDraft();
    const bytes = reportDraftJson(draft);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(draft);
    expect(bytes.toString('utf8')).toContain('Province de Battambang, près de Pailin');
  });
});
