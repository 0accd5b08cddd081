/**
 * Reported figures in words, as the fact sheet writes them: "at least 8,605 casualties",
 * "US$479.5 million", "about 170 km²". Numbers are never rounded beyond what the source gave:
 * "million" is used only when the value is a whole number of hundred thousands.
 */
import type { ReportedFigure } from './api';
import { formatDate } from './dates';
import { formatNumber, t } from './i18n';

type Qualifier = ReportedFigure['qualifier'];

const QUALIFIER = {
  exact: 'web:figureWords.qualifier.exact',
  about: 'web:figureWords.qualifier.about',
  'more than': 'web:figureWords.qualifier.moreThan',
  'at least': 'web:figureWords.qualifier.atLeast',
  almost: 'web:figureWords.qualifier.almost',
} as const satisfies Record<Qualifier, string>;

const million = (value: number): string =>
  t('common:number.million', { value: formatNumber(value / 1e6, { maximumFractionDigits: 1 }) });

/** 8,605 — 53 million — 5.5 million — 479.5 million */
export function amount(value: number): string {
  if (Math.abs(value) >= 1e6 && value % 1e5 === 0) return million(value);
  return formatNumber(value, { maximumFractionDigits: 2 });
}

/** The unit after a number: "casualties", "States", "km²"; "" for US dollars and per cent, which are written around it. */
function unitWords(unit: string, value: number): string {
  const count = value === 1 ? 1 : 2;
  switch (unit) {
    case 'USD':
    case 'percent':
      return '';
    case 'casualties':
      return t('web:figureWords.unit.casualties', { count });
    case 'states':
      return t('web:figureWords.unit.states', { count });
    case 'mines':
      return t('web:figureWords.unit.mines', { count });
    case 'donors':
      return t('web:figureWords.unit.donors', { count });
    case 'km2':
      return t('web:figureWords.unit.km2');
    default:
      return unit;
  }
}

/** A number with its unit, without the qualifier: "8,605 casualties", "US$479.5 million", "64%". */
export function valueWithUnit(value: number, unit: string, write: (value: number) => string = amount): string {
  if (unit === 'USD') return t('web:figureWords.usd', { value: write(value) });
  if (unit === 'percent') return t('web:figureWords.percent', { value: write(value) });
  const words = unitWords(unit, value);
  return words === '' ? write(value) : t('web:figureWords.withUnit', { value: write(value), unit: words });
}

/** The figure as the source gave it: "at least 8,605 casualties". */
export function figureWords(figure: Pick<ReportedFigure, 'value' | 'qualifier' | 'unit'>): string {
  return t(QUALIFIER[figure.qualifier], { value: valueWithUnit(figure.value, figure.unit) });
}

/** What the unit is, for an axis: "casualties", "US dollars", "per cent". */
export function unitName(unit: string): string {
  switch (unit) {
    case 'USD':
      return t('web:figureWords.unitName.usd');
    case 'percent':
      return t('web:figureWords.unitName.percent');
    case 'km2':
      return t('web:figureWords.unitName.km2');
    default:
      return unitWords(unit, 2);
  }
}

/** A number on a chart axis: "8,000", "500 million". */
export function axisAmount(value: number): string {
  if (value !== 0 && Math.abs(value) >= 1e6) return million(value);
  return formatNumber(value, { maximumFractionDigits: 2 });
}

/** What a figure is about: "2016", "December 2017", "20 December 2017". */
export function periodWords(period: string): string {
  return formatDate(period);
}

/** "LM2017" -> "Landmine Monitor 2017"; "LM2020/LM2021" -> "Landmine Monitor 2020/2021". */
export function editionName(edition: string): string {
  const years = edition.split('/').map((part) => /^LM(\d{4})$/.exec(part.trim())?.[1]);
  if (years.every((year) => year !== undefined)) return t('web:figureWords.edition', { years: years.join('/') });
  return edition;
}

/** A number with its qualifier and no unit: "at least 8,605". */
export function qualifiedAmount(qualifier: Qualifier, value: number): string {
  return t(QUALIFIER[qualifier], { value: amount(value) });
}
