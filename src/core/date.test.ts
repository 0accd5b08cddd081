import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalendarDate,
  addDays,
  addMonths,
  addYears,
  daysBetween,
  daysInMonth,
  fromParts,
  isCalendarDate,
  parseDate,
  toParts,
} from './date.js';
import { earliestDay, latestDay, parsePartialDate, partialDateProblem } from './partial-date.js';

const d = (text: string): CalendarDate => parseDate(text);

describe('parseDate', () => {
  it.each([
    ['1999-03-01', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-1', false],
    ['01/03/1999', false],
    ['', false],
    ['2025-12-31T00:00', false],
  ])('%s is a date: %s', (text, valid) => {
    expect(isCalendarDate(text)).toBe(valid);
  });

  it('says what was expected', () => {
    expect(() => parseDate('2025-02-29')).toThrow(
      '"2025-02-29" is not a date: expected a day between 01 and 28 for 2025-02',
    );
    expect(() => parseDate('1 March 1999')).toThrow('expected a date written YYYY-MM-DD');
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['1998-09-16', 6, '1999-03-16'],
    ['2017-12-13', 6, '2018-06-13'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-31'],
    ['2026-02-20', -6, '2025-08-20'],
    ['2025-01-31', -2, '2024-11-30'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(addMonths(d(from), months)).toBe(to);
  });

  it.each([
    ['2004-02-29', 4, '2008-02-29'],
    ['2004-02-29', 1, '2005-02-28'],
    ['1999-03-01', 10, '2009-03-01'],
  ])('%s + %i years = %s', (from, years, to) => {
    expect(addYears(d(from), years)).toBe(to);
  });

  it.each([
    ['2018-06-01', 180, '2018-11-28'],
    ['2020-03-01', 180, '2020-08-28'],
    ['2019-03-01', 180, '2019-08-28'],
    ['2024-01-01', 180, '2024-06-29'],
    ['2023-01-01', 180, '2023-06-30'],
    ['1999-12-31', 1, '2000-01-01'],
    ['2000-03-01', -1, '2000-02-29'],
  ])('%s + %i days = %s', (from, days, to) => {
    expect(addDays(d(from), days)).toBe(to);
  });

  const dates = fc
    .record({
      year: fc.integer({ min: 1900, max: 2200 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) => fromParts({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

  it('adding days and counting them agree', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -40000, max: 40000 }), (date, n) => {
        const later = addDays(date, n);
        expect(daysBetween(date, later)).toBe(n);
        expect(isCalendarDate(later)).toBe(true);
      }),
    );
  });

  it('adding months keeps the day unless the month is shorter', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -1200, max: 1200 }), (date, n) => {
        const result = toParts(addMonths(date, n));
        const from = toParts(date);
        expect(result.day).toBe(Math.min(from.day, daysInMonth(result.year, result.month)));
        expect(result.year * 12 + result.month - (from.year * 12 + from.month)).toBe(n);
      }),
    );
  });
});

describe('partial dates', () => {
  it.each([
    ['2011', '2011-01-01', '2011-12-31'],
    ['2008-03', '2008-03-01', '2008-03-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2017-04-05', '2017-04-05', '2017-04-05'],
  ])('%s spans %s to %s', (text, first, last) => {
    const date = parsePartialDate(text);
    expect([earliestDay(date), latestDay(date)]).toEqual([first, last]);
  });

  it.each(['2011-13', '20111', '2025-02-30', '?'])('%s is refused', (text) => {
    expect(partialDateProblem(text)).not.toBeNull();
  });
});
