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
import { groupIndicators, indicatorLabel } from '../indicators';
import { useApi } from '../use-api';
import { useAsOf } from '../use-as-of';
import { useTitle } from '../use-title';

// ECharts is loaded on demand, as on the dashboard: the table shows first.
const FiguresChart = lazy(() => import('../components/FiguresChart').then((m) => ({ default: m.FiguresChart })));

const NO_FIGURES: ReportedFigure[] = [];
const DEFAULT_INDICATOR = 'casualties_mines_erw';

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** What the chart and table hold, in a sentence or two. */
function summary(view: FigureView, asOf: string): string {
  const sources = new Set(view.points.map((p) => p.figure.source.id)).size;
  const known = view.points.filter((p) => p.status === 'known').length;
  const parts = [
    `${count(view.points.length, 'figure', 'figures')} for ${count(view.periods.length, 'period', 'periods')}, from ${count(sources, 'source', 'sources')}.`,
  ];
  if (view.disputed.length > 0) {
    parts.push(
      `Editions give different figures for ${listWords(view.disputed.map(periodWords))}; each edition is its own line.`,
    );
  } else if (view.points.length > view.periods.length) {
    parts.push('Where more than one source gives a period, they agree.');
  }
  parts.push(
    known === 0
      ? `None of them had been published by ${formatDate(asOf)}.`
      : `On ${formatDate(asOf)}, ${count(known, 'figure was', 'figures were')} the latest published for ${known === 1 ? 'its period' : 'their periods'}: ringed on the chart and marked “known on this date” in the table.`,
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
  useTitle('Figures');
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
  const label = indicator === null ? 'Reported figures' : indicatorLabel(indicator);
  const unit = figures[0]?.unit ?? '';

  return (
    <>
      <h1>Reported figures</h1>
      <p className="lead">
        Figures published about the Convention, as each source gave them: casualties, stockpiled mines destroyed, mined
        areas cleared, support for mine action. Later editions often revise earlier years. On the chosen date, the
        figure that counts for a period is the one from the latest source published on or before that date.
      </p>
      <AsOfPicker />
      {editions.state !== 'ready' ? (
        <LoadStatus loaded={editions} what="the reported figures" />
      ) : groups.length === 0 ? (
        <p>No reported figure is recorded yet.</p>
      ) : (
        <>
          <IndicatorPicker groups={groups} value={indicator ?? ''} onChange={setIndicator} />
          {!valid ? (
            <p role="alert" className="load-status error">
              No reported figure is recorded under “{indicator}”. Choose one from the list.
            </p>
          ) : (
            <section aria-labelledby="indicator-heading" className="indicator-figures">
              <h2 id="indicator-heading">{label}</h2>
              {view === null || current === null ? (
                <LoadStatus
                  loaded={known.state === 'error' ? known : { state: 'loading' }}
                  what="the figures known on this date"
                />
              ) : (
                <>
                  <p className="chart-description">{summary(view, current.asOf)}</p>
                  {view.periods.length > 1 ? (
                    <Suspense
                      fallback={
                        <p role="status" className="load-status">
                          Loading the chart…
                        </p>
                      }
                    >
                      <FiguresChart
                        view={view}
                        unit={unit}
                        asOf={current.asOf}
                        label={`Chart of ${label}, one line per edition; every point is in the table below.`}
                      />
                      <p className="note">
                        Point at or tap a period on the chart to see each edition’s figure, source and publication date.
                      </p>
                    </Suspense>
                  ) : (
                    <p className="note">One period only: the table gives the figure and its source.</p>
                  )}
                  <h3 className="table-heading">Every figure and its source</h3>
                  <FiguresTable
                    points={view.points}
                    asOfWords={formatDate(current.asOf)}
                    caption={`${label}: every edition of every figure, with its source`}
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
