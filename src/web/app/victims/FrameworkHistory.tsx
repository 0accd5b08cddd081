import type { ReactNode } from 'react';
import { type VictimFrameworks, paths } from '../api';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { formatDate } from '../dates';
import { useT } from '../i18n';
import { useApi } from '../use-api';

type Row = VictimFrameworks['frameworks'][number];

const SERVICE_WORDS = {
  medical: 'web:victims.history.service.medical',
  'physical-rehabilitation': 'web:victims.history.service.physical-rehabilitation',
  'psychological-peer-support': 'web:victims.history.service.psychological-peer-support',
  'socio-economic-inclusion': 'web:victims.history.service.socio-economic-inclusion',
  education: 'web:victims.history.service.education',
} as const;
const SERVICES = Object.keys(SERVICE_WORDS) as (keyof typeof SERVICE_WORDS)[];

/** One term and its description (a div groups them, so the list stays valid HTML). */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What one observation says; what it does not say is said so, never taken for "no". */
function Observation({ row }: { row: Row }) {
  const t = useT();
  const notSaid = t('web:victims.history.notSaid');
  const yesNo = (b: boolean | null) =>
    b === null ? notSaid : b ? t('web:victims.state.yes') : t('web:victims.state.no');
  const mechanism =
    row.mechanism === null
      ? notSaid
      : row.mechanism.type === 'none'
        ? t('web:victims.history.statedNone')
        : t('web:victims.history.mechanismValue', {
            type: t(
              row.mechanism.type === 'disability'
                ? 'web:victims.state.mechanism.disability'
                : 'web:victims.state.mechanism.victim-assistance',
            ),
            since: row.mechanism.since === null ? t('web:date.notFound') : formatDate(row.mechanism.since),
          });
  const plan =
    row.plan === null
      ? notSaid
      : row.plan.title === null
        ? t('web:victims.history.statedNone')
        : t('web:victims.history.planValue', {
            title: row.plan.title,
            from: row.plan.from === null ? t('web:date.notFound') : formatDate(row.plan.from),
            to: row.plan.to === null ? t('web:date.notFound') : formatDate(row.plan.to),
          });
  const services = SERVICES.flatMap((kind) => {
    const note = row.services[kind];
    return note === undefined ? [] : [{ kind, note }];
  });
  return (
    <li data-testid="victim-history-entry">
      <h4>
        <DateText date={row.reported} />
      </h4>
      <dl className="victim-history-facts">
        <Fact term={t('web:victims.history.significant')}>{yesNo(row.significantNumberOfVictims)}</Fact>
        <Fact term={t('web:victims.history.mechanism')}>{mechanism}</Fact>
        <Fact term={t('web:victims.history.plan')}>{plan}</Fact>
        <Fact term={t('web:victims.history.participation')}>{yesNo(row.survivorParticipation)}</Fact>
        {services.map(({ kind, note }) => (
          <Fact key={kind} term={t(SERVICE_WORDS[kind])}>
            {note}
          </Fact>
        ))}
        {row.notes === '' ? null : <Fact term={t('web:victims.history.notes')}>{row.notes}</Fact>}
        <Fact term={t('web:victims.history.sources', { count: row.sources.length })}>
          <ul className="victim-history-sources">
            {row.sources.map((s) => (
              <li key={s.id}>
                {s.url === null ? (
                  t('web:victims.history.source', { id: s.id, title: s.title })
                ) : (
                  <a href={s.url}>{t('web:victims.history.source', { id: s.id, title: s.title })}</a>
                )}
              </li>
            ))}
          </ul>
        </Fact>
      </dl>
    </li>
  );
}

/** The State's framework over time: every observation a source published by the date, oldest first. */
export function FrameworkHistory({ iso3, asOf }: { iso3: string; asOf: string }) {
  const t = useT();
  const loaded = useApi<VictimFrameworks>(paths.victimFrameworks(iso3, asOf), { keepPrevious: true });
  return (
    <section aria-labelledby="victim-history-heading" data-testid="victim-history">
      <h3 id="victim-history-heading">{t('web:victims.history.heading')}</h3>
      {loaded.state !== 'ready' ? (
        <LoadStatus loaded={loaded} what={t('web:victims.history.what')} />
      ) : loaded.data.frameworks.length === 0 ? (
        <p>{t('web:victims.history.none')}</p>
      ) : (
        <ol className="victim-history">
          {loaded.data.frameworks.map((row, i) => (
            <Observation key={`${row.reported}-${i}`} row={row} />
          ))}
        </ol>
      )}
    </section>
  );
}
