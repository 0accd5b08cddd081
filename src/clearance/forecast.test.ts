import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { DAYS_PER_YEAR, deadlineDay, forecastCompletion, projectCompletion } from './forecast.js';

const d = (text: string): CalendarDate => parseDate(text);
const rates = (entries: [number, number][]): Map<number, number> => new Map(entries);

// 2023-2025 released 100,000, 200,000 and 300,000 m²: mean 200,000, low 100,000, high 300,000.
const threeYears = rates([
  [2023, 100_000],
  [2024, 200_000],
  [2025, 300_000],
]);
const endOf2025 = d('2025-12-31');

describe('projected completion', () => {
  it('projects the mean, low and high cases by hand', () => {
    // 400,000 m² at 200,000 a year = 2 years = ⌈730.485⌉ = 731 days after 31 Dec 2025 = 1 Jan 2028.
    // Low: 4 years = ⌈1460.97⌉ = 1461 days (2028 is leap) = 31 Dec 2029. High: 4/3 year = ⌈486.99⌉ = 487 days = 2 May 2027.
    const forecast = forecastCompletion({
      asOf: endOf2025,
      remainingM2: 400_000,
      releasedByYear: threeYears,
      deadline: d('2030-03-01'),
    });
    expect(forecast).toMatchObject({
      completion: '2028-01-01',
      low: '2029-12-31',
      high: '2027-05-02',
      verdict: 'on-track',
    });
    expect(forecast.basis).toEqual({
      years: [2023, 2024, 2025],
      meanM2PerYear: 200_000,
      lowM2PerYear: 100_000,
      highM2PerYear: 300_000,
    });
  });

  it.each([
    ['2029-12-31', 'on-track'], // the low case lands on the deadline itself
    ['2029-12-30', 'at-risk'], // the mean case meets it, the low case does not
    ['2028-01-01', 'at-risk'], // the mean case lands on the year-end boundary
    ['2027-12-31', 'off-track'], // the mean case misses by a day
  ])('deadline %s: %s', (deadline, verdict) => {
    expect(
      forecastCompletion({ asOf: endOf2025, remainingM2: 400_000, releasedByYear: threeYears, deadline: d(deadline) })
        .verdict,
    ).toBe(verdict);
  });

  it('compares to a 29 February deadline to the day', () => {
    // 432,589 m² at 200,000 a year = 789.9987 days (790 days hold 432,589.29 m²) → 790 days after 31 Dec 2025 = 29 Feb 2028.
    const input = { asOf: endOf2025, remainingM2: 432_589, releasedByYear: threeYears };
    expect(forecastCompletion({ ...input, deadline: d('2028-02-29') })).toMatchObject({
      completion: '2028-02-29',
      verdict: 'at-risk',
    });
    expect(forecastCompletion({ ...input, deadline: d('2028-02-28') }).verdict).toBe('off-track');
    // A deadline the engine knows only to the month holds until its last day, 29 Feb in a leap year.
    expect(deadlineDay(parsePartialDate('2028-02'))).toBe('2028-02-29');
    expect(deadlineDay(parsePartialDate('2027-02'))).toBe('2027-02-28');
    expect(deadlineDay(null)).toBeNull();
  });

  it('works from complete years only: mid-year, the current year is left out', () => {
    const forecast = forecastCompletion({
      asOf: d('2025-06-30'),
      remainingM2: 100_000,
      releasedByYear: rates([
        [2022, 50_000],
        [2023, 100_000],
        [2024, 150_000],
        [2025, 999_999],
      ]),
      deadline: d('2030-01-01'),
    });
    expect(forecast.basis?.years).toEqual([2022, 2023, 2024]);
    expect(forecast.basis?.meanM2PerYear).toBe(100_000);
    // One year at 100,000 = ⌈365.2425⌉ = 366 days after 30 Jun 2025 = 1 Jul 2026.
    expect(forecast.completion).toBe('2026-07-01');
  });

  it('starts the basis at the first year with a release', () => {
    const forecast = forecastCompletion({
      asOf: endOf2025,
      remainingM2: 1,
      releasedByYear: rates([
        [2024, 100_000],
        [2025, 300_000],
      ]),
      deadline: null,
    });
    expect(forecast.basis?.years).toEqual([2024, 2025]);
    expect(forecast.verdict).toBe('unknown'); // no deadline
  });

  it('counts a year with nothing released as a rate of zero: the low case never finishes', () => {
    const forecast = forecastCompletion({
      asOf: endOf2025,
      remainingM2: 100_000,
      releasedByYear: rates([
        [2022, 50_000],
        [2024, 100_000],
        [2025, 200_000],
      ]),
      deadline: d('2030-01-01'),
    });
    expect(forecast.basis).toMatchObject({ years: [2023, 2024, 2025], meanM2PerYear: 100_000, lowM2PerYear: 0 });
    expect(forecast.low).toBeNull();
    expect(forecast.verdict).toBe('at-risk');
  });

  it('is off-track when nothing was released in the last three years', () => {
    const forecast = forecastCompletion({
      asOf: endOf2025,
      remainingM2: 100_000,
      releasedByYear: rates([[2020, 50_000]]),
      deadline: d('2030-01-01'),
    });
    expect(forecast).toMatchObject({ completion: null, verdict: 'off-track' });
  });

  it('is unknown with less than a complete year of releases', () => {
    const forecast = forecastCompletion({
      asOf: d('2025-06-30'),
      remainingM2: 100_000,
      releasedByYear: rates([[2025, 60_000]]),
      deadline: d('2030-01-01'),
    });
    expect(forecast).toMatchObject({ completion: null, low: null, high: null, verdict: 'unknown', basis: null });
  });

  it('is done on the as-of date when nothing remains', () => {
    expect(
      forecastCompletion({ asOf: endOf2025, remainingM2: 0, releasedByYear: rates([]), deadline: d('2030-01-01') }),
    ).toMatchObject({ completion: '2025-12-31', verdict: 'on-track' });
  });

  it('gives no date past the calendar', () => {
    expect(projectCompletion(endOf2025, 1e12, 1)).toBeNull();
    // A year's rate for 30 days' worth: the last day of the calendar itself, and not one day more.
    expect(projectCompletion(d('9999-12-01'), 30, DAYS_PER_YEAR)).toBe('9999-12-31');
    expect(projectCompletion(d('9999-12-01'), 31, DAYS_PER_YEAR)).toBeNull();
  });

  it.each([
    ['nothing left, no rate', 0, 0, '2025-12-31'],
    ['nothing left, a rate', 0, 100, '2025-12-31'],
    ['less than nothing left (releases beyond the areas)', -5, 100, '2025-12-31'],
    ['no rate', 100, 0, null],
    ['a negative rate', 100, -5, null],
    ['a rate that is not a number', 100, Number.NaN, null],
    ['one year at its rate: 366 days', 100, 100, '2027-01-01'],
  ])('projects %s', (_, remaining, rate, expected) => {
    expect(projectCompletion(endOf2025, remaining, rate)).toBe(expected);
  });

  it('is unknown, not on track, when nothing remains and no deadline is known', () => {
    expect(
      forecastCompletion({ asOf: endOf2025, remainingM2: 0, releasedByYear: rates([]), deadline: null }),
    ).toMatchObject({ completion: '2025-12-31', verdict: 'unknown' });
  });

  it('starts the basis at the first year with a release, not at a year recorded with none', () => {
    const forecast = forecastCompletion({
      asOf: endOf2025,
      remainingM2: 300_000,
      releasedByYear: rates([
        [2024, 0],
        [2025, 300_000],
      ]),
      deadline: d('2030-01-01'),
    });
    expect(forecast.basis).toEqual({
      years: [2025],
      meanM2PerYear: 300_000,
      lowM2PerYear: 300_000,
      highM2PerYear: 300_000,
    });
    expect(forecast).toMatchObject({ completion: '2027-01-01', verdict: 'on-track' });
  });

  it('counts the as-of year once its 31 December is the as-of date', () => {
    const input = { remainingM2: 100_000, releasedByYear: rates([[2025, 100_000]]), deadline: d('2030-01-01') };
    expect(forecastCompletion({ ...input, asOf: endOf2025 }).basis?.years).toEqual([2025]);
    expect(forecastCompletion({ ...input, asOf: d('2025-12-30') }).basis).toBeNull();
  });
});

