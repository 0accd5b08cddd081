import { Link } from 'react-router';
import { type ReportsOnDate, paths } from '../api';
import { DateText } from '../components/DateText';
import { LoadStatus } from '../components/LoadStatus';
import { formatNumber, useT } from '../i18n';
import { StockpileTable } from '../stockpiles/StockpileTable';
import { useApi } from '../use-api';
import { withAsOf } from '../use-as-of';

type Rate = ReportsOnDate['annual'][number];

/** How many 30 Aprils the dashboard shows: the latest passed by the date, and the ones before. */
const YEARS = 5;

/** On the dashboard: the share of States Parties whose annual Article 7 report arrived by 30 April, each recent year. */
export function ReportingRates({ asOf, link }: { asOf: string; link: string | null }) {
  const t = useT();
  const loaded = useApi<Rate[]>(paths.reportingRates(asOf), { keepPrevious: true });
  const columns = [
    t('web:reports.annualTable.covers'),
    t('web:reports.annualTable.due'),
    t('web:reports.annualTable.required'),
    t('web:reports.annualTable.onTime'),
    t('web:reports.annualTable.share'),
  ];
  return (
    <section aria-labelledby="reporting-rates-heading" data-testid="reporting-rates">
      <h2 id="reporting-rates-heading">{t('web:dashboard.reportingHeading')}</h2>
      {loaded.state !== 'ready' ? (
        <LoadStatus loaded={loaded} what={t('web:what.reports')} />
      ) : loaded.data.length === 0 ? (
        <p>{t('web:dashboard.reportingNone')}</p>
      ) : (
        <StockpileTable columns={columns} labelledBy="reporting-rates-heading">
          {loaded.data.slice(0, YEARS).map((a) => (
            <tr key={a.covers} data-covers={a.covers}>
              <th scope="row">{a.covers}</th>
              <td data-label={columns[1]}>
                <DateText date={a.due} />
              </td>
              <td data-label={columns[2]}>{formatNumber(a.required)}</td>
              <td data-label={columns[3]}>{formatNumber(a.onTime)}</td>
              <td data-label={columns[4]}>
                {a.shareOnTime === null ? (
                  <span className="unknown">{t('web:reports.noShare')}</span>
                ) : (
                  formatNumber(a.shareOnTime, { style: 'percent' })
                )}
              </td>
            </tr>
          ))}
        </StockpileTable>
      )}
      <p className="note">
        {t('web:dashboard.reportingNote')} <Link to={withAsOf('/reports', link)}>{t('web:reports.title')}</Link>
      </p>
    </section>
  );
}
