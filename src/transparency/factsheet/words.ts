/**
 * Figures and dates in the fact sheet's words, from the catalogue (`factsheet:qualifier.*`,
 * `factsheet:unit.*`) and `Intl` (src/i18n): "at least 8,605", "US$479.5 million", "13 December 2017".
 */
import type { CalendarDate } from '../../core/date.js';
import type { Qualifier } from '../../core/source.js';
import { formatDate, formatList, formatNumber, t } from '../../i18n/index.js';

/** 13 December 2017 */
export function longDate(date: CalendarDate): string {
  return formatDate(date);
}

/** A period as written in prose: `2016`, `December 2017`, `13 December 2017`. */
export function periodWords(period: string): string {
  return formatDate(period);
}

const QUALIFIER = {
  exact: 'factsheet:qualifier.exact',
  about: 'factsheet:qualifier.about',
  'more than': 'factsheet:qualifier.moreThan',
  'at least': 'factsheet:qualifier.atLeast',
  almost: 'factsheet:qualifier.almost',
} as const satisfies Record<Qualifier, string>;

/** 8,605 — 53 million — 5.5 million */
export function amount(value: number): string {
  if (value >= 1e6 && value % 1e5 === 0)
    return t('common:number.million', { value: formatNumber(value / 1e6, { maximumFractionDigits: 1 }) });
  return formatNumber(value, { maximumFractionDigits: 1 });
}

export function qualified(qualifier: Qualifier, value: number, unit = ''): string {
  const text =
    unit === 'USD'
      ? t('factsheet:unit.usd', { value: amount(value) })
      : unit === 'percent'
        ? t('factsheet:unit.percent', { value: amount(value) })
        : amount(value);
  return t(QUALIFIER[qualifier], { value: text });
}

/** "Greece, Ukraine and Belarus" */
export function list(items: readonly string[]): string {
  return formatList(items);
}
