import { Trans } from 'react-i18next';
import type { NotComputable, PlanIndicatorId } from '../../../transparency/plan-indicators';
import { type PlanAnswer, type PlansOnDate, paths } from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { formatNumber, useT } from '../i18n';
import { CitedRefs, CitedSources } from '../stockpiles/CitedSources';
import '../stockpiles/stockpiles.css';
import './plans.css';
import { useApi } from '../use-api';
import { useAsOf } from '../use-as-of';
import { useTitle } from '../use-title';

type Indicator = PlanAnswer['indicators'][number];
type Action = PlanAnswer['actions'][number];

/** Anchors of the page's source list. */
const SOURCES = 'source';

const INDICATOR_TEXT = {
  'article7-on-time': 'common:plans.indicator.article7-on-time',
  'article5-bound': 'common:plans.indicator.article5-bound',
  'article5-open': 'common:plans.indicator.article5-open',
  'article5-completed': 'common:plans.indicator.article5-completed',
  'stockpiles-completed': 'common:plans.indicator.stockpiles-completed',
  'victims-plan-in-force': 'common:plans.indicator.victims-plan-in-force',
  'funding-national-share': 'common:plans.indicator.funding-national-share',
  'article5-work-plans': 'common:plans.indicator.article5-work-plans',
} as const satisfies Record<PlanIndicatorId, string>;

const WHY = {
  'no-deadline-passed': 'common:plans.why.no-deadline-passed',
  'reports-not-all-recorded': 'common:plans.why.reports-not-all-recorded',
  'no-victim-data': 'common:plans.why.no-victim-data',
  'victim-plans-not-all-known': 'common:plans.why.victim-plans-not-all-known',
  'no-funding-flows': 'common:plans.why.no-funding-flows',
  'no-national-flows': 'common:plans.why.no-national-flows',
  'no-work-plan-records': 'common:plans.why.no-work-plan-records',
  'no-measure': 'common:plans.why.no-measure',
} as const satisfies Record<NotComputable, string>;

/** How much of an action's wording is the plan's: symbol and words, never colour alone. */
const EXTENT = {
  full: { symbol: '“”', text: 'web:plans.extent.full' },
  partial: { symbol: '“…”', text: 'web:plans.extent.partial' },
  described: { symbol: '≈', text: 'web:plans.extent.described' },
} as const;

function IndicatorValue({ indicator }: { indicator: Indicator }) {
  const t = useT();
  if (indicator.why !== null || indicator.value === null)
    return (
      <span className="unknown">
        {t('web:plans.notComputable', { why: indicator.why === null ? '' : t(WHY[indicator.why]) })}
      </span>
    );
  const value =
    indicator.unit === 'share'
      ? formatNumber(indicator.value, { style: 'percent', maximumFractionDigits: 1 })
      : formatNumber(indicator.value);
  return (
    <>
      <strong className="plan-value">{value}</strong>{' '}
      {indicator.unit === 'states' ? <span className="plan-unit">{t('common:plans.unit.states')}</span> : null}
    </>
  );
}

/** More sources than this are folded under a summary, so a count over many records stays readable. */
const FOLD_SOURCES = 8;

function IndicatorSources({ ids }: { ids: readonly string[] }) {
  const t = useT();
  if (ids.length <= FOLD_SOURCES) return <CitedRefs ids={ids} prefix={SOURCES} />;
  return (
    <details className="plan-sources">
      <summary>{t('web:plans.sourcesFolded', { count: ids.length })}</summary>
      <CitedRefs ids={ids} prefix={SOURCES} />
    </details>
  );
}

