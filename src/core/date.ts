/**
 * Calendar dates (DESIGN.md §3): `YYYY-MM-DD` values with no time zone. Arithmetic works on
 * year, month and day, never on milliseconds, so no clock or zone can shift a legal date.
 */
declare const calendarDate: unique symbol;
export type CalendarDate = string & { readonly [calendarDate]: true };

export interface YearMonthDay {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export class InvalidDateError extends Error {
  constructor(
    readonly text: string,
    readonly expected: string,
  ) {
    super(`"${text}" is not a date: expected ${expected}`);
    this.name = 'InvalidDateError';
  }
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why `text` is not a calendar date, or null when it is one. */
export function dateProblem(text: string): string | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return 'a date written YYYY-MM-DD (for example 1999-03-01)';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1) return 'a year from 0001';
  if (month < 1 || month > 12) return 'a month between 01 and 12';
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `a day between 01 and ${last} for ${match[1]}-${match[2]}`;
  return null;
}

export function isCalendarDate(text: string): text is CalendarDate {
  return dateProblem(text) === null;
}

export function parseDate(text: string): CalendarDate {
  const problem = dateProblem(text);
  if (problem !== null) throw new InvalidDateError(text, problem);
  return text as CalendarDate;
}

export function toParts(date: CalendarDate): YearMonthDay {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function fromParts({ year, month, day }: YearMonthDay): CalendarDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseDate(text);
}

/** Negative when a is earlier, 0 when equal, positive when later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/**
 * Adds calendar months. When the day does not exist in the target month (31 Aug + 6 months),
 * it becomes that month's last day (28 or 29 Feb): the usual reading of "six months after".
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = toParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return fromParts({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

export function firstDayOfMonth(date: CalendarDate): CalendarDate {
  return fromParts({ ...toParts(date), day: 1 });
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
function dayNumber({ year, month, day }: YearMonthDay): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(days: number): YearMonthDay {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromParts(fromDayNumber(dayNumber(toParts(date)) + days));
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(toParts(to)) - dayNumber(toParts(from));
}

/** Today's date where the program runs (the user's calendar day, not UTC's). */
export function today(now: Date = new Date()): CalendarDate {
  return fromParts({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}
