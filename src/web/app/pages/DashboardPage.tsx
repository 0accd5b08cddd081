import { Suspense, lazy, useMemo } from 'react';
import { type HistoryPoint, type StateOnDate, type StatusSummary, paths } from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { ChartTable } from '../components/ChartTable';
import { DashboardIntro } from '../components/DashboardIntro';
import { DateText } from '../components/DateText';
import { FactSheetLinks } from '../components/FactSheetLinks';
import { LoadStatus } from '../components/LoadStatus';
import { StatusFigures } from '../components/StatusFigures';
import { formatDate, today } from '../dates';
import { formatNumber, stateName, useT } from '../i18n';
import { partiesDescription, withdrawalMarks } from '../parties-chart-options';
import { useApi } from '../use-api';
import { ReportingRates } from '../reporting/ReportingRates';
import { useAsOf } from '../use-as-of';
import { useTitle } from '../use-title';

const NO_STATES: StateOnDate[] = [];

// ECharts is most of the dashboard's weight: the figures show first, the chart when it arrives.
const PartiesChart = lazy(() => import('../components/PartiesChart').then((m) => ({ default: m.PartiesChart })));

/** `/`: the Convention on one date, and States Parties over time. */
export function DashboardPage() {
  const t = useT();
  useTitle(t('web:dashboard.title'));
  const { asOf, chosen } = useAsOf();
  const end = today();
  const summary = useApi<StatusSummary>(paths.status(asOf));
  const history = useApi<HistoryPoint[]>(paths.history());
  const statesToday = useApi<StateOnDate[]>(paths.states(end));
  const states = statesToday.state === 'ready' ? statesToday.data : NO_STATES;

  const names = useMemo(() => new Map(states.map((s) => [s.iso3, stateName(s.iso3, s.name)])), [states]);
  const marks = useMemo(() => {
    if (history.state !== 'ready') return [];
    const byDate = new Map<string, string[]>();
    for (const s of states) {
      const effective = s.withdrawal.state === 'effective' ? s.withdrawal.effective : null;
      if (effective !== null) byDate.set(effective, [...(byDate.get(effective) ?? []), stateName(s.iso3, s.name)]);
    }
    return withdrawalMarks(history.data, byDate);
  }, [history, states]);

  return (
    <>
      <DashboardIntro />
      <AsOfPicker />
      <FactSheetLinks asOf={asOf} />
      {/* Said again, politely, when the date changes: the figures below change without a new page. */}
      <p className="visually-hidden" aria-live="polite" data-testid="figures-announcement">
        {summary.state === 'ready'
          ? t('web:dashboard.announce', {
              date: formatDate(summary.data.asOf),
              statesParties: formatNumber(summary.data.statesParties),
              inForce: formatNumber(summary.data.inForce),
            })
          : ''}
      </p>
      {summary.state === 'ready' ? (
        <StatusFigures summary={summary.data} names={names} />
      ) : (
        <LoadStatus loaded={summary} what={t('web:what.status')} />
      )}
      {/* Shown once the figures above are in, so their arrival moves nothing below (CLS). */}
      {summary.state !== 'ready' ? null : history.state === 'ready' ? (
        <figure className="chart-figure">
          <figcaption>
            <h2>{t('web:partiesChart.heading')}</h2>
            <p className="chart-description">{partiesDescription(history.data, marks)}</p>
          </figcaption>
          <Suspense
            fallback={
              <p role="status" className="load-status chart">
                {t('web:load.loading', { what: t('web:what.chart') })}
              </p>
            }
          >
            <PartiesChart history={history.data} marks={marks} asOf={asOf} end={end} />
          </Suspense>
          <ChartTable
            caption={t('web:partiesChart.tableCaption')}
            columns={[t('web:partiesChart.date'), t('web:partiesChart.parties'), t('web:partiesChart.inForce')]}
            rows={history.data.map((p) => [
              <DateText key="d" date={p.date} />,
              formatNumber(p.statesParties),
              formatNumber(p.inForce),
            ])}
          />
        </figure>
      ) : (
        <LoadStatus loaded={history} what={t('web:what.history')} />
      )}
      {/* Last on the page, once the chart's place is known: its arrival moves nothing above it. */}
      {history.state === 'ready' ? <ReportingRates asOf={asOf} link={chosen ? asOf : null} /> : null}
    </>
  );
}
