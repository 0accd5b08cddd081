import { useCallback } from 'react';
import { Trans } from 'react-i18next';
import { type LedgerEntryJson, type StateStockpile, paths } from '../api';
import { DateText } from '../components/DateText';
import { LazyChart } from '../components/LazyChart';
import { LoadStatus } from '../components/LoadStatus';
import { formatDate } from '../dates';
import { formatNumber, stateName, useT } from '../i18n';
import { useApi } from '../use-api';
import { StockpileTable } from './StockpileTable';
import { CitedRefs, CitedSources } from './CitedSources';
import { DueMark, StockpileMark } from './StockpileMark';
import { stateEvidence } from './evidence';
import { remainingChartOptions } from './remaining-chart-options';
import { retainedChartOptions } from './retained-chart-options';
import { STATE_MEANING, mineTypeWords, minesWords, purposeWords } from './stockpile-words';
import './stockpiles.css';

// ECharts is loaded only for a State with retained mines: the rest of the page shows first.

/** Anchors of the section's own source list (the page's list holds the treaty record's sources). */
const SOURCES = 'stockpile-source';

const NO_ENTRIES: LedgerEntryJson[] = [];

function Headline({ s, evidence, name }: { s: StateStockpile; evidence: readonly string[]; name: string }) {
  const t = useT();
  return (
    <>
      <dl className="figure-grid stockpile-figures">
        <div className="figure">
          <dt>{t('web:stockpiles.section.deadline')}</dt>
          <dd>
            <span className="figure-number figure-date">
              <DateText date={s.deadline} />
            </span>
            <span className="figure-note">{t('web:stockpiles.section.deadlineNote')}</span>
          </dd>
        </div>
        <div className={`figure stockpile-state state-${s.state ?? 'none'}`}>
          <dt>{t('web:stockpiles.section.state')}</dt>
          <dd>
            <span className="figure-number figure-date" data-testid="stockpile-state">
              <StockpileMark state={s.state} />
            </span>
            <span className="figure-note">
              <CitedRefs ids={evidence} prefix={SOURCES} />
            </span>
          </dd>
        </div>
        <div className="figure">
          <dt>{t('web:stockpiles.section.declared')}</dt>
          <dd>
            <span className="figure-number figure-date" data-testid="stockpile-declared">
              {s.declared === null ? (
                <span className="unknown">{t('web:date.notFound')}</span>
              ) : (
                minesWords(s.declared.quantity, s.declared.qualifier)
              )}
            </span>
            {s.declared === null ? null : (
              <span className="figure-note">
                <Trans
                  t={t}
                  i18nKey="web:stockpiles.section.declaredOn"
                  components={{ date: <DateText date={s.declared.date} /> }}
                />{' '}
                <CitedRefs ids={s.declared.sources} prefix={SOURCES} />
              </span>
            )}
          </dd>
        </div>
        <div className="figure">
          <dt>{t('web:stockpiles.section.remaining')}</dt>
          <dd>
            <span className="figure-number figure-date" data-testid="stockpile-remaining">
              {s.remaining === null ? (
                <span className="unknown">{t('web:stockpiles.remainingUnknown')}</span>
              ) : (
                minesWords(s.remaining, s.remainingAsDeclared === null ? 'exact' : s.declared?.qualifier)
              )}
            </span>
            <span className="figure-note" data-testid="stockpile-remaining-note">
              {s.remaining === null ? (
                t('web:stockpiles.section.remainingUnknownNote')
              ) : s.remainingAsDeclared !== null ? (
                <Trans
                  t={t}
                  i18nKey="web:stockpiles.section.remainingAsDeclaredNote"
                  components={{ date: <DateText date={s.remainingAsDeclared} /> }}
                />
              ) : (
                t('web:stockpiles.section.remainingNote')
              )}
            </span>
          </dd>
        </div>
        <div className="figure">
          <dt>{t('web:stockpiles.section.completed')}</dt>
          <dd>
            <span className="figure-number figure-date">
              <DateText
                date={s.completed}
                unknown={s.remaining !== null && s.remaining > 0 ? t('web:stockpiles.notYet') : undefined}
              />
            </span>
          </dd>
        </div>
      </dl>
      {s.state === null ? null : (
        <p className="stockpile-meaning" data-testid="stockpile-meaning">
          {t(STATE_MEANING[s.state], {
            name,
            deadline: s.deadline === null ? '' : formatDate(s.deadline),
          })}{' '}
          {s.state === 'missed' && s.completed !== null
            ? t('web:stockpiles.section.lateCompletion', { date: formatDate(s.completed) })
            : null}
        </p>
      )}
    </>
  );
}

