import { useEffect, useMemo } from 'react';
import { Trans } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type StateFacts, type StateOnDate, paths, prefetchJson } from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { ClearanceSection } from '../components/ClearanceSection';
import { preloadClearance } from '../components/clearance-preload';
import { DateText } from '../components/DateText';
import { Later } from '../components/Later';
import { LoadStatus } from '../components/LoadStatus';
import { SourceList } from '../components/SourceList';
import { SourceNotes } from '../components/SourceNotes';
import { PageSources } from '../components/SourceRefs';
import { StateSummary } from '../components/StateSummary';
import { StateTimeline } from '../components/StateTimeline';
import { dayBefore, isCalendarDate, today } from '../dates';
import { stateName, useT } from '../i18n';
import { stateEvents } from '../state-events';
import { StockpileSection } from '../stockpiles/StockpileSection';
import { FundingSection } from '../cooperation/FundingSection';
import { VictimSection } from '../victims/VictimSection';
import { useApi } from '../use-api';
import { useAsOf, withAsOf } from '../use-as-of';
import { useTitle } from '../use-title';

/**
 * When the app opens on a State page (`/states/KHM`), its reads start before the first render: the
 * server's preload hints (src/server/web.ts) have them on the way, so they have usually arrived by the
 * time the app's code has run. Settles when they have arrived or failed (main.tsx renders then, so
 * the page renders once, with them, instead of a loading line first: on a slow phone each render
 * counts); null at other addresses.
 */
export function preloadStatePage(pathname: string, search: string): Promise<unknown> | null {
  const match = /^\/states\/([A-Za-z]{3})\/?$/.exec(pathname);
  if (match === null) return null;
  const iso3 = (match[1] ?? '').toUpperCase();
  const inUrl = new URLSearchParams(search).get('asOf');
  const asOf = inUrl !== null && isCalendarDate(inUrl) ? inUrl : today();
  const reads = [paths.state(iso3, asOf), paths.stateFacts(iso3)].map((path) => prefetchJson(path));
  return Promise.allSettled([...reads, preloadClearance(iso3, asOf)]);
}

/** Once a withdrawal has taken effect, the obligations shown are those of the day before. */
function obligationsDate(state: StateOnDate | null): string | null {
  if (state === null || state.status !== 'withdrawn' || state.withdrawal.effective === null) return null;
  return dayBefore(state.withdrawal.effective);
}

/** `/states/:iso3`: one State's status, timeline and sources. */
export function StatePage() {
  const t = useT();
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const { asOf, chosen } = useAsOf();
  // The clearance (and, for a State with records, the map's code and shapes) downloads beside the
  // State's record, not after the sections above it have rendered.
  useEffect(() => void preloadClearance(iso3, asOf), [iso3, asOf]);
  const current = useApi<StateOnDate>(paths.state(iso3, asOf));
  const facts = useApi<StateFacts>(paths.stateFacts(iso3));
  const currentState = current.state === 'ready' ? current.data : null;
  const before = obligationsDate(currentState);
  const earlier = useApi<StateOnDate>(before === null ? null : paths.state(iso3, before));
  const obligations = before === null ? currentState : earlier.state === 'ready' ? earlier.data : null;
  const name = currentState
    ? stateName(iso3, currentState.name)
    : facts.state === 'ready'
      ? stateName(iso3, facts.data.name)
      : iso3;
  useTitle(name);

  const events = useMemo(
    () =>
      facts.state === 'ready' && currentState && obligations
        ? stateEvents(facts.data, currentState, obligations, asOf)
        : null,
    // t: the events are words, written again when the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [facts, currentState, obligations, asOf, t],
  );

  const sourcesById = useMemo(
    () => new Map(facts.state === 'ready' ? facts.data.sources.map((s) => [s.id, s] as const) : []),
    [facts],
  );

  if (current.state === 'error' && current.status === 404) {
    return (
      <>
        <h1>{t('web:state.noSuchTitle', { iso3 })}</h1>
        <p>
          <Trans
            t={t}
            i18nKey="web:state.noSuchText"
            components={{ states: <Link to={withAsOf('/states', chosen ? asOf : null)} /> }}
          />
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{name}</h1>
      <p className="lead">
        {before !== null ? (
          <Trans
            t={t}
            i18nKey="web:state.leadWithdrawn"
            components={{ date: <DateText date={asOf} />, before: <DateText date={before} /> }}
          />
        ) : (
          <Trans t={t} i18nKey="web:state.lead" components={{ date: <DateText date={asOf} /> }} />
        )}
      </p>
      <AsOfPicker />
      {/* The summary and the timeline show together, and the sections below only after them, so
          nothing on screen is pushed down when an answer arrives (CLS). */}
      {currentState === null || obligations === null || events === null ? (
        <LoadStatus
          loaded={
            current.state !== 'ready' ? current : facts.state !== 'ready' ? facts : before !== null ? earlier : current
          }
          what={t('web:what.state')}
        />
      ) : (
        <PageSources.Provider value={sourcesById}>
          <StateSummary state={currentState} obligations={obligations} />
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t('web:state.timeline')}</h2>
            <p className="note">{t('web:state.timelineNote')}</p>
            <StateTimeline events={events} asOf={asOf} />
          </section>
          <StockpileSection iso3={iso3} asOf={asOf} />
          <ClearanceSection iso3={iso3} asOf={asOf} name={name} />
          <Later>
            <FundingSection iso3={iso3} asOf={asOf} />
            <VictimSection iso3={iso3} asOf={asOf} />
            {facts.state === 'ready' ? <SourceNotes facts={facts.data} /> : null}
            {facts.state === 'ready' ? <SourceList sources={facts.data.sources} /> : null}
          </Later>
        </PageSources.Provider>
      )}
    </>
  );
}
