import { describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { DEVICE_CATEGORIES, type PublishedTotal } from './model.js';
import {
  type StatePublished,
  type YearDeviceCount,
  type YearFigure,
  allRecordsByDevice,
  seriesBeside,
} from './series.js';
import { suppressTable } from './suppression.js';

const figure = (year: number, value: number, edition: string, published: string): YearFigure => ({
  year,
  value,
  qualifier: 'exact',
  edition,
  source: `S-${edition}`,
  published: parseDate(published),
});
const total = (f: YearFigure): PublishedTotal => {
  const { year: _year, ...rest } = f;
  return rest;
};

describe('seriesBeside', () => {
  const lm2017 = figure(2016, 8605, 'LM2017', '2017-12-14');
  const lm2018 = figure(2016, 9437, 'LM2018', '2018-11-20');
  const only = figure(2015, 6461, 'LM2016', '2016-12-01');
  it.each([
    {
      name: 'a year with both: the latest edition, every edition oldest first, the difference',
      published: [lm2018, lm2017],
      recorded: [{ year: 2016, total: 9500 }],
      expected: [
        {
          year: 2016,
          published: total(lm2018),
          editions: [total(lm2017), total(lm2018)],
          recorded: 9500,
          suppressed: false,
          difference: 63,
        },
      ],
    },
    {
      name: 'only published: no recorded total, no difference, not suppressed',
      published: [only],
      recorded: [],
      expected: [
        {
          year: 2015,
          published: total(only),
          editions: [total(only)],
          recorded: null,
          suppressed: false,
          difference: null,
        },
      ],
    },
    {
      name: 'only records: no published total, no difference',
      published: [],
      recorded: [{ year: 2020, total: 12 }],
      expected: [{ year: 2020, published: null, editions: [], recorded: 12, suppressed: false, difference: null }],
    },
    {
      name: 'a withheld recorded total stays withheld and has no difference (it would give the value away)',
      published: [only],
      recorded: [{ year: 2015, total: null }],
      expected: [
        {
          year: 2015,
          published: total(only),
          editions: [total(only)],
          recorded: null,
          suppressed: true,
          difference: null,
        },
      ],
    },
    {
      name: 'a recorded total below the published one: a negative difference; years in order',
      published: [lm2017, only],
      recorded: [
        { year: 2016, total: 8600 },
        { year: 1999, total: 7 },
      ],
      expected: [
        { year: 1999, published: null, editions: [], recorded: 7, suppressed: false, difference: null },
        {
          year: 2015,
          published: total(only),
          editions: [total(only)],
          recorded: null,
          suppressed: false,
          difference: null,
        },
        {
          year: 2016,
          published: total(lm2017),
          editions: [total(lm2017)],
          recorded: 8600,
          suppressed: false,
          difference: -5,
        },
      ],
    },
    {
      name: 'two editions on the same day: ordered by label',
      published: [figure(2010, 2, 'LM2012', '2012-11-29'), figure(2010, 1, 'LM2011', '2012-11-29')],
      recorded: [],
      expected: [
        {
          year: 2010,
          published: total(figure(2010, 2, 'LM2012', '2012-11-29')),
          editions: [total(figure(2010, 1, 'LM2011', '2012-11-29')), total(figure(2010, 2, 'LM2012', '2012-11-29'))],
          recorded: null,
          suppressed: false,
          difference: null,
        },
      ],
    },
    { name: 'nothing: no year', published: [], recorded: [], expected: [] },
  ])('$name', ({ published, recorded, expected }) => {
    expect(seriesBeside(published, recorded)).toEqual(expected);
  });
});

/** What a State with these counts publishes (the same rules as aggregates.ts). */
function published(counts: readonly YearDeviceCount[]): StatePublished {
  const years = [...new Set(counts.map((c) => c.year))].sort((a, b) => a - b);
  const perYear = suppressTable(
    years.map((y) => [counts.filter((c) => c.year === y).reduce((s, c) => s + c.count, 0)]),
    1,
  );
  const devices = suppressTable(
    [DEVICE_CATEGORIES.map((d) => counts.filter((c) => c.device === d).reduce((s, c) => s + c.count, 0))],
    DEVICE_CATEGORIES.length,
  );
  return {
    years: years.map((year, r) => ({ year, total: perYear.rowTotals[r] ?? null })),
    devices: DEVICE_CATEGORIES.map((key, c) => {
      const count = devices.cells[0]?.[c] ?? null;
      return { key, count, suppressed: count === null };
    }),
    total: devices.total,
  };
}

const c = (year: number, device: string, count: number): YearDeviceCount => ({ year, device, count });

describe('allRecordsByDevice', () => {
  const big = [c(2020, 'ap-mine', 40), c(2020, 'erw', 30), c(2021, 'ap-mine', 50), c(2021, 'erw', 60)];
  it('a year total is the sum of the States’ totals when every State publishes its part', () => {
    const a = big;
    const b = [c(2020, 'ap-mine', 20), c(2020, 'erw', 25), c(2021, 'ap-mine', 10), c(2021, 'erw', 10)];
    const out = allRecordsByDevice([...a, ...b], [published(a), published(b)]);
    expect(out.years).toEqual([
      { year: 2020, total: 115 },
      { year: 2021, total: 130 },
    ]);
    const y2020 = out.byDevice[0]?.cells ?? [];
    expect(y2020.find((x) => x.key === 'ap-mine')?.count).toBe(60);
    // Devices no record names are 0: withheld, as in every State's own table.
    expect(y2020.find((x) => x.key === 'av-mine')).toEqual({ key: 'av-mine', count: null, suppressed: true });
  });

  it('a year one State withholds is withheld in the sum too, even when the sum is large', () => {
    const a = [...big, c(2019, 'ap-mine', 3), c(2018, 'erw', 6)];
    const b = [c(2019, 'erw', 100), c(2018, 'erw', 100)];
    const out = allRecordsByDevice([...a, ...b], [published(a), published(b)]);
    const a2019 = published(a).years.find((y) => y.year === 2019)?.total;
    expect(a2019).toBeNull();
    expect(out.years.find((y) => y.year === 2019)?.total).toBeNull();
  });

  it('never shows a cell below 5, and leaves no line with one withheld value', () => {
    const counts = [...big, c(2020, 'av-mine', 2), c(2021, 'av-mine', 9), c(2021, 'unknown', 1)];
    const out = allRecordsByDevice(counts, [published(counts)]);
    for (const row of out.byDevice) {
      for (const cell of row.cells) if (cell.count !== null) expect(cell.count).toBeGreaterThanOrEqual(5);
      const withheld = row.cells.filter((x) => x.suppressed).length + (row.total === null ? 1 : 0);
      expect(withheld === 0 || withheld >= 2).toBe(true);
    }
    expect(out.byDevice.find((r) => r.year === 2020)?.cells.find((x) => x.key === 'av-mine')?.suppressed).toBe(true);
  });

  it('no record: no year', () => {
    expect(allRecordsByDevice([], [])).toEqual({ years: [], byDevice: [] });
  });
});

describe('suppressTable with fixed margins', () => {
  it('keeps the margins as given and adds only cells', () => {
    const t = suppressTable(
      [
        [10, 20],
        [30, 40],
      ],
      2,
      undefined,
      { rowTotals: [true, true], columnTotals: [false, false], total: false },
    );
    expect(t.rowTotals).toEqual([null, null]);
    expect(t.columnTotals).toEqual([40, 60]);
    // Each row had one withheld value (its total): a cell of each is withheld, then each column has two.
    expect(t.cells).toEqual([
      [null, 20],
      [null, 40],
    ]);
    expect(t.safe).toBe(true);
  });

  it('says so when a line has one withheld value and no cell left to add', () => {
    const t = suppressTable([[3]], 1, undefined, { rowTotals: [false], columnTotals: [false], total: false });
    expect(t.cells).toEqual([[null]]);
    expect(t.safe).toBe(false);
  });
});
