import { LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { HistoryPoint } from '../api';
import { formatDate } from '../dates';
import { t, useT } from '../i18n';
import { partiesChartOptions, type WithdrawalMark } from '../parties-chart-options';

register([
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  SVGRenderer,
]);

interface Props {
  history: readonly HistoryPoint[];
  marks: readonly WithdrawalMark[];
  asOf: string;
  end: string;
}

function describe(history: readonly HistoryPoint[], marks: readonly WithdrawalMark[]): string {
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

/** States Parties over time (ECharts, SVG renderer), with withdrawals and the chosen date marked. */
export function PartiesChart({ history, marks, asOf, end }: Props) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = init(element, null, { renderer: 'svg' });
    chart.setOption(partiesChartOptions(history, marks, asOf, end));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
    // t: the chart's words are drawn again when the language changes.
  }, [history, marks, asOf, end, t]);

  return (
    <figure className="chart-figure">
      <figcaption>
        <h2>{t('web:partiesChart.heading')}</h2>
        <p className="chart-description">{describe(history, marks)}</p>
      </figcaption>
      <div ref={box} className="chart" role="img" aria-label={t('web:partiesChart.label')} />
    </figure>
  );
}
