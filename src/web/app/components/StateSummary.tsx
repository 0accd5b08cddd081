import { Trans } from 'react-i18next';
import type { StateOnDate } from '../api';
import { useT } from '../i18n';
import { DateText } from './DateText';
import { DeadlineMark } from './DeadlineMark';
import { StatusBadge } from './StatusBadge';

/** The key facts of one State on the date. */
export function StateSummary({ state, obligations }: { state: StateOnDate; obligations: StateOnDate }) {
  const t = useT();
  const notBound = t('web:summary.notBound');
  const bound = obligations.entryIntoForce !== null && obligations.status === 'state-party';
  const a5 = obligations.article5;
  return (
    <dl className="state-summary">
      <div>
        <dt>{t('web:summary.status')}</dt>
        <dd>
          <StatusBadge state={state} />
        </dd>
      </div>
      <div>
        <dt>{t('web:summary.eif')}</dt>
        <dd>
          <DateText date={obligations.entryIntoForce} unknown={t('web:summary.eifNone')} />
        </dd>
      </div>
      <div>
        <dt>{t('web:summary.article4')}</dt>
        <dd>
          {bound ? (
            <>
              <DateText date={obligations.article4.deadline} /> <DeadlineMark state={obligations.article4.state} />
            </>
          ) : (
            notBound
          )}
        </dd>
      </div>
      <div>
        <dt>{t('web:summary.article5')}</dt>
        <dd>
          {!bound ? (
            notBound
          ) : a5.currentDeadline === null && a5.state === null ? (
            <Trans
              t={t}
              i18nKey="web:summary.article5NoFacts"
              components={{ date: <DateText date={a5.originalDeadline} /> }}
            />
          ) : (
            <>
              <DateText date={a5.currentDeadline} /> <DeadlineMark state={a5.state} />
              {a5.extensions.length > 0 ? t('web:summary.extensions', { count: a5.extensions.length }) : ''}
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('web:summary.article7')}</dt>
        <dd>{bound ? <DateText date={obligations.article7.initialDue} /> : notBound}</dd>
      </div>
    </dl>
  );
}
