import { Suspense, lazy, useCallback, useMemo } from 'react';
import { Trans } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type GlobalVictims, paths } from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { formatDate } from '../dates';
import { formatNumber, stateName, useT } from '../i18n';
import { OTHER_LAND_COLOUR } from '../status';
import { useApi } from '../use-api';
import { useAsOf, withAsOf } from '../use-as-of';
import { useTitle } from '../use-title';
import { useStateNames } from '../cooperation/NeedsTable';
import { DeviceChart } from './DeviceChart';
import { SeriesChart } from './SeriesChart';
import { FRAMEWORK_COLOUR, FRAMEWORK_STATES, FRAMEWORK_WORDS, type FrameworkState, frameworkState } from './palette';
import './victims.css';

// MapLibre loads only with the map: the counts show first.
const ChoroplethMap = lazy(() => import('../components/WorldMap').then((m) => ({ default: m.ChoroplethMap })));

const OTHER = 'other';
const PALETTE: Record<string, string> = { ...FRAMEWORK_COLOUR, [OTHER]: OTHER_LAND_COLOUR };
const COUNT_WORDS = {
  significantNumberOfVictims: 'web:victims.counts.significantNumberOfVictims',
  withCoordinationMechanism: 'web:victims.counts.withCoordinationMechanism',
  withPlanInForce: 'web:victims.counts.withPlanInForce',
  withSurvivorParticipation: 'web:victims.counts.withSurvivorParticipation',
} as const;
const COUNT_KEYS = Object.keys(COUNT_WORDS) as (keyof typeof COUNT_WORDS)[];

