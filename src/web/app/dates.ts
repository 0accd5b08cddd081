/**
 * Calendar dates as the API writes them: `YYYY-MM-DD`, or a partial `YYYY-MM` / `YYYY` when a
 * source gives no more precision. Shown to people as "1 June 2018"; never converted to instants.
 */

import { i18n, monthName, t } from './i18n';

/** The Convention opened for signature at Ottawa on 3 December 1997 (Art. 15). */
export const OPENED_FOR_SIGNATURE = '1997-12-03';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Today on the reader's calendar. */
export function today(): string {
  const now = new Date();
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isCalendarDate(text: string): boolean {
  const match = FULL_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * "2018-06-01" -> "1 June 2018"; "2008-03" -> "March 2008"; "2025" -> "2025"; short: "1 Jun 2018".
 * Month names from Intl in the catalogue's language; the order of the parts from the catalogue.
 */
export function formatDate(date: string, short = false): string {
  const [year, month, day] = date.split('-');
  const m = Number(month);
  if (year === undefined || month === undefined || !Number.isInteger(m) || m < 1 || m > 12) return date;
  const name = monthName(m, short);
  const { dayMonthYear, monthYear } = datePatterns();
  return (day === undefined ? monthYear : dayMonthYear)
    .split(DAY)
    .join(String(Number(day)))
    .split(MONTH)
    .join(name)
    .split(YEAR)
    .join(year);
}

// A State page formats hundreds of dates, and each pass through the catalogue's interpolation cost
// about a millisecond on a slow phone: the two patterns are read from the catalogue once per
// language (with markers in place of the parts), then filled by plain string replacement.
const DAY = '\uE000';
const MONTH = '\uE001';
const YEAR = '\uE002';
let patterns: { language: string; dayMonthYear: string; monthYear: string } | null = null;
const forget = (): void => {
  patterns = null;
};
i18n.on('languageChanged', forget);
i18n.on('loaded', forget);

function datePatterns(): { dayMonthYear: string; monthYear: string } {
  const language = i18n.resolvedLanguage ?? '';
  if (patterns?.language !== language)
    patterns = {
      language,
      dayMonthYear: t('common:date.dayMonthYear', { day: DAY, month: MONTH, year: YEAR }),
      monthYear: t('common:date.monthYear', { month: MONTH, year: YEAR }),
    };
  return patterns;
}

/** The day before a full date, computed on the calendar. */
export function dayBefore(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (day > 1) return `${pad(year, 4)}-${pad(month)}-${pad(day - 1)}`;
  if (month > 1) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const last = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 2] ?? 31;
    return `${pad(year, 4)}-${pad(month - 1)}-${pad(last)}`;
  }
  return `${pad(year - 1, 4)}-12-31`;
}

/** What a person typed in a date field, read: a full date, or why it is not one yet. */
export type ReadDate = { date: string } | { problem: 'empty' | 'incomplete' };

/**
 * A date typed as the page shows dates ("1 March 2018", "1 Mar 2018", "March 1, 2018": a day, a month
 * name of the page's language and a four-digit year, in any order) or as `YYYY-MM-DD`. `months[m - 1]`
 * holds the names of month m (long and short), compared without case or a closing dot. Pure.
 */
export function readDate(text: string, months: readonly (readonly string[])[]): ReadDate {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'empty' };
  if (FULL_DATE.test(trimmed)) return isCalendarDate(trimmed) ? { date: trimmed } : { problem: 'incomplete' };
  const fold = (word: string): string => word.toLocaleLowerCase().replace(/\.$/, '');
  const numbers = trimmed.match(/\d+/g) ?? [];
  const words = trimmed.match(/[^\d\s.,/-]+\.?/gu) ?? [];
  if (numbers.length !== 2 || words.length !== 1) return { problem: 'incomplete' };
  const word = fold(words[0] ?? '');
  const month = months.findIndex((names) => names.some((name) => fold(name) === word)) + 1;
  const year = numbers.find((n) => n.length === 4);
  const day = numbers.find((n) => n !== year && n.length <= 2);
  if (month === 0 || year === undefined || day === undefined) return { problem: 'incomplete' };
  const date = `${year}-${pad(month)}-${pad(Number(day))}`;
  return isCalendarDate(date) ? { date } : { problem: 'incomplete' };
}
