import { BarChart, CustomChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { keyboardTooltips } from '../chart-keyboard';

register([
  LineChart,
  BarChart,
  CustomChart,
  SankeyChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

/** Below this width (px) the chart uses its narrow layout (smaller legend, more room above the plot). */
const NARROW = 600;

interface Props {
  /** The chart's options for a wide or a narrow box (keep it stable: a new function redraws). */
  options: (narrow: boolean) => EChartsCoreOption;
  /** What the chart shows, for screen readers (the description or table beside it says it in full). */
  label: string;
  className: string;
  /** Extra attributes for tests (data-testid, data-lines). */
  data?: Record<`data-${string}`, string | number>;
}

/** An ECharts chart (SVG renderer) that redraws with its narrow layout when its box crosses NARROW. */
export function ResponsiveChart({ options, label, className, data = {} }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = init(element, null, { renderer: 'svg' });
    let narrow = element.clientWidth < NARROW;
    chart.setOption(options(narrow));
    const keys = keyboardTooltips(element, chart);
    const observer = new ResizeObserver(() => {
      if (narrow !== element.clientWidth < NARROW) {
        narrow = !narrow;
        chart.setOption(options(narrow), { notMerge: true });
      }
      chart.resize();
    });
    observer.observe(element);
    return () => {
      keys();
      observer.disconnect();
      chart.dispose();
    };
  }, [options]);

  return <div ref={box} className={`chart ${className}`} role="img" aria-label={label} {...data} />;
}
