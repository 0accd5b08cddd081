/** Zod schemas shared by routes: they validate requests and document them in OpenAPI. */
export { calendarDate, partialDate, sourceIds } from '../core/schemas.js';
import { z } from 'zod';
import type { CalendarDate } from '../core/date.js';
import { today } from '../core/date.js';
import { calendarDate } from '../core/schemas.js';
import { type StateCode, isStateCode } from '../core/states.js';
import { HttpProblem } from './problem.js';

export const asOfQuery = z.object({
  asOf: calendarDate.optional().describe('The date to answer for, YYYY-MM-DD (default: today)'),
});

export const asOf = (query: { asOf?: string | undefined }): CalendarDate =>
  (query.asOf as CalendarDate | undefined) ?? today();

export const iso3Param = z.object({
  iso3: z.string().describe('ISO 3166-1 alpha-3 code of a State, for example KHM (any case)'),
});

/** A known State code, upper-cased; null when it is not one of the 197. */
export function stateCode(text: string): StateCode | null {
  const code = text.toUpperCase();
  return isStateCode(code) ? code : null;
}

/** The State a path names, or a 404 problem saying what a code looks like. */
export function knownState(text: string): StateCode {
  const code = stateCode(text);
  if (!code)
    throw new HttpProblem(
      404,
      `"${text}" is not one of the 197 States: expected an ISO 3166-1 alpha-3 code such as KHM.`,
      [{ field: 'path.iso3', expected: 'an ISO 3166-1 alpha-3 code of one of the 197 States' }],
    );
  return code;
}
