/**
 * A report draft as an XLSX workbook (xlsx-layout.ts): the cover (State, report, period, status,
 * as-of day, submission day, and for each form whether it changed since the last report), then
 * one sheet per form. Cells to complete are left empty, filled yellow, with a note saying why;
 * cells edited by hand are filled blue, with a note saying what the data gave; a cell's sources
 * and records are in its note, and the row's sources in the last column.
 */
import ExcelJS from 'exceljs';
import { formatDate, t } from '../../i18n/index.js';
import type { DraftCell, DraftForm, ReportDraft } from '../model.js';
import { EDITED_FILL, TO_COMPLETE_FILL, coverSheetName, sheetLayout } from './xlsx-layout.js';
import { cellNotes, changedWord, formSheetName, previousName, reportName, reportPeriod, statusWord } from './words.js';

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

function addCover(workbook: ExcelJS.Workbook, draft: ReportDraft): void {
  const sheet = workbook.addWorksheet(coverSheetName());
  sheet.columns = [{ width: 28 }, { width: 48 }];
  sheet.addRow([t('reporting:report.title', { name: draft.name })]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const facts: [string, string][] = [
    [t('reporting:cover.state'), `${draft.name} (${draft.iso3})`],
    [t('reporting:cover.report'), reportName(draft)],
    [t('reporting:cover.period'), reportPeriod(draft)],
    [t('reporting:cover.status'), statusWord(draft)],
    [t('reporting:cover.asOf'), formatDate(draft.asOf)],
    [
      t('reporting:cover.submittedOn'),
      draft.submittedOn === null ? t('reporting:cover.notSubmitted') : formatDate(draft.submittedOn),
    ],
    [t('reporting:cover.previous'), previousName(draft)],
  ];
  for (const [label, value] of facts) sheet.addRow([label, value]).getCell(1).font = { bold: true };
  sheet.addRow([]);
  const head = sheet.addRow([t('reporting:cover.form'), t('reporting:cover.sinceLast')]);
  head.font = { bold: true };
  for (const form of draft.forms) sheet.addRow([formSheetName(form.form), changedWord(form)]);
  sheet.addRow([]);
  sheet.addRow([t('reporting:cover.legend')]).getCell(1).alignment = { wrapText: false };
}

function writeCell(target: ExcelJS.Cell, cell: DraftCell | undefined): void {
  if (cell === undefined) return;
  if (cell.origin !== 'to-complete' && cell.value !== null) target.value = cell.value;
  if (cell.origin === 'to-complete') target.fill = fill(TO_COMPLETE_FILL);
  if (cell.origin === 'edited') target.fill = fill(EDITED_FILL);
  const notes = cellNotes(cell);
  if (notes.length > 0) target.note = notes.join('\n');
}

function addForm(workbook: ExcelJS.Workbook, form: DraftForm): void {
  const layout = sheetLayout(form);
  const sheet = workbook.addWorksheet(layout.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = layout.headings.map((heading, i) => ({
    width: i === 0 ? 18 : Math.min(40, Math.max(12, heading.length + 2)),
  }));
  const header = sheet.addRow(layout.headings);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const row of form.rows) {
    const line = sheet.addRow([row.key]);
    layout.columns.forEach((column, i) => writeCell(line.getCell(i + 2), row.cells[column.id]));
    const sources = [...new Set(Object.values(row.cells).flatMap((c) => c.sources))];
    line.getCell(layout.columns.length + 2).value = sources.join(', ');
  }
}

/** The draft as XLSX bytes: a cover sheet, then one sheet per form in the draft's order. */
export async function reportDraftXlsx(draft: ReportDraft): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'minefree';
  workbook.title = t('reporting:report.title', { name: draft.name });
  addCover(workbook, draft);
  for (const form of draft.forms) addForm(workbook, form);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
