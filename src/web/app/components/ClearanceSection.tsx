import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { Trans } from 'react-i18next';
import { type ClearanceSummary, paths } from '../api';
import { releasedChartOptions, remainingChartOptions } from '../clearance-chart-options';
import {
  areaWords,
  hasRecords,
  lastDay,
  rateYearsWords,
  releasedDescription,
  releasedView,
  remainingDescription,
  remainingView,
  verdictWords,
} from '../clearance-series';
import { formatDate } from '../dates';
import { formatNumber, useT } from '../i18n';
import { useApi } from '../use-api';
import { ChartTable } from './ChartTable';
import { FirstViewMemory } from '../first-view';
import type { HazardAreaRow } from '../hazard-area-rows';
import { ClearanceMapPreview } from './ClearanceMapPreview';
import { ExtensionPlan } from './ExtensionPlan';
import { Later } from './Later';
import { LazyChart } from './LazyChart';
import { LoadStatus } from './LoadStatus';
import { loadClearanceMap } from './clearance-preload';

// MapLibre and ECharts are loaded only for a State with records (the State page starts the map's
// download as soon as its clearance answer says so: preloadClearanceMap).
const ClearanceMap = lazy(() => loadClearanceMap().then((m) => ({ default: m.ClearanceMap })));

/** When the map has not drawn by then, the charts load anyway. */
const CHARTS_AT_THE_LATEST_MS = 8000;

/** Stands where a map or chart will be, at its height, so nothing moves when it arrives. */
function Loading({ what, reserve }: { what: string; reserve: string }) {
  const t = useT();
  return (
    <p role="status" className={`load-status ${reserve}`}>
      {t('web:load.loading', { what })}
    </p>
  );
}

function SyntheticNotice() {
  const t = useT();
  return (
    <p className="synthetic-notice" role="note" data-testid="synthetic-notice">
      <Trans
        t={t}
        i18nKey="web:clearance.syntheticNotice"
        values={{ notice: t('web:clearance.synthetic') }}
        components={{ strong: <strong />, code: <code /> }}
      />
    </p>
  );
}

function OpenFigure({ title, open }: { title: string; open: ClearanceSummary['open']['sha'] }) {
  const t = useT();
  return (
    <div className="figure">
      <dt>{title}</dt>
      <dd>
        <span className="figure-number">{formatNumber(open.count)}</span>
        <span className="figure-note">{t('web:clearance.areaRemaining', { area: areaWords(open.areaM2) })}</span>
      </dd>
    </div>
  );
}

function Headline({ summary }: { summary: ClearanceSummary }) {
  const t = useT();
  const verdict = verdictWords(summary);
  const { sha, cha } = summary.open;
  return (
    <>
      <dl className="figure-grid clearance-figures">
        <OpenFigure title={t('web:clearance.sha')} open={sha} />
        <OpenFigure title={t('web:clearance.cha')} open={cha} />
        <div className="figure">
          <dt>{t('web:clearance.deadline')}</dt>
          <dd>
            <span className="figure-number figure-date">
              {summary.deadline === null ? (
                t('web:clearance.deadlineUnknown')
              ) : (
                <time dateTime={lastDay(summary.deadline)}>{formatDate(summary.deadline)}</time>
              )}
            </span>
          </dd>
        </div>
        <div className={`figure clearance-verdict verdict-${summary.forecast.verdict}`}>
          <dt>{t('web:clearance.forecast')}</dt>
          <dd>
            <span className="figure-number figure-date" data-testid="clearance-verdict">
              {verdict.label}
            </span>
            {summary.forecast.completion === null ? null : (
              <span className="figure-note">
                <Trans
                  t={t}
                  i18nKey="web:clearance.completionAt"
                  values={{ date: formatDate(summary.forecast.completion) }}
                  components={{ date: <time dateTime={summary.forecast.completion} /> }}
                />
              </span>
            )}
          </dd>
        </div>
      </dl>
      <p className="clearance-verdict-text">{verdict.sentence}</p>
    </>
  );
}

