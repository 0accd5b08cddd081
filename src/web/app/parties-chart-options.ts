/**
 * ECharts options for "States Parties over time": step lines from the history points, each date
 * on which withdrawals took effect pinned, and the chosen date marked. Plain data in, options out.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { HistoryPoint } from './api';
import { formatDate } from './dates';
import { t } from './i18n';

/** Withdrawals taking effect on one date. */
export interface WithdrawalEvent {
  date: string;
  names: string[];
}

/** One pin on the chart: withdrawals close in time share it, or their pins would overlap. */
export interface WithdrawalMark {
  date: string;
  statesParties: number;
  events: WithdrawalEvent[];
}

/** Withdrawals within this many months of a pin's first one share the pin. */
const PIN_MONTHS = 12;

const monthIndex = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));

/** Dates on which the number of withdrawals in effect rose, with the States that withdrew then. */
export function withdrawalMarks(
  history: readonly HistoryPoint[],
  namesByDate: ReadonlyMap<string, string[]>,
): WithdrawalMark[] {
  const marks: WithdrawalMark[] = [];
  let previous = 0;
  for (const point of history) {
    if (point.withdrawn > previous) {
      const count = point.withdrawn - previous;
      const event = {
        date: point.date,
        names: namesByDate.get(point.date) ?? [t('web:partiesChart.statesCount', { count })],
      };
      const last = marks[marks.length - 1];
      const first = last?.events[0];
      if (last && first && monthIndex(point.date) - monthIndex(first.date) <= PIN_MONTHS) {
        last.events.push(event);
        last.date = point.date;
        last.statesParties = point.statesParties;
      } else {
        marks.push({ date: point.date, statesParties: point.statesParties, events: [event] });
      }
    }
    previous = point.withdrawn;
  }
  return marks;
}

const stateCount = (mark: WithdrawalMark): number => mark.events.reduce((sum, e) => sum + e.names.length, 0);

const TEXT = '#333333';
const PARTIES = '#0072B2';
const IN_FORCE = '#4D4D4D';
const WITHDRAWAL = '#A3004F';

export function partiesChartOptions(
  history: readonly HistoryPoint[],
  marks: readonly WithdrawalMark[],
  asOf: string,
  end: string,
): EChartsCoreOption {
  const last = history[history.length - 1];
  const extend = (points: [string, number][], value: number | undefined): [string, number][] =>
    last && last.date < end && value !== undefined ? [...points, [end, value]] : points;
  const parties = extend(
    history.map((p) => [p.date, p.statesParties]),
    last?.statesParties,
  );
  const partiesName = t('web:partiesChart.parties');
  const inForceName = t('web:partiesChart.inForce');
  const inForce = extend(
    history.map((p) => [p.date, p.inForce]),
    last?.inForce,
  );

  return {
    animation: false,
    textStyle: { color: TEXT, fontFamily: 'inherit' },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemGap: 24, textStyle: { color: TEXT }, data: [partiesName, inForceName] },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => String(value),
    },
    xAxis: {
      type: 'time',
      min: '1997-12-03',
      max: end,
      axisLabel: { color: TEXT, hideOverlap: true },
      axisLine: { lineStyle: { color: '#767676' } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 200,
      axisLabel: { color: TEXT },
      splitLine: { lineStyle: { color: '#E0E0E0' } },
    },
    series: [
      {
        name: partiesName,
        type: 'line',
        step: 'end',
        showSymbol: false,
        data: parties,
        lineStyle: { color: PARTIES, width: 2.5 },
        itemStyle: { color: PARTIES },
        markPoint: {
          symbol: 'pin',
          symbolSize: 38,
          itemStyle: { color: WITHDRAWAL },
          label: {
            color: '#FFFFFF',
            fontWeight: 'bold',
            formatter: (p: { value?: unknown }) =>
              typeof p.value === 'number' ? t('web:partiesChart.pinValue', { count: p.value }) : '',
          },
          tooltip: { formatter: (p: { name?: string }) => p.name ?? '' },
          data: marks.map((mark) => ({
            name: t('web:partiesChart.pin', {
              events: mark.events
                .map((e) => t('web:partiesChart.pinEvent', { names: e.names.join(', '), date: formatDate(e.date) }))
                .join('; '),
            }),
            coord: [mark.date, mark.statesParties],
            value: stateCount(mark),
          })),
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: TEXT, type: 'dashed', width: 1.5 },
          label: {
            color: TEXT,
            formatter: t('web:partiesChart.statusOn', { date: formatDate(asOf, true) }),
            position: 'insideStartTop',
          },
          data: asOf >= '1997-12-03' && asOf <= end ? [{ xAxis: asOf }] : [],
        },
      },
      {
        name: inForceName,
        type: 'line',
        step: 'end',
        showSymbol: false,
        data: inForce,
        lineStyle: { color: IN_FORCE, width: 1.5, type: 'dotted' },
        itemStyle: { color: IN_FORCE },
      },
    ],
  };
}

/** The chart in one paragraph: first, peak and last counts, and every withdrawal. */
export function partiesDescription(history: readonly HistoryPoint[], marks: readonly WithdrawalMark[]): string {
  const first = history[0];
  const last = history[history.length - 1];
  if (!first || !last) return t('web:partiesChart.noData');
  const peak = Math.max(...history.map((p) => p.statesParties));
  const withdrawals = marks
    .flatMap((m) => m.events)
    .map((e) => t('web:partiesChart.withdrawal', { names: e.names.join(', '), date: formatDate(e.date) }))
    .join('; ');
  return (
    t('web:partiesChart.rose', {
      first: first.statesParties,
      firstDate: formatDate(first.date),
      peak,
      last: last.statesParties,
      lastDate: formatDate(last.date),
    }) + (withdrawals ? t('web:partiesChart.withdrawals', { list: withdrawals }) : t('web:partiesChart.noWithdrawal'))
  );
}
