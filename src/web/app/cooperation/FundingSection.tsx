import type { FundingAnswer, FundingNeeds } from '../api';
import { LoadStatus } from '../components/LoadStatus';
import { useT } from '../i18n';
import { CitedRefs, CitedSources } from '../stockpiles/CitedSources';
import { useApi } from '../use-api';
import { paths } from '../api';
import { NeedsTable, usdWords, useStateNames } from './NeedsTable';

const SOURCES = 'funding-source';

/** The State page's cooperation section: support received from the stored flows, and needs against support. */
export function FundingSection({ iso3, asOf }: { iso3: string; asOf: string }) {
  const t = useT();
  const answer = useApi<FundingAnswer>(paths.funding(asOf, iso3), { keepPrevious: true });
  const needs = useApi<FundingNeeds>(paths.fundingNeeds(asOf, iso3), { keepPrevious: true });
  const names = useStateNames(asOf);
  const a = answer.state === 'ready' ? answer.data : null;
  const n = needs.state === 'ready' ? needs.data : null;
  const sources = [
    ...(a?.source ?? []),
    ...(n?.rows.flatMap((r) => [...(r.request.source === null ? [] : [r.request.source]), ...r.sources]) ?? []),
  ];
  return (
    <section aria-labelledby="funding-heading" data-testid="state-funding">
      <h2 id="funding-heading">{t('web:cooperation.state.heading')}</h2>
      {a === null ? (
        <LoadStatus loaded={answer} what={t('web:cooperation.what')} />
      ) : a.basis !== 'flows' || a.year === null ? (
        <p>{t('web:cooperation.state.noFlows')}</p>
      ) : (
        <p data-testid="state-funding-received">
          {t('web:cooperation.state.received', {
            year: a.year,
            international: usdWords(t, a.international),
            national: usdWords(t, a.national),
          })}{' '}
          <CitedRefs ids={a.source} prefix={SOURCES} />
        </p>
      )}
      {n === null ? (
        <LoadStatus loaded={needs} what={t('web:cooperation.what')} />
      ) : n.rows.length === 0 ? (
        <p>{t('web:cooperation.state.noNeeds')}</p>
      ) : (
        <NeedsTable names={names} needs={n} link={null} prefix={SOURCES} caption={t('web:cooperation.needs.heading')} />
      )}
      {sources.length === 0 ? null : (
        <CitedSources
          ids={sources}
          prefix={SOURCES}
          heading={t('web:cooperation.state.sources')}
          headingId="funding-sources-heading"
        />
      )}
    </section>
  );
}
