/**
 * The casualty series (issue 11, item 4): per year, the totals each edition published beside the
 * total computed from the records kept here, and their difference; and the casualties by device
 * category of every record kept here. A withheld recorded total stays withheld and has no
 * difference (the difference and the published total would give it away). No I/O here.
 */
import { compareDates } from '../core/date.js';
import {
  type BreakdownCell,
  type CasualtyYear,
  DEVICE_CATEGORIES,
  type DeviceYear,
  type PublishedTotal,
  type SeriesYear,
} from './model.js';
import { suppressTable } from './suppression.js';

/** A published total for one year, any edition. */
export interface YearFigure extends PublishedTotal {
  year: number;
}

/** A recorded total for one year, as published (null when withheld). */
export type RecordedYear = Pick<CasualtyYear, 'year' | 'total'>;

const byPublication = (a: PublishedTotal, b: PublishedTotal): number =>
  compareDates(a.published, b.published) || (a.edition ?? '').localeCompare(b.edition ?? '');

/** Every year with a published or a recorded total, oldest first. */
export function seriesBeside(published: readonly YearFigure[], recorded: readonly RecordedYear[]): SeriesYear[] {
  const years = [...new Set([...published.map((f) => f.year), ...recorded.map((r) => r.year)])].sort((a, b) => a - b);
  return years.map((year) => {
    const editions = published
      .filter((f) => f.year === year)
      .map(({ year: _year, ...total }) => total)
      .sort(byPublication);
    const latest = editions.at(-1) ?? null;
    const row = recorded.find((r) => r.year === year);
    const recordedTotal = row?.total ?? null;
    return {
      year,
      published: latest,
      editions,
      recorded: recordedTotal,
      suppressed: row !== undefined && row.total === null,
      difference: latest === null || recordedTotal === null ? null : recordedTotal - latest.value,
    };
  });
}

/** How many records of any State fall in one year and device category (the store's group-by). */
export interface YearDeviceCount {
  year: number;
  device: string;
  count: number;
}

/** What one State with records publishes of the same counts: its year totals and its device totals (null: withheld). */
export interface StatePublished {
  years: readonly RecordedYear[];
  devices: readonly BreakdownCell[];
  total: number | null;
}

export interface AllRecords {
  /** Every year's total over all States (null: withheld). */
  years: RecordedYear[];
  byDevice: DeviceYear[];
}

/**
 * Casualties by year and device over every record kept here, suppressed. The year totals and the
 * device totals are sums of what each State already publishes: one is shown only when every State
 * shows its part (a year a State has no record of counts as a shown 0), so the global table adds
 * nothing to those; the cells are then suppressed around these fixed margins. Should a line be
 * left with a single withheld value, every cell is withheld.
 */
export function allRecordsByDevice(counts: readonly YearDeviceCount[], states: readonly StatePublished[]): AllRecords {
  const years = [...new Set(counts.map((c) => c.year))].sort((a, b) => a - b);
  const cells = years.map((year) =>
    DEVICE_CATEGORIES.map((device) =>
      counts.filter((c) => c.year === year && c.device === device).reduce((sum, c) => sum + c.count, 0),
    ),
  );
  const yearWithheld = (year: number): boolean =>
    states.some((s) => s.years.some((y) => y.year === year && y.total === null));
  const deviceWithheld = (device: string): boolean =>
    states.some((s) => s.devices.some((d) => d.key === device && d.suppressed));
  const table = suppressTable(cells, DEVICE_CATEGORIES.length, undefined, {
    rowTotals: years.map(yearWithheld),
    columnTotals: DEVICE_CATEGORIES.map(deviceWithheld),
    total: states.some((s) => s.total === null),
  });
  return {
    years: years.map((year, r) => ({ year, total: table.rowTotals[r] ?? null })),
    byDevice: years.map((year, r) => ({
      year,
      total: table.rowTotals[r] ?? null,
      cells: DEVICE_CATEGORIES.map((key, c) => {
        const count = table.safe ? (table.cells[r]?.[c] ?? null) : null;
        return { key, count, suppressed: count === null };
      }),
    })),
  };
}
