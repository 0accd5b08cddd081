/**
 * A report draft's workbook read back (the layout of xlsx-layout.ts) into the edits it makes to
 * the current draft: every non-empty cell of a form whose value differs from the draft's becomes
 * a `CellEdit`, except a figure drafted from stored records, which the workbook may not contradict
 * (the records are corrected instead). All or nothing: every problem is collected (each naming its sheet and cell, as
 * `Form C!A7`), and if there is one, nothing is returned. An empty cell is no edit (a cell is put
 * back to what the data gives by an edit with the value null, not by the workbook).
 */
import ExcelJS from 'exceljs';
import { columnLetters } from '../../core/errors.js';
import { formatList, t } from '../../i18n/index.js';
import type { CellEdit, CellValue, DraftForm, ReportDraft } from '../model.js';
import { coverSheetName, sheetLayout } from './xlsx-layout.js';

export interface DraftImportProblem {
  /** The sheet, or null for a problem with the whole file. */
  sheet: string | null;
  /** The cell (`A7`), or null for a problem with the whole sheet or file. */
  cell: string | null;
  /** The problem in words, naming the sheet and cell and what was expected. */
  message: string;
}

/** At most this many problems are listed; `count` says how many there were. */
export const PROBLEMS_LISTED = 100;

export class DraftImportError extends Error {
  constructor(
    readonly problems: readonly DraftImportProblem[],
    readonly count: number = problems.length,
  ) {
    const more = count > problems.length ? [t('reporting:import.more', { count: count - problems.length })] : [];
    super([...problems.map((p) => p.message), ...more].join('\n'));
    this.name = 'DraftImportError';
  }
}

/** What a cell holds, as minefree reads it: a number, a text, nothing, or something else (named). */
type Read = { kind: 'number'; value: number } | { kind: 'text'; value: string } | { kind: 'empty' } | { kind: string };

function readCell(value: ExcelJS.CellValue): Read {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: value.trim() };
  if (typeof value === 'boolean') return { kind: 'boolean' };
  if (value instanceof Date) return { kind: 'date' };
  if ('richText' in value) return readCell(value.richText.map((r) => r.text).join(''));
  if ('error' in value) return { kind: 'error' };
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value ? readCell(value.result ?? null) : { kind: 'empty' };
  if ('text' in value) return readCell(value.text);
  return { kind: 'other' };
}

/** The text of a heading or key cell ('' when empty; a number in digits). */
function textOf(value: ExcelJS.CellValue): string {
  const read = readCell(value);
  if ('value' in read) return String(read.value);
  return '';
}

/** "1200", "1 200", "1,200", "-3.5" as a number; null for anything else. */
function parseNumber(text: string): number | null {
  let digits = text.replace(/[\s\u00a0\u202f]/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) digits = digits.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(digits) ? Number(digits) : null;
}

/** Whether the draft holds numbers or texts in a column (null when it holds neither: every cell to complete). */
function columnKind(form: DraftForm, column: string): 'number' | 'text' | null {
  for (const row of form.rows) {
    const cell = row.cells[column];
    for (const v of [cell?.value, cell?.drafted]) {
      if (typeof v === 'number') return 'number';
      if (typeof v === 'string') return 'text';
    }
  }
  return null;
}

class Problems {
  readonly list: DraftImportProblem[] = [];
  count = 0;
  add(sheet: string | null, cell: string | null, message: string): void {
    this.count += 1;
    if (this.list.length < PROBLEMS_LISTED) this.list.push({ sheet, cell, message });
  }
}

