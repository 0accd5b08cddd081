import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import { type ReportsOnDate, paths } from '../api';
import { AsOfPicker } from '../components/AsOfPicker';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { formatNumber, stateName, useT } from '../i18n';
import { CitedRefs, CitedSources } from '../stockpiles/CitedSources';
import { DraftLinks } from './DraftLinks';
import { StockpileTable } from '../stockpiles/StockpileTable';
import '../stockpiles/stockpiles.css';
import { useApi } from '../use-api';
import { useAsOf, withAsOf } from '../use-as-of';
import { useTitle } from '../use-title';

type StateReports = ReportsOnDate['states'][number];
type Line = StateReports['reports'][number];
type Mark = Line['mark'];

/** Anchors of the page's source list. */
const SOURCES = 'source';

/** Symbol, word and colour of each mark: never colour alone. */
const MARK = {
  due: { symbol: '…', colour: 'open', text: 'web:reports.mark.due' },
  'on-time': { symbol: '✓', colour: 'met', text: 'web:reports.mark.on-time' },
  late: { symbol: '✗', colour: 'missed', text: 'web:reports.mark.late' },
  submitted: { symbol: '✓', colour: 'unknown', text: 'web:reports.mark.submitted' },
  overdue: { symbol: '✗', colour: 'missed', text: 'web:reports.mark.overdue' },
  'not-recorded': { symbol: '?', colour: 'unknown', text: 'web:reports.mark.not-recorded' },
  'not-required': { symbol: '○', colour: 'unknown', text: 'web:reports.mark.not-required' },
} as const satisfies Record<Mark, { symbol: string; colour: string; text: string }>;

function ReportMark({ mark }: { mark: Mark }) {
  const t = useT();
  return (
    <span className={`deadline-mark deadline-${MARK[mark].colour}`}>
      <span aria-hidden="true">{MARK[mark].symbol}</span> {t(MARK[mark].text)}
    </span>
  );
}

function reportWords(line: Line, t: ReturnType<typeof useT>): string {
  return line.report === 'initial' ? t('web:reports.initial') : t('web:reports.annual', { year: line.report });
}

function AnnualTable({ reports }: { reports: ReportsOnDate }) {
  const t = useT();
  const columns = [
    t('web:reports.annualTable.covers'),
    t('web:reports.annualTable.due'),
    t('web:reports.annualTable.required'),
    t('web:reports.annualTable.onTime'),
    t('web:reports.annualTable.late'),
    t('web:reports.annualTable.overdue'),
    t('web:reports.annualTable.notRecorded'),
    t('web:reports.annualTable.share'),
  ];
  return (
    <section aria-labelledby="reports-annual-heading" data-testid="reports-annual">
      <h2 id="reports-annual-heading">{t('web:reports.annualHeading')}</h2>
      <p className="note">{t('web:reports.annualIntro')}</p>
      <StockpileTable columns={columns} labelledBy="reports-annual-heading">
        {reports.annual.map((a) => (
          <tr key={a.covers} data-covers={a.covers}>
            <th scope="row">{a.covers}</th>
            <td data-label={columns[1]}>
              <DateText date={a.due} />
            </td>
            <td data-label={columns[2]}>{formatNumber(a.required)}</td>
            <td data-label={columns[3]}>{formatNumber(a.onTime)}</td>
            <td data-label={columns[4]}>{formatNumber(a.late)}</td>
            <td data-label={columns[5]}>{formatNumber(a.overdue)}</td>
            <td data-label={columns[6]}>{formatNumber(a.notRecorded)}</td>
            <td data-label={columns[7]}>
              {a.shareOnTime === null ? (
                <span className="unknown">{t('web:reports.noShare')}</span>
              ) : (
                formatNumber(a.shareOnTime, { style: 'percent' })
              )}
            </td>
          </tr>
        ))}
      </StockpileTable>
    </section>
  );
}

interface Row {
  state: StateReports;
  line: Line;
}

