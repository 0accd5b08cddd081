import { type ReactNode, Suspense, lazy, useCallback, useMemo } from 'react';
import { Trans } from 'react-i18next';
import {
  type FundingAnswer,
  type FundingFlow,
  type FundingNeeds,
  type FundingYear,
  type ReportedFigure,
  paths,
} from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { formatNumber, useT } from '../i18n';
import { CitedRefs, CitedSources } from '../stockpiles/CitedSources';
import { StockpileTable } from '../stockpiles/StockpileTable';
import { useApi } from '../use-api';
import { useAsOf } from '../use-as-of';
import { useTitle } from '../use-title';
import { countedFlows, diagramLinks, flowDiagramOptions, sectorName } from './flow-diagram';
import { NeedsTable, usdWords, useStateNames } from './NeedsTable';
import { trendOptions } from './trend-chart';
import '../stockpiles/stockpiles.css';

// ECharts is loaded only by the pages that draw a chart, and only when they draw it.
const ResponsiveChart = lazy(() =>
  import('../components/ResponsiveChart').then((m) => ({ default: m.ResponsiveChart })),
);

/** Stands where the chart will be, at its height, so nothing moves when it arrives. */
function ChartSlot({ className, children }: { className: string; children: ReactNode }) {
  const t = useT();
  return (
    <Suspense
      fallback={
        <p role="status" className={`load-status chart ${className}`}>
          {t('web:load.loading', { what: t('web:what.chart') })}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

const SOURCES = 'source';

const QUALIFIED = {
  about: 'web:cooperation.qualifier.about',
  'more than': 'web:cooperation.qualifier.moreThan',
  'at least': 'web:cooperation.qualifier.atLeast',
  almost: 'web:cooperation.qualifier.almost',
} as const;

/** The year's answer: computed from flows, or the published figures quoted, each with its sources. */
function Summary({ answer }: { answer: FundingAnswer }) {
  const t = useT();
  if (answer.year === null) return <p data-testid="cooperation-summary">{t('web:cooperation.nothing')}</p>;
  const quoted = (indicators: string[]) => answer.reported.find((q) => indicators.includes(q.indicator));
  const amount = (value: number | null, indicators: string[]) => {
    const q = quoted(indicators);
    const words = usdWords(t, value);
    return q && q.qualifier !== 'exact' ? t(QUALIFIED[q.qualifier], { value: words }) : words;
  };
  return (
    <section aria-labelledby="cooperation-summary-heading" data-testid="cooperation-summary" data-basis={answer.basis}>
      <h2 id="cooperation-summary-heading">{t('web:cooperation.summaryHeading', { year: answer.year })}</h2>
      <p className="note">
        {answer.basis === 'flows' ? t('web:cooperation.basisFlows') : t('web:cooperation.basisReported')}
      </p>
      <dl className="figure-grid">
        <div className="figure">
          <dt>{t('web:cooperation.international')}</dt>
          <dd>
            <span className="figure-number" data-testid="cooperation-international">
              {amount(answer.international, ['international_support_usd'])}
            </span>
          </dd>
        </div>
        <div className="figure">
          <dt>{t('web:cooperation.national')}</dt>
          <dd>
            <span className="figure-number" data-testid="cooperation-national">
              {amount(answer.national, ['affected_states_self_funding_usd', 'national_support_usd'])}
            </span>
          </dd>
        </div>
        <div className="figure">
          <dt>{t('web:cooperation.total')}</dt>
          <dd>
            <span className="figure-number">{amount(answer.total, ['total_support_usd'])}</span>
          </dd>
        </div>
      </dl>
      {answer.bySector.length === 0 ? null : (
        <ul data-testid="cooperation-sectors">
          {answer.bySector.map((s) => (
            <li key={s.sector}>
              {t('web:cooperation.sectorShare', {
                sector: sectorName(s.sector),
                share: formatNumber(s.share, { style: 'percent', maximumFractionDigits: 1 }),
              })}
            </li>
          ))}
        </ul>
      )}
      <p>
        <CitedRefs ids={answer.source} prefix={SOURCES} />
      </p>
    </section>
  );
}

function FlowDiagram({
  flows,
  answer,
  names,
}: {
  flows: readonly FundingFlow[];
  answer: FundingAnswer;
  names: ReadonlyMap<string, string>;
}) {
  const t = useT();
  const year = answer.year;
  const counted = useMemo(
    () => (year === null ? [] : countedFlows(flows, answer.asOf, year)),
    [flows, answer.asOf, year],
  );
  const { links, labels } = useMemo(() => diagramLinks(counted, names), [counted, names]);
  const options = useCallback((narrow: boolean) => flowDiagramOptions(links, labels, narrow), [links, labels]);
  return (
    <section aria-labelledby="cooperation-diagram-heading" data-testid="cooperation-diagram">
      <h2 id="cooperation-diagram-heading">{t('web:cooperation.diagram.heading', { year: year ?? '' })}</h2>
      {links.length === 0 ? (
        <p>{t('web:cooperation.diagram.none')}</p>
      ) : (
        <>
          <ChartSlot className="cooperation-diagram">
            <ResponsiveChart
              options={options}
              label={t('web:cooperation.diagram.label')}
              className="cooperation-diagram"
            />
          </ChartSlot>
          <details>
            <summary>{t('web:cooperation.diagram.table')}</summary>
            <StockpileTable
              columns={[
                t('web:cooperation.diagram.from'),
                t('web:cooperation.diagram.to'),
                t('web:cooperation.diagram.amount'),
              ]}
              caption={t('web:cooperation.diagram.table')}
              testId="cooperation-diagram-table"
            >
              {links.map((l) => (
                <tr key={`${l.source}-${l.target}`}>
                  <th scope="row">{labels.get(l.source)}</th>
                  <td>{labels.get(l.target)}</td>
                  <td>{usdWords(t, l.value)}</td>
                </tr>
              ))}
            </StockpileTable>
          </details>
        </>
      )}
    </section>
  );
}

function Trend({ reported, years }: { reported: readonly ReportedFigure[]; years: readonly FundingYear[] }) {
  const t = useT();
  const options = useCallback((narrow: boolean) => trendOptions(reported, years, narrow), [reported, years]);
  const rows = [...reported].sort((a, b) => a.period.localeCompare(b.period));
  return (
    <section aria-labelledby="cooperation-trend-heading" data-testid="cooperation-trend">
      <h2 id="cooperation-trend-heading">{t('web:cooperation.trend.heading')}</h2>
      <p className="note">{t('web:cooperation.trend.intro')}</p>
      {rows.length === 0 && years.length === 0 ? (
        <p>{t('web:cooperation.trend.none')}</p>
      ) : (
        <>
          <ChartSlot className="cooperation-trend">
            <ResponsiveChart options={options} label={t('web:cooperation.trend.label')} className="cooperation-trend" />
          </ChartSlot>
          <details>
            <summary>{t('web:cooperation.trend.table')}</summary>
            <StockpileTable
              columns={[
                t('web:cooperation.trend.year'),
                t('web:cooperation.international'),
                t('web:cooperation.trend.edition'),
                t('web:cooperation.trend.published'),
                t('web:cooperation.needs.sources'),
              ]}
              caption={t('web:cooperation.trend.table')}
              testId="cooperation-trend-table"
            >
              {rows.map((f) => (
                <tr key={f.period}>
                  <th scope="row">{f.period}</th>
                  <td>{usdWords(t, f.value)}</td>
                  <td>{f.edition ?? t('web:cooperation.none')}</td>
                  <td>
                    <DateText date={f.source.published} />
                  </td>
                  <td>
                    <CitedRefs ids={[f.source.id]} prefix={SOURCES} />
                  </td>
                </tr>
              ))}
              {years.map((y) => (
                <tr key={`flows-${y.year}`}>
                  <th scope="row">{y.year}</th>
                  <td>{usdWords(t, y.international)}</td>
                  <td>{t('web:cooperation.trend.fromFlows')}</td>
                  <td>{t('web:cooperation.none')}</td>
                  <td>{t('web:cooperation.none')}</td>
                </tr>
              ))}
            </StockpileTable>
          </details>
        </>
      )}
    </section>
  );
}

/** `/cooperation`: Article 6 on the chosen date — the year's support, the flows, the trend, needs against support. */
export function CooperationPage() {
  const t = useT();
  useTitle(t('web:cooperation.title'));
  const { asOf, chosen } = useAsOf();
  const link = chosen ? asOf : null;
  const answer = useApi<FundingAnswer>(paths.funding(asOf), { keepPrevious: true });
  const flows = useApi<FundingFlow[]>(paths.fundingFlows());
  const reported = useApi<ReportedFigure[]>(paths.figuresKnown('international_support_usd', asOf), {
    keepPrevious: true,
  });
  const years = useApi<FundingYear[]>(paths.fundingYears(asOf), { keepPrevious: true });
  const needs = useApi<FundingNeeds>(paths.fundingNeeds(asOf), { keepPrevious: true });
  const names = useStateNames(asOf);
  const ready = <T,>(l: { state: string; data?: T }): T | null => (l.state === 'ready' ? (l.data ?? null) : null);
  const a = ready<FundingAnswer>(answer);
  const n = ready<FundingNeeds>(needs);
  const r = ready<ReportedFigure[]>(reported);
  const y = ready<FundingYear[]>(years);
  const f = ready<FundingFlow[]>(flows);
  const sources = [
    ...(a?.source ?? []),
    ...(r?.map((x) => x.source.id) ?? []),
    ...(n?.rows.flatMap((row) => [...(row.request.source === null ? [] : [row.request.source]), ...row.sources]) ?? []),
  ];
  return (
    <>
      <h1>{t('web:cooperation.title')}</h1>
      <p className="lead">
        <Trans t={t} i18nKey="web:cooperation.lead" components={{ date: <DateText date={asOf} /> }} />
      </p>
      <AsOfPicker />
      {a === null ? <LoadStatus loaded={answer} what={t('web:cooperation.what')} /> : <Summary answer={a} />}
      {a !== null && f !== null ? <FlowDiagram flows={f} answer={a} names={names} /> : null}
      {r !== null && y !== null ? <Trend reported={r} years={y} /> : null}
      <section aria-labelledby="cooperation-needs-heading" data-testid="cooperation-needs">
        <h2 id="cooperation-needs-heading">{t('web:cooperation.needs.heading')}</h2>
        <p className="note">{t('web:cooperation.needs.intro')}</p>
        {n === null ? (
          <LoadStatus loaded={needs} what={t('web:cooperation.what')} />
        ) : n.rows.length === 0 ? (
          <p>{t('web:cooperation.needs.none')}</p>
        ) : (
          <NeedsTable
            names={names}
            needs={n}
            link={link}
            prefix={SOURCES}
            caption={t('web:cooperation.needs.heading')}
          />
        )}
      </section>
      <CitedSources ids={sources} prefix={SOURCES} heading={t('web:sources.heading')} headingId="sources-heading" />
    </>
  );
}
