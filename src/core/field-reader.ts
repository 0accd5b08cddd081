/**
 * Reading the fields of reference-data rows (data/*.csv): each field by its rule, every problem
 * recorded with file, line, column and what was expected, nothing stops at the first.
 */
import type { CsvRow } from './csv.js';
import { type CalendarDate, dateProblem } from './date.js';
import type { DataProblem } from './errors.js';
import { type PartialDate, partialDateProblem } from './partial-date.js';
import { SOURCE_ID_PATTERN, type SourceId } from './source.js';
import { type StateCode, isStateCode } from './states.js';

export interface Validated<T> {
  value: T;
  problems: DataProblem[];
}

/** Reads the fields of one row, recording a problem for each field that breaks its rule. */
export class FieldReader {
  readonly problems: DataProblem[] = [];
  constructor(readonly row: CsvRow) {}

  get ok(): boolean {
    return this.problems.length === 0;
  }

  report(field: string, expected: string, found?: string | null): void {
    this.problems.push(this.row.problem(field, expected, found));
  }

  text(field: string): string {
    return this.row.get(field);
  }

  required(field: string, expected: string): string {
    const value = this.row.get(field);
    if (value.trim() === '') this.report(field, expected);
    return value;
  }

  date(field: string): CalendarDate | null {
    const value = this.row.get(field);
    if (value === '') return null;
    const problem = dateProblem(value);
    if (problem !== null) return this.fail(field, problem);
    return value as CalendarDate;
  }

  partialDate(field: string): PartialDate | null {
    const value = this.row.get(field);
    if (value === '') return null;
    const problem = partialDateProblem(value);
    if (problem !== null) return this.fail(field, problem);
    return value as PartialDate;
  }

  year(field: string): PartialDate | null {
    const value = this.row.get(field);
    if (value === '') return null;
    if (!/^\d{4}$/.test(value) || value === '0000') return this.fail(field, 'a year written YYYY');
    return value as PartialDate;
  }

  count(field: string): number | null {
    const value = this.row.get(field);
    if (value === '') return null;
    if (!/^(0|[1-9]\d*)$/.test(value) || !Number.isSafeInteger(Number(value))) {
      return this.fail(field, 'a non-negative whole number written with digits only (for example 3364433)');
    }
    return Number(value);
  }

  yesNo(field: string): boolean | null {
    const value = this.row.get(field);
    if (value === '') return null;
    if (value === 'yes' || value === 'no') return value === 'yes';
    return this.fail(field, '"yes", "no" or empty');
  }

  state(field = 'iso3'): StateCode | null {
    const value = this.row.get(field);
    if (isStateCode(value)) return value;
    return this.fail(field, 'the ISO 3166-1 alpha-3 code of one of the 197 States (for example KHM)');
  }

  sources(known: ReadonlySet<SourceId> | null, field = 'sources'): SourceId[] {
    const value = this.row.get(field);
    if (value === '') return this.fail(field, 'at least one source id (for example S02;S17)') ?? [];
    const ids = value.split(';');
    for (const id of ids) {
      if (!SOURCE_ID_PATTERN.test(id)) this.report(field, 'source ids separated by ";" (for example S02;S17)', id);
      else if (known !== null && !known.has(id)) this.report(field, 'a source id listed in sources.csv', id);
    }
    return ids;
  }

  private fail(field: string, expected: string, found?: string): null {
    this.report(field, expected, found);
    return null;
  }
}

/** Checks a whole file: each row through `read`, then one iso3 per row. */
export function readRows<T>(
  rows: readonly CsvRow[],
  read: (reader: FieldReader) => T | null,
): { records: Map<StateCode, { record: T; row: CsvRow }>; problems: DataProblem[] } {
  const records = new Map<StateCode, { record: T; row: CsvRow }>();
  const firstLine = new Map<string, number>();
  const problems: DataProblem[] = [];
  for (const row of rows) {
    const reader = new FieldReader(row);
    const iso3 = row.get('iso3');
    const seen = firstLine.get(iso3);
    if (seen !== undefined) reader.report('iso3', `a State not listed before (${iso3} is already on line ${seen})`);
    else firstLine.set(iso3, row.line);
    const record = read(reader);
    problems.push(...reader.problems);
    if (record !== null && reader.ok && isStateCode(iso3)) records.set(iso3, { record, row });
  }
  return { records, problems };
}
