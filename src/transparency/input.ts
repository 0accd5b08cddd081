/** Request bodies of the transparency routes, validated by zod and read into the model (no casts). */
import { z } from 'zod';
import type { CalendarDate } from '../core/date.js';
import { QUALIFIERS } from '../core/source.js';
import { calendarDate, partialDate } from '../core/schemas.js';
import type { ReportedFigure } from './model.js';

export const figureBody = z.object({
  indicator: z.string().regex(/^[a-z0-9_]+$/, 'an indicator name such as casualties_mines_erw'),
  scope: z.string().min(1),
  period: partialDate,
  value: z.number().finite(),
  qualifier: z.enum(QUALIFIERS),
  unit: z.string().min(1),
  source: z.string().min(1),
  citedDocument: z.string().nullable().optional(),
  citedPage: z.string().nullable().optional(),
  edition: z.string().nullable().optional(),
  published: calendarDate
    .nullable()
    .describe('When the edition became public; the edition rule picks the latest on or before a date'),
  notes: z.string().optional(),
});

/** A validated body as the model's figure (the schema has checked the date's shape). */
export function readFigure(b: z.infer<typeof figureBody>): ReportedFigure {
  return {
    indicator: b.indicator,
    scope: b.scope,
    period: b.period,
    value: b.value,
    qualifier: b.qualifier,
    unit: b.unit,
    source: b.source,
    citedDocument: b.citedDocument ?? null,
    citedPage: b.citedPage ?? null,
    edition: b.edition ?? null,
    published: b.published as CalendarDate | null,
    notes: b.notes ?? '',
  };
}
