/**
 * Numbers, dates and lists as people read them, through `Intl` in the catalogue's language.
 * The order of a date's parts and the words around a list come from the catalogue
 * (`common:date.*`, `common:list.*`); month names and digit grouping come from `Intl`.
 */
import { i18n } from './catalogue.js';

const lng = (): string => i18n.resolvedLanguage ?? 'en';

/** 8,605 — 1,234.5: grouping and decimals of the language (`Intl.NumberFormat`). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(lng(), options).format(value);
}

/** A count, rounded to a whole number: 4,472,912. */
export const formatInteger = (value: number): string => formatNumber(Math.round(value), { maximumFractionDigits: 0 });

/** "March", or "Mar" when short (month 1 to 12). */
export function monthName(month: number, short = false): string {
  return new Intl.DateTimeFormat(lng(), { month: short ? 'short' : 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

/**
 * A calendar date as the data writes it, in words: "1999-03-01" -> "1 March 1999"; a partial
 * "2008-03" -> "March 2008"; "2025" -> "2025". Anything else is returned as it is. Never turned
 * into an instant, so no time zone can move the day.
 */
export function formatDate(date: string, short = false): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year = '', month, day] = match;
  if (month === undefined) return year;
  const m = Number(month);
  if (m < 1 || m > 12) return date;
  const name = monthName(m, short);
  if (day === undefined) return i18n.t('common:date.monthYear', { month: name, year });
  return i18n.t('common:date.dayMonthYear', { day: String(Number(day)), month: name, year });
}

/** "Greece, Ukraine and Belarus": the words between the items come from the catalogue. */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const init = items.slice(0, -1).join(i18n.t('common:list.separator'));
  return i18n.t('common:list.last', { init, last: items[items.length - 1] ?? '' });
}
