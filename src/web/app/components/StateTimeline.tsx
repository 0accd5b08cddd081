import { useT } from '../i18n';
import type { StateEvent } from '../state-events';
import { DateText } from './DateText';
import { DeadlineMark } from './DeadlineMark';
import { SourceRefs } from './SourceRefs';

/** A State's instruments and computed dates, top to bottom, each citing its sources. */
export function StateTimeline({ events, asOf }: { events: readonly StateEvent[]; asOf: string }) {
  const t = useT();
  if (events.length === 0) {
    return <p>{t('web:timeline.none')}</p>;
  }
  return (
    <ol className="timeline">
      {events.map((event) => {
        const after = event.date !== null && event.date > asOf;
        return (
          <li key={event.key} className={after ? 'timeline-event after' : 'timeline-event'}>
            <p className="timeline-date">
              <DateText date={event.date} />
              {after ? <span className="tag">{t('web:timeline.after')}</span> : null}
              {event.computed ? <span className="tag">{t('web:timeline.computed')}</span> : null}
            </p>
            <h3 className="timeline-title">
              {event.title} {event.mark ? <DeadlineMark state={event.mark} /> : null}
            </h3>
            {event.detail ? <p className="timeline-detail">{event.detail}</p> : null}
            <p className="timeline-sources">
              <SourceRefs ids={event.sources} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
