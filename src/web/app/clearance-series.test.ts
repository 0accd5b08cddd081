import { describe, expect, it } from 'vitest';
import type { ClearanceSummary } from './api';
import { releasedChartOptions, remainingChartOptions } from './clearance-chart-options';
import {
  HECTARE,
  KM2,
  SQUARE_METRE,
  amountIn,
  areaUnit,
  areaWords,
  lastDay,
  releasedDescription,
  releasedView,
  remainingDescription,
  remainingView,
  verdictWords,
} from './clearance-series';

/** What a test changes; the forecast's rates (`basis`) are left out, and none. */
type Overrides = Partial<Omit<ClearanceSummary, 'forecast'>> & {
  forecast?: Omit<ClearanceSummary['forecast'], 'basis'>;
};

function summary({ forecast, ...overrides }: Overrides = {}): ClearanceSummary {
  const row = (year: number, closingM2: number) => ({
    year,
    openingM2: 0,
    releasedM2: 0,
    newlyRecordedM2: 0,
    expectedM2: closingM2,
    closingM2,
    differenceM2: 0,
  });
  return {
    iso3: 'KHM',
    asOf: '2026-06-30',
    open: { sha: { count: 3, areaM2: 2_000_000 }, cha: { count: 2, areaM2: 1_000_000 } },
    released: [
      { year: 2025, cancelledM2: 500_000, reducedM2: 250_000, clearedM2: 250_000 },
      { year: 2024, cancelledM2: 100_000, reducedM2: 0, clearedM2: 400_000 },
    ],
    devicesDestroyed: [],
    reconciliation: [row(2024, 5_000_000), row(2025, 4_000_000), row(2026, 3_000_000)],
    deadline: '2030',
    forecast: {
      ...(forecast ?? { completion: '2029-09-01', low: '2032-01-01', high: '2028-06-30', verdict: 'at-risk' }),
      basis: null,
    },
    synthetic: true,
    bounds: [102, 10, 107, 14],
    records: { hazardAreas: 5, activities: 5, landReleases: 4, devicesDestroyed: 0 },
    ...overrides,
  };
}

describe('area units', () => {
  it('reads a national contamination in km², a field in hectares, a plot in m²', () => {
    expect(areaUnit(17_781_087)).toBe(KM2);
    expect(areaUnit(1_000_000)).toBe(KM2);
    expect(areaUnit(999_999)).toBe(HECTARE);
    expect(areaUnit(10_000)).toBe(HECTARE);
    expect(areaUnit(850)).toBe(SQUARE_METRE);
  });

  it('writes three significant figures, never dropping whole units', () => {
    expect(areaWords(8_416_738.44)).toBe('8.42 km²');
    expect(areaWords(17_781_087)).toBe('17.8 km²');
    expect(areaWords(31_000)).toBe('3.1 ha');
    expect(areaWords(850.4)).toBe('850 m²');
    expect(amountIn(1_234_567_890, KM2)).toBe('1,235');
    expect(areaWords(0)).toBe('0 m²');
  });
});

describe('lastDay', () => {
  it('takes a deadline given as a year or a month to its last day', () => {
    expect(lastDay('2025')).toBe('2025-12-31');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2023-02')).toBe('2023-02-28');
    expect(lastDay('2030-06-01')).toBe('2030-06-01');
  });
});

describe('remainingView', () => {
  it('puts each year end at 31 December, the as-of year at the as-of date, in one unit', () => {
    const view = remainingView(summary());
    expect(view.unit).toBe(KM2);
    expect(view.remaining).toEqual([
      ['2024-12-31', 5],
      ['2025-12-31', 4],
      ['2026-06-30', 3],
    ]);
    expect(view.remainingM2).toBe(3_000_000);
    expect(view.deadline).toBe('2030-12-31');
  });

  it('draws the forecast from the as-of remaining to zero: high is the earliest, low the latest', () => {
    const { forecast } = remainingView(summary());
    expect(forecast?.earliest).toEqual([
      ['2026-06-30', 3],
      ['2028-06-30', 0],
    ]);
    expect(forecast?.mean).toEqual([
      ['2026-06-30', 3],
      ['2029-09-01', 0],
    ]);
    expect(forecast?.latest).toEqual([
      ['2026-06-30', 3],
      ['2032-01-01', 0],
    ]);
  });

  it('draws no forecast when nothing is forecast, and leaves out a case that never finishes', () => {
    expect(
      remainingView(summary({ forecast: { completion: null, low: null, high: null, verdict: 'unknown' } })).forecast,
    ).toBeNull();
    const never = remainingView(
      summary({ forecast: { completion: '2040-01-01', low: null, high: '2035-01-01', verdict: 'off-track' } }),
    ).forecast;
    expect(never?.latest).toBeNull();
    expect(never?.earliest?.[1]).toEqual(['2035-01-01', 0]);
  });

  it('describes the chart in words', () => {
    expect(remainingDescription(remainingView(summary()))).toBe(
      'Remaining area went from 5 km² at the end of 2024 to 3 km² on 30 June 2026. Article 5 deadline: 31 December 2030. ' +
        'At the average recent release rate it would reach zero on 1 September 2029, between 30 June 2028 and 1 January 2032 at the highest and lowest recent rates.',
    );
  });
});

