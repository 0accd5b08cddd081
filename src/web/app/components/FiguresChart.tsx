import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { FigureView } from '../figure-series';
import { figuresChartOptions } from '../figures-chart-options';

register([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Below this width (px) the legend names only the figures known on the date. */
const NARROW = 600;

interface Props {
  view: FigureView;
  unit: string;
  asOf: string;
  /** What the chart shows, for screen readers: the table below has every point. */
  label: string;
}

/** One indicator over its periods (ECharts, SVG renderer): a line per edition, the figures known on the date ringed. */
export function FiguresChart({ view, unit, asOf, label }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = init(element, null, { renderer: 'svg' });
    let narrow = element.clientWidth < NARROW;
    chart.setOption(figuresChartOptions(view, unit, asOf, narrow));
    const observer = new ResizeObserver(() => {
      if (narrow !== element.clientWidth < NARROW) {
        narrow = !narrow;
        chart.setOption(figuresChartOptions(view, unit, asOf, narrow));
      }
      chart.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [view, unit, asOf]);

  return <div ref={box} className="chart figures-chart" role="img" aria-label={label} data-lines={view.lines.length} />;
}
