import { useMemo, useState } from 'react';
import { areaWords } from '../clearance-series';
import { formatDate } from '../dates';
import { type HazardAreaRow, type HazardSortKey, hazardAreaRows, sortHazardRows } from '../hazard-area-rows';
import { formatNumber, useT } from '../i18n';
import { useLoad } from '../use-api';
import { LoadStatus } from './LoadStatus';
import { type RecordsCollection, clearanceRecords } from './clearance-preload';

interface Props {
  iso3: string;
  /** The day the map shows (the slider's). */
  day: string;
  /** Shows the area on the map (zoom and popup). */
  onShow: (row: HazardAreaRow) => void;
}

const COLUMNS: readonly HazardSortKey[] = ['reference', 'type', 'areaM2', 'status', 'recorded'];

/** The clearance map's hazard areas as a sortable table, each row able to show its area on the map: the map for keyboards and screen readers. */
export function HazardAreasTable({ iso3, day, onShow }: Props) {
  const t = useT();
  // The first view's read of the records (once per page load), not a second download of them.
  const loaded = useLoad<RecordsCollection>(
    iso3,
    () => clearanceRecords.load(iso3),
    {},
    (key) => {
      const here = clearanceRecords.arrived(key);
      return here === null ? undefined : { data: here };
    },
  );
  const [sort, setSort] = useState<{ key: HazardSortKey; ascending: boolean }>({ key: 'reference', ascending: true });
  const [shown, setShown] = useState<string | null>(null);
  const rows = useMemo(
    () =>
      loaded.state === 'ready'
        ? sortHazardRows(hazardAreaRows(loaded.data.features, day), sort.key, sort.ascending)
        : [],
    [loaded, day, sort],
  );
  const heading: Record<HazardSortKey, string> = {
    reference: t('web:hazardTable.reference'),
    type: t('web:hazardTable.type'),
    areaM2: t('web:hazardTable.size'),
    status: t('web:hazardTable.status'),
    recorded: t('web:hazardTable.recorded'),
  };
  const statusWords = (r: HazardAreaRow): string =>
    r.status === 'open'
      ? t('web:hazardTable.open')
      : t(r.status === 'closed' ? 'web:clearanceMap.closedOn' : 'web:clearanceMap.handedOverOn', {
          closed: formatDate(r.statusDate ?? ''),
        });
  return (
    <details className="hazard-table chart-table stack-narrow" data-testid="hazard-areas">
      <summary>
        {loaded.state === 'ready'
          ? t('web:hazardTable.summary', { count: rows.length, date: formatDate(day) })
          : t('web:hazardTable.summaryLoading')}
      </summary>
      {loaded.state !== 'ready' ? (
        <LoadStatus loaded={loaded} what={t('web:what.hazardAreas')} />
      ) : (
        <>
          <p className="note">{t('web:hazardTable.note')}</p>
          <p className="visually-hidden" role="status">
            {shown === null ? '' : t('web:hazardTable.shown', { reference: shown })}
          </p>
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label={t('web:hazardTable.caption', { date: formatDate(day) })}
          >
            <table>
              <caption>{t('web:hazardTable.caption', { date: formatDate(day) })}</caption>
              <thead>
                <tr>
                  {COLUMNS.map((key) => (
                    <th
                      key={key}
                      scope="col"
                      aria-sort={sort.key === key ? (sort.ascending ? 'ascending' : 'descending') : undefined}
                    >
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => setSort((s) => ({ key, ascending: s.key === key ? !s.ascending : true }))}
                      >
                        {heading[key]}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('web:hazardTable.show', { reference: r.reference })}
                        onClick={() => {
                          setShown(r.reference);
                          onShow(r);
                        }}
                      >
                        {r.reference}
                      </button>
                    </th>
                    <td data-label={heading.type}>
                      {r.type === 'SHA'
                        ? t('web:clearanceMap.sha')
                        : r.type === 'CHA'
                          ? t('web:clearanceMap.cha')
                          : r.type}
                    </td>
                    <td className="number" data-m2={formatNumber(r.areaM2)} data-label={heading.areaM2}>
                      {areaWords(r.areaM2)}
                    </td>
                    <td data-label={heading.status}>{statusWords(r)}</td>
                    <td data-label={heading.recorded}>
                      <time dateTime={r.recorded}>{formatDate(r.recorded)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </details>
  );
}
