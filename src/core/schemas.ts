/**
 * Zod schemas of the core values (dates, partial dates, source ids): request bodies and imports
 * validate with them, and the OpenAPI document describes them.
 */
import { z } from 'zod';
import { dateProblem } from './date.js';
import { partialDateProblem } from './partial-date.js';

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

export const sourceIds = z
  .array(z.string().regex(/^[A-Z]+\d+[a-z]?$/, 'a source id such as S02'))
  .min(1, 'at least one source id');
