/**
 * A State's ledger as a file: CSV (data/stockpile_ledger.csv's columns) or XLSX (one sheet,
 * "Ledger", the same columns). Reading gives rows that know their file, sheet, row and column,
 * for `ledgerFromRows`; writing gives the bytes of the file.
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { CsvRow, parseCsv } from '../../core/csv.js';
import { DataError, type DataProblem } from '../../core/errors.js';
import type { LedgerEntry } from '../model.js';
import { LEDGER_COLUMNS } from '../reference-rows.js';
import { entryCells } from './ledger-cells.js';

export const LEDGER_FORMATS = ['csv', 'xlsx'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

/** The sheet minefree writes; a file without it is read from its first sheet. */
export const LEDGER_SHEET = 'Ledger';

export const CONTENT_TYPES: Record<LedgerFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The format a file name says (`.csv`, `.xlsx`, any case), or null. */
export function formatOfName(name: string): LedgerFormat | null {
  const match = /\.(csv|xlsx)$/i.exec(name);
  return match ? (match[1]?.toLowerCase() as LedgerFormat) : null;
}

const problem = (file: string, expected: string, found: string | null, sheet?: string): DataProblem => ({
  file,
  ...(sheet === undefined ? {} : { sheet }),
  line: 1,
  column: null,
  field: null,
  expected,
  found,
});

/** The rows of a ledger file; a file that cannot be read at all throws DataError naming it. */
export async function readLedgerRows(bytes: Buffer, file: string, format: LedgerFormat): Promise<CsvRow[]> {
  if (format === 'csv') return parseCsv(bytes.toString('utf8'), file, LEDGER_COLUMNS);
  return readXlsxRows(bytes, file);
}

/** A cell's value as the text a CSV would hold: numbers in digits, a date cell as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellText(value.result ?? null);
  if ('text' in value) return cellText(value.text);
  return '';
}

async function readXlsxRows(bytes: Buffer, file: string): Promise<CsvRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new DataError([
      problem(file, 'an XLSX workbook (Office Open XML spreadsheet)', error instanceof Error ? error.message : null),
    ]);
  }
  const sheet = workbook.getWorksheet(LEDGER_SHEET) ?? workbook.worksheets[0];
  if (sheet === undefined) throw new DataError([problem(file, `a sheet named "${LEDGER_SHEET}"`, null)]);
  const width = Math.max(sheet.columnCount, LEDGER_COLUMNS.length);
  const values = (row: ExcelJS.Row): string[] =>
    Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const header = values(sheet.getRow(1));
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const missing = LEDGER_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new DataError(
      missing.map((name) => ({
        ...problem(file, `a column named "${name}" in the header (row 1)`, header.join(','), sheet.name),
        field: name,
      })),
    );
  }
  const rows: CsvRow[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const cells = values(sheet.getRow(n)).slice(0, header.length);
    if (cells.every((c) => c === '')) continue;
    rows.push(new CsvRow(file, n, header, cells, sheet.name));
  }
  return rows;
}

/** The ledger as CSV text, data/stockpile_ledger.csv's columns. */
export function ledgerCsv(entries: readonly LedgerEntry[]): string {
  return stringify(
    entries.map((e) => LEDGER_COLUMNS.map((c) => String(entryCells(e)[c]))),
    { header: true, columns: [...LEDGER_COLUMNS] },
  );
}

/** The ledger as an XLSX workbook, one sheet; dates stay text (a partial date is not a spreadsheet date). */
export async function ledgerXlsx(entries: readonly LedgerEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'minefree';
  const sheet = workbook.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c, key: c, width: c === 'notes' ? 60 : 14 }));
  for (const e of entries) sheet.addRow(entryCells(e));
  for (const c of ['date', 'from', 'destroyed']) sheet.getColumn(c).numFmt = '@';
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function ledgerFile(entries: readonly LedgerEntry[], format: LedgerFormat): Promise<Buffer> {
  return format === 'csv' ? Buffer.from(ledgerCsv(entries), 'utf8') : ledgerXlsx(entries);
}
