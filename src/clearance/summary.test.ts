// The clearance answer of one State on a date, by hand: the ledger's figures rounded for output,
// the forecast from the unrounded rates, against a deadline known only to its year.
import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { parsePartialDate } from '../core/partial-date.js';
import { stateRecords } from './land-release.js';
import { buildLedger } from './ledger.js';
import type { ClearanceRecords } from './model.js';
import { cliSummary, ledgerSummary, summariseClearance } from './summary.js';
import { activity, devices, hazardArea, release } from './test-records.js';

const d = (text: string): CalendarDate => parseDate(text);

/**
 * A  SHA 1,000 m² recorded 2019-03-01 (real data); 400.004 m² reduced on 2020-06-30.
 * B  CHA 500.006 m² recorded 2020-01-01, still open.
 * Two AP mines destroyed on A on 2020-06-30.
 */
const records: ClearanceRecords = {
  areas: [
    hazardArea('A', '2019-03-01', 1000, { type: 'SHA', synthetic: false }),
    hazardArea('B', '2020-01-01', 500.006, { synthetic: false }),
  ],
  revisions: [],
  activities: [activity('A')],
  releases: [release('A-1', 'A', '2020-06-30', 400.004, 'reduced')],
  devices: [devices('act-A', '2020-06-30', 'ap-mine', 2)],
};

describe('the clearance summary', () => {
  it("rounds what it shows, and forecasts from the recorded rate against the deadline's last day", () => {
    const summary = summariseClearance(stateRecords(records, 'KHM'), d('2021-06-30'), parsePartialDate('2022'));
    expect(summary).toEqual({
      iso3: 'KHM',
      asOf: '2021-06-30',
      open: { sha: { count: 1, areaM2: 600 }, cha: { count: 1, areaM2: 500.01 } },
      released: [{ year: 2020, cancelledM2: 0, reducedM2: 400, clearedM2: 0 }],
      devicesDestroyed: [{ year: 2020, category: 'ap-mine', count: 2 }],
      reconciliation: [
        {
          year: 2019,
          openingM2: 0,
          releasedM2: 0,
          newlyRecordedM2: 1000,
          expectedM2: 1000,
          closingM2: 1000,
          differenceM2: 0,
        },
        {
          year: 2020,
          openingM2: 1000,
          releasedM2: 400,
          newlyRecordedM2: 500.01,
          expectedM2: 1100,
          closingM2: 1100,
          differenceM2: 0,
        },
        {
          year: 2021,
          openingM2: 1100,
          releasedM2: 0,
          newlyRecordedM2: 0,
          expectedM2: 1100,
          closingM2: 1100,
          differenceM2: 0,
        },
      ],
      deadline: '2022',
      forecast: {
        // 1,100 m² left at 400.004 m² a year: ⌈1,004.4⌉ = 1,005 days after 30 Jun 2021.
        completion: '2024-03-31',
        low: '2024-03-31',
        high: '2024-03-31',
        verdict: 'off-track',
        basis: { years: [2020], meanM2PerYear: 400.004, lowM2PerYear: 400.004, highM2PerYear: 400.004 },
      },
      synthetic: false,
    });
  });

  it.each([
    ['2024-03', 'on-track'],
    ['2024-02', 'off-track'],
    [null, 'unknown'],
  ])('against a deadline of %s: %s', (deadline, verdict) => {
    const partial = deadline === null ? null : parsePartialDate(deadline);
    const summary = summariseClearance(stateRecords(records, 'KHM'), d('2021-06-30'), partial);
    expect(summary.deadline).toBe(deadline);
    expect(summary.forecast.verdict).toBe(verdict);
  });

  it('answers the same from a ledger built once, on any date', () => {
    const khm = stateRecords(records, 'KHM');
    const ledger = buildLedger(khm);
    for (const asOf of ['2019-02-28', '2020-06-29', '2020-06-30', '2025-01-01'].map(d)) {
      expect(ledgerSummary(ledger, asOf, null)).toEqual(summariseClearance(khm, asOf, null));
    }
    expect(summariseClearance(khm, d('2019-02-28'), null)).toMatchObject({
      open: { sha: { count: 0, areaM2: 0 }, cha: { count: 0, areaM2: 0 } },
      released: [],
      reconciliation: [],
      forecast: { completion: '2019-02-28', verdict: 'unknown', basis: null },
    });
  });

  it("gives the CLI the issue's subset", () => {
    const summary = summariseClearance(stateRecords(records, 'KHM'), d('2020-12-31'), parsePartialDate('2030-06-01'));
    expect(cliSummary(summary)).toEqual({
      iso3: 'KHM',
      asOf: '2020-12-31',
      open: { sha: { count: 1, areaM2: 600 }, cha: { count: 1, areaM2: 500.01 } },
      released: [{ year: 2020, cancelledM2: 0, reducedM2: 400, clearedM2: 0 }],
      devicesDestroyed: [{ year: 2020, category: 'ap-mine', count: 2 }],
      reconciliation: [
        { year: 2019, differenceM2: 0 },
        { year: 2020, differenceM2: 0 },
      ],
      deadline: '2030-06-01',
      forecast: {
        completion: summary.forecast.completion,
        low: summary.forecast.low,
        high: summary.forecast.high,
        verdict: 'on-track',
      },
      synthetic: false,
    });
    // The same 1,005 days, from 31 Dec 2020: 2 Oct 2023.
    expect(summary.forecast.completion).toBe('2023-10-02');
  });

  it('forecasts from every kind released together', () => {
    const kinds: ClearanceRecords = {
      ...records,
      releases: [
        release('A-1', 'A', '2020-03-01', 100, 'cancelled'),
        release('A-2', 'A', '2020-06-30', 200, 'reduced'),
        release('A-3', 'A', '2020-09-30', 300, 'cleared'),
      ],
    };
    const summary = summariseClearance(stateRecords(kinds, 'KHM'), d('2021-06-30'), null);
    expect(summary.released).toEqual([{ year: 2020, cancelledM2: 100, reducedM2: 200, clearedM2: 300 }]);
    expect(summary.forecast.basis?.meanM2PerYear).toBe(600);
  });
});
