import { type CalendarDate, InvalidDateError, dateProblem, daysInMonth, fromParts } from './date.js';

/**
 * A date known only to the precision a source gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * (SOURCES.md, "a partial date means the source gives no more precision").
 */
declare const partialDate: unique symbol;
export type PartialDate = string & { readonly [partialDate]: true };

const YEAR = /^\d{4}$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

export function partialDateProblem(text: string): string | null {
  if (/^0000/.test(text)) return 'a year from 0001';
  if (YEAR.test(text)) return null;
  const match = YEAR_MONTH.exec(text);
  if (match) return Number(match[2]) >= 1 && Number(match[2]) <= 12 ? null : 'a month between 01 and 12';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'a date written YYYY-MM-DD, YYYY-MM or YYYY';
  return dateProblem(text);
}

export function parsePartialDate(text: string): PartialDate {
  const problem = partialDateProblem(text);
  if (problem !== null) throw new InvalidDateError(text, problem);
  return text as PartialDate;
}

/** The first day the partial date can mean. */
export function earliestDay(date: PartialDate): CalendarDate {
  const year = Number(date.slice(0, 4));
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : 1;
  const day = date.length === 10 ? Number(date.slice(8, 10)) : 1;
  return fromParts({ year, month, day });
}

/** The last day the partial date can mean. */
export function latestDay(date: PartialDate): CalendarDate {
  const year = Number(date.slice(0, 4));
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : 12;
  const day = date.length === 10 ? Number(date.slice(8, 10)) : daysInMonth(year, month);
  return fromParts({ year, month, day });
}

/** An exact date is also a partial date at full precision. */
export function asPartialDate(date: CalendarDate): PartialDate {
  return date as string as PartialDate;
}
