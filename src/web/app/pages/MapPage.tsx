import { useCallback } from 'react';
import { Trans } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type StateOnDate, paths } from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { MapLegend } from '../components/MapLegend';
import { MapStateList } from '../components/MapStateList';
import { WorldMap } from '../components/WorldMap';
import { formatDate } from '../dates';
import { useApi } from '../use-api';
import { useAsOf, withAsOf } from '../use-as-of';
import { useTitle } from '../use-title';
import { useT } from '../i18n';

const NO_STATES: StateOnDate[] = [];

/** `/map`: every State coloured by its status on the chosen date. */
export default function MapPage() {
  const t = useT();
  useTitle(t('web:map.title'));
  const { asOf, chosen } = useAsOf();
  const navigate = useNavigate();
  const states = useApi<StateOnDate[]>(paths.states(asOf), { keepPrevious: true });
  const shown = states.state === 'ready' ? states.data : NO_STATES;
  const link = chosen ? asOf : null;
  const onSelect = useCallback((iso3: string) => void navigate(withAsOf(`/states/${iso3}`, link)), [navigate, link]);

  return (
    <>
      <h1>{t('web:map.title')}</h1>
      <p className="lead">
        <Trans
          t={t}
          i18nKey="web:map.lead"
          components={{ date: <DateText date={asOf} />, states: <Link to={withAsOf('/states', link)} /> }}
        />
      </p>
      <AsOfPicker />
      <LoadStatus loaded={states} what={t('web:what.states')} />
      <div className="map-layout">
        <WorldMap states={shown} label={t('web:map.label', { date: formatDate(asOf) })} onSelect={onSelect} />
        <MapLegend states={shown} />
      </div>
      <MapStateList states={shown} asOf={link} />
      <p className="note">
        <Trans t={t} i18nKey="web:map.note" components={{ tuvalu: <Link to={withAsOf('/states/TUV', link)} /> }} />
      </p>
    </>
  );
}
