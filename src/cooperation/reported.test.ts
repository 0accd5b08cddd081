import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../core/date.js';
import { figuresKnownOn } from '../transparency/editions.js';
import type { PublishedFigure } from './model.js';
import { flow } from './test-flows.js';
import { fundingAnswer } from './totals.js';
import { fundingAnswerOn, latestReportedYear, reportedFundingAnswer } from './reported.js';

const day = (d: string): CalendarDate => d as CalendarDate;

const figure = (
  indicator: string,
  period: string,
  value: number,
  source: string,
  published: string,
  more: Partial<PublishedFigure> = {},
): PublishedFigure => ({
  indicator,
  scope: 'global',
  period,
  value,
  qualifier: 'exact',
  unit: indicator.includes('share') ? 'percent' : 'USD',
  source,
  citedDocument: null,
  citedPage: null,
  edition: null,
  published: day(published),
  notes: '',
  ...more,
});

// The 2015 figures as three editions published them (data/funding_by_year.csv, the ICRC fact sheet).
const FIGURES: PublishedFigure[] = [
  figure('international_support_usd', '2015', 340_100_000, 'S95', '2016-11-01', { edition: 'LM2016' }),
  figure('international_support_usd', '2015', 394_000_000, 'S320', '2017-12-01', { edition: 'LM2017' }),
  figure('national_support_usd', '2015', 131_200_000, 'S320', '2017-12-01', { edition: 'LM2017' }),
  figure('international_support_usd', '2015', 352_000_000, 'S00', '2018-03-01', {
    qualifier: 'about',
    citedDocument: 'ICBL, Global Support for Mine Action factsheet, June 2017',
  }),
  figure('international_support_share_clearance_risk_education', '2015', 64, 'S00', '2018-03-01'),
  figure('international_support_share_victim_assistance', '2015', 7, 'S00', '2018-03-01'),
  figure('international_support_share_stockpile_destruction', '2015', 1, 'S00', '2018-03-01'),
  figure('affected_states_self_funding_usd', '2015', 130_000_000, 'S00', '2018-03-01', { qualifier: 'more than' }),
  figure('international_support_usd', '2016', 479_500_000, 'S320', '2017-12-01', { edition: 'LM2017' }),
  figure('total_support_usd', '2016', 564_500_000, 'S320', '2017-12-01', { edition: 'LM2017' }),
];

const on = (asOf: string, year?: number) =>
  reportedFundingAnswer(figuresKnownOn(FIGURES, day(asOf)), { asOf: day(asOf), year });

describe('reportedFundingAnswer: the figures known on the date, quoted', () => {
  it.each([
    ['the day before LM2016: nothing', '2016-10-31', null, null, 'none'],
    ['LM2016 published that day', '2016-11-01', 340_100_000, null, 'reported'],
    ['the day before LM2017', '2017-11-30', 340_100_000, null, 'reported'],
    ['LM2017 revises it, national from LM2017', '2017-12-01', 394_000_000, 131_200_000, 'reported'],
    ['the day before the ICRC fact sheet', '2018-02-28', 394_000_000, 131_200_000, 'reported'],
    ['the ICRC fact sheet (2018-03-01)', '2018-03-01', 352_000_000, 130_000_000, 'reported'],
  ])('%s', (_, asOf, international, national, basis) => {
    const answer = on(asOf, 2015);
    expect(answer.international).toBe(international);
    expect(answer.national).toBe(national);
    expect(answer.basis).toBe(basis);
  });

  it('as of 2018-03-01: the seed’s 2015 figures with their sources and the document cited', () => {
    const answer = on('2018-03-01', 2015);
    expect(answer).toMatchObject({
      year: 2015,
      total: null,
      bySector: [
        { sector: 'clearance-risk-education', amount: null, share: 0.64 },
        { sector: 'victim-assistance', amount: null, share: 0.07 },
        { sector: 'stockpile-destruction', amount: null, share: 0.01 },
      ],
      topDonors: [],
      source: ['S00'],
    });
    expect(answer.reported.map((q) => [q.indicator, q.qualifier, q.source])).toEqual([
      ['international_support_usd', 'about', 'S00'],
      ['affected_states_self_funding_usd', 'more than', 'S00'],
      ['international_support_share_clearance_risk_education', 'exact', 'S00'],
      ['international_support_share_victim_assistance', 'exact', 'S00'],
      ['international_support_share_stockpile_destruction', 'exact', 'S00'],
    ]);
    expect(answer.reported[0]?.citedDocument).toContain('June 2017');
  });

  it('without a year: the latest year with a figure on the date', () => {
    expect(on('2017-11-30').year).toBe(2015);
    expect(on('2017-12-01')).toMatchObject({ year: 2016, international: 479_500_000, total: 564_500_000 });
    expect(latestReportedYear([])).toBeNull();
  });

  it('stored flows of the year win; a donor or recipient asked never falls back to global figures', () => {
    const known = figuresKnownOn(FIGURES, day('2018-03-01'));
    const flows = [flow({ usd: 10, year: 2015 })];
    const withFlows = fundingAnswer(flows, { asOf: day('2018-03-01'), year: 2015 });
    expect(fundingAnswerOn(withFlows, known, { asOf: day('2018-03-01'), year: 2015 }).basis).toBe('flows');
    const none = fundingAnswer([], { asOf: day('2018-03-01'), year: 2015 });
    expect(fundingAnswerOn(none, known, { asOf: day('2018-03-01'), year: 2015 }).basis).toBe('reported');
    expect(fundingAnswerOn(none, known, { asOf: day('2018-03-01'), year: 2015, donor: 'USA' }).basis).toBe('none');
    expect(fundingAnswerOn(none, known, { asOf: day('2018-03-01'), year: 2014 }).basis).toBe('none');
  });
});
