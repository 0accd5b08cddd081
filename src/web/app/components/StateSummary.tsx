import type { StateOnDate } from '../api';
import { DateText } from './DateText';
import { DeadlineMark } from './DeadlineMark';
import { StatusBadge } from './StatusBadge';

const NOT_BOUND = 'does not apply (not a State Party on this date)';

/** The key facts of one State on the date. */
export function StateSummary({ state, obligations }: { state: StateOnDate; obligations: StateOnDate }) {
  const bound = obligations.entryIntoForce !== null && obligations.status === 'state-party';
  const a5 = obligations.article5;
  return (
    <dl className="state-summary">
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge state={state} />
        </dd>
      </div>
      <div>
        <dt>Entry into force</dt>
        <dd>
          <DateText date={obligations.entryIntoForce} unknown="none (no consent to be bound deposited by this date)" />
        </dd>
      </div>
      <div>
        <dt>Article 4 stockpile destruction deadline</dt>
        <dd>
          {bound ? (
            <>
              <DateText date={obligations.article4.deadline} /> <DeadlineMark state={obligations.article4.state} />
            </>
          ) : (
            NOT_BOUND
          )}
        </dd>
      </div>
      <div>
        <dt>Article 5 clearance deadline</dt>
        <dd>
          {!bound ? (
            NOT_BOUND
          ) : a5.currentDeadline === null && a5.state === null ? (
            <>
              <DateText date={a5.originalDeadline} /> (original deadline, for a State Party with mined areas); no
              Article 5 facts in the sources read
            </>
          ) : (
            <>
              <DateText date={a5.currentDeadline} /> <DeadlineMark state={a5.state} />
              {a5.extensions.length > 0
                ? ` (after ${a5.extensions.length} extension${a5.extensions.length === 1 ? '' : 's'})`
                : ''}
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Article 7 initial transparency report due</dt>
        <dd>{bound ? <DateText date={obligations.article7.initialDue} /> : NOT_BOUND}</dd>
      </div>
    </dl>
  );
}
