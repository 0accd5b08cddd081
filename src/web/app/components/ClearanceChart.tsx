import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

register([LineChart, BarChart, CustomChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/** Below this width (px) the chart uses its narrow layout (smaller legend, more room above the plot). */
const NARROW = 600;

interface Props {
  /** The chart's options for a wide or a narrow box. */
  options: (narrow: boolean) => EChartsCoreOption;
  /** What the chart shows, for screen readers (the description beside it says it in full). */
  label: string;
  testId: string;
}

/** One clearance chart (ECharts, SVG renderer), redrawn when its box crosses the narrow width. */
export function ClearanceChart({ options, label, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = init(element, null, { renderer: 'svg' });
    let narrow = element.clientWidth < NARROW;
    chart.setOption(options(narrow));
    const observer = new ResizeObserver(() => {
      if (narrow !== element.clientWidth < NARROW) {
        narrow = !narrow;
        chart.setOption(options(narrow), { notMerge: true });
      }
      chart.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [options]);

  return <div ref={box} className="chart clearance-chart" role="img" aria-label={label} data-testid={testId} />;
}
