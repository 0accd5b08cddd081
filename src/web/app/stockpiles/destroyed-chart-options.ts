/**
 * ECharts options for the mines destroyed each year: the ledger's sum and the published yearly
 * figures as bars, the published global totals since 1997 as points on a line (right axis).
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { ReportedFigure, StockpilesByState } from '../api';
import { formatNumber, t } from '../i18n';

const TEXT = '#333333';
/** The page's font (styles.css), so ECharts measures the text it draws. */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
const LEDGER = '#0072B2';
const REPORTED_YEAR = '#56B4E9';
const TOTAL = '#D55E00';

/** One row of the chart (and of its data table): a year and what is known of it. */
export interface DestroyedYear {
  year: number;
  ledger: number | null;
  reportedYear: ReportedFigure | null;
  reportedTotal: ReportedFigure | null;
}

const yearOf = (period: string): number => Number(period.slice(0, 4));

/** The years from the first to the last with any figure; the latest-period total of each year. */
export function destroyedYears(
  byState: StockpilesByState,
  inYear: readonly ReportedFigure[],
  totals: readonly ReportedFigure[],
): DestroyedYear[] {
  const years = [
    ...byState.destroyedByYear.map((d) => d.year),
    ...inYear.map((f) => yearOf(f.period)),
    ...totals.map((f) => yearOf(f.period)),
  ];
  if (years.length === 0) return [];
  const latestOf = (figures: readonly ReportedFigure[], year: number): ReportedFigure | null =>
    figures.filter((f) => yearOf(f.period) === year).sort((a, b) => b.period.localeCompare(a.period))[0] ?? null;
  const rows: DestroyedYear[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    rows.push({
      year,
      ledger: byState.destroyedByYear.find((d) => d.year === year)?.quantity ?? null,
      reportedYear: latestOf(inYear, year),
      reportedTotal: latestOf(totals, year),
    });
  }
  return rows;
}

export function destroyedChartOptions(rows: readonly DestroyedYear[], narrow = false): EChartsCoreOption {
  const axis = (name: string) => ({
    type: 'value',
    min: 0,
    name,
    nameLocation: 'end',
    nameGap: 12,
    nameTextStyle: { color: TEXT },
    axisLabel: { color: TEXT, formatter: (v: number) => formatNumber(v, { notation: 'compact' }) },
    splitLine: { lineStyle: { color: '#E0E0E0' } },
  });
  return {
    animation: false,
    textStyle: { color: TEXT, fontFamily: FONT },
    grid: { left: 8, right: 8, top: narrow ? 88 : 64, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { color: TEXT, fontFamily: FONT, fontSize: narrow ? 11 : 12 } },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : t('web:stockpiles.chart.none')),
    },
    xAxis: {
      type: 'category',
      data: rows.map((r) => String(r.year)),
      axisLabel: { color: TEXT, hideOverlap: true },
      axisLine: { lineStyle: { color: '#767676' } },
    },
    yAxis: [
      axis(t('web:stockpiles.chart.minesAxis')),
      { ...axis(t('web:stockpiles.chart.totalAxis')), splitLine: { show: false } },
    ],
    series: [
      {
        id: 'ledger',
        name: t('web:stockpiles.chart.ledgerSeries'),
        type: 'bar',
        data: rows.map((r) => r.ledger),
        itemStyle: { color: LEDGER },
        barMaxWidth: 24,
      },
      {
        id: 'reported-year',
        name: t('web:stockpiles.chart.reportedYearSeries'),
        type: 'bar',
        data: rows.map((r) => r.reportedYear?.value ?? null),
        itemStyle: { color: REPORTED_YEAR },
        barMaxWidth: 24,
      },
      {
        id: 'reported-total',
        name: t('web:stockpiles.chart.reportedTotalSeries'),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: rows.map((r) => r.reportedTotal?.value ?? null),
        symbol: 'diamond',
        symbolSize: 9,
        lineStyle: { color: TOTAL, width: 2, type: 'dashed' },
        itemStyle: { color: TOTAL },
      },
    ],
  };
}
