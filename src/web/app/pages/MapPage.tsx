import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { type StateOnDate, paths } from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { MapLegend } from '../components/MapLegend';
import { WorldMap } from '../components/WorldMap';
import { formatDate } from '../dates';
import { useApi } from '../use-api';
import { useAsOf, withAsOf } from '../use-as-of';
import { useTitle } from '../use-title';

const NO_STATES: StateOnDate[] = [];

/** `/map`: every State coloured by its status on the chosen date. */
export default function MapPage() {
  useTitle('World map');
  const { asOf, chosen } = useAsOf();
  const navigate = useNavigate();
  const states = useApi<StateOnDate[]>(paths.states(asOf), { keepPrevious: true });
  const shown = states.state === 'ready' ? states.data : NO_STATES;
  const link = chosen ? asOf : null;
  const onSelect = useCallback((iso3: string) => void navigate(withAsOf(`/states/${iso3}`, link)), [navigate, link]);

  return (
    <>
      <h1>World map</h1>
      <p className="lead">
        Status on <DateText date={asOf} />. Click a State to open its page. The{' '}
        <Link to={withAsOf('/states', link)}>States table</Link> holds the same information and is the way to reach each
        State with the keyboard.
      </p>
      <AsOfPicker />
      <LoadStatus loaded={states} what="the States" />
      <div className="map-layout">
        <WorldMap
          states={shown}
          label={`World map of the States by their status under the Convention on ${formatDate(asOf)}`}
          onSelect={onSelect}
        />
        <MapLegend states={shown} />
      </div>
      <p className="note">
        Tuvalu is too small to show at this scale; see the <Link to={withAsOf('/states/TUV', link)}>Tuvalu page</Link>.
        Boundaries are Natural Earth's and imply no position on any territorial question.
      </p>
    </>
  );
}
