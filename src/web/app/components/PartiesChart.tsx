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
import { keyboardTooltips } from '../chart-keyboard';
import type { HistoryPoint } from '../api';
import { useT } from '../i18n';
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

/** The chart of States Parties over time (ECharts, SVG renderer), with withdrawals and the chosen date marked. */
export function PartiesChart({ history, marks, asOf, end }: Props) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = init(element, null, { renderer: 'svg' });
    chart.setOption(partiesChartOptions(history, marks, asOf, end));
    const keys = keyboardTooltips(element, chart);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      keys();
      observer.disconnect();
      chart.dispose();
    };
    // t: the chart's words are drawn again when the language changes.
  }, [history, marks, asOf, end, t]);

  // The figure, its caption and its data table are the dashboard's: they show before ECharts arrives.
  return <div ref={box} className="chart" role="img" aria-label={t('web:partiesChart.label')} />;
}
