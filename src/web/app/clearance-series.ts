/**
 * The clearance section's numbers, from GET /states/{iso3}/clearance: the unit an area reads
 * best in, the remaining area at each year end, the forecast lines to zero, the area released
 * by kind each year, and the verdict in words. Pure: no DOM, no ECharts.
 */
import type { ClearanceSummary, ClearanceVerdict } from './api';
import { formatDate } from './dates';
import { formatNumber, t } from './i18n';

export interface AreaUnit {
  /** As written after a number: "km²", "ha", "m²". */
  symbol: string;
  /** For an axis title or a sentence: "square kilometres". */
  name: string;
  /** Square metres in one of this unit. */
  m2: number;
}

// The words are read from the catalogue each time, so they follow the language.
export const KM2: AreaUnit = {
  get symbol() {
    return t('web:area.km2.symbol');
  },
  get name() {
    return t('web:area.km2.name');
  },
  m2: 1_000_000,
};
export const HECTARE: AreaUnit = {
  get symbol() {
    return t('web:area.ha.symbol');
  },
  get name() {
    return t('web:area.ha.name');
  },
  m2: 10_000,
};
export const SQUARE_METRE: AreaUnit = {
  get symbol() {
    return t('web:area.m2.symbol');
  },
  get name() {
    return t('web:area.m2.name');
  },
  m2: 1,
};

/**
 * The unit for a set of areas, from the largest: km² from 1 km² (how mine action reports a
 * national contamination), hectares from 1 ha (a field), square metres below that.
 */
export function areaUnit(largestM2: number): AreaUnit {
  if (largestM2 >= KM2.m2) return KM2;
  if (largestM2 >= HECTARE.m2) return HECTARE;
  return SQUARE_METRE;
}

/** A number in a unit with three significant figures at most, never fewer than the whole part: "8.42", "17.8", "1,234". */
export function amountIn(m2: number, unit: AreaUnit): string {
  const value = m2 / unit.m2;
  const size = Math.abs(value);
  const digits = size === 0 || size >= 100 ? 0 : size >= 10 ? 1 : 2;
  return formatNumber(value, { maximumFractionDigits: digits });
}

/** An area in the unit that reads best for it alone: "8.42 km²", "3.1 ha", "850 m²". */
export function areaWords(m2: number): string {
  const unit = areaUnit(m2);
  return t('web:area.value', { value: amountIn(m2, unit), symbol: unit.symbol });
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The last day of a month (1-12). */
export function monthEnd(year: number, month: number): string {
  const days = month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] ?? 31);
  return `${pad(year, 4)}-${pad(month)}-${pad(days)}`;
}

/** A deadline given as a year or a month holds until its last day: "2025" -> "2025-12-31", "2024-02" -> "2024-02-29". */
export function lastDay(partial: string): string {
  const [year, month, day] = partial.split('-');
  if (day !== undefined) return partial;
  return monthEnd(Number(year), month === undefined ? 12 : Number(month));
}

/** A point on a time axis: a calendar date and a value in the chart's unit. */
export type DatedValue = [string, number];

export interface RemainingView {
  unit: AreaUnit;
  /** Remaining area at the end of each year from the first record; the as-of year ends on the as-of date. */
  remaining: DatedValue[];
  /** Remaining area on the as-of date, m². */
  remainingM2: number;
  /** The deadline's last day, or null. */
  deadline: string | null;
  /** Straight lines from the as-of remaining to zero; absent when that case never finishes or nothing is forecast. */
  forecast: {
    earliest: DatedValue[] | null;
    mean: DatedValue[] | null;
    latest: DatedValue[] | null;
  } | null;
}

/** The remaining area on the as-of date: the as-of year's closing, else what is open. */
/** Whether the State has clearance records to draw (a map, charts), or only the sentence that it has none. */
export function hasRecords(summary: ClearanceSummary): boolean {
  if (summary.records !== undefined) return summary.records.hazardAreas > 0;
  return summary.reconciliation.length > 0 || summary.open.sha.count + summary.open.cha.count > 0;
}

