/**
 * The public casualty aggregates of one State: counts by year and outcome, and over all years by
 * sex, age band, status and device, each table suppressed (suppression.ts). The counts come from
 * the store's group-by; nothing here sees a record. No I/O here.
 */
import type { CalendarDate } from '../core/date.js';
import type { StateCode } from '../core/states.js';
import {
  AGE_BANDS,
  type BreakdownCell,
  CASUALTY_STATUSES,
  type CasualtyBreakdowns,
  type CasualtyYear,
  DEVICE_CATEGORIES,
  OUTCOMES,
  type Outcome,
  SEXES,
} from './model.js';
import { suppressTable } from './suppression.js';

/** How many records of a State fall in one year and outcome (the store's group-by). */
export interface YearOutcomeCount {
  year: number;
  outcome: Outcome;
  count: number;
}

/** The State's casualties per year (years with at least one record), suppressed. */
export function casualtySeries(counts: readonly YearOutcomeCount[]): CasualtyYear[] {
  const years = [...new Set(counts.map((c) => c.year))].sort((a, b) => a - b);
  const cells = years.map((year) =>
    OUTCOMES.map((outcome) =>
      counts.filter((c) => c.year === year && c.outcome === outcome).reduce((sum, c) => sum + c.count, 0),
    ),
  );
  const table = suppressTable(cells, OUTCOMES.length);
  return years.map((year, r) => {
    const [killed = null, injured = null] = table.cells[r] ?? [];
    const total = table.rowTotals[r] ?? null;
    return { year, killed, injured, total, suppressed: killed === null || injured === null || total === null };
  });
}

/** One breakdown over all years: every key listed (a key with no record is a 0, suppressed). */
export function breakdown(
  keys: readonly string[],
  counts: ReadonlyMap<string, number>,
): {
  cells: BreakdownCell[];
  total: number | null;
} {
  const table = suppressTable([keys.map((k) => counts.get(k) ?? 0)], keys.length);
  const row = table.cells[0] ?? [];
  return {
    cells: keys.map((key, c) => {
      const count = row[c] ?? null;
      return { key, count, suppressed: count === null };
    }),
    total: table.total,
  };
}

export interface DimensionCounts {
  sex: ReadonlyMap<string, number>;
  ageBand: ReadonlyMap<string, number>;
  status: ReadonlyMap<string, number>;
  device: ReadonlyMap<string, number>;
}

/** The four breakdowns of a State; the grand total is published only where every table publishes it. */
export function casualtyBreakdowns(iso3: StateCode, asOf: CalendarDate, counts: DimensionCounts): CasualtyBreakdowns {
  const bySex = breakdown(SEXES, counts.sex);
  const byAgeBand = breakdown(AGE_BANDS, counts.ageBand);
  const byStatus = breakdown(CASUALTY_STATUSES, counts.status);
  const byDevice = breakdown(DEVICE_CATEGORIES, counts.device);
  const totals = [bySex.total, byAgeBand.total, byStatus.total, byDevice.total];
  return {
    iso3,
    asOf,
    total: totals.includes(null) ? null : (totals[0] ?? null),
    bySex: bySex.cells,
    byAgeBand: byAgeBand.cells,
    byStatus: byStatus.cells,
    byDevice: byDevice.cells,
  };
}
