/** Request bodies of the reporting routes, validated by zod and read into the model (no casts in routes). */
import { z } from 'zod';
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import { calendarDate, partialDate, sourceIds } from '../core/schemas.js';
import type { StateCode } from '../core/states.js';
import { REPORT_LANGUAGES, type ReportPeriod, type ReportRecord } from './model.js';

export const reportBody = z
  .object({
    report: z
      .union([z.literal('initial'), z.number().int().min(1997).max(9999)])
      .describe('"initial", or the calendar year an annual report covers'),
    received: partialDate
      .nullable()
      .optional()
      .describe('The day the report reached the Secretary-General (YYYY-MM-DD, or YYYY-MM / YYYY as the source gives)'),
    notReceivedOn: calendarDate
      .nullable()
      .optional()
      .describe('Instead of `received`: a day on which a source says the report had not been received'),
    language: z.enum(REPORT_LANGUAGES).nullable().optional(),
    link: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'an http(s) address')
      .max(2000)
      .nullable()
      .optional()
      .describe('Where the report can be read'),
    sources: sourceIds,
    notes: z.string().max(2000).optional(),
    asOf: calendarDate.optional().describe('The day of the write: no date after it (default: today)'),
  })
  .strict();

export type ReportBody = z.infer<typeof reportBody>;

export function readReport(iso3: StateCode, b: ReportBody): ReportRecord {
  return {
    iso3,
    report: b.report,
    received: (b.received ?? null) as PartialDate | null,
    notReceivedOn: (b.notReceivedOn ?? null) as CalendarDate | null,
    language: b.language ?? null,
    link: b.link ?? null,
    sources: b.sources,
    notes: b.notes ?? '',
  };
}

/** The report in a draft's path: `initial`, or the year an annual report covers. */
export const draftParams = z.object({
  iso3: z.string().describe('ISO 3166-1 alpha-3 code of a State, for example KHM (any case)'),
  report: z
    .string()
    .regex(/^(initial|\d{4})$/, '"initial" or a year (YYYY)')
    .describe('"initial", or the calendar year an annual report covers (2020: due 30 April 2021)'),
});

export const readPeriod = (text: string): ReportPeriod => (text === 'initial' ? 'initial' : Number(text));

const cellEdit = z
  .object({
    form: z.string().max(10).describe('A form, A to J'),
    row: z.string().min(1).max(200).describe("The row's key, as the draft gives it"),
    column: z.string().min(1).max(100).describe("The column's id, as the draft's form lists it"),
    value: z
      .union([z.string().max(5000), z.number().finite(), z.null()])
      .describe("The cell's value; null clears the edit, back to what the data gives"),
  })
  .strict();

export const draftEditsBody = z
  .object({
    edits: z.array(cellEdit).min(1).max(1000),
    asOf: calendarDate.optional().describe('For the initial report: the day its records are read (default: today)'),
  })
  .strict();

export const submitBody = z
  .object({
    asOf: calendarDate
      .optional()
      .describe('The day of the submission; for the initial report also the day its records are read (default: today)'),
  })
  .strict();

export type DraftEditsBody = z.infer<typeof draftEditsBody>;
