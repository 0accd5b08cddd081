/**
 * Casualty files (CSV and XLSX) into checked records: every row through `readRecord`, ids
 * unique within the file; every problem named by file, row (and sheet) and field. Nothing is
 * written here. The CSV reader is a plain line splitter with a quoted-field path, so a million
 * rows are read in seconds; it gives batches as it checks, so an import writes while it reads.
 */
import type { CalendarDate } from '../../core/date.js';
import type { StateCode } from '../../core/states.js';
import type { CasualtyRecord } from '../model.js';
import { RECORD_COLUMNS, type RecordColumn, readRecord } from '../records.js';

export interface ImportProblem {
  file: string;
  /** The sheet of an XLSX file; null for CSV. */
  sheet: string | null;
  /** Row in the file: the header is row 1 (for CSV, the line on which the record starts). */
  row: number;
  field: string | null;
  expected: string;
  found: string | null;
}

/** At most this many problems are listed; the count says how many there were. */
export const PROBLEMS_LISTED = 100;

export class CasualtyImportError extends Error {
  constructor(
    readonly problems: readonly ImportProblem[],
    readonly count: number = problems.length,
  ) {
    super(
      `${count} problem${count === 1 ? '' : 's'}; first: ${problems[0] === undefined ? '' : describeImportProblem(problems[0])}`,
    );
    this.name = 'CasualtyImportError';
  }
}

export function describeImportProblem(p: ImportProblem): string {
  const where = `${p.file}${p.sheet === null ? '' : ` sheet "${p.sheet}"`} row ${p.row}${p.field === null ? '' : ` field ${p.field}`}`;
  return `${where}: expected ${p.expected}${p.found === null ? '' : `, found "${p.found}"`}`;
}

export interface ReadOptions {
  state: StateCode;
  today: CalendarDate;
  synthetic?: boolean;
  onProgress?: (done: number) => void;
  /** Told once, at the first problem (a writer may roll back then; the read goes on to list them all). */
  onProblem?: () => void;
}

/** Records a batch of a streamed read holds. */
const BATCH = 2000;

/** Checks the header and turns rows of text into records, or throws every problem found. */
class RowChecker {
  /** Records checked and not yet taken (none once a problem is found: nothing will be written). */
  private pending: CasualtyRecord[] = [];
  /** Records taken so far. */
  taken = 0;
  private readonly width: number;
  readonly problems: ImportProblem[] = [];
  count = 0;
  private readonly index: number[];
  /** The row of each id: a duplicate names the first, and a record the database refuses is named by its row. */
  readonly seen = new Map<string, number>();
  private current: readonly string[] = [];
  private readonly get = (field: RecordColumn): string => this.current[this.index[COLUMN_INDEX[field]] ?? -1] ?? '';

  constructor(
    private readonly file: string,
    private readonly sheet: string | null,
    header: readonly string[],
    private readonly options: ReadOptions,
  ) {
    const names = header.map((h) => h.trim());
    this.width = names.length;
    this.index = RECORD_COLUMNS.map((c) => names.indexOf(c));
    const missing = RECORD_COLUMNS.filter((_, i) => this.index[i] === -1);
    for (const column of missing)
      this.add({ row: 1, field: column, expected: `a column "${column}" in the header`, found: null });
    names.forEach((name, i) => {
      if (!(RECORD_COLUMNS as readonly string[]).includes(name))
        this.add({ row: 1, field: name, expected: `only the columns ${RECORD_COLUMNS.join(', ')}`, found: null });
      else if (names.indexOf(name) !== i) this.add({ row: 1, field: name, expected: 'each column once', found: null });
    });
  }

  get ok(): boolean {
    return this.count === 0;
  }

  add(p: Omit<ImportProblem, 'file' | 'sheet'>): void {
    this.count += 1;
    if (this.count === 1) this.options.onProblem?.();
    if (this.problems.length < PROBLEMS_LISTED) this.problems.push({ file: this.file, sheet: this.sheet, ...p });
  }

