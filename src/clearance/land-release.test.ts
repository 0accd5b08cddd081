import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseDate } from '../core/date.js';
import { landReleaseSummary, releasedPerYear, releasedTotals, stateRecords } from './land-release.js';
import type { ClearanceRecords } from './model.js';
import { reconcile } from './reconciliation.js';
import { activity, devices, hazardArea, release, revision } from './test-records.js';

const d = (text: string): CalendarDate => parseDate(text);

/**
 * A hand-made history of one State, 2021-2023 (sizes in m²):
 *  A  CHA recorded 2021-03-01, 10,000; cleared 4,000 (2021-09-01) and 6,000 (2022-05-01): fully released.
 *  B  SHA recorded 2021-06-01, 50,000; re-surveyed 2022-02-01 to 30,000; 20,000 cancelled 2023-04-01.
 *  C  CHA recorded 2022-07-01, 8,000; 3,000 reduced 2023-08-01.
 *  D  SHA recorded 2023-01-15, 5,000; closed 2023-10-01 with nothing released.
 *  X  an area of another State (LAO), which must not count.
 */
const history: ClearanceRecords = {
  areas: [
    hazardArea('A', '2021-03-01', 10_000),
    hazardArea('B', '2021-06-01', 30_000, { type: 'SHA' }),
    hazardArea('C', '2022-07-01', 8_000),
    hazardArea('D', '2023-01-15', 5_000, { type: 'SHA', status: 'closed', statusDate: d('2023-10-01') }),
    hazardArea('X', '2021-01-01', 99_000, { iso3: 'LAO' }),
  ],
  revisions: [revision('B', '2022-02-01', 50_000, 30_000)],
  activities: [activity('A'), activity('B'), activity('C'), activity('X')],
  releases: [
    release('r1', 'A', '2021-09-01', 4_000),
    release('r2', 'A', '2022-05-01', 6_000),
    release('r3', 'B', '2023-04-01', 20_000, 'cancelled'),
    release('r4', 'C', '2023-08-01', 3_000, 'reduced'),
    release('rx', 'X', '2022-01-01', 9_000),
  ],
  devices: [
    devices('act-A', '2021-09-01', 'ap-mine', 3),
    devices('act-A', '2021-09-01', 'erw', 1),
    devices('act-A', '2022-05-01', 'ap-mine', 2),
    devices('act-C', '2023-08-01', 'av-mine', 1),
    devices('act-X', '2022-01-01', 'ap-mine', 50),
  ],
};

// Grouped inside each test, where mutation testing can change the grouping (not while the file loads).
const khm = () => stateRecords(history, 'KHM');

