/**
 * Article 7 report records as Kysely sees them: one row per fact (a submission, or a statement
 * that a report had not been received by a day), dates as TEXT, source ids as JSON text.
 */
import type { Generated } from 'kysely';
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { StateCode } from '../core/states.js';
import type { SourceIdsJson } from '../store/database.js';
import type { DraftStatus, ReportLanguage } from './model.js';

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

/**
 * One draft per State and report (migration 0025): a person's edits over the computed forms, and
 * once submitted the report as it stood that day, frozen.
 */
export interface Article7DraftsTable {
  id: Generated<number>;
  iso3: StateCode;
  /** `initial`, or the calendar year an annual report covers (YYYY). */
  period: string;
  status: DraftStatus;
  /** JSON: the CellEdit list, one per cell. */
  edits: string;
  /** JSON: the ReportDraft as submitted; null while a draft. */
  submitted: string | null;
  submitted_on: CalendarDate | null;
}

/** The tables the seed loads from data/, children before parents. */
export const REPORTING_REFERENCE_TABLES = ['article7_reports'] as const;

declare module '../store/database.js' {
  interface Database {
    article7_reports: Article7ReportsTable;
    article7_drafts: Article7DraftsTable;
  }
}