export function remainingOnDate(summary: ClearanceSummary): number {
  const last = summary.reconciliation.at(-1);
  if (last !== undefined && String(last.year) === summary.asOf.slice(0, 4)) return last.closingM2;
  return summary.open.sha.areaM2 + summary.open.cha.areaM2;
}

export function remainingView(summary: ClearanceSummary): RemainingView {
  const remainingM2 = remainingOnDate(summary);
  const largest = Math.max(remainingM2, ...summary.reconciliation.map((r) => r.closingM2));
  const unit = areaUnit(largest);
  const asOfYear = summary.asOf.slice(0, 4);
  const remaining: DatedValue[] = summary.reconciliation.map((r) => [
    String(r.year) === asOfYear ? summary.asOf : `${pad(r.year, 4)}-12-31`,
    r.closingM2 / unit.m2,
  ]);
  const start: DatedValue = [summary.asOf, remainingM2 / unit.m2];
  const toZero = (date: string | null): DatedValue[] | null => (date === null ? null : [start, [date, 0]]);
  const { completion, low, high } = summary.forecast;
  const forecast =
    remainingM2 > 0 && (completion !== null || low !== null || high !== null)
      ? { earliest: toZero(high), mean: toZero(completion), latest: toZero(low) }
      : null;
  return {
    unit,
    remaining,
    remainingM2,
    deadline: summary.deadline === null ? null : lastDay(summary.deadline),
    forecast,
  };
}

export interface ReleasedView {
  unit: AreaUnit;
  years: string[];
  cancelled: number[];
  reduced: number[];
  cleared: number[];
}

/** Area released per year by kind, in one unit chosen from the largest year's total. */
export function releasedView(summary: ClearanceSummary): ReleasedView {
  const rows = [...summary.released].sort((a, b) => a.year - b.year);
  const unit = areaUnit(Math.max(0, ...rows.map((r) => r.cancelledM2 + r.reducedM2 + r.clearedM2)));
  return {
    unit,
    years: rows.map((r) => String(r.year)),
    cancelled: rows.map((r) => r.cancelledM2 / unit.m2),
    reduced: rows.map((r) => r.reducedM2 / unit.m2),
    cleared: rows.map((r) => r.clearedM2 / unit.m2),
  };
}

const VERDICT_LABEL = {
  'on-track': 'web:verdict.label.on-track',
  'at-risk': 'web:verdict.label.at-risk',
  'off-track': 'web:verdict.label.off-track',
  unknown: 'web:verdict.label.unknown',
} as const satisfies Record<ClearanceVerdict, string>;

/** The years the forecast's release rates come from: "from 2023 to 2025", "in 2025" (they follow each other). */
export function rateYearsWords(summary: ClearanceSummary): string {
  const years = summary.forecast.basis?.years ?? [];
  const [from, to] = [years[0], years[years.length - 1]];
  if (from === undefined || to === undefined) return t('web:verdict.rateYearsUnknown');
  return from === to ? t('web:verdict.rateYear', { year: from }) : t('web:verdict.rateYears', { from, to });
}

