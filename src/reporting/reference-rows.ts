/**
 * Rows of data/article7_reports.csv into report records. Pure: rows in, records and problems out;
 * every problem names file, line and column.
 */
import type { CsvRow } from '../core/csv.js';
import type { DataProblem } from '../core/errors.js';
import { FieldReader } from '../core/field-reader.js';
import type { SourceId } from '../core/source.js';
import { type CheckContext, recordProblems } from './checks.js';
import { REPORT_LANGUAGES, type ReportLanguage, type ReportPeriod, type ReportRecord } from './model.js';

export const REPORT_COLUMNS = [
  'iso3',
  'report',
  'received',
  'not_received_on',
  'language',
  'link',
  'sources',
  'notes',
] as const;

/** The CSV column of each field the checks name. */
const COLUMN = { iso3: 'iso3', report: 'report', received: 'received', notReceivedOn: 'not_received_on' } as const;

function period(r: FieldReader): ReportPeriod | null {
  const text = r.text('report');
  if (text === 'initial') return 'initial';
  if (/^\d{4}$/.test(text) && text !== '0000') return Number(text);
  r.report('report', '"initial" or the calendar year an annual report covers (YYYY)');
  return null;
}

function language(r: FieldReader): ReportLanguage | null {
  const text = r.text('language');
  if (text === '') return null;
  if ((REPORT_LANGUAGES as readonly string[]).includes(text)) return text as ReportLanguage;
  r.report('language', `empty or one of ${REPORT_LANGUAGES.join(', ')}`);
  return null;
}

function link(r: FieldReader): string | null {
  const text = r.text('link');
  if (text === '') return null;
  if (/^https?:\/\/\S+$/.test(text)) return text;
  r.report('link', 'empty or an http(s) address');
  return null;
}

/** One row into a record; null when a field is wrong (the reader holds the problems). */
export function readReportRow(r: FieldReader, known: ReadonlySet<SourceId> | null): ReportRecord | null {
  const iso3 = r.state('iso3');
  const report = period(r);
  const received = r.partialDate('received');
  const notReceivedOn = r.date('not_received_on');
  const record = {
    report,
    received,
    notReceivedOn,
    language: language(r),
    link: link(r),
    sources: r.sources(known),
    notes: r.text('notes'),
  };
  if (!r.ok || iso3 === null || report === null) return null;
  return { ...record, iso3, report };
}

/** Every row read, then the whole file checked (a duplicate names its second row). */
export function recordsFromRows(
  rows: readonly CsvRow[],
  known: ReadonlySet<SourceId> | null,
  context: CheckContext,
): { records: ReportRecord[]; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const read: { record: ReportRecord; row: CsvRow }[] = [];
  for (const row of rows) {
    const reader = new FieldReader(row);
    const record = readReportRow(reader, known);
    problems.push(...reader.problems);
    if (record !== null) read.push({ record, row });
  }
  for (const p of recordProblems(
    read.map((x) => x.record),
    context,
  )) {
    const row = read[p.index]?.row;
    if (row !== undefined) problems.push(row.problem(COLUMN[p.field], p.expected, p.found));
  }
  return { records: read.map((x) => x.record), problems };
}
