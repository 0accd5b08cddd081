/**
 * Reading CSV files (RFC 4180, with a header line) into rows that know where they came from,
 * so every problem can name its file, line and column.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { DataError, type DataProblem } from './errors.js';

/** One record of a CSV file: its values by header name, and where it starts in the file. */
export class CsvRow {
  constructor(
    /** Name used in messages, for example `states.csv`. */
    readonly file: string,
    /** Line on which the record starts (the header is line 1; a quoted field may span several lines). */
    readonly line: number,
    private readonly header: readonly string[],
    private readonly values: readonly string[],
    /** The sheet, for a row of a spreadsheet (then `line` is its row number). */
    readonly sheet?: string,
  ) {}

  has(field: string): boolean {
    return this.header.includes(field);
  }

  /** The value of a field, exactly as written. Asking for a field the file lacks is a programming error. */
  get(field: string): string {
    return this.values[this.column(field) - 1] ?? '';
  }

  /** 1-based position of the field in the header. */
  column(field: string): number {
    const index = this.header.indexOf(field);
    if (index < 0) throw new Error(`${this.file} has no column "${field}"`);
    return index + 1;
  }

  /** A problem with one field of this row; `found` defaults to the field's value. */
  problem(field: string, expected: string, found: string | null = this.get(field)): DataProblem {
    const where = this.sheet === undefined ? { file: this.file } : { file: this.file, sheet: this.sheet };
    return { ...where, line: this.line, column: this.column(field), field, expected, found };
  }
}

/** Line on which a record starts: csv-parse's `info.lines` is the line on which it ends. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\n|\r)$/, '');
  return endLine - (body.match(/\r\n|\r|\n/g)?.length ?? 0);
}

function headerProblems(file: string, header: readonly string[], expected: readonly string[]): DataProblem[] {
  const problems: DataProblem[] = [];
  header.forEach((name, index) => {
    const first = header.indexOf(name);
    if (name === '') {
      problems.push({ file, line: 1, column: index + 1, field: null, expected: 'a column name', found: '' });
    } else if (first !== index) {
      problems.push({
        file,
        line: 1,
        column: index + 1,
        field: name,
        expected: `a column name not used before (column ${first + 1})`,
        found: name,
      });
    }
  });
  for (const name of expected) {
    if (!header.includes(name)) {
      problems.push({
        file,
        line: 1,
        column: null,
        field: name,
        expected: `a column named "${name}" in the header`,
        found: header.join(','),
      });
    }
  }
  return problems;
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * Parses CSV text whose first line is the header. Throws DataError when the text is not valid
 * CSV (naming the line) or when the header lacks one of `expectedColumns`.
 */
export function parseCsv(text: string, file: string, expectedColumns: readonly string[] = []): CsvRow[] {
  // csv-parse counts a CRLF inside a quoted field as two lines; with LF only, its line numbers are exact.
  const normalized = text.replace(/\r\n/g, '\n');
  let records: ParsedRecord[];
  let lastEnd = 0;
  try {
    records = parse(normalized, {
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      on_record: (record, context) => {
        lastEnd = context.lines;
        return record;
      },
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new DataError([csvProblem(file, normalized, error, lastEnd)]);
  }
  const [first, ...rest] = records;
  if (first === undefined) {
    throw new DataError([
      { file, line: 1, column: null, field: null, expected: `a header line (${expectedColumns.join(',')})`, found: '' },
    ]);
  }
  const header = first.record;
  const problems = headerProblems(file, header, expectedColumns);
  if (problems.length > 0) throw new DataError(problems);
  return rest.map((r) => new CsvRow(file, startLine(r.info.lines, r.raw), header, r.record));
}

/** A quote left open runs to the end of the file: name the line where its record starts. */
function csvProblem(file: string, text: string, error: CsvError, lastEnd: number): DataProblem {
  let line = typeof error.lines === 'number' && error.lines > 0 ? error.lines : 1;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    const lines = text.split(/\n|\r/);
    line = lastEnd + 1;
    while (lines[line - 1] === '' && line < lines.length) line += 1;
  }
  return { file, line, column: null, field: null, expected: 'well-formed CSV', found: error.message };
}

/** Reads a CSV file; `file` is the name used in messages (default: the file's own name). */
export function readCsv(
  path: string,
  file: string = basename(path),
  expectedColumns: readonly string[] = [],
): CsvRow[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new DataError([{ file, line: 1, column: null, field: null, expected: 'a readable file', found: code }]);
  }
  return parseCsv(text, file, expectedColumns);
}