function Charts({ summary, tag, start }: { summary: ClearanceSummary; tag: string; start: boolean }) {
  const t = useT();
  const remaining = useMemo(() => remainingView(summary), [summary]);
  const released = useMemo(() => releasedView(summary), [summary]);
  // t: the charts' words are drawn again when the language changes.
  const remainingOptions = useCallback(
    (narrow: boolean) => remainingChartOptions(remaining, narrow),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [remaining, t],
  );
  const releasedOptions = useCallback(
    (narrow: boolean) => releasedChartOptions(released, narrow),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [released, t],
  );
  return (
    <>
      <figure className="chart-figure" aria-labelledby="clearance-remaining-heading">
        <h3 id="clearance-remaining-heading">{t('web:clearance.remainingHeading', { tag })}</h3>
        <p className="chart-description">
          {remainingDescription(remaining)}{' '}
          {t('web:clearance.remainingUnits', {
            name: remaining.unit.name,
            symbol: remaining.unit.symbol,
            years: rateYearsWords(summary),
          })}
        </p>
        {start ? (
          <LazyChart
            options={remainingOptions}
            label={t('web:clearance.remainingLabel', { unit: remaining.unit.name, tag })}
            className="clearance-chart"
            data={{ 'data-testid': 'clearance-remaining-chart' }}
          />
        ) : (
          <Loading what={t('web:what.chart')} reserve="chart clearance-chart" />
        )}
        <ChartTable
          caption={t('web:clearance.remainingTable', { unit: remaining.unit.name })}
          columns={[t('web:clearance.tableDate'), t('web:clearance.tableRemaining', { symbol: remaining.unit.symbol })]}
          rows={remaining.remaining.map(([date, value]) => [
            <time key="d" dateTime={date}>
              {formatDate(date)}
            </time>,
            formatNumber(value, { maximumFractionDigits: 2 }),
          ])}
        />
      </figure>
      <figure className="chart-figure" aria-labelledby="clearance-released-heading">
        <h3 id="clearance-released-heading">{t('web:clearance.releasedHeading', { tag })}</h3>
        <p className="chart-description">
          {releasedDescription(released)}{' '}
          {t('web:clearance.releasedUnits', { name: released.unit.name, symbol: released.unit.symbol })}
        </p>
        {released.years.length === 0 ? null : !start ? (
          <Loading what={t('web:what.chart')} reserve="chart clearance-chart" />
        ) : (
          <LazyChart
            options={releasedOptions}
            label={t('web:clearance.releasedLabel', { unit: released.unit.name, tag })}
            className="clearance-chart"
            data={{ 'data-testid': 'clearance-released-chart' }}
          />
        )}
        {released.years.length === 0 ? null : (
          <ChartTable
            caption={t('web:clearance.releasedTable', { unit: released.unit.name })}
            columns={[
              t('web:clearance.tableYear'),
              t('web:clearance.tableCancelled', { symbol: released.unit.symbol }),
              t('web:clearance.tableReduced', { symbol: released.unit.symbol }),
              t('web:clearance.tableCleared', { symbol: released.unit.symbol }),
            ]}
            rows={released.years.map((year, i) => [
              year,
              formatNumber(released.cancelled[i] ?? 0, { maximumFractionDigits: 2 }),
              formatNumber(released.reduced[i] ?? 0, { maximumFractionDigits: 2 }),
              formatNumber(released.cleared[i] ?? 0, { maximumFractionDigits: 2 }),
            ])}
          />
        )}
      </figure>
    </>
  );
}

/** The State page's section on Article 5: hazard areas and land release on a map, the trend against the deadline, the forecast. */
export function ClearanceSection({ iso3, asOf, name }: { iso3: string; asOf: string; name?: string }) {
  const t = useT();
  const loaded = useApi<ClearanceSummary>(paths.clearance(iso3, asOf), { keepPrevious: true });
  const summary = loaded.state === 'ready' ? loaded.data : null;
  const withMap = summary !== null && hasRecords(summary);
  // On a slow connection the map comes first: the charts' code (ECharts) is fetched once the map has
  // drawn, or after a few seconds if it has not, so the two do not share the bandwidth.
  const [chartsStart, setChartsStart] = useState(false);
  const mapDrawn = useCallback(() => setChartsStart(true), []);
  useEffect(() => {
    if (!withMap) return;
    const timer = setTimeout(() => setChartsStart(true), CHARTS_AT_THE_LATEST_MS);
    return () => clearTimeout(timer);
  }, [withMap]);
  // The first view's place and open area, kept from its copy while the map's code loads to the map's own, then MapLibre.
  const memory = useMemo(() => new FirstViewMemory<HazardAreaRow>(iso3), [iso3]);
  const tag = summary?.synthetic ? t('web:clearance.syntheticTag') : '';
  const firstYear = summary?.reconciliation[0]?.year ?? Number(asOf.slice(0, 4));

  return (
    <section
      aria-labelledby="clearance-heading"
      className={`clearance-section${summary?.synthetic ? ' synthetic' : ''}`}
      data-testid="clearance-section"
    >
      <h2 id="clearance-heading">{t('web:clearance.heading')}</h2>
      {summary === null ? (
        <LoadStatus loaded={loaded} what={t('web:what.clearance')} />
      ) : !hasRecords(summary) ? (
        <p className="clearance-none">
          {t('web:clearance.none', { name: name ?? iso3, date: formatDate(summary.asOf) })}
        </p>
      ) : (
        <>
          {summary.synthetic ? <SyntheticNotice /> : null}
          <p className="note">{t('web:clearance.intro', { date: formatDate(summary.asOf) })}</p>
          <Headline summary={summary} />
          <h3 id="clearance-map-heading">{t('web:clearance.mapHeading', { tag })}</h3>
          <Suspense
            fallback={
              <div className="clearance-map-slot">
                <ClearanceMapPreview
                  iso3={summary.iso3}
                  asOf={summary.asOf}
                  bounds={summary.bounds ?? null}
                  memory={memory}
                />
              </div>
            }
          >
            <ClearanceMap
              iso3={summary.iso3}
              asOf={summary.asOf}
              bounds={summary.bounds ?? null}
              firstYear={firstYear}
              label={t('web:clearance.mapLabel', { name: name ?? iso3, tag })}
              onDrawn={mapDrawn}
              firstView={memory}
            />
          </Suspense>
          <Later>
            <Charts summary={summary} tag={tag} start={chartsStart} />
            <ExtensionPlan iso3={summary.iso3} asOf={summary.asOf} />
          </Later>
        </>
      )}
    </section>
  );
}
