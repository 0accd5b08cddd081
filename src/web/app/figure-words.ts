/**
 * Reported figures in words, as the fact sheet writes them: "at least 8,605 casualties",
 * "US$479.5 million", "about 170 km²". Numbers are never rounded beyond what the source gave:
 * "million" is used only when the value is a whole number of hundred thousands.
 */
import type { ReportedFigure } from './api';
import { formatDate } from './dates';

type Qualifier = ReportedFigure['qualifier'];

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  about: 'about ',
  'more than': 'more than ',
  'at least': 'at least ',
  almost: 'almost ',
};

/** 8,605 — 53 million — 5.5 million — 479.5 million */
export function amount(value: number): string {
  if (Math.abs(value) >= 1e6 && value % 1e5 === 0)
    return `${(value / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} million`;
  return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** The unit after a number: "casualties", "States", "km²"; "" for US dollars and per cent, which are written around it. */
function unitWords(unit: string, value: number): string {
  const one = value === 1;
  switch (unit) {
    case 'USD':
    case 'percent':
      return '';
    case 'casualties':
      return one ? 'casualty' : 'casualties';
    case 'states':
      return one ? 'State' : 'States';
    case 'mines':
      return one ? 'mine' : 'mines';
    case 'donors':
      return one ? 'donor' : 'donors';
    case 'km2':
      return 'km²';
    default:
      return unit;
  }
}

/** A number with its unit, without the qualifier: "8,605 casualties", "US$479.5 million", "64%". */
export function valueWithUnit(value: number, unit: string, write: (value: number) => string = amount): string {
  if (unit === 'USD') return `US$${write(value)}`;
  if (unit === 'percent') return `${write(value)}%`;
  const words = unitWords(unit, value);
  return words === '' ? write(value) : `${write(value)} ${words}`;
}

/** The figure as the source gave it: "at least 8,605 casualties". */
export function figureWords(figure: Pick<ReportedFigure, 'value' | 'qualifier' | 'unit'>): string {
  return `${QUALIFIER_WORDS[figure.qualifier]}${valueWithUnit(figure.value, figure.unit)}`;
}

/** What the unit is, for an axis: "casualties", "US dollars", "per cent". */
export function unitName(unit: string): string {
  switch (unit) {
    case 'USD':
      return 'US dollars';
    case 'percent':
      return 'per cent';
    case 'km2':
      return 'square kilometres';
    default:
      return unitWords(unit, 2);
  }
}

/** A number on a chart axis: "8,000", "500 million". */
export function axisAmount(value: number): string {
  if (value !== 0 && Math.abs(value) >= 1e6)
    return `${(value / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} million`;
  return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** What a figure is about: "2016", "December 2017", "20 December 2017". */
export function periodWords(period: string): string {
  return formatDate(period);
}

/** "LM2017" -> "Landmine Monitor 2017"; "LM2020/LM2021" -> "Landmine Monitor 2020/2021". */
export function editionName(edition: string): string {
  const years = edition.split('/').map((part) => /^LM(\d{4})$/.exec(part.trim())?.[1]);
  if (years.every((year) => year !== undefined)) return `Landmine Monitor ${years.join('/')}`;
  return edition;
}