function readForm(sheet: ExcelJS.Worksheet, form: DraftForm, problems: Problems, edits: CellEdit[]): void {
  const layout = sheetLayout(form);
  const place = (col: number, row: number): string => `${sheet.name}!${columnLetters(col)}${row}`;
  const at = (col: number, row: number): string => `${columnLetters(col)}${row}`;
  const header = sheet.getRow(1);
  const width = Math.max(sheet.columnCount, 1);

  const first = textOf(header.getCell(1).value);
  if (first !== layout.headings[0])
    problems.add(
      sheet.name,
      at(1, 1),
      t('reporting:import.rowHeading', { place: place(1, 1), expected: layout.headings[0] ?? '', found: first }),
    );

  // Column number → column id; the sources column and empty headings are not read.
  const columns = new Map<number, string>();
  const seen = new Set<string>();
  const sourcesHeading = layout.headings[layout.headings.length - 1];
  for (let c = 2; c <= width; c++) {
    const heading = textOf(header.getCell(c).value);
    if (heading === '' || heading === sourcesHeading) continue;
    const column = layout.columns.find((k) => k.heading === heading);
    if (column === undefined) {
      problems.add(
        sheet.name,
        at(c, 1),
        t('reporting:import.unknownColumn', {
          place: place(c, 1),
          heading,
          form: layout.name,
          expected: formatList(layout.columns.map((k) => `“${k.heading}”`)),
        }),
      );
    } else if (seen.has(column.id)) {
      problems.add(sheet.name, at(c, 1), t('reporting:import.duplicateColumn', { place: place(c, 1), heading }));
    } else {
      seen.add(column.id);
      columns.set(c, column.id);
    }
  }

  const kinds = new Map(form.columns.map((id) => [id, columnKind(form, id)]));
  const keys = new Map<string, number>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const line = sheet.getRow(r);
    const key = textOf(line.getCell(1).value);
    const filled = [...columns.keys()].filter((c) => readCell(line.getCell(c).value).kind !== 'empty');
    if (key === '' && filled.length === 0) continue;
    const row = form.rows.find((k) => k.key === key);
    if (row === undefined) {
      problems.add(
        sheet.name,
        at(1, r),
        t('reporting:import.unknownRow', { place: place(1, r), key, form: layout.name }),
      );
      continue;
    }
    const firstRow = keys.get(key);
    if (firstRow !== undefined) {
      problems.add(
        sheet.name,
        at(1, r),
        t('reporting:import.duplicateRow', { place: place(1, r), key, first: firstRow }),
      );
      continue;
    }
    keys.set(key, r);
    for (const c of filled) {
      const column = columns.get(c) ?? '';
      const read = readCell(line.getCell(c).value);
      const kind = kinds.get(column) ?? null;
      let value: CellValue;
      if (read.kind === 'number' && 'value' in read) value = kind === 'text' ? String(read.value) : read.value;
      else if (read.kind === 'text' && 'value' in read) {
        const text = String(read.value);
        if (kind === 'number') {
          const n = parseNumber(text);
          if (n === null) {
            problems.add(sheet.name, at(c, r), t('reporting:import.number', { place: place(c, r), found: text }));
            continue;
          }
          value = n;
        } else value = text;
      } else {
        problems.add(sheet.name, at(c, r), t('reporting:import.value', { place: place(c, r), kind: read.kind }));
        continue;
      }
      const cell = row.cells[column];
      if (value === (cell?.value ?? null)) continue;
      // A figure the records give cannot be overwritten from a workbook: the records are corrected
      // instead (through their own pillar), so the report and its sources never disagree.
      if (cell?.origin === 'from-data' && cell.records.length > 0) {
        problems.add(
          sheet.name,
          at(c, r),
          t('reporting:import.contradicts', {
            place: place(c, r),
            found: String(value),
            value: String(cell.value),
            records: cell.records.map((k) => `${k.kind} ${k.id}`).join(', '),
          }),
        );
        continue;
      }
      edits.push({ form: form.form, row: key, column, value });
    }
  }
}

/**
 * The edits a workbook makes to `draft` (its current state), in sheet, row and column order;
 * throws DraftImportError with every problem (and returns nothing) if the workbook does not fit.
 * `file` names the workbook in problems about the whole file.
 */
export async function readDraftXlsx(bytes: Buffer, draft: ReportDraft, file = 'report.xlsx'): Promise<CellEdit[]> {
  const problems = new Problems();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    problems.add(
      null,
      null,
      t('reporting:import.notXlsx', { file, detail: error instanceof Error ? error.message : String(error) }),
    );
    throw new DraftImportError(problems.list, problems.count);
  }

  const expected = draft.forms.map((form) => ({ form, name: sheetLayout(form).name }));
  const cover = coverSheetName();
  const found = workbook.worksheets.map((s) => s.name).filter((name) => name !== cover);
  const expectedNames = expected.map((e) => e.name);
  for (const name of found)
    if (!expectedNames.includes(name))
      problems.add(
        name,
        null,
        t('reporting:import.unknownSheet', { sheet: name, expected: formatList(expectedNames.map((n) => `“${n}”`)) }),
      );
  for (const { name } of expected)
    if (!found.includes(name)) problems.add(null, null, t('reporting:import.missingSheet', { file, sheet: name }));
  if (problems.count === 0 && found.join('\n') !== expectedNames.join('\n'))
    problems.add(
      null,
      null,
      t('reporting:import.sheetOrder', { file, expected: expectedNames.join(', '), found: found.join(', ') }),
    );

  const edits: CellEdit[] = [];
  for (const { form, name } of expected) {
    const sheet = workbook.getWorksheet(name);
    if (sheet !== undefined) readForm(sheet, form, problems, edits);
  }
  if (problems.count > 0) throw new DraftImportError(problems.list, problems.count);
  return edits;
}
