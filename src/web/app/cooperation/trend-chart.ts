/** ECharts options for the trend: international support per year as published (latest edition on the date), and from flows. */
import type { EChartsCoreOption } from 'echarts/core';
import type { FundingYear, ReportedFigure } from '../api';
import { formatNumber, t } from '../i18n';

const TEXT = '#333333';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

export function trendOptions(
  reported: readonly ReportedFigure[],
  flows: readonly FundingYear[],
  narrow = false,
): EChartsCoreOption {
  const years = [...new Set([...reported.map((f) => Number(f.period)), ...flows.map((y) => y.year)])]
    .filter((y) => Number.isInteger(y))
    .sort((a, b) => a - b);
  const millions = (v: number) => Math.round(v / 1e4) / 100;
  return {
    animation: false,
    textStyle: { color: TEXT, fontFamily: FONT },
    grid: { left: 8, right: narrow ? 12 : 24, top: narrow ? 64 : 56, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { color: TEXT, fontFamily: FONT, fontSize: narrow ? 11 : 12 } },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) =>
        typeof v === 'number' ? t('web:cooperation.millions', { amount: formatNumber(v) }) : t('web:cooperation.none'),
    },
    xAxis: {
      type: 'category',
      data: years.map(String),
      axisLabel: { color: TEXT, hideOverlap: true },
      axisLine: { lineStyle: { color: '#767676' } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      name: t('web:cooperation.trend.axis'),
      nameLocation: 'end',
      nameGap: 12,
      nameTextStyle: { color: TEXT, align: 'left' },
      axisLabel: { color: TEXT, formatter: (v: number) => formatNumber(v) },
      splitLine: { lineStyle: { color: '#E0E0E0' } },
    },
    series: [
      {
        id: 'reported',
        name: t('web:cooperation.trend.reportedSeries'),
        type: 'bar',
        barMaxWidth: 32,
        itemStyle: { color: '#0072B2' },
        data: years.map((y) => {
          const f = reported.find((r) => Number(r.period) === y);
          return f ? millions(f.value) : null;
        }),
      },
      ...(flows.length === 0
        ? []
        : [
            {
              id: 'flows',
              name: t('web:cooperation.trend.flowsSeries'),
              type: 'bar',
              barMaxWidth: 32,
              itemStyle: { color: '#E69F00' },
              data: years.map((y) => {
                const f = flows.find((r) => r.year === y);
                return f ? millions(f.international) : null;
              }),
            },
          ]),
    ],
  };
}
