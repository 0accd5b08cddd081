import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { type PublishedTotal, reportedTotalOn } from './reported.js';

const d = (text: string): CalendarDate => parseDate(text);
const total = (
  source: string,
  value: number,
  published: string | null,
  period: string = published ?? '2000',
): PublishedTotal => ({
  value,
  qualifier: 'more than',
  source,
  period,
  published: published === null ? null : d(published),
});

// The global totals in data/ (article4_global.csv, reported_figures_icrc_2018.csv), each with the day
// its source counts as published (a bare year from 31 December, a month from its first day).
const totals: PublishedTotal[] = [
  total('S332', 30_700_000, '2004-02-12'),
  total('S30', 41_800_000, '2008-04-02'),
  total('S338', 44_000_000, '2011-06-01', '2010-12-03'),
  total('S43', 47_000_000, '2014-06-23'),
  total('S339', 48_000_000, '2014-12-01', '2014-11'),
  total('S42', 47_000_000, '2015-12-01', '2015-11-30'), // lower than LM2014's 48 million
  total('S340', 48_000_000, '2016-05-21', '2016-05-20'),
  total('S32', 53_000_000, '2017-12-31', '2017-12'), // LM2017, published "2017"
  total('S00', 53_000_000, '2018-03-01', '2017'), // the ICRC fact sheet repeating LM2017
  total('S09', 51_000_000, '2018-06-01'), // the ISU's count: lower, not news of mines un-destroyed
  total('S45', 55_000_000, '2023-11-01', '2023-11'),
  total('S33', 55_000_000, '2024-06-01', '2024-06'),
  total('S49', 53_000_000, '2025-12-09'), // a press report of 22MSP: lower again
  total('S99', 99_000_000, null), // undated: never used
];

describe('reportedTotalOn: the largest cumulative total published by the date, its latest publication', () => {
  it.each([
    ['2004-02-11', null, null], // before the first publication
    ['2004-02-12', 'S332', 30_700_000], // on its publication day
    ['2008-04-01', 'S332', 30_700_000],
    ['2008-04-02', 'S30', 41_800_000],
    ['2011-05-31', 'S30', 41_800_000],
    ['2011-06-01', 'S338', 44_000_000],
    ['2015-11-30', 'S339', 48_000_000],
    ['2015-12-01', 'S339', 48_000_000], // 47 million published later is lower: LM2014 stays
    ['2016-05-20', 'S339', 48_000_000],
    ['2016-05-21', 'S340', 48_000_000], // the same value, published later
    ['2017-12-30', 'S340', 48_000_000],
    ['2017-12-31', 'S32', 53_000_000],
    ['2018-02-28', 'S32', 53_000_000],
    ['2018-03-01', 'S00', 53_000_000],
    ['2018-05-31', 'S00', 53_000_000],
    ['2018-06-01', 'S00', 53_000_000], // the ISU's 51 million does not replace the Monitor's 53
    ['2023-10-31', 'S00', 53_000_000],
    ['2023-11-01', 'S45', 55_000_000],
    ['2024-05-31', 'S45', 55_000_000],
    ['2024-06-01', 'S33', 55_000_000],
    ['2025-12-08', 'S33', 55_000_000],
    ['2025-12-09', 'S33', 55_000_000], // 53 million in December 2025 is lower
  ])('on %s: %s (%s)', (asOf, source, value) => {
    const chosen = reportedTotalOn(totals, d(asOf));
    expect(chosen?.source ?? null).toBe(source);
    expect(chosen?.value ?? null).toBe(value);
  });

  it('between equal values published on one day, takes the later period', () => {
    const same = [total('A', 10, '2020-01-01', '2019'), total('B', 10, '2020-01-01', '2019-12-31')];
    expect(reportedTotalOn(same, d('2020-01-01'))?.source).toBe('A');
    const later = [total('A', 10, '2020-01-01', '2019-06'), total('B', 10, '2020-01-01', '2019-12-31')];
    expect(reportedTotalOn(later, d('2020-01-01'))?.source).toBe('B');
  });

  it('gives the day it was published', () => {
    expect(reportedTotalOn(totals, d('2018-06-01'))?.published).toBe('2018-03-01');
  });
});
