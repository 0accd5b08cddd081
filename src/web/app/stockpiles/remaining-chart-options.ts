/** ECharts options for a State's remaining stockpile over time, against its Article 4 deadline. */
import type { EChartsCoreOption } from 'echarts/core';
import type { StateStockpile } from '../api';
import { formatDate } from '../dates';
import { formatNumber, t } from '../i18n';

const TEXT = '#333333';
/** The page's font (styles.css), so ECharts measures the text it draws. */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
const REMAINING = '#0072B2';
const DEADLINE = '#D55E00';

const time = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const HALF_YEAR = 182 * 24 * 3600 * 1000;

/**
 * The remaining stock as steps (each point holds until the next entry changes it; a gap where a
 * quantity is not stated), and the deadline as a vertical line.
 */
export function remainingChartOptions(s: StateStockpile, narrow = false): EChartsCoreOption {
  const points = s.remainingHistory.map((p) => [time(p.date), p.remaining]);
  const deadline = s.deadline === null ? [] : [{ xAxis: time(s.deadline), name: t('web:stockpiles.chart.deadline') }];

  // The axis spans the ledger's first point and the deadline, whichever comes first, to the date.
  const deadlineTime = s.deadline === null ? null : time(s.deadline);
  // (less half a year, so that a deadline on the first day does not sit on the axis).
  const first = Math.min(points[0]?.[0] ?? time(s.asOf), deadlineTime ?? Infinity) - HALF_YEAR;
  const last = Math.max(time(s.asOf), deadlineTime ?? 0);
  return {
    animation: false,
    textStyle: { color: TEXT, fontFamily: FONT },
    grid: { left: 8, right: narrow ? 16 : 32, top: narrow ? 72 : 56, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { color: TEXT, fontFamily: FONT, fontSize: narrow ? 11 : 12 } },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : t('web:stockpiles.remainingUnknown')),
    },
    xAxis: {
      type: 'time',
      min: first,
      max: last,
      axisLabel: {
        color: TEXT,
        hideOverlap: true,
        formatter: (v: number) => new Date(v).getUTCFullYear().toString(),
      },
      axisLine: { lineStyle: { color: '#767676' } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      name: t('web:stockpiles.chart.minesAxis'),
      nameLocation: 'end',
      nameGap: 12,
      nameTextStyle: { color: TEXT, align: 'left' },
      axisLabel: { color: TEXT, formatter: (v: number) => formatNumber(v, { notation: 'compact' }) },
      splitLine: { lineStyle: { color: '#E0E0E0' } },
    },
    series: [
      {
        id: 'remaining',
        name: t('web:stockpiles.chart.remainingSeries'),
        type: 'line',
        step: 'end',
        data: points,
        connectNulls: false,
        symbolSize: 7,
        lineStyle: { color: REMAINING, width: 2.5 },
        itemStyle: { color: REMAINING },
      },
      // The deadline: a vertical dashed line, named in the legend (a label on the line would be cut on a phone).
      ...(s.deadline === null
        ? []
        : [
            {
              id: 'deadline',
              name: t('web:stockpiles.chart.deadlineOn', { date: formatDate(s.deadline) }),
              type: 'line',
              data: [],
              lineStyle: { color: DEADLINE, type: 'dashed', width: 2 },
              itemStyle: { color: DEADLINE },
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: DEADLINE, type: 'dashed', width: 2 },
                label: { show: false },
                data: deadline,
              },
            },
          ]),
    ],
  };
}
