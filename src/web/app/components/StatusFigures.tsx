import { Link } from 'react-router';
import type { StatusSummary } from '../api';
import { withAsOf } from '../use-as-of';
import { DateText } from './DateText';

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
  if (codes.length === 0) return <span>none</span>;
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
  const { asOf, withdrawals, latestToJoin } = summary;
  return (
    <section aria-labelledby="figures-heading" className="figures">
      <h2 id="figures-heading">
        The Convention on <DateText date={asOf} />
      </h2>
      <dl className="figure-grid">
        <div className="figure figure-main">
          <dt>States Parties</dt>
          <dd>
            <span className="figure-number" data-testid="states-parties">
              {summary.statesParties}
            </span>
            <span className="figure-note">of the {summary.statesTotal} States the Convention is open to</span>
          </dd>
        </div>
        <div className="figure">
          <dt>In force for</dt>
          <dd>
            <span className="figure-number">{summary.inForce}</span>
            <span className="figure-note">States Parties on this date</span>
          </dd>
        </div>
        <div className="figure">
          <dt>Not party</dt>
          <dd>
            <span className="figure-number">{summary.notParty}</span>
            <span className="figure-note">States, including withdrawn ones</span>
          </dd>
        </div>
        <div className="figure">
          <dt>Signatories not party</dt>
          <dd>
            <span className="figure-number">{summary.signatoriesNotParty}</span>
            <span className="figure-note">signed, consent to be bound not deposited</span>
          </dd>
        </div>
      </dl>
      <dl className="figure-list">
        <div>
          <dt>Withdrawals in effect (Art. 20)</dt>
          <dd>
            <StateList codes={withdrawals.effective} names={names} asOf={asOf} />
          </dd>
        </div>
        <div>
          <dt>Withdrawals pending</dt>
          <dd>
            <StateList codes={withdrawals.pending} names={names} asOf={asOf} />
          </dd>
        </div>
        <div>
          <dt>Latest State to join</dt>
          <dd>
            {latestToJoin === null ? (
              <span>none yet</span>
            ) : (
              <span>
                <Link to={withAsOf(`/states/${latestToJoin.iso3}`, asOf)}>{latestToJoin.name}</Link>,{' '}
                {latestToJoin.instrument} deposited <DateText date={latestToJoin.date} />
              </span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
