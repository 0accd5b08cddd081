import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { type StateFacts, type StateOnDate, paths } from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { ClearanceSection } from '../components/ClearanceSection';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { SourceList } from '../components/SourceList';
import { SourceNotes } from '../components/SourceNotes';
import { StateSummary } from '../components/StateSummary';
import { StateTimeline } from '../components/StateTimeline';
import { dayBefore } from '../dates';
import { stateEvents } from '../state-events';
import { useApi } from '../use-api';
import { useAsOf, withAsOf } from '../use-as-of';
import { useTitle } from '../use-title';

/** Once a withdrawal has taken effect, the obligations shown are those of the day before. */
function obligationsDate(state: StateOnDate | null): string | null {
  if (state === null || state.status !== 'withdrawn' || state.withdrawal.effective === null) return null;
  return dayBefore(state.withdrawal.effective);
}

/** `/states/:iso3`: one State's status, timeline and sources. */
export function StatePage() {
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const { asOf, chosen } = useAsOf();
  const current = useApi<StateOnDate>(paths.state(iso3, asOf));
  const facts = useApi<StateFacts>(paths.stateFacts(iso3));
  const currentState = current.state === 'ready' ? current.data : null;
  const before = obligationsDate(currentState);
  const earlier = useApi<StateOnDate>(before === null ? null : paths.state(iso3, before));
  const obligations = before === null ? currentState : earlier.state === 'ready' ? earlier.data : null;
  useTitle(currentState?.name ?? (facts.state === 'ready' ? facts.data.name : iso3));

  const events = useMemo(
    () =>
      facts.state === 'ready' && currentState && obligations
        ? stateEvents(facts.data, currentState, obligations, asOf)
        : null,
    [facts, currentState, obligations, asOf],
  );

  if (current.state === 'error' && current.status === 404) {
    return (
      <>
        <h1>No State with the code “{iso3}”</h1>
        <p>
          The Convention is open to 197 States, each known by its ISO 3166-1 alpha-3 code. See the{' '}
          <Link to={withAsOf('/states', chosen ? asOf : null)}>list of States</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{currentState?.name ?? (facts.state === 'ready' ? facts.data.name : iso3)}</h1>
      <p className="lead">
        Status on <DateText date={asOf} />
        {before !== null ? (
          <>
            ; its obligations are shown as they stood on <DateText date={before} />, the day before its withdrawal took
            effect
          </>
        ) : null}
        .
      </p>
      <AsOfPicker />
      {currentState === null ? <LoadStatus loaded={current} what="the State" /> : null}
      {currentState === null ? null : obligations ? (
        <StateSummary state={currentState} obligations={obligations} />
      ) : (
        <LoadStatus loaded={earlier} what="the State" />
      )}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <p className="note">
          Instruments deposited and decisions taken up to the chosen date, and the dates the Convention's rules compute
          from them.
        </p>
        {events ? <StateTimeline events={events} asOf={asOf} /> : <LoadStatus loaded={facts} what="the record" />}
      </section>
      <ClearanceSection iso3={iso3} asOf={asOf} name={currentState?.name} />
      {facts.state === 'ready' ? <SourceNotes facts={facts.data} /> : null}
      {facts.state === 'ready' ? <SourceList sources={facts.data.sources} /> : null}
    </>
  );
}
