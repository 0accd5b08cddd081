/** Zod schemas shared by routes: they validate requests and document them in OpenAPI. */
import { z } from 'zod';
import { type CalendarDate, dateProblem, today } from '../core/date.js';
import { partialDateProblem } from '../core/partial-date.js';
import { type StateCode, isStateCode } from '../core/states.js';
import { HttpProblem } from './problem.js';

export const calendarDate = z
  .string()
  .superRefine((value, ctx) => {
    const problem = dateProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('A calendar date, YYYY-MM-DD');

export const partialDate = z
  .string()
  .superRefine((value, ctx) => {
    const problem = partialDateProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('A date to the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD');

export const asOfQuery = z.object({
  asOf: calendarDate.optional().describe('The date to answer for, YYYY-MM-DD (default: today)'),
});

export const asOf = (query: { asOf?: string | undefined }): CalendarDate =>
  (query.asOf as CalendarDate | undefined) ?? today();

export const iso3Param = z.object({
  iso3: z.string().describe('ISO 3166-1 alpha-3 code of a State, for example KHM (any case)'),
});

export const sourceIds = z
  .array(z.string().regex(/^[A-Z]+\d+[a-z]?$/, 'a source id such as S02'))
  .min(1, 'at least one source id');

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
