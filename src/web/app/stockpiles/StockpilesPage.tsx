import { useMemo } from 'react';
import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import { type GlobalStockpiles, paths } from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { periodWords } from '../figure-words';
import { formatNumber, stateName, useT } from '../i18n';
import { type Loaded, useApi } from '../use-api';
import { useAsOf, withAsOf } from '../use-as-of';
import { useTitle } from '../use-title';
import { StockpileTable } from './StockpileTable';
import { CitedRefs, CitedSources } from './CitedSources';
import { StockpileMark } from './StockpileMark';
import { StockpilesOverview } from './StockpilesOverview';
import { minesWords } from './stockpile-words';
import { type StockpileWithLedger, rowSources, useStockpilesOf } from './use-stockpiles';
import './stockpiles.css';

/** Anchors of the page's source list. */
const SOURCES = 'source';

function Count({ title, value, note, testId }: { title: string; value: number; note: string; testId: string }) {
  return (
    <div className="figure">
      <dt>{title}</dt>
      <dd>
        <span className="figure-number" data-testid={testId}>
          {formatNumber(value)}
        </span>
        <span className="figure-note">{note}</span>
      </dd>
    </div>
  );
}

function Counts({ global }: { global: GlobalStockpiles }) {
  const t = useT();
  return (
    <section aria-labelledby="stockpile-counts-heading">
      <h2 id="stockpile-counts-heading">
        <Trans t={t} i18nKey="web:stockpiles.countsHeading" components={{ date: <DateText date={global.asOf} /> }} />
      </h2>
      <dl className="figure-grid">
        <Count
          title={t('web:stockpiles.counts.statesParties')}
          value={global.statesParties}
          note={t('web:stockpiles.counts.statesPartiesNote')}
          testId="stockpiles-states-parties"
        />
        <Count
          title={t('web:stockpiles.counts.noStockpile')}
          value={global.noStockpile}
          note={t('web:stockpiles.counts.noStockpileNote')}
          testId="stockpiles-no-stockpile"
        />
        <Count
          title={t('web:stockpiles.counts.completed')}
          value={global.completed}
          note={t('web:stockpiles.counts.completedNote')}
          testId="stockpiles-completed"
        />
        <Count
          title={t('web:stockpiles.counts.holding')}
          value={global.holding.length}
          note={t('web:stockpiles.counts.holdingNote')}
          testId="stockpiles-holding"
        />
        <Count
          title={t('web:stockpiles.counts.missed')}
          value={global.missed.length}
          note={t('web:stockpiles.counts.missedNote')}
          testId="stockpiles-missed"
        />
        <Count
          title={t('web:stockpiles.counts.unknown')}
          value={global.unknown}
          note={t('web:stockpiles.counts.unknownNote')}
          testId="stockpiles-unknown"
        />
      </dl>
      <p className="note">{t('web:stockpiles.countsNote')}</p>
    </section>
  );
}

function StatesTable({
  rows,
  asOf,
  link,
  caption,
}: {
  rows: readonly StockpileWithLedger[];
  asOf: string;
  link: string | null;
  caption: string;
}) {
  const t = useT();
  return (
    <StockpileTable
      columns={[
        t('web:stockpiles.table.state'),
        t('web:stockpiles.table.deadline'),
        t('web:stockpiles.table.article4'),
        t('web:stockpiles.table.remaining'),
        t('web:stockpiles.table.completed'),
        t('web:stockpiles.table.sources'),
      ]}
      caption={caption}
    >
      {rows.map(({ stockpile: s, ledger }) => (
        <tr key={s.iso3} data-iso3={s.iso3}>
          <th scope="row">
            <Link to={withAsOf(`/states/${s.iso3}`, link)}>{stateName(s.iso3, s.name)}</Link>
          </th>
          <td data-label={t('web:stockpiles.table.deadline')}>
            <DateText date={s.deadline} unknown={t('web:stockpiles.notBound')} />
          </td>
          <td data-label={t('web:stockpiles.table.article4')}>
            <StockpileMark state={s.state} />
          </td>
          <td data-label={t('web:stockpiles.table.remaining')}>
            {s.remaining === null ? (
              <span className="unknown">{t('web:stockpiles.remainingUnknown')}</span>
            ) : s.remainingAsDeclared !== null ? (
              <>
                {minesWords(s.remaining, s.declared?.qualifier)}{' '}
                <span className="as-declared" data-testid="stockpile-as-declared">
                  <Trans
                    t={t}
                    i18nKey={
                      s.remainingAsDeclared.length === 10 ? 'web:stockpiles.asDeclared' : 'web:stockpiles.asDeclaredIn'
                    }
                    components={{ date: <DateText date={s.remainingAsDeclared} /> }}
                  />
                </span>
              </>
            ) : (
              minesWords(s.remaining)
            )}
          </td>
          <td data-label={t('web:stockpiles.table.completed')}>
            <DateText
              date={s.completed}
              unknown={s.remaining !== null && s.remaining > 0 ? t('web:stockpiles.notYet') : undefined}
            />
          </td>
          <td>
            <CitedRefs ids={rowSources(s, ledger, asOf)} prefix={SOURCES} />
          </td>
        </tr>
      ))}
    </StockpileTable>
  );
}

