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
  if (!first || !last) return 'No data.';
  const peak = Math.max(...history.map((p) => p.statesParties));
  const withdrawals = marks
    .flatMap((m) => m.events)
    .map((e) => `${e.names.join(', ')} on ${formatDate(e.date)}`)
    .join('; ');
  return (
    `States Parties rose from ${first.statesParties} on ${formatDate(first.date)} to a peak of ${peak}` +
    ` and stood at ${last.statesParties} on ${formatDate(last.date)}.` +
    (withdrawals ? ` Withdrawals took effect for ${withdrawals}.` : ' No withdrawal has taken effect.')
  );
}

/** States Parties over time (ECharts, SVG renderer), with withdrawals and the chosen date marked. */
export function PartiesChart({ history, marks, asOf, end }: Props) {
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
  }, [history, marks, asOf, end]);

  return (
    <figure className="chart-figure">
      <figcaption>
        <h2>States Parties over time, 1997 to today</h2>
        <p className="chart-description">{describe(history, marks)}</p>
      </figcaption>
      <div ref={box} className="chart" role="img" aria-label="Chart of States Parties over time; described above." />
    </figure>
  );
}