/** The remaining stock over time against the deadline, with its data in a table (collapsed) beside it. */
function RemainingChart({ s, name }: { s: StateStockpile; name: string }) {
  const t = useT();
  // t: the chart's words are drawn again when the language changes.
  const options = useCallback(
    (narrow: boolean) => remainingChartOptions(s, narrow),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [s, t],
  );
  if (s.remainingHistory.length === 0) return null;
  return (
    <>
      <h3 id="stockpile-remaining-heading">{t('web:stockpiles.chart.remainingHeading')}</h3>
      <figure className="chart-figure" aria-labelledby="stockpile-remaining-heading">
        <LazyChart
          options={options}
          label={t('web:stockpiles.chart.remainingLabel', { name })}
          className="stockpile-chart"
          data={{ 'data-testid': 'stockpile-remaining-chart' }}
        />
      </figure>
      <details className="chart-data" data-testid="stockpile-remaining-data">
        <summary>{t('web:stockpiles.chart.dataSummary')}</summary>
        <StockpileTable
          columns={[t('web:stockpiles.table.date'), t('web:stockpiles.table.remaining')]}
          caption={t('web:stockpiles.chart.remainingCaption', { name })}
        >
          {s.remainingHistory.map((p) => (
            <tr key={p.date}>
              <th scope="row">
                <DateText date={p.date} />
              </th>
              <td data-label={t('web:stockpiles.table.remaining')}>
                {p.remaining === null ? (
                  <span className="unknown">{t('web:stockpiles.remainingUnknown')}</span>
                ) : (
                  minesWords(p.remaining)
                )}
              </td>
            </tr>
          ))}
        </StockpileTable>
      </details>
    </>
  );
}

