/** ECharts options for the mines a State retained under Article 3: held at each year end, and consumed in the year. */
import type { EChartsCoreOption } from 'echarts/core';
import type { StateStockpile } from '../api';
import { formatNumber, t } from '../i18n';

const TEXT = '#333333';
/** The page's font (styles.css), so ECharts measures the text it draws. */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
const HELD = '#0072B2';
const CONSUMED = '#E69F00';

type Retained = StateStockpile['retained'];

/** One bar per year for the mines held at its end, one for those consumed during it (none drawn where not reported). */
export function retainedChartOptions(retained: Retained, narrow = false): EChartsCoreOption {
  const years = [...new Set(retained.map((r) => r.year))].sort((a, b) => a - b);
  const sum = (year: number, pick: (r: Retained[number]) => number | null): number | null => {
    const values = retained.filter((r) => r.year === year).map(pick);
    return values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);
  };
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
        typeof v === 'number' ? formatNumber(v) : t('web:stockpiles.retained.notReported'),
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
      name: t('web:stockpiles.retained.axis'),
      nameLocation: 'end',
      nameGap: 12,
      nameTextStyle: { color: TEXT, align: 'left' },
      axisLabel: { color: TEXT, formatter: (v: number) => formatNumber(v) },
      splitLine: { lineStyle: { color: '#E0E0E0' } },
    },
    series: [
      {
        id: 'held',
        name: t('web:stockpiles.retained.heldSeries'),
        type: 'bar',
        data: years.map((y) => sum(y, (r) => r.held)),
        barMaxWidth: 48,
        itemStyle: { color: HELD },
      },
      {
        id: 'consumed',
        name: t('web:stockpiles.retained.consumedSeries'),
        type: 'bar',
        data: years.map((y) => sum(y, (r) => r.consumed)),
        barMaxWidth: 48,
        itemStyle: { color: CONSUMED },
      },
    ],
  };
}
