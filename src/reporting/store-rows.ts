/** Report records to rows and back: the one place that knows which column holds which field. */
import type { Insertable, Selectable } from 'kysely';
import { parseSourceIds, sourceIdsJson } from '../store/json.js';
import type { ReportPeriod, ReportRecord, StoredReportRecord } from './model.js';
import type { Article7ReportsTable } from './tables.js';

export const periodText = (report: ReportPeriod): string => (report === 'initial' ? 'initial' : String(report));
export const periodOf = (text: string): ReportPeriod => (text === 'initial' ? 'initial' : Number(text));

export function recordRow(r: ReportRecord): Insertable<Article7ReportsTable> {
  return {
    iso3: r.iso3,
    period: periodText(r.report),
    received: r.received,
    not_received_on: r.notReceivedOn,
    language: r.language,
    link: r.link,
    sources: sourceIdsJson(r.sources),
    notes: r.notes,
  };
}

export function recordFromRow(row: Selectable<Article7ReportsTable>): StoredReportRecord {
  return {
    id: row.id,
    iso3: row.iso3,
    report: periodOf(row.period),
    received: row.received,
    notReceivedOn: row.not_received_on,
    language: row.language,
    link: row.link,
    sources: parseSourceIds(row.sources),
    notes: row.notes,
  };
}
