import { Link } from 'react-router';
import { type FundingNeeds, type StateOnDate, paths } from '../api';
import { useApi } from '../use-api';
import { useMemo } from 'react';
import { formatNumber, stateName, useT } from '../i18n';
import { CitedRefs } from '../stockpiles/CitedSources';
import { StockpileTable } from '../stockpiles/StockpileTable';
import { withAsOf } from '../use-as-of';

export const usdWords = (t: ReturnType<typeof useT>, value: number | null): string =>
  value === null ? t('web:cooperation.none') : t('web:cooperation.usd', { amount: formatNumber(value) });

/** Needs stated in extension requests against support received, one row per State and year. */
export function NeedsTable({
  needs,
  link,
  prefix,
  caption,
  names,
}: {
  names: ReadonlyMap<string, string>;
  needs: FundingNeeds;
  link: string | null;
  prefix: string;
  caption: string;
}) {
  const t = useT();
  const columns = [
    t('web:cooperation.needs.state'),
    t('web:cooperation.needs.year'),
    t('web:cooperation.needs.need'),
    t('web:cooperation.needs.received'),
    t('web:cooperation.needs.national'),
    t('web:cooperation.needs.gap'),
    t('web:cooperation.needs.coverage'),
    t('web:cooperation.needs.sources'),
  ];
  return (
    <StockpileTable columns={columns} caption={caption} testId="cooperation-needs-table">
      {needs.rows.map((r) => (
        <tr key={`${r.iso3}-${r.year}`} data-iso3={r.iso3}>
          <th scope="row">
            <Link to={withAsOf(`/states/${r.iso3}`, link)}>{stateName(r.iso3, names.get(r.iso3) ?? r.iso3)}</Link>
          </th>
          <td data-label={columns[1]}>{r.year}</td>
          <td data-label={columns[2]}>{usdWords(t, r.need)}</td>
          <td data-label={columns[3]}>{usdWords(t, r.received)}</td>
          <td data-label={columns[4]}>{usdWords(t, r.national)}</td>
          <td data-label={columns[5]}>{usdWords(t, r.gap)}</td>
          <td data-label={columns[6]}>
            {r.coverage === null
              ? t('web:cooperation.none')
              : formatNumber(r.coverage, { style: 'percent', maximumFractionDigits: 1 })}
          </td>
          <td>
            <CitedRefs ids={[...(r.request.source === null ? [] : [r.request.source]), ...r.sources]} prefix={prefix} />
          </td>
        </tr>
      ))}
    </StockpileTable>
  );
}

/** The States' English names on a date (GET /states), by code; empty until loaded. */
export function useStateNames(asOf: string): ReadonlyMap<string, string> {
  const states = useApi<StateOnDate[]>(paths.states(asOf), { keepPrevious: true });
  const list = states.state === 'ready' ? states.data : null;
  return useMemo(() => new Map((list ?? []).map((s) => [s.iso3, s.name])), [list]);
}