  row(values: readonly string[], row: number): void {
    if (values.length !== this.width) {
      this.add({
        row,
        field: null,
        expected: `${this.width} fields, as in the header`,
        found: `${values.length} fields`,
      });
      return;
    }
    this.current = values;
    const { record, problems } = readRecord(this.get, this.options.state, this.options.today, this.options.synthetic);
    for (const p of problems) this.add({ row, field: p.field, expected: p.expected, found: p.found });
    if (record === null) return;
    const first = this.seen.get(record.id);
    if (first !== undefined) {
      this.add({
        row,
        field: 'id',
        expected: `a pseudonymous id not used before in the file (row ${first} has it)`,
        found: record.id,
      });
      return;
    }
    this.seen.set(record.id, row);
    if (this.ok) this.pending.push(record);
  }

  get full(): boolean {
    return this.pending.length >= BATCH;
  }

  /** The records checked since the last take (empty once a problem was found). */
  take(): CasualtyRecord[] {
    const batch = this.ok ? this.pending : [];
    this.pending = [];
    this.taken += batch.length;
    return batch;
  }

  /** Throws every problem found, or a file with no record. */
  finish(): void {
    if (!this.ok) throw new CasualtyImportError(this.problems, this.count);
    if (this.taken + this.pending.length === 0)
      throw new CasualtyImportError([
        { file: this.file, sheet: this.sheet, row: 2, field: null, expected: 'at least one record', found: null },
      ]);
  }
}

/**
 * A file's records as they are checked: batches while no problem is found; after the last batch,
 * the problems thrown (CasualtyImportError), so a writer that consumed the batches rolls back.
 */
export interface CasualtyBatches {
  sheet: string | null;
  batches: Iterable<readonly CasualtyRecord[]>;
  /** The row of a record read so far, by id. */
  rowOf: (id: string) => number | undefined;
  ids: () => Iterable<string>;
}

/** Reads every batch into one list (for callers that want the whole file: tests, small files). */
export function collect(read: CasualtyBatches): ReadRecords {
  const records: CasualtyRecord[] = [];
  for (const batch of read.batches) for (const r of batch) records.push(r);
  return { records, rows: records.map((r) => read.rowOf(r.id) ?? 0), sheet: read.sheet };
}

/** What a file held: its records, the row of each, and the sheet read (XLSX). */
export interface ReadRecords {
  records: CasualtyRecord[];
  rows: number[];
  sheet: string | null;
}

const COLUMN_INDEX = Object.fromEntries(RECORD_COLUMNS.map((c, i) => [c, i])) as Record<RecordColumn, number>;

/** One CSV record starting at `text[start]` with quotes: its fields and where the next one starts, or null when a quote is not closed. */
function quotedRecord(text: string, start: number): { fields: string[]; next: number; lines: number } | null {
  const fields: string[] = [];
  let field = '';
  let i = start;
  let lines = 1;
  let quoted = false;
  for (;;) {
    if (i >= text.length) {
      if (quoted) return null;
      fields.push(field);
      return { fields, next: i, lines };
    }
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      if (ch === '\n') lines += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      i += 1;
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      const next = ch === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
      return { fields, next, lines };
    } else {
      field += ch;
      i += 1;
    }
  }
}