function StatesLists({
  global,
  loaded,
  link,
}: {
  global: GlobalStockpiles;
  loaded: Loaded<StockpileWithLedger[]>;
  link: string | null;
}) {
  const t = useT();
  const rows = loaded.state === 'ready' ? loaded.data : null;
  const byName = (a: StockpileWithLedger, b: StockpileWithLedger) =>
    stateName(a.stockpile.iso3, a.stockpile.name).localeCompare(stateName(b.stockpile.iso3, b.stockpile.name));
  const holding = rows?.filter((r) => global.holding.includes(r.stockpile.iso3)).sort(byName) ?? [];
  const missed = rows?.filter((r) => global.missed.includes(r.stockpile.iso3)).sort(byName) ?? [];
  return (
    <>
      <section aria-labelledby="stockpile-holding-heading" data-testid="stockpiles-holding-list">
        <h2 id="stockpile-holding-heading">{t('web:stockpiles.holdingHeading')}</h2>
        <p className="note">{t('web:stockpiles.holdingIntro')}</p>
        {rows === null ? (
          <LoadStatus loaded={loaded} what={t('web:what.stockpiles')} />
        ) : holding.length === 0 ? (
          <p>{t('web:stockpiles.holdingNone')}</p>
        ) : (
          <StatesTable rows={holding} asOf={global.asOf} link={link} caption={t('web:stockpiles.holdingHeading')} />
        )}
      </section>
      <section aria-labelledby="stockpile-missed-heading" data-testid="stockpiles-missed-list">
        <h2 id="stockpile-missed-heading">{t('web:stockpiles.missedHeading')}</h2>
        <p className="note">{t('web:stockpiles.missedIntro')}</p>
        {rows === null ? (
          <LoadStatus loaded={loaded} what={t('web:what.stockpiles')} />
        ) : missed.length === 0 ? (
          <p>{t('web:stockpiles.missedNone')}</p>
        ) : (
          <StatesTable rows={missed} asOf={global.asOf} link={link} caption={t('web:stockpiles.missedHeading')} />
        )}
      </section>
    </>
  );
}

function Destroyed({ global }: { global: GlobalStockpiles }) {
  const t = useT();
  const reported = global.reportedDestroyed;
  return (
    <section aria-labelledby="stockpile-destroyed-heading" data-testid="stockpiles-destroyed">
      <h2 id="stockpile-destroyed-heading">{t('web:stockpiles.destroyedHeading')}</h2>
      {reported === null ? (
        <p>{t('web:stockpiles.reportedNone')}</p>
      ) : (
        <p data-testid="stockpiles-reported">
          <Trans
            t={t}
            i18nKey="web:stockpiles.reported"
            values={{ mines: minesWords(reported.value, reported.qualifier), period: periodWords(reported.period) }}
            components={{ strong: <strong />, date: <DateText date={global.asOf} /> }}
          />{' '}
          <CitedRefs ids={[reported.source]} prefix={SOURCES} />
        </p>
      )}
      <p>
        <Trans
          t={t}
          i18nKey="web:stockpiles.ledgerTotal"
          values={{ mines: minesWords(global.destroyedTotal) }}
          components={{ strong: <strong /> }}
        />
      </p>
    </section>
  );
}

/** Every source the page cites: the reported total's, then each row's once the rows have loaded. */
function pageSources(global: GlobalStockpiles, loaded: Loaded<StockpileWithLedger[]>): string[] {
  const rows =
    loaded.state === 'ready'
      ? loaded.data.flatMap(({ stockpile, ledger }) => rowSources(stockpile, ledger, global.asOf))
      : [];
  return [...(global.reportedDestroyed ? [global.reportedDestroyed.source] : []), ...rows];
}

/** `/stockpiles`: Article 4 over the States Parties on the chosen date, from the stockpile ledger. */
export function StockpilesPage() {
  const t = useT();
  useTitle(t('web:stockpiles.title'));
  const { asOf, chosen } = useAsOf();
  const link = chosen ? asOf : null;
  const loaded = useApi<GlobalStockpiles>(paths.stockpiles(asOf), { keepPrevious: true });
  const global = loaded.state === 'ready' ? loaded.data : null;
  // The States holding stock or that missed their deadline, each with its stockpile and ledger.
  const codes = useMemo(() => (global === null ? null : [...new Set([...global.holding, ...global.missed])]), [global]);
  const rows = useStockpilesOf(codes, global?.asOf ?? asOf);
  return (
    <>
      <h1>{t('web:stockpiles.title')}</h1>
      <p className="lead">
        <Trans t={t} i18nKey="web:stockpiles.lead" components={{ date: <DateText date={asOf} /> }} />
      </p>
      <AsOfPicker />
      {global === null ? <LoadStatus loaded={loaded} what={t('web:what.stockpiles')} /> : null}
      {global === null ? null : (
        <>
          <Counts global={global} />
          <StockpilesOverview asOf={global.asOf} link={link} />
          <StatesLists global={global} loaded={rows} link={link} />
          <Destroyed global={global} />
          <CitedSources
            ids={pageSources(global, rows)}
            prefix={SOURCES}
            heading={t('web:sources.heading')}
            headingId="sources-heading"
          />
        </>
      )}
    </>
  );
}
