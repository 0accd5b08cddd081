import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { loadReference } from '../treaty/reference.js';
import { figureFor, figuresKnownOn, latestFigure, publicationDay } from './editions.js';
import type { ReportedFigure } from './model.js';
import { loadReportedFigures } from './reference.js';

const d = (text: string): CalendarDate => parseDate(text);

describe('publication day of a source dated by month or year: the last day of it', () => {
  it.each([
    ['2017-12-14', '2017-12-14'],
    ['2018-03', '2018-03-31'],
    ['2024-02', '2024-02-29'],
    ['2023-02', '2023-02-28'],
    ['2019-11', '2019-11-30'],
    ['2017-06', '2017-06-30'],
    ['2004', '2004-12-31'],
  ])('%s counts as published on %s', (published, day) => {
    expect(publicationDay(parsePartialDate(published))).toBe(day);
  });
});

describe('the edition rule', () => {
  const figure = (value: number, published: string | null, period = '2016'): ReportedFigure => ({
    indicator: 'casualties_mines_erw',
    scope: 'global',
    period,
    value,
    qualifier: 'exact',
    unit: 'casualties',
    source: `S${value}`,
    citedDocument: null,
    citedPage: null,
    edition: null,
    published: published === null ? null : d(published),
    notes: '',
  });
  const editions = [
    figure(8605, '2017-12-01'),
    figure(9437, '2018-11-01'),
    figure(9439, '2020-11-12'),
    figure(1, null),
  ];

  it.each([
    ['2017-11-30', null],
    ['2017-12-01', 8605],
    ['2018-10-31', 8605],
    ['2018-11-01', 9437],
    ['2020-11-11', 9437],
    ['2020-11-12', 9439],
    ['2030-01-01', 9439],
  ])('on %s the figure for 2016 is %s', (asOf, value) => {
    expect(figureFor(figuresKnownOn(editions, d(asOf)), 'casualties_mines_erw', '2016')?.value ?? null).toBe(value);
  });

  it.each([
    ['quoting document first', [true, false]],
    ['edition first', [false, true]],
  ])('on the same day the edition itself wins over a document quoting it (%s)', (_, quoting) => {
    const [a, b] = quoting.map((quotes, i) => ({
      ...figure(100 + i, '2017-12-14'),
      citedDocument: quotes ? 'Landmine Monitor 2017' : null,
    }));
    const known = figuresKnownOn([a!, b!], d('2018-01-01'));
    expect(known.map((f) => f.citedDocument)).toEqual([null]);
  });

  it('takes the most recent period an indicator has', () => {
    const known = figuresKnownOn(
      [figure(10, '2019-01-01', '2017'), figure(20, '2019-01-01', '2018'), figure(30, '2019-01-01', '2018-06')],
      d('2020-01-01'),
    );
    expect(latestFigure(known, 'casualties_mines_erw')?.value).toBe(20);
  });
});

describe('the real data: casualties for 2016, revised twice', () => {
  const figures = loadReportedFigures(loadReference().sources);
  it.each([
    ['2017-12-31', 8605, 'Landmine Monitor 2017'],
    ['2018-12-31', 9437, 'Landmine Monitor 2018'],
    ['2021-01-01', 9439, 'Landmine Monitor 2020 as cited by Humanity & Inclusion'],
  ])('on %s: %i (%s)', (asOf, value) => {
    expect(figureFor(figuresKnownOn(figures, d(asOf)), 'casualties_mines_erw', '2016')?.value).toBe(value);
  });

  it('keeps both disagreeing editions for 2014 and lets the date decide', () => {
    const all = figures
      .filter((f) => f.indicator === 'casualties_mines_erw' && f.period === '2014')
      .map((f) => f.value);
    expect(all).toEqual(expect.arrayContaining([3695, 3993]));
    expect(figureFor(figuresKnownOn(figures, d('2018-06-01')), 'casualties_mines_erw', '2014')?.value).toBe(3695);
    expect(figureFor(figuresKnownOn(figures, d('2019-01-01')), 'casualties_mines_erw', '2014')?.value).toBe(3993);
  });

  it('gives every figure a source and a unit', () => {
    for (const f of figures) {
      expect(f.source).toMatch(/^[A-Z]+\d+[a-z]?$/);
      expect(f.unit).not.toBe('');
    }
  });
});
