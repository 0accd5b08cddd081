/**
 * Request bodies and queries of the victim assistance routes, and `read*()` that turn a validated
 * body into the model through the same checks as an import (routes never cast).
 */
import { z } from 'zod';
import type { CalendarDate } from '../core/date.js';
import { calendarDate } from '../core/schemas.js';
import type { StateCode } from '../core/states.js';
import { CONSENTS, type CasualtyRecord, type PersonalDetails } from './model.js';
import { RECORD_COLUMNS, type RecordColumn, type RecordProblem, readRecord } from './records.js';

/** A record as text fields, the columns of a casualty file (absent = empty). */
export const recordFields = z
  .object(
    Object.fromEntries(RECORD_COLUMNS.map((c) => [c, z.string().max(200).optional()])) as Record<
      RecordColumn,
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict();

export const personalBody = z
  .object({
    name: z.string().max(200).nullable(),
    contact: z.string().max(500).nullable(),
    consent: z.enum(CONSENTS),
    consentDate: calendarDate.nullable(),
  })
  .strict();

export const recordsBody = z
  .object({
    records: z.array(recordFields).min(1).max(10_000),
  })
  .strict();

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
});

export const recordIdParam = z.object({ id: z.string().max(64).describe('The pseudonymous id of a record') });

/** The records of a body, or every problem as `records[i].field`. */
export function readRecords(
  body: z.infer<typeof recordsBody>,
  state: StateCode,
  today: CalendarDate,
): { records: CasualtyRecord[]; problems: { field: string; expected: string }[] } {
  const records: CasualtyRecord[] = [];
  const problems: { field: string; expected: string }[] = [];
  const seen = new Set<string>();
  body.records.forEach((fields, i) => {
    const { record, problems: found } = readRecord((f) => fields[f] ?? '', state, today);
    found.forEach((p: RecordProblem) => problems.push({ field: `records[${i}].${p.field}`, expected: p.expected }));
    if (record === null) return;
    if (seen.has(record.id))
      problems.push({ field: `records[${i}].id`, expected: 'an id not used before in the body' });
    seen.add(record.id);
    records.push(record);
  });
  return { records, problems };
}

export const readPersonalBody = (recordId: string, body: z.infer<typeof personalBody>): PersonalDetails => ({
  recordId,
  name: body.name,
  contact: body.contact,
  consent: body.consent,
  consentDate: body.consentDate as CalendarDate | null,
});
