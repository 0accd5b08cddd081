/**
 * The Stockpiles page's map (each State by its Article 4 state) and chart (mines destroyed each
 * year beside the published figures), each with its data as a table in a collapsed <details>.
 */
import { Suspense, lazy, useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type ReportedFigure, type StockpilesByState, paths } from '../api';
import { LazyChart } from '../components/LazyChart';
import { LoadStatus } from '../components/LoadStatus';
import { DateText } from '../components/DateText';
import { formatDate } from '../dates';
import { formatNumber, stateName, useT } from '../i18n';
import { OTHER_LAND_COLOUR } from '../status';
import { type Loaded, useApi } from '../use-api';
import { withAsOf } from '../use-as-of';
import { StockpileMark } from './StockpileMark';
import { StockpileTable } from './StockpileTable';
import { type DestroyedYear, destroyedChartOptions, destroyedYears } from './destroyed-chart-options';
import { ARTICLE4_COLOUR, ARTICLE4_ORDER } from './map-palette';
import { STATE_MARK, minesWords } from './stockpile-words';

// MapLibre and ECharts load only with this part of the page: the counts and lists show first.
const ChoroplethMap = lazy(() => import('../components/WorldMap').then((m) => ({ default: m.ChoroplethMap })));

const NOT_BOUND = 'not-bound';
const PALETTE: Record<string, string> = { ...ARTICLE4_COLOUR, [NOT_BOUND]: OTHER_LAND_COLOUR };
const NO_FIGURES: ReportedFigure[] = [];

function Loading() {
  const t = useT();
  return (
    <p role="status" className="load-status">
      {t('web:load.loading', { what: t('web:what.chart') })}
    </p>
  );
}

function StockpilesMap({ byState, link }: { byState: StockpilesByState; link: string | null }) {
  const t = useT();
  const navigate = useNavigate();
  const parties = useMemo(() => byState.states.filter((s) => s.state !== null), [byState]);
  const items = useMemo(
    () =>
      byState.states.map((s) => ({
        iso3: s.iso3,
        category: s.state ?? NOT_BOUND,
        popup: t('web:stockpiles.map.popup', {
          name: stateName(s.iso3, s.name),
          state: s.state === null ? t('web:stockpiles.map.notBound') : t(STATE_MARK[s.state].text),
        }),
      })),
    [byState, t],
  );
  const onSelect = useCallback((iso3: string) => void navigate(withAsOf(`/states/${iso3}`, link)), [navigate, link]);
  const count = (state: string) => byState.states.filter((s) => (s.state ?? NOT_BOUND) === state).length;
  return (
    <section aria-labelledby="stockpile-map-heading" data-testid="stockpiles-map">
      <h2 id="stockpile-map-heading">{t('web:stockpiles.map.heading')}</h2>
      <div className="map-layout">
        <Suspense fallback={<Loading />}>
          <ChoroplethMap
            items={items}
            palette={PALETTE}
            label={t('web:stockpiles.map.label', { date: formatDate(byState.asOf) })}
            onSelect={onSelect}
          />
        </Suspense>
        <section aria-labelledby="stockpile-legend-heading" className="map-legend">
          <h3 id="stockpile-legend-heading">{t('web:stockpiles.map.legend')}</h3>
          <ul>
            {ARTICLE4_ORDER.map((state) => (
              <li key={state}>
                <span className="swatch" style={{ background: ARTICLE4_COLOUR[state] }} aria-hidden="true" />
                <StockpileMark state={state} />{' '}
                <span className="count">{t('web:stockpiles.map.count', { count: count(state) })}</span>
              </li>
            ))}
            <li>
              <span className="swatch" style={{ background: OTHER_LAND_COLOUR }} aria-hidden="true" />
              {t('web:stockpiles.map.notBound')}{' '}
              <span className="count">{t('web:stockpiles.map.count', { count: count(NOT_BOUND) })}</span>
            </li>
          </ul>
        </section>
      </div>
      <details className="chart-data" data-testid="stockpiles-map-data">
        <summary>{t('web:stockpiles.map.dataSummary')}</summary>
        <StockpileTable
          columns={[
            t('web:stockpiles.table.state'),
            t('web:stockpiles.table.deadline'),
            t('web:stockpiles.table.article4'),
          ]}
          caption={t('web:stockpiles.map.caption')}
        >
          {parties.map((s) => (
            <tr key={s.iso3} data-iso3={s.iso3}>
              <th scope="row">{stateName(s.iso3, s.name)}</th>
              <td data-label={t('web:stockpiles.table.deadline')}>
                <DateText date={s.deadline} />
              </td>
              <td data-label={t('web:stockpiles.table.article4')}>
                <StockpileMark state={s.state} />
              </td>
            </tr>
          ))}
        </StockpileTable>
      </details>
    </section>
  );
}

