import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import type { StatusSummary } from '../api';
import { stateName, useT } from '../i18n';
import { withAsOf } from '../use-as-of';
import { DateText } from './DateText';

const CONSENT_KIND = {
  ratification: 'common:consentKind.ratification',
  acceptance: 'common:consentKind.acceptance',
  approval: 'common:consentKind.approval',
  accession: 'common:consentKind.accession',
  succession: 'common:consentKind.succession',
} as const;

interface Props {
  summary: StatusSummary;
  /** State names by ISO code, for the withdrawals. */
  names: ReadonlyMap<string, string>;
}

function StateList({
  codes,
  names,
  asOf,
}: {
  codes: readonly string[];
  names: ReadonlyMap<string, string>;
  asOf: string;
}) {
  const t = useT();
  if (codes.length === 0) return <span>{t('web:figuresOnDate.none')}</span>;
  return (
    <span>
      {codes.map((code, i) => (
        <span key={code}>
          {i > 0 ? ', ' : ''}
          <Link to={withAsOf(`/states/${code}`, asOf)}>{names.get(code) ?? code}</Link>
        </span>
      ))}
    </span>
  );
}

/** The headline figures of the Convention on one date. */
export function StatusFigures({ summary, names }: Props) {
  const t = useT();
  const { asOf, withdrawals, latestToJoin } = summary;
  return (
    <section aria-labelledby="figures-heading" className="figures">
      <h2 id="figures-heading">
        <Trans t={t} i18nKey="web:figuresOnDate.heading" components={{ date: <DateText date={asOf} /> }} />
      </h2>
      <dl className="figure-grid">
        <div className="figure figure-main">
          <dt>{t('web:figuresOnDate.statesParties')}</dt>
          <dd>
            <span className="figure-number" data-testid="states-parties">
              {summary.statesParties}
            </span>
            <span className="figure-note">
              {t('web:figuresOnDate.statesPartiesNote', { total: summary.statesTotal })}
            </span>
          </dd>
        </div>
        <div className="figure">
          <dt>{t('web:figuresOnDate.inForce')}</dt>
          <dd>
            <span className="figure-number">{summary.inForce}</span>
            <span className="figure-note">{t('web:figuresOnDate.inForceNote')}</span>
          </dd>
        </div>
        <div className="figure">
          <dt>{t('web:figuresOnDate.notParty')}</dt>
          <dd>
            <span className="figure-number">{summary.notParty}</span>
            <span className="figure-note">
              {t('web:figuresOnDate.notPartyNote', {
                never: summary.notParty - withdrawals.effective.length,
                withdrew: withdrawals.effective.length,
              })}
            </span>
          </dd>
        </div>
        <div className="figure">
          <dt>{t('web:figuresOnDate.signatories')}</dt>
          <dd>
            <span className="figure-number">{summary.signatoriesNotParty}</span>
            <span className="figure-note">{t('web:figuresOnDate.signatoriesNote')}</span>
          </dd>
        </div>
      </dl>
      <dl className="figure-list">
        <div>
          <dt>{t('web:figuresOnDate.withdrawalsEffective')}</dt>
          <dd>
            <StateList codes={withdrawals.effective} names={names} asOf={asOf} />
          </dd>
        </div>
        <div>
          <dt>{t('web:figuresOnDate.withdrawalsPending')}</dt>
          <dd>
            <StateList codes={withdrawals.pending} names={names} asOf={asOf} />
          </dd>
        </div>
        <div>
          <dt>{t('web:figuresOnDate.latest')}</dt>
          <dd>
            {latestToJoin === null ? (
              <span>{t('web:figuresOnDate.latestNone')}</span>
            ) : (
              <span>
                <Trans
                  t={t}
                  i18nKey="web:figuresOnDate.latestValue"
                  values={{
                    name: stateName(latestToJoin.iso3, latestToJoin.name),
                    instrument: t(CONSENT_KIND[latestToJoin.instrument]),
                  }}
                  components={{
                    state: <Link to={withAsOf(`/states/${latestToJoin.iso3}`, asOf)} />,
                    date: <DateText date={latestToJoin.date} />,
                  }}
                />
              </span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