/** The counts computed from the frameworks data beside the counts a source published. */
function Counts({ global }: { global: GlobalVictims }) {
  const t = useT();
  const none = t('web:victims.counts.notPublished');
  return (
    <section aria-labelledby="victim-counts-heading" data-testid="victim-counts">
      <h2 id="victim-counts-heading">
        <Trans t={t} i18nKey="web:victims.counts.heading" components={{ date: <DateText date={global.asOf} /> }} />
      </h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('web:victims.counts.caption')}>
        <table>
          <caption>{t('web:victims.counts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('web:victims.counts.what')}</th>
              <th scope="col">{t('web:victims.counts.computed')}</th>
              <th scope="col">{t('web:victims.counts.published')}</th>
            </tr>
          </thead>
          <tbody>
            {COUNT_KEYS.map((key) => {
              const published = global.published[key];
              return (
                <tr key={key} data-testid={`victim-count-${key}`}>
                  <th scope="row">{t(COUNT_WORDS[key])}</th>
                  <td className="number" data-label={t('web:victims.counts.computed')}>
                    {formatNumber(global.counts[key])}
                  </td>
                  <td data-label={t('web:victims.counts.published')}>
                    {published === null
                      ? none
                      : t('web:victims.counts.publishedValue', {
                          value: formatNumber(published.value),
                          period: published.period,
                          source: published.source,
                        })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="note">{t('web:victims.counts.note', { count: global.counts.significantNumberOfVictims })}</p>
    </section>
  );
}

function VictimsMap({ global, link }: { global: GlobalVictims; link: string | null }) {
  const t = useT();
  const navigate = useNavigate();
  const names = useStateNames(global.asOf);
  const nameOf = useCallback((iso3: string) => stateName(iso3, names.get(iso3) ?? iso3), [names]);
  const items = useMemo(
    () =>
      global.states.map((s) => ({
        iso3: s.iso3,
        category: frameworkState(s),
        popup: t('web:victims.map.popup', {
          name: nameOf(s.iso3),
          state: t(FRAMEWORK_WORDS[frameworkState(s)]),
        }),
      })),
    [global, t, nameOf],
  );
  const onSelect = useCallback((iso3: string) => void navigate(withAsOf(`/states/${iso3}`, link)), [navigate, link]);
  const members = (state: FrameworkState) => global.states.filter((s) => frameworkState(s) === state);
  return (
    <section aria-labelledby="victim-map-heading" data-testid="victim-map">
      <h2 id="victim-map-heading">{t('web:victims.map.heading')}</h2>
      <div className="map-layout">
        <Suspense
          fallback={
            <p role="status" className="load-status">
              {t('web:load.loading', { what: t('web:what.chart') })}
            </p>
          }
        >
          <ChoroplethMap
            items={items}
            palette={PALETTE}
            label={t('web:victims.map.label', { date: formatDate(global.asOf) })}
            onSelect={onSelect}
          />
        </Suspense>
        <section aria-labelledby="victim-legend-heading" className="map-legend">
          <h3 id="victim-legend-heading">{t('web:victims.map.legend')}</h3>
          <ul>
            {FRAMEWORK_STATES.map((state) => (
              <li key={state}>
                <span className="swatch" style={{ background: FRAMEWORK_COLOUR[state] }} aria-hidden="true" />
                {t(FRAMEWORK_WORDS[state])}{' '}
                <span className="count">{t('web:victims.map.count', { count: members(state).length })}</span>
              </li>
            ))}
            <li>
              <span className="swatch" style={{ background: OTHER_LAND_COLOUR }} aria-hidden="true" />
              {t('web:victims.map.other')}
            </li>
          </ul>
        </section>
      </div>
      <details className="map-state-list chart-table" data-testid="victim-map-list">
        <summary>{t('web:victims.map.listSummary', { count: global.states.length })}</summary>
        {FRAMEWORK_STATES.map((state) => {
          const list = members(state)
            .map((s) => ({ iso3: s.iso3, name: nameOf(s.iso3) }))
            .sort((a, b) => a.name.localeCompare(b.name));
          if (list.length === 0) return null;
          return (
            <section key={state} aria-labelledby={`victim-list-${state}`}>
              <h3 id={`victim-list-${state}`}>
                {t(FRAMEWORK_WORDS[state])}{' '}
                <span className="count">{t('web:victims.map.count', { count: list.length })}</span>
              </h3>
              <ul className="state-links">
                {list.map((m) => (
                  <li key={m.iso3}>
                    <Link to={withAsOf(`/states/${m.iso3}`, link)}>{m.name}</Link>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </details>
    </section>
  );
}

/** Casualties per year: each year's total in the latest Landmine Monitor edition by the date, beside the sum of the records kept here. */
function CasualtiesByYear({ global }: { global: GlobalVictims }) {
  const t = useT();
  if (global.series.length === 0) return null;
  return (
    <section aria-labelledby="victim-years-heading" data-testid="victim-years">
      <h2 id="victim-years-heading">{t('web:victims.years.heading')}</h2>
      <p className="note">{t('web:victims.years.intro')}</p>
      {global.synthetic ? (
        <p className="note" data-testid="victim-global-synthetic">
          {t('web:victims.years.synthetic')}
        </p>
      ) : null}
      <SeriesChart
        series={global.series}
        label={t('web:victims.years.label')}
        caption={t('web:victims.years.caption')}
        testId="victim-years-chart"
      />
    </section>
  );
}

/** Casualties per year by device category, from every record kept here (suppressed). */
function CasualtiesByDevice({ global }: { global: GlobalVictims }) {
  const t = useT();
  return (
    <section aria-labelledby="victim-devices-heading" data-testid="victim-devices">
      <h2 id="victim-devices-heading">{t('web:victims.devices.heading')}</h2>
      {global.byDevice.length === 0 ? (
        <p>{t('web:victims.devices.none')}</p>
      ) : (
        <>
          <p className="note">{t('web:victims.devices.intro')}</p>
          <DeviceChart years={global.byDevice} />
        </>
      )}
    </section>
  );
}

/** `/victims`: victim assistance on the chosen date, from the frameworks data and the published figures. */
export function VictimsPage() {
  const t = useT();
  useTitle(t('web:victims.title'));
  const { asOf, chosen } = useAsOf();
  const link = chosen ? asOf : null;
  const loaded = useApi<GlobalVictims>(paths.victims(asOf), { keepPrevious: true });
  const global = loaded.state === 'ready' ? loaded.data : null;
  return (
    <>
      <h1>{t('web:victims.title')}</h1>
      <p className="lead">
        <Trans t={t} i18nKey="web:victims.lead" components={{ date: <DateText date={asOf} /> }} />
      </p>
      <AsOfPicker />
      {global === null ? <LoadStatus loaded={loaded} what={t('web:victims.what')} /> : null}
      {global === null ? null : (
        <>
          <Counts global={global} />
          <VictimsMap global={global} link={link} />
          <CasualtiesByYear global={global} />
          <CasualtiesByDevice global={global} />
        </>
      )}
    </>
  );
}