function Destructions({ s }: { s: StateStockpile }) {
  const t = useT();
  return (
    <>
      <h3 id="stockpile-destroyed-heading">{t('web:stockpiles.section.destroyedHeading')}</h3>
      {s.destroyed.length === 0 ? (
        <p>{t('web:stockpiles.section.destroyedNone')}</p>
      ) : (
        <StockpileTable
          columns={[
            t('web:stockpiles.table.date'),
            t('web:stockpiles.table.destroyed'),
            t('web:stockpiles.table.type'),
            t('web:stockpiles.table.sources'),
          ]}
          labelledBy="stockpile-destroyed-heading"
        >
          {s.destroyed.map((d, i) => (
            <tr key={`${d.date}-${i}`}>
              <th scope="row">
                {d.from === null ? (
                  <DateText date={d.date} />
                ) : (
                  <Trans
                    t={t}
                    i18nKey="web:stockpiles.period"
                    components={{ from: <DateText date={d.from} />, to: <DateText date={d.date} /> }}
                  />
                )}
              </th>
              <td data-label={t('web:stockpiles.table.destroyed')}>{minesWords(d.quantity, d.qualifier)}</td>
              <td data-label={t('web:stockpiles.table.type')}>{mineTypeWords(d.type)}</td>
              <td>
                <CitedRefs ids={d.sources} prefix={SOURCES} />
              </td>
            </tr>
          ))}
        </StockpileTable>
      )}
      {s.transferred.length === 0 ? null : (
        <>
          <h3 id="stockpile-transferred-heading">{t('web:stockpiles.section.transferredHeading')}</h3>
          <ul>
            {s.transferred.map((x, i) => (
              <li key={`${x.date}-${i}`}>
                <Trans
                  t={t}
                  i18nKey="web:stockpiles.section.transferred"
                  values={{
                    mines: minesWords(x.quantity),
                    recipient: x.recipient ?? t('web:stockpiles.section.recipientUnknown'),
                  }}
                  components={{ date: <DateText date={x.date} /> }}
                />{' '}
                <CitedRefs ids={x.sources} prefix={SOURCES} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Found({ s }: { s: StateStockpile }) {
  const t = useT();
  return (
    <>
      <h3 id="stockpile-found-heading">{t('web:stockpiles.section.foundHeading')}</h3>
      <p className="note">{t('web:stockpiles.section.foundIntro')}</p>
      {s.foundAfterDeadline.length === 0 ? (
        <p>{t('web:stockpiles.section.foundNone')}</p>
      ) : (
        <StockpileTable
          columns={[
            t('web:stockpiles.table.reported'),
            t('web:stockpiles.table.found'),
            t('web:stockpiles.table.due'),
            t('web:stockpiles.table.destroyedOn'),
            t('web:stockpiles.table.dueState'),
            t('web:stockpiles.table.sources'),
          ]}
          labelledBy="stockpile-found-heading"
        >
          {s.foundAfterDeadline.map((f, i) => (
            <tr key={`${f.reported}-${i}`}>
              <th scope="row">
                <DateText date={f.reported} />
              </th>
              <td data-label={t('web:stockpiles.table.found')}>{minesWords(f.quantity)}</td>
              <td data-label={t('web:stockpiles.table.due')}>
                <DateText date={f.due} />
              </td>
              <td data-label={t('web:stockpiles.table.destroyedOn')}>
                <DateText date={f.destroyed} />
              </td>
              <td data-label={t('web:stockpiles.table.dueState')}>
                <DueMark state={f.state} />
              </td>
              <td>
                <CitedRefs ids={f.sources} prefix={SOURCES} />
              </td>
            </tr>
          ))}
        </StockpileTable>
      )}
    </>
  );
}

function Retained({ s, name }: { s: StateStockpile; name: string }) {
  const t = useT();
  const retained = s.retained;
  // t: the chart's words are drawn again when the language changes.
  const options = useCallback(
    (narrow: boolean) => retainedChartOptions(retained, narrow),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [retained, t],
  );
  return (
    <>
      <h3 id="stockpile-retained-heading">{t('web:stockpiles.retained.heading')}</h3>
      <p className="note">{t('web:stockpiles.retained.intro')}</p>
      {retained.length === 0 ? (
        <p>{t('web:stockpiles.retained.none')}</p>
      ) : (
        <>
          {s.retainedFlag === null ? null : (
            <p className="stockpile-flag" role="note" data-testid="stockpile-retained-flag">
              {t('web:stockpiles.retained.flag', {
                held: formatNumber(s.retainedFlag.held),
                from: s.retainedFlag.from,
                to: s.retainedFlag.to,
              })}
            </p>
          )}
          <figure className="chart-figure" aria-labelledby="stockpile-retained-heading">
            <LazyChart
              options={options}
              label={t('web:stockpiles.retained.label', { name })}
              className="stockpile-chart"
              data={{ 'data-testid': 'stockpile-retained-chart' }}
            />
          </figure>
          <StockpileTable
            columns={[
              t('web:stockpiles.table.year'),
              t('web:stockpiles.table.held'),
              t('web:stockpiles.table.consumed'),
              t('web:stockpiles.table.change'),
              t('web:stockpiles.table.purpose'),
              t('web:stockpiles.table.sources'),
            ]}
            testId="stockpile-retained-table"
            caption={t('web:stockpiles.retained.caption', { name })}
          >
            {retained.map((r) => (
              <tr key={`${r.year}-${r.purpose}`}>
                <th scope="row">{r.year}</th>
                <td data-label={t('web:stockpiles.table.held')}>{formatNumber(r.held)}</td>
                <td data-label={t('web:stockpiles.table.consumed')}>
                  {r.consumed === null ? (
                    <span className="unknown">{t('web:stockpiles.retained.notReported')}</span>
                  ) : (
                    formatNumber(r.consumed)
                  )}
                </td>
                <td data-label={t('web:stockpiles.table.change')}>
                  {r.change === null ? (
                    <span className="unknown">{t('web:stockpiles.retained.noChange')}</span>
                  ) : (
                    formatNumber(r.change, { signDisplay: 'exceptZero' })
                  )}
                </td>
                <td data-label={t('web:stockpiles.table.purpose')}>{purposeWords(r.purpose)}</td>
                <td>
                  <CitedRefs ids={r.sources} prefix={SOURCES} />
                </td>
              </tr>
            ))}
          </StockpileTable>
        </>
      )}
    </>
  );
}

/** Every source the section cites. */
function sectionSources(s: StateStockpile, evidence: readonly string[]): string[] {
  return [
    ...evidence,
    ...(s.declared?.sources ?? []),
    ...[...s.destroyed, ...s.transferred, ...s.foundAfterDeadline, ...s.retained].flatMap((e) => e.sources),
  ];
}

/** The State page's section on Article 4 (stockpile destruction) and Article 3 (mines retained), from the ledger. */
export function StockpileSection({ iso3, asOf }: { iso3: string; asOf: string }) {
  const t = useT();
  const loaded = useApi<StateStockpile>(paths.stateStockpile(iso3, asOf), { keepPrevious: true });
  const ledger = useApi<LedgerEntryJson[]>(paths.stockpileLedger(iso3));
  const s = loaded.state === 'ready' ? loaded.data : null;
  const entries = ledger.state === 'ready' ? ledger.data : NO_ENTRIES;
  const evidence = s === null ? [] : stateEvidence(s.state, s.deadline, entries, s.asOf);
  const name = s === null ? iso3 : stateName(s.iso3, s.name);
  return (
    <section aria-labelledby="stockpile-heading" className="stockpile-section" data-testid="stockpile-section">
      <h2 id="stockpile-heading">{t('web:stockpiles.section.heading')}</h2>
      {s === null ? (
        <LoadStatus loaded={loaded} what={t('web:what.stockpiles')} />
      ) : (
        <>
          <p className="note">
            {s.state === null
              ? t('web:stockpiles.section.notBound', { name, date: formatDate(s.asOf) })
              : t('web:stockpiles.section.intro', { date: formatDate(s.asOf) })}
          </p>
          <Headline s={s} evidence={evidence} name={name} />
          <RemainingChart s={s} name={name} />
          <Destructions s={s} />
          {s.deadline === null ? null : <Found s={s} />}
          <Retained s={s} name={name} />
          <CitedSources
            ids={sectionSources(s, evidence)}
            prefix={SOURCES}
            heading={t('web:stockpiles.section.sourcesHeading')}
            headingId="stockpile-sources-heading"
            level="h3"
          />
        </>
      )}
    </section>
  );
}
