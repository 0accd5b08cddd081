import { describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { breakdown, casualtyBreakdowns, casualtySeries } from './aggregates.js';

describe('casualtySeries', () => {
  it('publishes years whose cells are all 5 or more', () => {
    expect(
      casualtySeries([
        { year: 2019, outcome: 'killed', count: 12 },
        { year: 2019, outcome: 'injured', count: 30 },
        { year: 2020, outcome: 'killed', count: 7 },
        { year: 2020, outcome: 'injured', count: 9 },
      ]),
    ).toEqual([
      { year: 2019, killed: 12, injured: 30, total: 42, suppressed: false },
      { year: 2020, killed: 7, injured: 9, total: 16, suppressed: false },
    ]);
  });

  it('withholds a small cell and its complements, so no subtraction gives it away', () => {
    const years = casualtySeries([
      { year: 2019, outcome: 'killed', count: 2 },
      { year: 2019, outcome: 'injured', count: 30 },
      { year: 2020, outcome: 'killed', count: 7 },
      { year: 2020, outcome: 'injured', count: 9 },
    ]);
    expect(years).toEqual([
      { year: 2019, killed: null, injured: null, total: 32, suppressed: true },
      { year: 2020, killed: null, injured: null, total: 16, suppressed: true },
    ]);
  });

  it('one year of 3: everything withheld', () => {
    expect(casualtySeries([{ year: 2021, outcome: 'injured', count: 3 }])).toEqual([
      { year: 2021, killed: null, injured: null, total: null, suppressed: true },
    ]);
  });

  it('no records: no years', () => {
    expect(casualtySeries([])).toEqual([]);
  });
});

describe('breakdown', () => {
  it('lists every key, a missing one as a withheld 0, and a second cell withheld beside it', () => {
    expect(
      breakdown(
        ['female', 'male', 'unknown'],
        new Map([
          ['female', 8],
          ['male', 40],
          ['unknown', 6],
        ]),
      ),
    ).toEqual({
      cells: [
        { key: 'female', count: 8, suppressed: false },
        { key: 'male', count: 40, suppressed: false },
        { key: 'unknown', count: 6, suppressed: false },
      ],
      total: 54,
    });
    expect(
      breakdown(
        ['female', 'male', 'unknown'],
        new Map([
          ['female', 8],
          ['male', 40],
        ]),
      ),
    ).toEqual({
      cells: [
        { key: 'female', count: null, suppressed: true },
        { key: 'male', count: 40, suppressed: false },
        { key: 'unknown', count: null, suppressed: true },
      ],
      total: 48,
    });
  });

  it('the grand total of the four breakdowns is the same or withheld', () => {
    const b = casualtyBreakdowns('KHM', parseDate('2024-01-01'), {
      sex: new Map([['male', 3]]),
      ageBand: new Map([['unknown', 3]]),
      status: new Map([['civilian', 3]]),
      device: new Map([['erw', 3]]),
    });
    expect(b.total).toBeNull();
    expect([...b.bySex, ...b.byAgeBand, ...b.byStatus, ...b.byDevice].every((c) => c.count === null)).toBe(true);
  });
});
