/**
 * ECharts options for the Figures page: one indicator over its periods, a line per edition where
 * editions disagree, and the figures known on the chosen date ringed and joined by a dark line.
 * Every point's tooltip gives the figure with its qualifier, the edition and the source.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatDate } from './dates';
import { type FigurePoint, type FigureView, periodStart } from './figure-series';
import { axisAmount, figureWords, periodWords, unitName, valueWithUnit } from './figure-words';
import { t } from './i18n';

const TEXT = '#333333';
/**
 * The page's font (styles.css): ECharts measures legend and label text with the family it is
 * given, so "inherit" would measure one font and draw another, and legend entries would overlap.
 */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
const KNOWN = '#1a1a1a';
/** Okabe-Ito hues, darkened where needed for 3:1 against white; with the symbols, 30 distinct marks. */
const COLOURS = ['#0072B2', '#D55E00', '#007A5A', '#A3004F', '#6A3D9A', '#8A6A00'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'emptyTriangle'];
export const KNOWN_SERIES_ID = 'known-on-date';

interface PointDatum {
  value: [string, number];
  point: FigurePoint;
}

interface TooltipParam {
  seriesId?: string;
  seriesName?: string;
  marker?: unknown;
  data?: unknown;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const datum = (point: FigurePoint): PointDatum => ({
  value: [periodStart(point.figure.period), point.figure.value],
  point,
});

const isDatum = (data: unknown): data is PointDatum => typeof data === 'object' && data !== null && 'point' in data;

/** The tooltip for the points at one period: each edition's figure, its source and when it was published. */
function tooltip(params: TooltipParam | TooltipParam[], asOf: string): string {
  const list = (Array.isArray(params) ? params : [params]).filter(
    (p) => p.seriesId !== KNOWN_SERIES_ID && isDatum(p.data),
  );
  const first = list[0]?.data;
  if (!isDatum(first)) return '';
  const rows = list.map((p) => {
    const { figure, status } = (p.data as PointDatum).point;
    const published =
      figure.source.published === null
        ? t('web:figuresChart.tipUndated')
        : t('web:figuresChart.tipPublished', { date: formatDate(figure.source.published) });
    const document = figure.source.citedDocument;
    const cited =
      document === null
        ? ''
        : `<br>${escapeHtml(
            figure.source.page === null
              ? t('web:figuresChart.tipCiting', { document })
              : t('web:figuresChart.tipCitingPage', { document, page: figure.source.page }),
          )}`;
    const knownLine =
      status === 'known'
        ? `<br><strong>${escapeHtml(t('web:figuresChart.tipKnown', { date: formatDate(asOf) }))}</strong>`
        : '';
    return (
      `<div class="figures-tip-row">${typeof p.marker === 'string' ? p.marker : ''}<strong>${escapeHtml(figureWords(figure))}</strong> · ${escapeHtml(p.seriesName ?? '')}` +
      `<br><span class="figures-tip-source">${escapeHtml(t('web:figuresChart.tipSource', { id: figure.source.id, title: figure.source.title, published }))}${cited}</span>${knownLine}</div>`
    );
  });
  return `<div class="figures-tip"><div class="figures-tip-period">${escapeHtml(periodWords(first.point.figure.period))}</div>${rows.join('')}</div>`;
}

const DAY = 86_400_000;

/**
 * `narrow`: a phone-sized chart, where a legend of many editions would show one entry a page; it
 * then names only the figures known on the date, and the tooltip and table name each edition.
 */
export function figuresChartOptions(view: FigureView, unit: string, asOf: string, narrow = false): EChartsCoreOption {
  const known = view.points.filter((p) => p.status === 'known');
  const knownName = t('web:figuresChart.knownOn', { date: formatDate(asOf, true) });
  const names = [knownName, ...view.lines.map((line) => line.name)];
  const allPositive = view.points.every((p) => p.figure.value >= 0);

  return {
    animation: false,
    textStyle: { color: TEXT, fontFamily: FONT },
    grid: { left: 8, right: narrow ? 12 : 24, top: 72, bottom: 8, containLabel: true },
    legend: {
      type: 'scroll',
      top: 0,
      left: 0,
      right: 0,
      itemGap: 16,
      textStyle: { color: TEXT, fontFamily: FONT },
      pageIconColor: '#0a4f9e',
      pageTextStyle: { color: TEXT },
      data: narrow && view.lines.length > 2 ? [knownName] : names,
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'line', lineStyle: { color: '#767676' } },
      extraCssText: 'max-width: min(26rem, 90vw); white-space: normal;',
      formatter: (params: TooltipParam | TooltipParam[]) => tooltip(params, asOf),
    },
    xAxis: {
      type: 'time',
      // Half a year either side, so the first and last periods are not drawn on the axes.
      min: (extent: { min: number }) => extent.min - 183 * DAY,
      max: (extent: { max: number }) => extent.max + 183 * DAY,
      axisLabel: { color: TEXT, hideOverlap: true },
      axisLine: { lineStyle: { color: '#767676' } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: allPositive ? 0 : undefined,
      name: unitName(unit),
      nameLocation: 'end',
      nameGap: 12,
      nameTextStyle: { color: TEXT, align: 'left' },
      axisLabel: {
        color: TEXT,
        formatter: (value: number) =>
          valueWithUnit(value, unit === 'USD' || unit === 'percent' ? unit : '', axisAmount),
      },
      splitLine: { lineStyle: { color: '#E0E0E0' } },
    },
    series: [
      {
        id: KNOWN_SERIES_ID,
        name: knownName,
        type: 'line',
        data: known.map(datum),
        symbol: 'emptyCircle',
        symbolSize: 16,
        showAllSymbol: true,
        lineStyle: { color: KNOWN, width: 2.5 },
        itemStyle: { color: KNOWN, borderWidth: 2.5 },
        emphasis: { disabled: true },
        z: 1,
      },
      ...view.lines.map((line, i) => {
        const colour = view.byEdition ? (COLOURS[i % COLOURS.length] ?? '#0072B2') : '#0072B2';
        return {
          id: line.id,
          name: line.name,
          type: 'line',
          data: line.points.map(datum),
          symbol: view.byEdition ? SYMBOLS[i % SYMBOLS.length] : 'circle',
          symbolSize: 8,
          showAllSymbol: true,
          lineStyle: { color: colour, width: view.byEdition ? 1.5 : 2 },
          itemStyle: { color: colour },
          z: 2,
        };
      }),
    ],
  };
}
