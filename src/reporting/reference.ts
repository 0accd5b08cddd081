/** The Article 7 report records shipped in data/ (article7_reports.csv), read and checked (all problems at once). */
import { join } from 'node:path';
import { readCsv } from '../core/csv.js';
import { DEFAULT_DATA_DIR } from '../core/data-dir.js';
import { DataError } from '../core/errors.js';
import type { SourceId } from '../core/source.js';
import type { Source } from '../sources/model.js';
import type { TreatyEngine } from '../treaty/status.js';
import type { ReportRecord } from './model.js';
import { REPORT_COLUMNS, recordsFromRows } from './reference-rows.js';

export const REPORTS_FILE = 'article7_reports.csv';

export function readReportRecords(
  sources: ReadonlyMap<SourceId, Source>,
  engine: TreatyEngine,
  dir: string = DEFAULT_DATA_DIR,
): ReportRecord[] {
  const rows = readCsv(join(dir, REPORTS_FILE), REPORTS_FILE, REPORT_COLUMNS);
  const { records, problems } = recordsFromRows(rows, new Set(sources.keys()), {
    entryIntoForce: (iso3) => engine.entryIntoForce(iso3),
  });
  if (problems.length > 0) throw new DataError(problems);
  return records;
}
