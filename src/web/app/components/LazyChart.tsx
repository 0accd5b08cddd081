import { type ComponentProps, type ReactNode, Suspense, lazy } from 'react';
import type { ResponsiveChart as Chart } from './ResponsiveChart';
import { useNearView } from '../use-near-view';

const ResponsiveChart = lazy(() => import('./ResponsiveChart').then((m) => ({ default: m.ResponsiveChart })));

type Props = ComponentProps<typeof Chart> & {
  /** Stands where the chart will be, at its height (a `load-status` line), until it has drawn. */
  fallback: ReactNode;
};

/**
 * A chart whose code (ECharts, about 180 KB compressed) is fetched only once its place is in or near
 * the viewport: a page whose charts are further down first loads only what its first screen draws.
 */
export function LazyChart({ fallback, ...chart }: Props) {
  const [ref, near] = useNearView<HTMLDivElement>();
  return (
    <div ref={ref} className="chart-slot">
      {near ? (
        <Suspense fallback={fallback}>
          <ResponsiveChart {...chart} />
        </Suspense>
      ) : (
        fallback
      )}
    </div>
  );
}
