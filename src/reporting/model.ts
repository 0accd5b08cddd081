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

// ---------------------------------------------------------------------------------------------
// Drafts of Forms A–J (issue 16). A draft is computed from the records minefree holds for a State
// and a report; a person then edits cells the data could not fill (or corrects drafted ones) and
// submits it. A submitted report is frozen: its cells are stored as they were on that day.

/** The Article 7 forms: A–I follow Art. 7.1(a)–(i), J is voluntary (data/article7-forms.md). */
export const ARTICLE7_FORMS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'] as const;
export type Article7Form = (typeof ARTICLE7_FORMS)[number];

/** A stored record a drafted cell was computed from, so a reader can open it (`{kind: 'hazard-area', id: 'KHM-1'}`). */
export interface RecordRef {
  /** The kind of record, in the pillar's own words: `stockpile-entry`, `hazard-area`, `land-release`, `funding-flow`, … */
  kind: string;
  id: string;
}

export type CellValue = string | number | null;

/**
 * Where a cell's value comes from:
 * - `from-data`: computed from the records (`records`, `sources` say which);
 * - `to-complete`: the data held cannot fill it; the State completes it (`why` says what is missing);
 * - `edited`: a person's value, which replaces what was drafted (`drafted` keeps that value).
 */
export const CELL_ORIGINS = ['from-data', 'to-complete', 'edited'] as const;
export type CellOrigin = (typeof CELL_ORIGINS)[number];

export interface DraftCell {
  value: CellValue;
  origin: CellOrigin;
  records: RecordRef[];
  sources: SourceId[];
  /** For `to-complete`: a catalogue key saying why the data cannot fill the cell; otherwise null. */
  why: string | null;
  /** For `edited`: the value the data gave (null when the cell was to complete); otherwise null. */
  drafted: CellValue;
}

/** One row of a form, under a key that stays the same from one draft to the next (a mine type, an area's reference). */
export interface DraftRow {
  key: string;
  cells: Record<string, DraftCell>;
}

export interface DraftForm {
  form: Article7Form;
  /** The form's column ids, in order; their headings are in the catalogue (`reporting:form.<form>.column.<id>`). */
  columns: string[];
  rows: DraftRow[];
  /** Against the last submitted report of the State: whether any cell differs; null when there is none. */
  changed: boolean | null;
}

/** One cell that differs from the last submitted report. */
export interface CellChange {
  form: Article7Form;
  row: string;
  column: string;
  before: CellValue;
  after: CellValue;
}

export const DRAFT_STATUSES = ['draft', 'submitted'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** A draft (or a frozen submitted report) of one State's report (GET …/states/{iso3}/reports/{report}/draft). */
export interface ReportDraft {
  iso3: StateCode;
  name: string;
  report: ReportPeriod;
  /** The period the report covers: for an annual report 1 January – 31 December of its year. */
  from: CalendarDate | null;
  to: CalendarDate;
  status: DraftStatus;
  /** The day the records were read (the as-of date; for a submitted report, the day it was submitted). */
  asOf: CalendarDate;
  submittedOn: CalendarDate | null;
  forms: DraftForm[];
  /** The last report of the State submitted before this one, against which `changes` are listed; null when none. */
  previous: ReportPeriod | null;
  changes: CellChange[];
}

/** A person's change to a draft: a cell's value (null clears an edit, back to what the data gives). */
export interface CellEdit {
  form: Article7Form;
  row: string;
  column: string;
  value: CellValue;
}
