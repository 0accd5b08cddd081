/**
 * ECharts options for the clearance section: the remaining area over time against the Article 5
 * deadline with the forecast band, and the area released by kind each year.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { RELEASE_COLOUR } from './clearance-map';
import { type AreaUnit, type DatedValue, type ReleasedView, type RemainingView, amountIn } from './clearance-series';
import { formatDate } from './dates';
import { formatNumber, t } from './i18n';

const TEXT = '#333333';
/** The page's font (styles.css), so ECharts measures the text it draws. */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
const REMAINING = '#1a1a1a';
const FORECAST = '#0072B2';
const BAND = 'rgba(0, 114, 178, 0.14)';
const DEADLINE = '#A3141B';
const DAY = 86_400_000;

export const FORECAST_BAND_ID = 'forecast-band';

const axisValue = (value: number): string => formatNumber(value, { maximumFractionDigits: 2 });
const amount = (value: number, unit: AreaUnit): string =>
  t('web:area.value', { value: amountIn(value * unit.m2, unit), symbol: unit.symbol });
/** One series in a tooltip: the marker ECharts gives, the series' name, the value in bold. */
const tipRow = (marker: unknown, name: string | undefined, value: string): string =>
  `${typeof marker === 'string' ? marker : ''}${t('web:clearanceCharts.tipRow', { name: escapeHtml(name ?? ''), value: escapeHtml(value) })}`;