describe('properties', () => {
  const asOf = fc.integer({ min: 1999, max: 2040 }).map((y) => d(`${y}-12-31`));
  const remaining = fc.double({ min: 0, max: 1e9, noNaN: true });
  const rate = fc.double({ min: 0, max: 1e8, noNaN: true });
  const later = (a: CalendarDate | null, b: CalendarDate | null): boolean =>
    a === null ? true : b === null ? false : a >= b;

  it('completion never comes earlier at a lower rate', () => {
    fc.assert(
      fc.property(asOf, remaining, rate, rate, (date, left, r1, r2) => {
        const [slow, fast] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(later(projectCompletion(date, left, slow), projectCompletion(date, left, fast))).toBe(true);
      }),
    );
  });

  it('completion never comes earlier with more left to release', () => {
    fc.assert(
      fc.property(asOf, remaining, remaining, rate, (date, a, b, r) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(later(projectCompletion(date, more, r), projectCompletion(date, less, r))).toBe(true);
      }),
    );
  });

  it('orders the cases: high ≤ mean ≤ low', () => {
    const history = fc.array(
      fc.tuple(fc.integer({ min: 2015, max: 2025 }), fc.double({ min: 0, max: 1e7, noNaN: true })),
      { maxLength: 11 },
    );
    fc.assert(
      fc.property(remaining, history, (left, entries) => {
        const f = forecastCompletion({
          asOf: endOf2025,
          remainingM2: left,
          releasedByYear: new Map(entries),
          deadline: d('2030-01-01'),
        });
        if (f.verdict === 'unknown') return;
        expect(later(f.completion, f.high)).toBe(true);
        expect(later(f.low, f.completion)).toBe(true);
      }),
    );
  });
});
