import { type CalendarDate, addDays, fromParts, toParts } from '../core/date.js';

/** Art. 7.1: the initial report is due no later than 180 days after entry into force. */
export const INITIAL_REPORT_DAYS = 180;

export function initialReportDue(entryIntoForce: CalendarDate): CalendarDate {
  return addDays(entryIntoForce, INITIAL_REPORT_DAYS);
}

/** Art. 7.2: the annual update covering calendar year `year` is due on 30 April of the next year. */
export function annualReportDue(year: number): CalendarDate {
  return fromParts({ year: year + 1, month: 4, day: 30 });
}

/** The calendar year an annual report due on or after `asOf` covers: the next 30 April's year minus one. */
export function nextAnnualReportYear(asOf: CalendarDate): number {
  const { year } = toParts(asOf);
  return asOf <= annualReportDue(year - 1) ? year - 1 : year;
}
