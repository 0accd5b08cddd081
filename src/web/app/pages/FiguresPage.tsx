import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ReportedFigure, paths } from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { FiguresTable } from '../components/FiguresTable';
import { IndicatorPicker } from '../components/IndicatorPicker';
import { LoadStatus } from '../components/LoadStatus';
import { formatDate } from '../dates';
import { type FigureView, figureView } from '../figure-series';
import { periodWords } from '../figure-words';
import { formatList, t, useT } from '../i18n';
import { groupIndicators, indicatorLabel } from '../indicators';
import { useApi } from '../use-api';
import { useAsOf } from '../use-as-of';
import { useTitle } from '../use-title';

// ECharts is loaded on demand, as on the dashboard: the table shows first.
const FiguresChart = lazy(() => import('../components/FiguresChart').then((m) => ({ default: m.FiguresChart })));

const NO_FIGURES: ReportedFigure[] = [];
const DEFAULT_INDICATOR = 'casualties_mines_erw';

/** What the chart and table hold, in a sentence or two. */
function summary(view: FigureView, asOf: string): string {
  const sources = new Set(view.points.map((p) => p.figure.source.id)).size;
  const known = view.points.filter((p) => p.status === 'known').length;
  const parts = [
    t('web:figures.counts', {
      figures: t('web:figures.figures', { count: view.points.length }),
      periods: t('web:figures.periods', { count: view.periods.length }),
      sources: t('web:figures.sources', { count: sources }),
    }),
  ];
  if (view.disputed.length > 0) {
    parts.push(t('web:figures.disputed', { periods: formatList(view.disputed.map(periodWords)) }));
  } else if (view.points.length > view.periods.length) {
    parts.push(t('web:figures.agree'));
  }
  parts.push(
    known === 0
      ? t('web:figures.noneKnown', { date: formatDate(asOf) })
      : t('web:figures.known', { count: known, date: formatDate(asOf) }),
  );
  return parts.join(' ');
}

interface Shown {
  indicator: string;
  asOf: string;
  known: ReportedFigure[];
}

/** `/figures`: one reported figure over time, every edition with its source, and what was known on the chosen date. */
export function FiguresPage() {
  const t = useT();
  useTitle(t('web:figures.title'));
  const { asOf } = useAsOf();
  const [params, setParams] = useSearchParams();
  const editions = useApi<ReportedFigure[]>(paths.figureEditions());
  const all = editions.state === 'ready' ? editions.data : NO_FIGURES;

  const ids = useMemo(() => new Set(all.map((f) => f.id)), [all]);
  const groups = useMemo(() => groupIndicators(ids), [ids]);
  const requested = params.get('indicator');
  const fallback = ids.has(DEFAULT_INDICATOR) ? DEFAULT_INDICATOR : (groups[0]?.indicators[0]?.id ?? null);
  const indicator = requested ?? fallback;
  const valid = indicator !== null && ids.has(indicator);

  const setIndicator = useCallback(
    (id: string) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('indicator', id);
        return next;
      }),
    [setParams],
  );

  const known = useApi<ReportedFigure[]>(valid ? paths.figuresKnown(indicator, asOf) : null);
  // While another date's answer is on its way, keep showing the last one with the date it was for.
  const [shown, setShown] = useState<Shown | null>(null);
  if (
    valid &&
    known.state === 'ready' &&
    (shown?.known !== known.data || shown.asOf !== asOf || shown.indicator !== indicator)
  ) {
    setShown({ indicator, asOf, known: known.data });
  }
  const current = shown !== null && shown.indicator === indicator ? shown : null;

  const figures = useMemo(() => all.filter((f) => f.id === indicator), [all, indicator]);
  const view = useMemo(
    () => (current === null ? null : figureView(figures, current.known, current.asOf)),
    [figures, current],
  );
  const label = indicator === null ? t('web:figures.heading') : indicatorLabel(indicator);
  const unit = figures[0]?.unit ?? '';

  return (
    <>
      <h1>{t('web:figures.heading')}</h1>
      <p className="lead">{t('web:figures.lead')}</p>
      <AsOfPicker />
      {editions.state !== 'ready' ? (
        <LoadStatus loaded={editions} what={t('web:what.reportedFigures')} />
      ) : groups.length === 0 ? (
        <p>{t('web:figures.none')}</p>
      ) : (
        <>
          <IndicatorPicker groups={groups} value={indicator ?? ''} onChange={setIndicator} />
          {!valid ? (
            <p role="alert" className="load-status error">
              {t('web:figures.unknownIndicator', { indicator })}
            </p>
          ) : (
            <section aria-labelledby="indicator-heading" className="indicator-figures">
              <h2 id="indicator-heading">{label}</h2>
              {view === null || current === null ? (
                <LoadStatus
                  loaded={known.state === 'error' ? known : { state: 'loading' }}
                  what={t('web:what.figuresKnown')}
                />
              ) : (
                <>
                  <p className="chart-description">{summary(view, current.asOf)}</p>
                  {view.periods.length > 1 ? (
                    <Suspense
                      fallback={
                        <p role="status" className="load-status chart figures-chart">
                          {t('web:figures.loadingChart')}
                        </p>
                      }
                    >
                      <FiguresChart
                        view={view}
                        unit={unit}
                        asOf={current.asOf}
                        label={t('web:figures.chartLabel', { label })}
                      />
                    </Suspense>
                  ) : null}
                  {view.periods.length > 1 ? (
                    <p className="note">{t('web:figures.chartNote')}</p>
                  ) : (
                    <p className="note">{t('web:figures.onePeriod')}</p>
                  )}
                  <h3 className="table-heading">{t('web:figures.tableHeading')}</h3>
                  <FiguresTable
                    points={view.points}
                    asOfWords={formatDate(current.asOf)}
                    caption={t('web:figures.caption', { label })}
                  />
                </>
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}
