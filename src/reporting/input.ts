/** Request bodies of the reporting routes, validated by zod and read into the model (no casts in routes). */
import { z } from 'zod';
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import { calendarDate, partialDate, sourceIds } from '../core/schemas.js';
import type { StateCode } from '../core/states.js';
import { REPORT_LANGUAGES, type ReportRecord } from './model.js';

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