function IndicatorsList({ plan }: { plan: PlanAnswer }) {
  const t = useT();
  return (
    <section aria-labelledby="plans-indicators-heading" data-testid="plan-indicators">
      <h2 id="plans-indicators-heading">{t('web:plans.indicatorsHeading')}</h2>
      <p className="note">{t('web:plans.indicatorsIntro')}</p>
      <ul className="plan-indicators">
        {plan.indicators.map((i) => (
          <li key={i.id} data-indicator={i.id} data-computable={String(i.computable)}>
            <h3>{i.id in INDICATOR_TEXT ? t(INDICATOR_TEXT[i.id as PlanIndicatorId]) : i.text}</h3>
            <p className="plan-indicator-value">
              <IndicatorValue indicator={i} />
            </p>
            {i.of === null ? null : (
              <p>{t('web:plans.of', { count: formatNumber(i.of.count), total: formatNumber(i.of.total) })}</p>
            )}
            {i.period === null ? null : <p>{t('web:plans.period', { period: i.period })}</p>}
            <IndicatorSources ids={i.source} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActionItem({ action }: { action: Action }) {
  const t = useT();
  const extent = EXTENT[action.extent];
  return (
    <li className="plan-action" data-extent={action.extent}>
      <h3>
        {action.number === null ? t('web:plans.actionUnnumbered') : t('web:plans.action', { number: action.number })}
        {action.section === '' ? null : <span className="plan-section"> · {action.section}</span>}
      </h3>
      <p className={`plan-extent plan-extent-${action.extent}`}>
        <span aria-hidden="true">{extent.symbol}</span> {t(extent.text)}
      </p>
      <blockquote className={action.extent === 'described' ? 'plan-text plan-described' : 'plan-text'}>
        {action.text}
      </blockquote>
      {action.notes === '' ? null : <p className="note">{action.notes}</p>}
      <p>
        <CitedRefs ids={action.sources} prefix={SOURCES} />
      </p>
    </li>
  );
}

/** `/plans`: the action plan in force on the chosen date, its actions as the data holds them and its indicators. */
export function PlansPage() {
  const t = useT();
  useTitle(t('web:plans.title'));
  const { asOf } = useAsOf();
  const list = useApi<PlansOnDate>(paths.plans(asOf), { keepPrevious: true });
  const plans = list.state === 'ready' ? list.data : null;
  const id = plans?.inForce ?? null;
  const loaded = useApi<PlanAnswer>(id === null ? null : paths.plan(id, asOf), { keepPrevious: true });
  const plan = loaded.state === 'ready' && id !== null ? loaded.data : null;
  const sources =
    plan === null
      ? []
      : [...plan.sources, ...plan.actions.flatMap((a) => a.sources), ...plan.indicators.flatMap((i) => i.source)];
  return (
    <>
      <h1>{t('web:plans.title')}</h1>
      <p className="lead">
        <Trans t={t} i18nKey="web:plans.lead" components={{ date: <DateText date={asOf} /> }} />
      </p>
      <AsOfPicker />
      {plans === null ? <LoadStatus loaded={list} what={t('web:what.plans')} /> : null}
      {plans !== null && id === null ? <p data-testid="plans-none">{t('web:plans.none')}</p> : null}
      {plans !== null && id !== null && plan === null ? (
        <LoadStatus loaded={loaded} what={t('web:what.plans')} />
      ) : null}
      {plans === null ? null : (
        <section aria-labelledby="plans-list-heading">
          <h2 id="plans-list-heading">{t('web:plans.listHeading')}</h2>
          <ul className="plan-list" data-testid="plans-list">
            {plans.plans.map((p) => (
              <li key={p.id} data-plan={p.id} aria-current={p.id === id ? 'true' : undefined}>
                <Trans
                  t={t}
                  i18nKey={p.id === id ? 'web:plans.planInForce' : 'web:plans.planLine'}
                  values={{ plan: p.plan, meeting: p.meeting, period: p.period, count: p.actionsHeld }}
                  components={{ date: <DateText date={p.adopted} />, strong: <strong /> }}
                />{' '}
                <CitedRefs ids={p.sources} prefix={SOURCES} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan === null ? null : (
        <>
          <IndicatorsList plan={plan} />
          <section aria-labelledby="plans-actions-heading" data-testid="plan-actions">
            <h2 id="plans-actions-heading">{t('web:plans.actionsHeading', { plan: plan.plan })}</h2>
            <p className="note">{t('web:plans.actionsIntro')}</p>
            {plan.actions.length === 0 ? (
              <p>{t('web:plans.actionsNone')}</p>
            ) : (
              <ol className="plan-actions">
                {plan.actions.map((a, i) => (
                  <ActionItem key={`${a.number ?? 'n'}-${String(i)}`} action={a} />
                ))}
              </ol>
            )}
          </section>
          <CitedSources ids={sources} prefix={SOURCES} heading={t('web:sources.heading')} headingId="sources-heading" />
        </>
      )}
    </>
  );
}
