/**
 * Request bodies of the treaty routes: zod schemas that validate and document them, and the
 * functions that read a validated body into the model (routes never cast).
 */
import { z } from 'zod';
import type { CalendarDate } from '../core/date.js';
import type { PartialDate } from '../core/partial-date.js';
import type { StateCode } from '../core/states.js';
import { calendarDate, partialDate, sourceIds } from '../core/schemas.js';
import { INSTRUMENT_KINDS } from './model.js';
import type { ExtensionDecisionInput, InstrumentInput } from './model.js';

export const instrumentBody = z.object({
  kind: z.enum(INSTRUMENT_KINDS),
  deposited: calendarDate
    .nullable()
    .describe(
      'Date of deposit with the Depositary (of signing, for a signature); null only for a withdrawal known by its effect',
    ),
  effectiveStated: calendarDate.nullable().optional(),
  announced: calendarDate.nullable().optional(),
  armedConflict: z.object({ ended: calendarDate.nullable() }).nullable().optional(),
  sources: sourceIds,
});

export const extensionBody = z.object({
  granted: partialDate.nullable().describe('When the Meeting of States Parties or Review Conference granted it'),
  deadline: partialDate.nullable().describe('The new Article 5 deadline it set'),
  decidedAtMeeting: z.string().min(1).nullable().optional(),
  sources: sourceIds,
});

// The schemas above have checked each date's shape: these only name the type it now has.
const day = (value: string | null | undefined): CalendarDate | null => (value ?? null) as CalendarDate | null;
const partial = (value: string | null): PartialDate | null => value as PartialDate | null;

export function readInstrument(iso3: StateCode, body: z.infer<typeof instrumentBody>): InstrumentInput {
  return {
    iso3,
    kind: body.kind,
    deposited: day(body.deposited),
    effectiveStated: day(body.effectiveStated),
    announced: day(body.announced),
    armedConflict: body.armedConflict ? { ended: day(body.armedConflict.ended) } : null,
    sources: body.sources,
  };
}

export function readExtensionDecision(iso3: StateCode, body: z.infer<typeof extensionBody>): ExtensionDecisionInput {
  return {
    iso3,
    granted: partial(body.granted),
    deadline: partial(body.deadline),
    decidedAtMeeting: body.decidedAtMeeting ?? null,
    sources: body.sources,
  };
}