interface TooltipParam {
  seriesName?: string;
  marker?: unknown;
  value?: unknown;
  axisValueLabel?: string;
  name?: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function timeTooltip(unit: AreaUnit) {
  return (params: TooltipParam | TooltipParam[]): string => {
    const list = (Array.isArray(params) ? params : [params]).filter((p) => Array.isArray(p.value));
    const first = list[0]?.value as DatedValue | undefined;
    if (first === undefined) return '';
    const rows = list.map((p) => {
      const [, value] = p.value as DatedValue;
      return tipRow(p.marker, p.seriesName, amount(value, unit));
    });
    return `<div>${escapeHtml(formatDate(first[0]))}</div>${rows.join('<br>')}`;
  };
}

const line = (
  id: string,
  name: string,
  data: DatedValue[] | null,
  type: 'solid' | 'dashed' | 'dotted',
  width: number,
) =>
  data === null
    ? null
    : {
        id,
        name,
        type: 'line',
        data,
        symbol: 'none',
        lineStyle: { color: FORECAST, width, type },
        itemStyle: { color: FORECAST },
        emphasis: { disabled: true },
        z: 3,
      };

/** The remaining area at each year end, the forecast lines to zero with the band between, the deadline marked. */
export function remainingChartOptions(view: RemainingView, narrow = false): EChartsCoreOption {
  const { unit, forecast, deadline } = view;
  const earliest = forecast?.earliest ?? null;
  const latest = forecast?.latest ?? null;
  const [start, earliestEnd, latestEnd] = [earliest?.[0], earliest?.[1], latest?.[1]];
  const band =
    start !== undefined && earliestEnd !== undefined && latestEnd !== undefined
      ? [start, earliestEnd, latestEnd]
      : null;
  const series = [
    {
      id: 'remaining',
      name: t('web:clearanceCharts.remainingSeries'),
      type: 'line',
      data: view.remaining,
      symbol: 'circle',
      symbolSize: 7,
      showAllSymbol: true,
      lineStyle: { color: REMAINING, width: 2.5 },
      itemStyle: { color: REMAINING },
      z: 4,
      markLine:
        deadline === null
          ? undefined
          : {
              silent: true,
              symbol: 'none',
              lineStyle: { color: DEADLINE, width: 2, type: 'solid' },
              label: {
                formatter: t('web:clearanceCharts.deadlineMark', { date: formatDate(deadline, true) }),
                position: 'end',
                align: 'center',
                lineHeight: 15,
                color: DEADLINE,
                fontFamily: FONT,
                fontWeight: 600,
              },
              data: [{ xAxis: deadline }],
            },
    },
    band === null
      ? null
      : {
          id: FORECAST_BAND_ID,
          name: t('web:clearanceCharts.forecastRange'),
          type: 'custom',
          silent: true,
          data: [0],
          renderItem: (_params: unknown, api: { coord: (value: [string, number]) => [number, number] }) => ({
            type: 'polygon',
            shape: { points: band.map((point) => api.coord(point)) },
            style: { fill: BAND },
          }),
          itemStyle: { color: BAND },
          z: 1,
          tooltip: { show: false },
        },
    line('forecast-earliest', t('web:clearanceCharts.forecastEarliest'), earliest, 'dotted', 1.5),
    line('forecast-mean', t('web:clearanceCharts.forecastMean'), forecast?.mean ?? null, 'dashed', 2),
    line('forecast-latest', t('web:clearanceCharts.forecastLatest'), latest, 'dotted', 1.5),
  ].filter((s) => s !== null);

  const dates = [
    ...view.remaining.map(([d]) => d),
    ...(deadline === null ? [] : [deadline]),
    ...[earliest, forecast?.mean ?? null, latest].flatMap((l) => (l === null ? [] : l.map(([d]) => d))),
  ];
  const times = dates.map((d) => Date.parse(d));
  return {
    animation: false,
    textStyle: { color: TEXT, fontFamily: FONT },
    grid: { left: 8, right: narrow ? 16 : 32, top: narrow ? 150 : 100, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      right: 0,
      itemGap: narrow ? 8 : 16,
      textStyle: { color: TEXT, fontFamily: FONT, fontSize: narrow ? 11 : 12 },
      data: series.filter((s) => s.id !== FORECAST_BAND_ID).map((s) => s.name),
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: timeTooltip(unit),
      axisPointer: { type: 'line', lineStyle: { color: '#767676' } },
    },
    xAxis: {
      type: 'time',
      min: Math.min(...times) - 120 * DAY,
      max: Math.max(...times) + 200 * DAY,
      axisLabel: { color: TEXT, hideOverlap: true, formatter: '{yyyy}' },
      axisLine: { lineStyle: { color: '#767676' } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      name: t('web:clearanceCharts.remainingAxis', { symbol: unit.symbol }),
      nameLocation: 'end',
      // Above the deadline's two-line label, which stands on the top of the plot.
      nameGap: deadline === null ? 12 : 48,
      nameTextStyle: { color: TEXT, align: 'left' },
      axisLabel: { color: TEXT, formatter: axisValue },
      splitLine: { lineStyle: { color: '#E0E0E0' } },
    },
    series,
  };
}

/** Cancelled, reduced and cleared per year, stacked. */
export function releasedChartOptions(view: ReleasedView, narrow = false): EChartsCoreOption {
  const { unit } = view;
  const bar = (id: keyof typeof RELEASE_COLOUR, name: string, data: number[]) => ({
    id,
    name,
    type: 'bar',
    stack: 'released',
    data,
    barMaxWidth: 48,
    itemStyle: { color: RELEASE_COLOUR[id], borderColor: '#ffffff', borderWidth: 0.5 },
    emphasis: { focus: 'series' },
  });
  return {
    animation: false,
    textStyle: { color: TEXT, fontFamily: FONT },
    grid: { left: 8, right: narrow ? 12 : 24, top: narrow ? 80 : 64, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      right: 0,
      itemGap: narrow ? 8 : 16,
      textStyle: { color: TEXT, fontFamily: FONT, fontSize: narrow ? 11 : 12 },
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: (params: TooltipParam | TooltipParam[]) => {
        const list = Array.isArray(params) ? params : [params];
        const total = list.reduce((sum, p) => sum + (typeof p.value === 'number' ? p.value : 0), 0);
        const rows = list.map((p) =>
          tipRow(p.marker, p.seriesName, amount(typeof p.value === 'number' ? p.value : 0, unit)),
        );
        const heading = t('web:clearanceCharts.releasedTip', { year: list[0]?.name ?? '', total: amount(total, unit) });
        return `<div>${escapeHtml(heading)}</div>${rows.join('<br>')}`;
      },
    },
    xAxis: {
      type: 'category',
      data: view.years,
      axisLabel: { color: TEXT, hideOverlap: true },
      axisLine: { lineStyle: { color: '#767676' } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      name: t('web:clearanceCharts.releasedAxis', { symbol: unit.symbol }),
      nameLocation: 'end',
      nameGap: 12,
      nameTextStyle: { color: TEXT, align: 'left' },
      axisLabel: { color: TEXT, formatter: axisValue },
      splitLine: { lineStyle: { color: '#E0E0E0' } },
    },
    series: [
      bar('cancelled', t('web:clearanceCharts.cancelled'), view.cancelled),
      bar('reduced', t('web:clearanceCharts.reduced'), view.reduced),
      bar('cleared', t('web:clearanceCharts.cleared'), view.cleared),
    ],
  };
}
