import { type CalendarDate, toParts } from '../../core/date.js';
import type { Qualifier } from '../../core/source.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 13 December 2017 */
export function longDate(date: CalendarDate): string {
  const { year, month, day } = toParts(date);
  return `${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}

/** A period as written in prose: `2016`, `December 2017`, `13 December 2017`. */
export function periodWords(period: string): string {
  if (period.length === 4) return period;
  if (period.length === 7) return `${MONTHS[Number(period.slice(5, 7)) - 1] ?? ''} ${period.slice(0, 4)}`;
  return longDate(period as CalendarDate);
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  about: 'about ',
  'more than': 'more than ',
  'at least': 'at least ',
  almost: 'almost ',
};

/** 8,605 — 53 million — 5.5 million */
export function amount(value: number): string {
  if (value >= 1e6 && value % 1e5 === 0)
    return `${(value / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} million`;
  return value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

export function qualified(qualifier: Qualifier, value: number, unit = ''): string {
  const money = unit === 'USD';
  const text = money ? `US$${amount(value)}` : unit === 'percent' ? `${amount(value)}%` : amount(value);
  return `${QUALIFIER_WORDS[qualifier]}${text}`;
}

/** "Greece, Ukraine and Belarus" */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