describe('releasedView', () => {
  it('sorts the years and picks the unit from the largest year', () => {
    const view = releasedView(summary());
    expect(view.years).toEqual(['2024', '2025']);
    expect(view.unit).toBe(KM2);
    expect(view.cancelled).toEqual([0.1, 0.5]);
    expect(view.cleared).toEqual([0.4, 0.25]);
    expect(releasedDescription(view)).toBe(
      '1.5 km² released from 2024 to 2025 (cancelled, reduced and cleared together), most in 2025: 1 km².',
    );
  });

  it('uses hectares for small programmes', () => {
    expect(
      releasedView(summary({ released: [{ year: 2025, cancelledM2: 20_000, reducedM2: 0, clearedM2: 5_000 }] })).unit,
    ).toBe(HECTARE);
  });
});

describe('verdictWords', () => {
  it('says each verdict in a word and a sentence', () => {
    expect(verdictWords(summary()).label).toBe('At risk');
    expect(verdictWords(summary()).sentence).toContain('1 September 2029, before the deadline of 31 December 2030');
    expect(
      verdictWords(
        summary({
          forecast: { completion: '2033-02-01', low: '2043-02-05', high: '2030-12-09', verdict: 'off-track' },
        }),
      ).sentence,
    ).toBe(
      'At the average release rate of recent years, the remaining land would be released by 1 February 2033, after the Article 5 deadline of 31 December 2030.',
    );
    // With the forecast's rate years known, the sentence names them.
    const basis = (years: number[]) => ({ years, meanM2PerYear: 1, lowM2PerYear: 1, highM2PerYear: 1 });
    const withYears = (years: number[]) => {
      const s = summary({
        forecast: { completion: '2033-02-01', low: '2043-02-05', high: '2030-12-09', verdict: 'off-track' },
      });
      return verdictWords({ ...s, forecast: { ...s.forecast, basis: basis(years) } }).sentence;
    };
    expect(withYears([2023, 2024, 2025])).toBe(
      'At the average release rate from 2023 to 2025, the remaining land would be released by 1 February 2033, after the Article 5 deadline of 31 December 2030.',
    );
    expect(withYears([2025])).toMatch(/^At the average release rate in 2025, /);
    expect(withYears([])).toMatch(/^At the average release rate of recent years, /);
    expect(
      verdictWords(
        summary({ forecast: { completion: '2027-01-01', low: '2028-01-01', high: '2026-12-01', verdict: 'on-track' } }),
      ).label,
    ).toBe('On track');
    const unknown = verdictWords(
      summary({ deadline: null, forecast: { completion: null, low: null, high: null, verdict: 'unknown' } }),
    );
    expect(unknown).toEqual({
      label: 'Not enough data',
      sentence: 'No Article 5 deadline is known for this State, so progress cannot be judged against one.',
    });
  });
});

describe('chart options', () => {
  it('marks the deadline and shades the band between the earliest and latest forecast', () => {
    const options = remainingChartOptions(remainingView(summary())) as {
      series: { id: string; markLine?: { data: unknown[] } }[];
    };
    expect(options.series.map((s) => s.id)).toEqual([
      'remaining',
      'forecast-band',
      'forecast-earliest',
      'forecast-mean',
      'forecast-latest',
    ]);
    expect(options.series[0]?.markLine?.data).toEqual([{ xAxis: '2030-12-31' }]);
  });

  it('stacks cancelled, reduced and cleared', () => {
    const options = releasedChartOptions(releasedView(summary())) as { series: { id: string; stack: string }[] };
    expect(options.series.map((s) => [s.id, s.stack])).toEqual([
      ['cancelled', 'released'],
      ['reduced', 'released'],
      ['cleared', 'released'],
    ]);
  });
});
