import { type ComponentProps, Suspense, lazy } from 'react';
import type { ResponsiveChart as Chart } from './ResponsiveChart';
import { useT } from '../i18n';
import { useNearView } from '../use-near-view';

const ResponsiveChart = lazy(() => import('./ResponsiveChart').then((m) => ({ default: m.ResponsiveChart })));

type Props = ComponentProps<typeof Chart>;

/**
 * A chart whose code (ECharts, about 180 KB compressed) is fetched only once its place is in or near
 * the viewport: a page whose charts are further down first loads only what its first screen draws.
 */
export function LazyChart(chart: Props) {
  const t = useT();
  const [ref, near] = useNearView<HTMLDivElement>();
  // At the chart's own height (its classes), so nothing moves when it arrives in view.
  const fallback = (
    <p role="status" className={`load-status chart ${chart.className}`}>
      {t('web:load.loading', { what: t('web:what.chart') })}
    </p>
  );
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