describe('land release on a date', () => {
  it('counts open areas and what remains of them at the end of 2023', () => {
    const summary = landReleaseSummary(khm(), d('2023-12-31'));
    expect(summary.open).toEqual({ sha: { count: 1, areaM2: 10_000 }, cha: { count: 1, areaM2: 5_000 } });
    expect(summary.remainingM2).toBe(15_000);
    expect(summary.released).toEqual([
      { year: 2021, cancelledM2: 0, reducedM2: 0, clearedM2: 4_000 },
      { year: 2022, cancelledM2: 0, reducedM2: 0, clearedM2: 6_000 },
      { year: 2023, cancelledM2: 20_000, reducedM2: 3_000, clearedM2: 0 },
    ]);
    expect(summary.devicesDestroyed).toEqual([
      { year: 2021, category: 'ap-mine', count: 3 },
      { year: 2021, category: 'erw', count: 1 },
      { year: 2022, category: 'ap-mine', count: 2 },
      { year: 2023, category: 'av-mine', count: 1 },
    ]);
  });

  it('answers for an earlier date from the same records', () => {
    // 30 June 2022: A fully released on 1 May; B at its re-surveyed 30,000; C not yet recorded.
    const mid2022 = landReleaseSummary(khm(), d('2022-06-30'));
    expect(mid2022.open).toEqual({ sha: { count: 1, areaM2: 30_000 }, cha: { count: 0, areaM2: 0 } });
    expect(mid2022.devicesDestroyed.map((r) => r.count)).toEqual([3, 1, 2]);
    // End of 2021: A has 6,000 left; B still its first 50,000.
    const end2021 = landReleaseSummary(khm(), d('2021-12-31'));
    expect(end2021.open).toEqual({ sha: { count: 1, areaM2: 50_000 }, cha: { count: 1, areaM2: 6_000 } });
  });

  it('counts a closed area as open until its status date', () => {
    expect(landReleaseSummary(khm(), d('2023-09-30')).open.sha).toEqual({ count: 2, areaM2: 10_000 + 5_000 });
    expect(landReleaseSummary(khm(), d('2023-10-01')).open.sha).toEqual({ count: 1, areaM2: 10_000 });
  });

  it("leaves out the records of other States, and sorts each area's releases by date", () => {
    const shuffled = { ...history, releases: [...history.releases].reverse(), devices: [...history.devices].reverse() };
    const records = stateRecords(shuffled, 'KHM');
    expect(records.areas.map((a) => a.area.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(records.areas[0]?.releases.map((r) => r.date)).toEqual(['2021-09-01', '2022-05-01']);
    expect(records.devices.map((x) => x.count)).toEqual([1, 2, 1, 3]);
    expect(landReleaseSummary(records, d('2021-12-31')).open.cha).toEqual({ count: 1, areaM2: 6_000 });
  });

  it('sorts five releases given in no order, and drops revisions and releases of areas not held', () => {
    const scattered: ClearanceRecords = {
      ...history,
      releases: [
        release('s3', 'A', '2021-11-01', 1_000),
        release('s1', 'A', '2021-04-01', 1_000),
        release('s5', 'A', '2022-03-01', 1_000),
        release('s2', 'A', '2021-07-01', 1_000),
        release('s4', 'A', '2022-01-01', 1_000),
        release('sz', 'NOT-HELD', '2021-05-01', 1_000),
      ],
      revisions: [...history.revisions, revision('NOT-HELD', '2022-01-01', 10, 5)],
    };
    const records = stateRecords(scattered, 'KHM');
    expect(records.areas[0]?.releases.map((r) => r.date)).toEqual([
      '2021-04-01',
      '2021-07-01',
      '2021-11-01',
      '2022-01-01',
      '2022-03-01',
    ]);
    expect(records.areas.flatMap((a) => a.revisions.map((r) => r.hazardAreaId))).toEqual(['B']);
  });

  it('counts a release dated on the as-of date, and not the day before', () => {
    expect(releasedPerYear(khm(), d('2021-08-31'))).toEqual([]);
    expect(releasedPerYear(khm(), d('2021-09-01'))).toEqual([
      { year: 2021, cancelledM2: 0, reducedM2: 0, clearedM2: 4_000 },
    ]);
  });

  it("adds up each year's kinds for the forecast", () => {
    const released = releasedPerYear(khm(), d('2023-12-31'));
    expect([...releasedTotals(released)]).toEqual([
      [2021, 4_000],
      [2022, 6_000],
      [2023, 23_000],
    ]);
    expect([...releasedTotals([{ year: 2020, cancelledM2: 1, reducedM2: 2, clearedM2: 4 }])]).toEqual([[2020, 7]]);
  });

  it('knows nothing before the first record', () => {
    const summary = landReleaseSummary(khm(), d('2020-12-31'));
    expect(summary.remainingM2).toBe(0);
    expect(summary.released).toEqual([]);
  });
});

describe('baseline reconciliation', () => {
  it('lists each year with its difference and the areas that cause it', () => {
    const rows = reconcile(khm(), d('2023-12-31'));
    expect(rows.map(({ causes: _causes, ...row }) => row)).toEqual([
      // 0 − 4,000 + (10,000 + 50,000) = 56,000; computed 6,000 + 50,000.
      {
        year: 2021,
        openingM2: 0,
        releasedM2: 4_000,
        newlyRecordedM2: 60_000,
        expectedM2: 56_000,
        closingM2: 56_000,
        differenceM2: 0,
      },
      // 56,000 − 6,000 + 8,000 = 58,000; computed 0 + 30,000 + 8,000: B's re-survey took 20,000.
      {
        year: 2022,
        openingM2: 56_000,
        releasedM2: 6_000,
        newlyRecordedM2: 8_000,
        expectedM2: 58_000,
        closingM2: 38_000,
        differenceM2: -20_000,
      },
      // 38,000 − 23,000 + 5,000 = 20,000; computed 10,000 + 5,000 + 0: D closed with 5,000 unreleased.
      {
        year: 2023,
        openingM2: 38_000,
        releasedM2: 23_000,
        newlyRecordedM2: 5_000,
        expectedM2: 20_000,
        closingM2: 15_000,
        differenceM2: -5_000,
      },
    ]);
    expect(rows[0]?.causes).toEqual([]);
    expect(rows[1]?.causes).toEqual([{ hazardAreaId: 'B', differenceM2: -20_000, reasons: ['re-surveyed'] }]);
    expect(rows[2]?.causes).toEqual([{ hazardAreaId: 'D', differenceM2: -5_000, reasons: ['closed-without-release'] }]);
  });

  it('ends the as-of year on the as-of date and lists years with nothing in them', () => {
    const rows = reconcile(khm(), d('2025-03-01'));
    expect(rows.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(rows[4]).toMatchObject({
      openingM2: 15_000,
      releasedM2: 0,
      newlyRecordedM2: 0,
      closingM2: 15_000,
      differenceM2: 0,
    });
  });

  it('shows a release larger than its area and one dated before the area was recorded', () => {
    const records = stateRecords(
      {
        areas: [hazardArea('E', '2022-01-01', 1_000), hazardArea('F', '2022-06-01', 2_000)],
        revisions: [],
        activities: [],
        releases: [release('e1', 'E', '2022-03-01', 1_500), release('f1', 'F', '2022-02-01', 500)],
        devices: [],
      },
      'KHM',
    );
    const [row] = reconcile(records, d('2022-12-31'));
    // Expected 0 − 2,000 + 3,000 = 1,000; computed E 0 (clamped) + F 1,500.
    expect(row).toMatchObject({ expectedM2: 1_000, closingM2: 1_500, differenceM2: 500 });
    expect(row?.causes).toEqual([{ hazardAreaId: 'E', differenceM2: 500, reasons: ['release-not-matching-area'] }]);
    // F's early release is absorbed in the same year (recorded 2,000, released 500 before: 1,500 left).
  });

  it('finds a release dated in a year before its area was recorded', () => {
    const records = stateRecords(
      {
        areas: [hazardArea('G', '2023-02-01', 2_000)],
        revisions: [],
        activities: [],
        releases: [release('g1', 'G', '2022-12-01', 500)],
        devices: [],
      },
      'KHM',
    );
    const rows = reconcile(records, d('2023-12-31'));
    expect(rows.map((r) => r.differenceM2)).toEqual([500, -500]);
    expect(rows.map((r) => r.causes[0]?.reasons)).toEqual([['released-before-recorded'], ['released-before-recorded']]);
  });
});

describe('a year with several causes, an area re-surveyed twice', () => {
  /**
   * P  CHA recorded 2021-01-01, 1,000; re-surveyed 2022-03-01 to 600 and 2022-09-01 to 500; closed
   *    2022-12-01 with 500 unreleased.
   * Q  recorded 2022-02-01, 300; 100 released on 2021-12-01, before it was recorded.
   * R  recorded 2022-01-01, 1,000; 1,000.5 released on 2022-06-01, more than its size.
   * Listed R, Q, P: the causes come largest first whatever the order of the records.
   */
  const records = () =>
    stateRecords(
      {
        areas: [
          hazardArea('R', '2022-01-01', 1_000),
          hazardArea('Q', '2022-02-01', 300),
          hazardArea('P', '2021-01-01', 500, { status: 'closed', statusDate: d('2022-12-01') }),
        ],
        revisions: [revision('P', '2022-09-01', 600, 500), revision('P', '2022-03-01', 1_000, 600)],
        activities: [],
        releases: [release('r1', 'R', '2022-06-01', 1_000.5), release('q1', 'Q', '2021-12-01', 100)],
        devices: [],
      },
      'KHM',
    );

  it.each([
    ['2021-12-31', 1_000],
    ['2022-02-28', 1_000 + 200 + 1_000],
    ['2022-03-01', 600 + 200 + 1_000],
    ['2022-08-31', 600 + 200],
    ['2022-09-01', 500 + 200],
    ['2022-12-01', 200],
  ])('remaining on %s: %d m²', (asOf, remaining) => {
    expect(landReleaseSummary(records(), d(asOf)).remainingM2).toBe(remaining);
  });

  it('lists each cause with all its reasons, largest first', () => {
    const rows = reconcile(records(), d('2022-12-31'));
    expect(rows.map(({ causes: _causes, ...row }) => row)).toEqual([
      {
        year: 2021,
        openingM2: 0,
        releasedM2: 100,
        newlyRecordedM2: 1_000,
        expectedM2: 900,
        closingM2: 1_000,
        differenceM2: 100,
      },
      {
        year: 2022,
        openingM2: 1_000,
        releasedM2: 1_000.5,
        newlyRecordedM2: 1_300,
        expectedM2: 1_299.5,
        closingM2: 200,
        differenceM2: -1_099.5,
      },
    ]);
    expect(rows[0]?.causes).toEqual([{ hazardAreaId: 'Q', differenceM2: 100, reasons: ['released-before-recorded'] }]);
    expect(rows[1]?.causes).toEqual([
      { hazardAreaId: 'P', differenceM2: -1_000, reasons: ['re-surveyed', 'closed-without-release'] },
      { hazardAreaId: 'Q', differenceM2: -100, reasons: ['released-before-recorded'] },
      { hazardAreaId: 'R', differenceM2: 0.5, reasons: ['release-not-matching-area'] },
    ]);
  });

  it('orders causes of the same size by area id', () => {
    const tied = stateRecords(
      {
        areas: [
          hazardArea('T', '2022-01-01', 50, { status: 'closed', statusDate: d('2023-05-01') }),
          hazardArea('S', '2022-01-01', 50, { status: 'handed-over', statusDate: d('2023-05-01') }),
        ],
        revisions: [],
        activities: [],
        releases: [],
        devices: [],
      },
      'KHM',
    );
    expect(reconcile(tied, d('2023-12-31'))[1]?.causes.map((c) => c.hazardAreaId)).toEqual(['S', 'T']);
  });
});

describe('the reasons given for a difference, case by case', () => {
  type Spec = {
    size: number;
    recorded: string;
    closed?: string | null;
    status?: 'open' | 'closed';
    resurveys?: [string, number, number][];
    releases?: [string, number][];
  };
  const causes = (spec: Spec, asOf: string) => {
    const status = spec.status ?? (spec.closed === undefined ? 'open' : 'closed');
    const records = stateRecords(
      {
        areas: [hazardArea('A', spec.recorded, spec.size, { status, statusDate: spec.closed ? d(spec.closed) : null })],
        revisions: (spec.resurveys ?? []).map(([date, before, after]) => revision('A', date, before, after)),
        activities: [],
        releases: (spec.releases ?? []).map(([date, m2], i) => release(`r${i}`, 'A', date, m2)),
        devices: [],
      },
      'KHM',
    );
    return reconcile(records, d(asOf)).map((r) => [r.year, r.causes.map((c) => [c.differenceM2, ...c.reasons])]);
  };

  it.each<[string, Spec, string, unknown]>([
    [
      're-surveyed in one year, closed unreleased in the next',
      { size: 800, recorded: '2021-01-01', resurveys: [['2021-06-01', 1_000, 800]], closed: '2022-03-01' },
      '2022-12-31',
      [
        [2021, [[-200, 're-surveyed']]],
        [2022, [[-800, 'closed-without-release']]],
      ],
    ],
    [
      're-surveyed, then closed later in the year, after the as-of date',
      { size: 800, recorded: '2021-01-01', resurveys: [['2022-03-01', 1_000, 800]], closed: '2022-10-01' },
      '2022-06-30',
      [
        [2021, []],
        [2022, [[-200, 're-surveyed']]],
      ],
    ],
    [
      'closed on the last day of the year',
      { size: 500, recorded: '2021-01-01', closed: '2022-12-31' },
      '2023-06-30',
      [
        [2021, []],
        [2022, [[-500, 'closed-without-release']]],
        [2023, []],
      ],
    ],
    [
      'closed in 2021, a release dated after it in 2022',
      { size: 500, recorded: '2021-01-01', closed: '2021-06-01', releases: [['2022-03-01', 100]] },
      '2022-12-31',
      [
        [2021, [[-500, 'closed-without-release']]],
        [2022, [[100]]],
      ],
    ],
    [
      're-surveyed, fully released, then closed: only the re-survey',
      {
        size: 800,
        recorded: '2021-01-01',
        resurveys: [['2022-03-01', 1_000, 800]],
        releases: [['2022-05-01', 800]],
        closed: '2022-06-01',
      },
      '2022-12-31',
      [
        [2021, []],
        [2022, [[-200, 're-surveyed']]],
      ],
    ],
    [
      'closed with exactly 1 m² unreleased',
      { size: 1_000, recorded: '2021-01-01', releases: [['2022-05-01', 999]], closed: '2022-06-01' },
      '2022-12-31',
      [
        [2021, []],
        [2022, [[-1, 'closed-without-release']]],
      ],
    ],
    [
      'released beyond its size, then closed',
      { size: 1_000, recorded: '2022-01-01', releases: [['2022-06-01', 1_000.5]], closed: '2022-07-01' },
      '2022-12-31',
      [[2022, [[0.5]]]],
    ],
    [
      'released beyond its size before it was recorded',
      { size: 100, recorded: '2022-02-01', releases: [['2021-12-01', 100.5]] },
      '2022-12-31',
      [
        [2021, [[100.5, 'released-before-recorded']]],
        [2022, [[-100, 'release-not-matching-area', 'released-before-recorded']]],
      ],
    ],
    [
      'released beyond its size on the day it was recorded',
      { size: 100, recorded: '2022-01-01', releases: [['2022-01-01', 100.5]] },
      '2022-12-31',
      [[2022, [[0.5, 'release-not-matching-area']]]],
    ],
    [
      'released before it was recorded, re-surveyed two years later',
      {
        size: 1_500,
        recorded: '2023-02-01',
        releases: [['2022-12-01', 500]],
        resurveys: [['2024-03-01', 2_000, 1_500]],
      },
      '2024-12-31',
      [
        [2022, [[500, 'released-before-recorded']]],
        [2023, [[-500, 'released-before-recorded']]],
        [2024, [[-500, 're-surveyed']]],
      ],
    ],
    ['recorded on the as-of date', { size: 100, recorded: '2022-05-01' }, '2022-05-01', [[2022, []]]],
    [
      'released beyond its size on the as-of date it was recorded',
      { size: 100, recorded: '2022-05-01', releases: [['2022-05-01', 100.5]] },
      '2022-05-01',
      [[2022, [[0.5, 'release-not-matching-area']]]],
    ],
    [
      're-surveyed, then released exactly: nothing left, nothing amiss',
      { size: 800, recorded: '2021-01-01', resurveys: [['2022-03-01', 1_000, 800]], releases: [['2022-05-01', 800]] },
      '2022-12-31',
      [
        [2021, []],
        [2022, [[-200, 're-surveyed']]],
      ],
    ],
    [
      're-surveyed, then released to 1 m² left: still open',
      { size: 800, recorded: '2021-01-01', resurveys: [['2022-03-01', 1_000, 800]], releases: [['2022-05-01', 799]] },
      '2022-12-31',
      [
        [2021, []],
        [2022, [[-200, 're-surveyed']]],
      ],
    ],
    [
      're-surveyed on the as-of date',
      { size: 800, recorded: '2021-01-01', resurveys: [['2022-03-01', 1_000, 800]] },
      '2022-03-01',
      [
        [2021, []],
        [2022, [[-200, 're-surveyed']]],
      ],
    ],
    [
      'closed on the as-of date',
      { size: 500, recorded: '2021-01-01', closed: '2022-05-01' },
      '2022-05-01',
      [
        [2021, []],
        [2022, [[-500, 'closed-without-release']]],
      ],
    ],
    [
      'closed with no status date: from the day it was recorded',
      { size: 500, recorded: '2021-03-01', closed: null, status: 'closed' },
      '2021-12-31',
      [[2021, [[-500, 'closed-without-release']]]],
    ],
    [
      'an open area with a status date: not an event',
      { size: 500, recorded: '2021-03-01', closed: '2020-01-01', status: 'open' },
      '2021-12-31',
      [[2021, []]],
    ],
    [
      'a difference under a hundredth of a m² is no difference',
      { size: 100, recorded: '2022-01-01', releases: [['2022-06-01', 99.993]] },
      '2022-12-31',
      [[2022, []]],
    ],
  ])('%s', (_, spec, asOf, expected) => {
    expect(causes(spec, asOf)).toEqual(expected);
  });

  it('counts a release dated on the as-of date in its year', () => {
    const records = stateRecords(
      {
        areas: [hazardArea('A', '2021-01-01', 100)],
        revisions: [],
        activities: [],
        releases: [release('r', 'A', '2022-03-01', 40)],
        devices: [],
      },
      'KHM',
    );
    expect(reconcile(records, d('2022-03-01'))[1]).toMatchObject({ releasedM2: 40, closingM2: 60, differenceM2: 0 });
  });

  it('shows no difference under a hundredth of a m² in the year either', () => {
    const records = stateRecords(
      {
        areas: [hazardArea('A', '2022-01-01', 100)],
        revisions: [],
        activities: [],
        releases: [release('r', 'A', '2022-06-01', 99.993)],
        devices: [],
      },
      'KHM',
    );
    expect(reconcile(records, d('2022-12-31'))[0]?.differenceM2).toBe(0);
  });
});