const figureText = (f: ReportedFigure | null, none: string): string =>
  f === null ? none : `${minesWords(f.value, f.qualifier)} (${f.source.id})`;

function DestroyedChart({ rows }: { rows: readonly DestroyedYear[] }) {
  const t = useT();
  // t: the chart's words are drawn again when the language changes.
  const options = useCallback(
    (narrow: boolean) => destroyedChartOptions(rows, narrow),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, t],
  );
  const none = t('web:stockpiles.chart.none');
  return (
    <section aria-labelledby="stockpile-years-heading" data-testid="stockpiles-years">
      <h2 id="stockpile-years-heading">{t('web:stockpiles.chart.destroyedHeading')}</h2>
      <p className="note">{t('web:stockpiles.chart.destroyedIntro')}</p>
      <figure className="chart-figure" aria-labelledby="stockpile-years-heading">
        <LazyChart
          options={options}
          label={t('web:stockpiles.chart.destroyedLabel')}
          className="stockpile-chart stockpile-years-chart"
          data={{ 'data-testid': 'stockpiles-years-chart' }}
        />
      </figure>
      <details className="chart-data" data-testid="stockpiles-years-data">
        <summary>{t('web:stockpiles.chart.dataSummary')}</summary>
        <StockpileTable
          columns={[
            t('web:stockpiles.chart.year'),
            t('web:stockpiles.chart.ledger'),
            t('web:stockpiles.chart.reportedYear'),
            t('web:stockpiles.chart.reportedTotal'),
          ]}
          caption={t('web:stockpiles.chart.destroyedCaption')}
        >
          {rows.map((r) => (
            <tr key={r.year}>
              <th scope="row">{r.year}</th>
              <td data-label={t('web:stockpiles.chart.ledger')}>{r.ledger === null ? none : formatNumber(r.ledger)}</td>
              <td data-label={t('web:stockpiles.chart.reportedYear')}>{figureText(r.reportedYear, none)}</td>
              <td data-label={t('web:stockpiles.chart.reportedTotal')}>{figureText(r.reportedTotal, none)}</td>
            </tr>
          ))}
        </StockpileTable>
      </details>
    </section>
  );
}

const ready = <T,>(loaded: Loaded<T>, fallback: T): T => (loaded.state === 'ready' ? loaded.data : fallback);

/** The map and the chart of the Stockpiles page on `asOf`. */
export function StockpilesOverview({ asOf, link }: { asOf: string; link: string | null }) {
  const t = useT();
  const byState = useApi<StockpilesByState>(paths.stockpilesByState(asOf), { keepPrevious: true });
  const inYear = useApi<ReportedFigure[]>(paths.figuresKnown('stockpiled_mines_destroyed_in_year', asOf));
  const totals = useApi<ReportedFigure[]>(paths.figuresKnown('stockpiled_mines_destroyed_since_1997', asOf));
  const data = byState.state === 'ready' ? byState.data : null;
  const yearFigures = ready(inYear, NO_FIGURES);
  const totalFigures = ready(totals, NO_FIGURES);
  const rows = useMemo(
    () =>
      data === null
        ? []
        : destroyedYears(
            data,
            yearFigures.filter((f) => f.scope === 'global'),
            totalFigures.filter((f) => f.scope === 'global'),
          ),
    [data, yearFigures, totalFigures],
  );
  // At the map's height: the lists below it are drawn first and must not move when it arrives.
  if (data === null)
    return <LoadStatus loaded={byState} what={t('web:what.stockpiles')} reserve="stockpiles-overview-slot" />;
  return (
    <>
      <StockpilesMap byState={data} link={link} />
      {rows.length === 0 ? null : <DestroyedChart rows={rows} />}
    </>
  );
}
