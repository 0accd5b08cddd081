import { useCallback } from 'react';
import type { FigureView } from '../figure-series';
import { figuresChartOptions } from '../figures-chart-options';
import { ResponsiveChart } from './ResponsiveChart';

interface Props {
  view: FigureView;
  unit: string;
  asOf: string;
  /** What the chart shows, for screen readers: the table below has every point. */
  label: string;
}

/** One indicator over its periods: a line per edition, the figures known on the date ringed; narrow, the legend names only those. */
export function FiguresChart({ view, unit, asOf, label }: Props) {
  const options = useCallback((narrow: boolean) => figuresChartOptions(view, unit, asOf, narrow), [view, unit, asOf]);
  return (
    <ResponsiveChart
      options={options}
      label={label}
      className="figures-chart"
      data={{ 'data-lines': view.lines.length }}
    />
  );
}
