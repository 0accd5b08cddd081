import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { devicesPerYear, landReleaseSummary, releasedPerYear, stateRecords } from './land-release.js';
import {
  NO_EVENT,
  RunningTotal,
  SERIES_NAMES,
  buildLedger,
  devicesYears,
  ledgerChanges,
  ledgerOf,
  openOn,
  reconciliationTotals,
  releasedYears,
} from './ledger.js';
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

const d = (text: string): CalendarDate => parseDate(text);
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

  it('keeps each running total under the name the store uses, with only the days it changes on', () => {
    const { series, facts } = ledgerChanges(stateRecords(records, 'KHM'));
    const points = Object.fromEntries(
      [...series].map(([name, total]) => [name, total.points().map(({ day, total: t }) => [day, t])]),
    );
    expect(points).toEqual({
      'open.sha.count': [
        [20190301, 1],
        [20211231, 0],
      ],
      'open.sha.m2': [
        [20190301, 1000],
        [20200630, 600],
        [20211231, 0],
      ],
      'open.cha.count': [
        [20200101, 1],
        [20200229, 0],
      ],
      'open.cha.m2': [
        [20200101, 500],
        [20200229, 0],
      ],
      'newly.m2': [
        [20190301, 1000],
        [20200101, 1500],
      ],
      'released.reduced': [[20200630, 400]],
      'released.cleared': [[20211231, 600]],
      releases: [
        [20200630, 1],
        [20211231, 2],
      ],
      'devices.ap-mine.records': [[20211231, 1]],
      'devices.ap-mine.count': [[20211231, 3]],
    });
    expect(facts).toEqual({ synthetic: true, firstEvent: 20190301, firstRelease: 20200630, firstDevice: 20211231 });
  });

  it('answers the same from the stored points (the store reads them back with fromTotals)', () => {
    const { series, facts } = ledgerChanges(stateRecords(records, 'KHM'));
    const stored = new Map(
      [...series].map(([name, total]) => {
        const points = total.points();
        return [
          name,
          RunningTotal.fromTotals(
            points.map((p) => p.day),
            points.map((p) => p.total),
          ),
        ];
      }),
    );
    const read = ledgerOf('KHM', stored, facts);
    for (const asOf of ['2019-02-28', '2020-02-29', '2021-12-30', '2021-12-31'].map(d)) {
      expect(openOn(read, asOf)).toEqual(openOn(ledger, asOf));
      expect(releasedYears(read, asOf)).toEqual(releasedYears(ledger, asOf));
      expect(devicesYears(read, asOf)).toEqual(devicesYears(ledger, asOf));
      expect(reconciliationTotals(read, asOf)).toEqual(reconciliationTotals(ledger, asOf));
    }
  });
});

describe('running totals', () => {
  it("sorts the changes by day, merges a day's changes, and answers any day", () => {
    const total = RunningTotal.of([20200105, 20200101, 20200105, 20200110], [5, 1, 2, -3]);
    expect(total.points()).toEqual([
      { day: 20200101, total: 1 },
      { day: 20200105, total: 8 },
      { day: 20200110, total: 5 },
    ]);
    expect([20191231, 20200101, 20200104, 20200105, 20200109, 20200110, 20991231].map((day) => total.at(day))).toEqual([
      0, 1, 1, 8, 8, 5, 5,
    ]);
    expect(total.between(20200101, 20200105)).toBe(7);
    expect(total.between(20200105, 20200105)).toBe(0);
    expect(RunningTotal.of([], []).at(20200101)).toBe(0);
    expect(RunningTotal.of([20200101, 20200101], [2, 3]).points()).toEqual([{ day: 20200101, total: 5 }]);
  });
});

describe('the ledger of records with nothing of a kind', () => {
  it('has no first event, release or device, and is synthetic only when an area is', () => {
    const empty = ledgerChanges(
      stateRecords({ areas: [], revisions: [], activities: [], releases: [], devices: [] }, 'KHM'),
    );
    expect(empty.facts).toEqual({
      synthetic: false,
      firstEvent: NO_EVENT,
      firstRelease: NO_EVENT,
      firstDevice: NO_EVENT,
    });
    expect(empty.series.size).toBe(0);
    const mixed = {
      areas: [hazardArea('R', '2020-01-01', 10, { synthetic: false }), hazardArea('S', '2021-01-01', 10)],
      revisions: [],
      activities: [],
      releases: [],
      devices: [],
    };
    expect(ledgerChanges(stateRecords(mixed, 'KHM')).facts.synthetic).toBe(true);
    const real = { ...mixed, areas: mixed.areas.map((a) => ({ ...a, synthetic: false })) };
    expect(ledgerChanges(stateRecords(real, 'KHM')).facts.synthetic).toBe(false);
    expect(buildLedger(stateRecords(real, 'KHM'))).toMatchObject({ synthetic: false, firstEvent: 20200101 });
  });

  it('answers nothing before the first event', () => {
    const ledger = buildLedger(
      stateRecords(
        { areas: [hazardArea('R', '2020-06-01', 10)], revisions: [], activities: [], releases: [], devices: [] },
        'KHM',
      ),
    );
    expect(reconciliationTotals(ledger, d('2020-05-31'))).toEqual([]);
    expect(reconciliationTotals(ledger, d('2020-06-01'))).toHaveLength(1);
    expect(releasedYears(ledger, d('2030-01-01'))).toEqual([]);
    expect(devicesYears(ledger, d('2030-01-01'))).toEqual([]);
  });

  it('counts cancelled land, and shows no difference under a hundredth of a m²', () => {
    const ledger = buildLedger(
      stateRecords(
        {
          areas: [hazardArea('R', '2020-01-01', 100), hazardArea('S', '2020-01-01', 50)],
          revisions: [],
          activities: [],
          releases: [release('r', 'R', '2020-06-01', 99.993), release('s', 'S', '2020-07-01', 20, 'cancelled')],
          devices: [],
        },
        'KHM',
      ),
    );
    expect(releasedYears(ledger, d('2020-12-31'))).toEqual([
      { year: 2020, cancelledM2: 20, reducedM2: 0, clearedM2: 99.993 },
    ]);
    expect(reconciliationTotals(ledger, d('2020-12-31'))[0]?.differenceM2).toBe(0);
  });
});

describe('SERIES_NAMES', () => {
  it('are exactly the series ledgerOf reads (a store that reads only these answers every figure)', () => {
    const asked = new Set<string>();
    const spy = { get: (name: string) => (asked.add(name), undefined) } as unknown as ReadonlyMap<string, RunningTotal>;
    ledgerOf('KHM', spy, { synthetic: false, firstEvent: NO_EVENT, firstRelease: NO_EVENT, firstDevice: NO_EVENT });
    expect([...asked].sort()).toEqual([...SERIES_NAMES].sort());
    expect(new Set(SERIES_NAMES).size).toBe(SERIES_NAMES.length);
  });
});