function LinesTable({
  rows,
  link,
  labelledBy,
  testId,
}: {
  rows: Row[];
  link: string | null;
  labelledBy: string;
  testId: string;
}) {
  const t = useT();
  const columns = [
    t('web:reports.table.state'),
    t('web:reports.table.report'),
    t('web:reports.table.due'),
    t('web:reports.table.received'),
    t('web:reports.table.mark'),
    t('web:reports.table.sources'),
  ];
  return (
    <StockpileTable columns={columns} labelledBy={labelledBy} testId={testId}>
      {rows.map(({ state, line }) => (
        <tr key={`${state.iso3}-${String(line.report)}`} data-iso3={state.iso3}>
          <th scope="row">
            <Link to={withAsOf(`/states/${state.iso3}`, link)}>{stateName(state.iso3, state.name)}</Link>
          </th>
          <td data-label={columns[1]}>{reportWords(line, t)}</td>
          <td data-label={columns[2]}>
            <DateText date={line.due} unknown={t('web:reports.mark.not-required')} />
          </td>
          <td data-label={columns[3]}>
            {line.received !== null ? (
              <DateText date={line.received} />
            ) : (
              <span className="unknown">
                {t('web:reports.table.notReceivedOn')} <DateText date={line.notReceivedOn} />
              </span>
            )}
          </td>
          <td data-label={columns[4]}>
            <ReportMark mark={line.mark} />
          </td>
          <td>
            <CitedRefs ids={line.sources} prefix={SOURCES} />
          </td>
        </tr>
      ))}
    </StockpileTable>
  );
}

/** The newest rows first, then by State name. */
function rowsWhere(reports: ReportsOnDate, keep: (line: Line) => boolean): Row[] {
  const rows = reports.states.flatMap((state) => state.reports.filter(keep).map((line) => ({ state, line })));
  const when = (r: Row): string => r.line.received ?? r.line.notReceivedOn ?? r.line.due ?? '';
  return rows.sort(
    (a, b) =>
      when(b).localeCompare(when(a)) ||
      stateName(a.state.iso3, a.state.name).localeCompare(stateName(b.state.iso3, b.state.name)),
  );
}

/** `/reports`: Article 7 reports on the chosen date: each 30 April, the overdue list, the reports on record. */
export function ReportsPage() {
  const t = useT();
  useTitle(t('web:reports.title'));
  const { asOf, chosen } = useAsOf();
  const link = chosen ? asOf : null;
  const loaded = useApi<ReportsOnDate>(paths.reports(asOf), { keepPrevious: true });
  const reports = loaded.state === 'ready' ? loaded.data : null;
  const overdue = reports === null ? [] : rowsWhere(reports, (l) => l.mark === 'overdue');
  const recorded = reports === null ? [] : rowsWhere(reports, (l) => l.received !== null);
  const known = (l: Line): boolean => l.received !== null || l.notReceivedOn !== null;
  const records = reports === null ? 0 : reports.states.reduce((n, s) => n + s.reports.filter(known).length, 0);
  const sources = [...overdue, ...recorded].flatMap((r) => r.line.sources);
  return (
    <>
      <h1>{t('web:reports.title')}</h1>
      <p className="lead">
        <Trans t={t} i18nKey="web:reports.lead" components={{ date: <DateText date={asOf} /> }} />
      </p>
      <AsOfPicker />
      <DraftLinks asOf={asOf} />
      {reports === null ? <LoadStatus loaded={loaded} what={t('web:what.reports')} /> : null}
      {reports === null ? null : (
        <>
          <p className="note" data-testid="reports-coverage">
            {t('web:reports.coverage', { records: formatNumber(records) })}
          </p>
          <section aria-labelledby="reports-recorded-heading">
            <h2 id="reports-recorded-heading">{t('web:reports.recordedHeading')}</h2>
            {recorded.length === 0 ? (
              <p>{t('web:reports.recordedNone')}</p>
            ) : (
              <LinesTable rows={recorded} link={link} labelledBy="reports-recorded-heading" testId="reports-recorded" />
            )}
          </section>
          <AnnualTable reports={reports} />
          <section aria-labelledby="reports-overdue-heading">
            <h2 id="reports-overdue-heading">{t('web:reports.overdueHeading')}</h2>
            <p className="note">{t('web:reports.overdueIntro')}</p>
            {overdue.length === 0 ? (
              <p>{t('web:reports.overdueNone')}</p>
            ) : (
              <LinesTable rows={overdue} link={link} labelledBy="reports-overdue-heading" testId="reports-overdue" />
            )}
          </section>
          <CitedSources ids={sources} prefix={SOURCES} heading={t('web:sources.heading')} headingId="sources-heading" />
        </>
      )}
    </>
  );
}
