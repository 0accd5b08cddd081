/**
 * Calendar-year and square-metre helpers the clearance rules share: figures are reported per
 * calendar year (Art. 7), areas in m².
 */
import { type CalendarDate, fromParts } from '../core/date.js';

export const yearOf = (date: CalendarDate): number => Number(date.slice(0, 4));

/** 2026-06-30 → 20260630: ordered like the dates, cheap to sort and search, and comparable in a map filter. */
export const dateNumber = (date: CalendarDate): number =>
  Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));

const yearEnds = new Map<number, CalendarDate>();

/** 31 December of a year; remembered, since the rules ask for it once per area and year. */
export function endOfYear(year: number): CalendarDate {
  let end = yearEnds.get(year);
  if (end === undefined) yearEnds.set(year, (end = fromParts({ year, month: 12, day: 31 })));
  return end;
}

/** The last day of `year` that the as-of date lets us see. */
export const yearEndSeen = (year: number, asOf: CalendarDate): CalendarDate => {
  const end = endOfYear(year);
  return end < asOf ? end : asOf;
};

/** m² for output: to the centimetre² grid, and no "-0" in JSON. */
export function roundM2(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

/** m² in a sentence: whole square metres with thousands separated ("8,500 m²"). */
export const m2Text = (value: number): string => `${Math.round(value).toLocaleString('en')} m²`;