/** Reads a casualty CSV (UTF-8, header line, RFC 4180 quotes) as batches, checking as it goes. */
export function casualtyCsvBatches(text: string, file: string, options: ReadOptions): CasualtyBatches {
  let checker: RowChecker | null = null;
  function* batches(): Generator<CasualtyRecord[]> {
    let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let line = 1;
    let rows = 0;
    // The next quote in the text, looked for again only once passed (a file without quotes is scanned once).
    let nextQuote = text.indexOf('"', pos);
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      const last = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      let fields: string[];
      const startLine = line;
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      if (nextQuote >= 0 && nextQuote < last) {
        const parsed = quotedRecord(text, pos);
        if (parsed === null) {
          const p = { row: line, field: null, expected: 'a closing quote (")', found: null };
          if (checker === null) throw new CasualtyImportError([{ file, sheet: null, ...p }]);
          checker.add(p);
          break;
        }
        fields = parsed.fields;
        pos = parsed.next;
        line += parsed.lines;
      } else {
        if (last === pos) {
          // A blank line (or a header missing).
          pos = end + 1;
          line += 1;
          if (checker === null) break;
          continue;
        }
        fields = text.slice(pos, last).split(',');
        pos = end + 1;
        line += 1;
      }
      if (checker === null) {
        checker = new RowChecker(file, null, fields, options);
        if (!checker.ok) break;
        continue;
      }
      checker.row(fields, startLine);
      rows += 1;
      if (checker.full) yield checker.take();
      if (options.onProgress !== undefined && rows % 50_000 === 0) options.onProgress(rows);
    }
    if (checker === null)
      throw new CasualtyImportError([
        { file, sheet: null, row: 1, field: null, expected: `a header line: ${RECORD_COLUMNS.join(',')}`, found: null },
      ]);
    options.onProgress?.(rows);
    const rest = checker.take();
    if (rest.length > 0) yield rest;
    checker.finish();
  }
  return {
    sheet: null,
    batches: batches(),
    rowOf: (id) => checker?.seen.get(id),
    ids: () => checker?.seen.keys() ?? [],
  };
}

/** Reads a casualty CSV (UTF-8, header line, RFC 4180 quotes). */
export function readCasualtyCsv(text: string, file: string, options: ReadOptions): ReadRecords {
  return collect(casualtyCsvBatches(text, file, options));
}

/** An XLSX cell's value as the text a CSV would hold (a date cell as YYYY-MM-DD). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
    return '';
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value).trim();
  return '';
}

/** Reads the first sheet of a casualty XLSX workbook (a header row, then one record a row). */
export async function readCasualtyXlsx(data: Buffer, file: string, options: ReadOptions): Promise<ReadRecords> {
  return collect(await casualtyXlsxBatches(data, file, options));
}

/** The first sheet of a casualty XLSX workbook as batches (the workbook itself is read whole first). */
export async function casualtyXlsxBatches(data: Buffer, file: string, options: ReadOptions): Promise<CasualtyBatches> {
  const { default: ExcelJS } = await import('exceljs'); // a large library: only when an XLSX file is read
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new CasualtyImportError([
      {
        file,
        sheet: null,
        row: 1,
        field: null,
        expected: 'an XLSX workbook',
        found: error instanceof Error ? error.message : String(error),
      },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined)
    throw new CasualtyImportError([{ file, sheet: null, row: 1, field: null, expected: 'a worksheet', found: null }]);
  const values = (rowNumber: number): string[] => {
    const row = sheet.getRow(rowNumber);
    return Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value));
  };
  const header = values(1);
  const checker = new RowChecker(file, sheet.name, header, options);
  function* batches(): Generator<CasualtyRecord[]> {
    if (checker.ok && sheet !== undefined) {
      for (let r = 2; r <= sheet.rowCount; r++) {
        const cells = values(r);
        if (cells.every((c) => c === '')) continue;
        while (cells.length < header.length) cells.push('');
        while (cells.length > header.length && cells.at(-1) === '') cells.pop();
        checker.row(cells, r);
        if (checker.full) yield checker.take();
        if (options.onProgress !== undefined && (r - 1) % 50_000 === 0) options.onProgress(r - 1);
      }
    }
    options.onProgress?.(Math.max(0, sheet === undefined ? 0 : sheet.rowCount - 1));
    const rest = checker.take();
    if (rest.length > 0) yield rest;
    checker.finish();
  }
  return { sheet: sheet.name, batches: batches(), rowOf: (id) => checker.seen.get(id), ids: () => checker.seen.keys() };
}