/** The verdict with the one sentence that explains it to a reader who is not a statistician. */
export function verdictWords(summary: ClearanceSummary): { label: string; sentence: string } {
  const { verdict, completion, low } = summary.forecast;
  const years = rateYearsWords(summary);
  const deadline = summary.deadline === null ? null : formatDate(lastDay(summary.deadline));
  const label = t(VERDICT_LABEL[verdict]);
  const deadlineWords = deadline ?? t('web:verdict.unknownDate');
  const remainingM2 = remainingOnDate(summary);
  switch (verdict) {
    case 'on-track':
      if (remainingM2 <= 0) return { label, sentence: t('web:verdict.noneOpen', { date: formatDate(summary.asOf) }) };
      return {
        label,
        sentence: t('web:verdict.onTrack', {
          low: low === null ? t('web:verdict.theDeadline') : formatDate(low),
          deadline: deadlineWords,
          years,
        }),
      };
    case 'at-risk':
      return {
        label,
        sentence: t('web:verdict.atRisk', {
          completion: completion === null ? t('web:verdict.theDeadline') : formatDate(completion),
          deadline: deadlineWords,
          low: low === null ? t('web:verdict.never') : formatDate(low),
          years,
        }),
      };
    case 'off-track':
      return {
        label,
        sentence:
          completion === null
            ? t('web:verdict.offTrackNever', { deadline: deadlineWords, years })
            : t('web:verdict.offTrack', { completion: formatDate(completion), deadline: deadlineWords, years }),
      };
    case 'unknown':
      return {
        label,
        sentence: deadline === null ? t('web:verdict.noDeadline') : t('web:verdict.noHistory'),
      };
  }
}

const inUnit = (value: number, unit: AreaUnit): string =>
  t('web:area.value', { value: amountIn(value * unit.m2, unit), symbol: unit.symbol });

/** The remaining-area chart in one or two sentences, for readers who cannot see it. */
export function remainingDescription(view: RemainingView): string {
  const first = view.remaining[0];
  const last = view.remaining.at(-1);
  if (first === undefined || last === undefined) return t('web:clearanceCharts.noRemaining');
  const trend =
    view.remaining.length === 1
      ? t('web:clearanceCharts.remainingOn', { date: formatDate(last[0]), area: inUnit(last[1], view.unit) })
      : t('web:clearanceCharts.remainingFrom', {
          first: inUnit(first[1], view.unit),
          year: first[0].slice(0, 4),
          last: inUnit(last[1], view.unit),
          date: formatDate(last[0]),
        });
  const deadline =
    view.deadline === null
      ? t('web:clearanceCharts.noDeadline')
      : t('web:clearanceCharts.deadline', { date: formatDate(view.deadline) });
  const f = view.forecast;
  const end = (line: DatedValue[] | null): string | null => {
    const date = line?.at(-1)?.[0];
    return date === undefined ? null : formatDate(date);
  };
  let forecast = '';
  if (f !== null) {
    const [early, mean, late] = [end(f.earliest), end(f.mean), end(f.latest)];
    if (mean !== null) forecast = t('web:clearanceCharts.meanZero', { date: mean });
    if (early !== null && late !== null)
      forecast += t(forecast === '' ? 'web:clearanceCharts.rangeZero' : 'web:clearanceCharts.rangeZeroAfterMean', {
        early,
        late,
      });
    else if (early !== null)
      forecast += t(forecast === '' ? 'web:clearanceCharts.earlyZero' : 'web:clearanceCharts.earlyZeroAfterMean', {
        early,
      });
    if (forecast !== '') forecast += t('web:clearanceCharts.end');
  }
  return `${trend}${deadline}${forecast}`;
}

/** The released-area chart in one sentence. */
export function releasedDescription(view: ReleasedView): string {
  const totals = view.years.map((year, i) => ({
    year,
    total: (view.cancelled[i] ?? 0) + (view.reduced[i] ?? 0) + (view.cleared[i] ?? 0),
  }));
  if (totals.length === 0) return t('web:clearanceCharts.noRelease');
  const sum = totals.reduce((a, b) => a + b.total, 0);
  const largest = totals.reduce((a, b) => (b.total > a.total ? b : a));
  const span =
    totals.length === 1
      ? t('web:clearanceCharts.releasedIn', { year: largest.year })
      : t('web:clearanceCharts.releasedFromTo', { from: totals[0]?.year ?? '', to: totals.at(-1)?.year ?? '' });
  return t('web:clearanceCharts.released', {
    total: inUnit(sum, view.unit),
    span,
    year: largest.year,
    largest: inUnit(largest.total, view.unit),
  });
}
