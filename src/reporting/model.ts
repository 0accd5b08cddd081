/**
 * The reporting pillar's vocabulary (Article 7): what minefree knows of each State's transparency
 * reports (the day a report was received, or a source's statement that it had not been received
 * by a day), and the marks the rules compute from it on any date.
 */
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { Provenance, SourceId } from '../core/source.js';
import type { StateCode } from '../core/states.js';

/** Which report: the initial report (Art. 7.1), or the annual update covering a calendar year (Art. 7.2). */
export type ReportPeriod = 'initial' | number;

/** The six official languages of the United Nations, in which the forms exist (data/article7-forms.md). */
export const REPORT_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/**
 * One fact about one report of one State, with its sources:
 * - a submission: `received` is the day (or month, or year, as precise as the source) the report
 *   reached the Secretary-General; at most one per State and report;
 * - a statement of absence: `notReceivedOn` is a day on which a source says the report had not been
 *   received (a Landmine Monitor or ISU list of States that had not reported).
 */
export interface ReportRecord extends Provenance {
  iso3: StateCode;
  report: ReportPeriod;
  received: PartialDate | null;
  notReceivedOn: CalendarDate | null;
  language: ReportLanguage | null;
  /** Where the report can be read (the UN Article 7 database), when known. */
  link: string | null;
  notes: string;
}

/** A record as stored, with its id. */
export interface StoredReportRecord extends ReportRecord {
  id: number;
}

/**
 * Where a report stands on a date (README, "Marks"):
 * - `due`: required, not received, and its deadline is today or later;
 * - `on-time`: received on or before the deadline (the deadline day itself counts);
 * - `late`: received after the deadline;
 * - `submitted`: received, but the source gives only a month or year that straddles the deadline;
 * - `overdue`: the deadline has passed and a source says the report had not been received after it;
 * - `not-recorded`: the deadline has passed and minefree holds neither a submission nor a
 *   statement that none was received (never read as overdue: the record may simply be missing);
 * - `not-required`: a report received that the Convention did not require of the State (before
 *   its first annual update was due, or after its withdrawal took effect).
 */
export const REPORT_MARKS = ['due', 'on-time', 'late', 'submitted', 'overdue', 'not-recorded', 'not-required'] as const;
export type ReportMark = (typeof REPORT_MARKS)[number];

/** One report of one State on a date: its deadline, what is on record, and its mark. */
export interface ReportLine {
  report: ReportPeriod;
  /** The deadline; null for a report that was not required. */
  due: CalendarDate | null;
  received: PartialDate | null;
  /** The latest day, on or before the as-of date, a source says the report had not been received. */
  notReceivedOn: CalendarDate | null;
  mark: ReportMark;
  language: ReportLanguage | null;
  link: string | null;
  sources: SourceId[];
}

/** A State's reports on a date (GET /api/v1/states/{iso3}/reports). */
export interface StateReports {
  iso3: StateCode;
  name: string;
  asOf: CalendarDate;
  entryIntoForce: CalendarDate | null;
  withdrawalEffective: CalendarDate | null;
  reports: ReportLine[];
}

/** Counts of marks among the reports due on one deadline day (30 April of `year`). */
export interface AnnualReportingRate {
  /** The calendar year covered; the deadline is 30 April of the next year. */
  covers: number;
  due: CalendarDate;
  required: number;
  onTime: number;
  late: number;
  submitted: number;
  overdue: number;
  notRecorded: number;
  /** Share of the required reports received by the deadline, 0..1; null while any is not recorded or not yet due. */
  shareOnTime: number | null;
}

/** Every State's reports on a date (GET /api/v1/reports). */
export interface ReportsOnDate {
  asOf: CalendarDate;
  states: StateReports[];
  /** One entry per 30 April that has passed by the date, newest first. */
  annual: AnnualReportingRate[];
}
