import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { devicesPerYear, landReleaseSummary, releasedPerYear, stateRecords } from './land-release.js';
import { buildLedger, devicesYears, openOn, reconciliationTotals, releasedYears } from './ledger.js';
import { DEVICE_CATEGORIES, type ClearanceRecords } from './model.js';
import { reconcile } from './reconciliation.js';
import { anyHistory, cleanHistory, day } from './test-histories.js';
import { activity, devices, hazardArea, release } from './test-records.js';

/** Any history, with types mixed and devices destroyed on activities of its areas. */
const history: fc.Arbitrary<ClearanceRecords> = fc
  .tuple(
    fc.oneof(anyHistory, cleanHistory),
    fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    fc.array(fc.tuple(fc.nat(7), day, fc.constantFrom(...DEVICE_CATEGORIES), fc.integer({ min: 1, max: 50 })), {
      maxLength: 6,
    }),
  )
  .map(([records, confirmed, found]) => {
    const areas = records.areas.map((a, i) => ({ ...a, type: confirmed[i] ? ('CHA' as const) : ('SHA' as const) }));
    const activities = areas.map((a) => activity(a.id));
    const destroyed = found.flatMap(([i, date, category, count]) => {
      const on = activities[i];
      return on ? [devices(on.id, date, category, count)] : [];
    });
    return { ...records, areas, activities, devices: destroyed };
  });

const sum = (r: { cancelledM2: number; reducedM2: number; clearedM2: number }): number =>
  r.cancelledM2 + r.reducedM2 + r.clearedM2;

describe('the ledger answers as the definitions do', () => {
  it('open areas, released, devices and reconciliation on any date', () => {
    fc.assert(
      fc.property(history, day, (records, asOf) => {
        const khm = stateRecords(records, 'KHM');
        const ledger = buildLedger(khm);
        const expected = landReleaseSummary(khm, asOf);
        const open = openOn(ledger, asOf);
        expect(open.sha.count).toBe(expected.open.sha.count);
        expect(open.cha.count).toBe(expected.open.cha.count);
        expect(open.sha.areaM2).toBeCloseTo(expected.open.sha.areaM2, 1);
        expect(open.cha.areaM2).toBeCloseTo(expected.open.cha.areaM2, 1);
        const released = releasedYears(ledger, asOf);
        const definition = releasedPerYear(khm, asOf);
        expect(released.map((r) => r.year)).toEqual(definition.map((r) => r.year));
        released.forEach((r, i) => expect(sum(r)).toBeCloseTo(sum(definition[i] ?? r), 3));
        expect(devicesYears(ledger, asOf)).toEqual(devicesPerYear(khm, asOf));
        const rows = reconciliationTotals(ledger, asOf);
        const full = reconcile(khm, asOf);
        expect(rows.map((r) => r.year)).toEqual(full.map((r) => r.year));
        rows.forEach((r, i) => {
          const f = full[i];
          expect(r.closingM2).toBeCloseTo(f?.closingM2 ?? NaN, 1);
          expect(r.releasedM2).toBeCloseTo(f?.releasedM2 ?? NaN, 1);
          expect(r.newlyRecordedM2).toBeCloseTo(f?.newlyRecordedM2 ?? NaN, 1);
          expect(Math.abs(r.differenceM2 - (f?.differenceM2 ?? NaN))).toBeLessThan(0.02);
        });
      }),
      { numRuns: 400 },
    );
  });
});

describe('the ledger, by hand', () => {
  const d = (text: string): CalendarDate => parseDate(text);
  // A: 1,000 m² SHA recorded 2019-03-01, reduced 400 on 2020-06-30, cleared 600 on 2021-12-31.
  // B: 500 m² CHA recorded 2020-01-01 (a leap year), closed 2020-02-29 with 500 left: a difference.
  const records: ClearanceRecords = {
    areas: [
      hazardArea('A', '2019-03-01', 1000, { type: 'SHA' }),
      hazardArea('B', '2020-01-01', 500, { type: 'CHA', status: 'closed', statusDate: d('2020-02-29') }),
    ],
    revisions: [],
    activities: [activity('A')],
    releases: [release('A-1', 'A', '2020-06-30', 400, 'reduced'), release('A-2', 'A', '2021-12-31', 600)],
    devices: [devices('act-A', '2021-12-31', 'ap-mine', 3)],
  };
  const ledger = buildLedger(stateRecords(records, 'KHM'));

  it.each([
    ['2019-02-28', 0, 0, 0, 0],
    ['2019-03-01', 1, 1000, 0, 0],
    ['2020-01-01', 1, 1000, 1, 500],
    ['2020-02-28', 1, 1000, 1, 500],
    ['2020-02-29', 1, 1000, 0, 0],
    ['2020-06-30', 1, 600, 0, 0],
    ['2021-12-30', 1, 600, 0, 0],
    ['2021-12-31', 0, 0, 0, 0],
  ])('on %s: SHA %i (%d m²), CHA %i (%d m²)', (asOf, shaCount, shaM2, chaCount, chaM2) => {
    expect(openOn(ledger, d(asOf))).toEqual({
      sha: { count: shaCount, areaM2: shaM2 },
      cha: { count: chaCount, areaM2: chaM2 },
      remainingM2: shaM2 + chaM2,
    });
  });

  it('reconciles year by year, and shows the closure without release', () => {
    expect(reconciliationTotals(ledger, d('2021-12-31'))).toEqual([
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
        newlyRecordedM2: 500,
        expectedM2: 1100,
        closingM2: 600,
        differenceM2: -500,
      },
      { year: 2021, openingM2: 600, releasedM2: 600, newlyRecordedM2: 0, expectedM2: 0, closingM2: 0, differenceM2: 0 },
    ]);
  });

  it('counts released land and devices in the year of their date, up to the as-of date', () => {
    expect(releasedYears(ledger, d('2021-12-30'))).toEqual([
      { year: 2020, cancelledM2: 0, reducedM2: 400, clearedM2: 0 },
    ]);
    expect(releasedYears(ledger, d('2021-12-31'))).toEqual([
      { year: 2020, cancelledM2: 0, reducedM2: 400, clearedM2: 0 },
      { year: 2021, cancelledM2: 0, reducedM2: 0, clearedM2: 600 },
    ]);
    expect(devicesYears(ledger, d('2021-12-30'))).toEqual([]);
    expect(devicesYears(ledger, d('2021-12-31'))).toEqual([{ year: 2021, category: 'ap-mine', count: 3 }]);
  });
});
