import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../core/date.js';
import type { StatedNeed } from './model.js';
import { flow } from './test-flows.js';
import { needsAgainstSupport, spreadBudget, standingRequest } from './needs.js';

const day = (d: string): CalendarDate => d as CalendarDate;

const need = (over: Partial<StatedNeed> = {}): StatedNeed => ({
  iso3: 'KHM',
  request: 1,
  submitted: day('2019-03-31'),
  requestedDeadline: day('2025-12-31'),
  budgetUsd: 1_000_000,
  workPlan: [
    { year: 2020, plannedReleaseM2: 300 },
    { year: 2021, plannedReleaseM2: 100 },
  ],
  refused: false,
  source: 'S101',
  ...over,
});

describe('standingRequest', () => {
  const first = need({ request: 1, submitted: day('2019-03-31') });
  const second = need({ request: 2, submitted: day('2024-03-31') });
  it.each([
    ['before any request', '2019-03-30', null],
    ['submitted that day', '2019-03-31', 1],
    ['the day before the next', '2024-03-30', 1],
    ['the later request', '2024-03-31', 2],
  ])('%s', (_, asOf, expected) => {
    expect(standingRequest([second, first], day(asOf))?.request ?? null).toBe(expected);
  });
  it('a refused request no longer stands; the earlier one does', () => {
    expect(standingRequest([first, { ...second, refused: true }], day('2025-01-01'))?.request).toBe(1);
  });
});

describe('spreadBudget', () => {
  it.each([
    ['in proportion to the planned release', need(), [75_000_000, 25_000_000], 'work-plan'],
    [
      'remainder cents to the earliest years',
      need({ budgetUsd: 0.1, workPlan: [2020, 2021, 2022].map((year) => ({ year, plannedReleaseM2: 1 })) }),
      [4, 3, 3],
      'work-plan',
    ],
    [
      'no work plan: the years after submission to the deadline, evenly',
      need({ workPlan: [], requestedDeadline: day('2021-12-31') }),
      [50_000_000, 50_000_000],
      'even',
    ],
    [
      'nothing planned: evenly over the plan’s years',
      need({ workPlan: [2020, 2021].map((year) => ({ year, plannedReleaseM2: 0 })) }),
      [50_000_000, 50_000_000],
      'even',
    ],
  ])('%s', (_, n, cents, spread) => {
    const result = spreadBudget(n);
    expect(result.years.map((y) => y.cents)).toEqual(cents);
    expect(result.spread).toBe(spread);
  });
  it('no budget stated: the years without a need', () => {
    expect(spreadBudget(need({ budgetUsd: null })).years).toEqual([
      { year: 2020, cents: null },
      { year: 2021, cents: null },
    ]);
  });
});

describe('needsAgainstSupport', () => {
  const flows = [
    flow({ year: 2020, usd: 500_000, published: day('2021-11-01') }),
    flow({ year: 2020, usd: 100_000, funding: 'national', donor: { id: 'KHM', name: 'Cambodia', kind: 'state' } }),
    flow({ year: 2020, usd: 9, recipient: 'AFG' }),
    flow({ year: 2020, usd: 7, doubleCounted: true }),
    flow({ year: 2021, usd: 400_000, published: day('2022-11-01'), sources: ['S100'] }),
  ];
  it.each([
    ['before the 2021 flows were published', '2021-10-31', [100_000, 0], [0, 0]],
    ['on the day they were', '2021-11-01', [100_000, 0], [500_000, 0]],
    ['later', '2023-01-01', [100_000, 0], [500_000, 400_000]],
  ])('%s', (_, asOf, national, received) => {
    const rows = needsAgainstSupport([need()], flows, { asOf: day(asOf) }).rows;
    expect(rows.map((r) => r.national)).toEqual(national);
    expect(rows.map((r) => r.received)).toEqual(received);
  });
  it('gap and coverage per year, with the request and the flows’ sources', () => {
    const rows = needsAgainstSupport([need(), need({ iso3: 'AFG', request: 9 })], flows, {
      asOf: day('2023-01-01'),
      iso3: 'KHM',
    }).rows;
    expect(rows).toMatchObject([
      { iso3: 'KHM', year: 2020, need: 750_000, gap: 150_000, coverage: 0.8, spread: 'work-plan', sources: ['S95'] },
      { iso3: 'KHM', year: 2021, need: 250_000, gap: -150_000, coverage: 1.6, sources: ['S100'] },
    ]);
    expect(rows[0]?.request).toEqual({
      id: 1,
      submitted: '2019-03-31',
      requestedDeadline: '2025-12-31',
      budgetUsd: 1_000_000,
      source: 'S101',
    });
  });
  it('no budget: need, gap and coverage null; no request yet: no row', () => {
    const rows = needsAgainstSupport([need({ budgetUsd: null })], flows, { asOf: day('2023-01-01') }).rows;
    expect(rows.map((r) => [r.need, r.gap, r.coverage])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
    expect(needsAgainstSupport([need()], flows, { asOf: day('2019-01-01') }).rows).toEqual([]);
  });
});
