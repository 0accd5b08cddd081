/**
 * Article 7 report records as Kysely sees them: one row per fact (a submission, or a statement
 * that a report had not been received by a day), dates as TEXT, source ids as JSON text.
 */
import type { Generated } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { StateCode } from '../core/states.js';
import type { SourceIdsJson } from '../store/database.js';
import type { ReportLanguage } from './model.js';

export interface Article7ReportsTable {
  id: Generated<number>;
  iso3: StateCode;
  /** `initial`, or the calendar year an annual report covers (YYYY). */
  period: string;
  received: PartialDate | null;
  not_received_on: CalendarDate | null;
  language: ReportLanguage | null;
  link: string | null;
  sources: SourceIdsJson;
  notes: string;
}

/** The tables the seed loads from data/, children before parents. */
export const REPORTING_REFERENCE_TABLES = ['article7_reports'] as const;

declare module '../store/database.js' {
  interface Database {
    article7_reports: Article7ReportsTable;
  }
}
