import {
  type ColumnDef,
  type SortingState,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { StateOnDate } from '../api';
import { type TFunction, stateName, useT } from '../i18n';
import { CATEGORIES, categoryLabel, statusCategory } from '../status';
import { withAsOf } from '../use-as-of';
import { DateText } from './DateText';
import { DeadlineMark } from './DeadlineMark';
import { StatusBadge } from './StatusBadge';

const orDefined = (value: string | null): string | undefined => value ?? undefined;

function columns(asOf: string, t: TFunction): ColumnDef<StateOnDate, string | undefined>[] {
  return [
    {
      id: 'state',
      header: t('web:statesTable.state'),
      accessorFn: (s) => stateName(s.iso3, s.name),
      cell: ({ row }) => (
        <Link to={withAsOf(`/states/${row.original.iso3}`, asOf)}>
          {stateName(row.original.iso3, row.original.name)}
        </Link>
      ),
    },
    {
      id: 'status',
      header: t('web:statesTable.status'),
      accessorFn: (s) => String(CATEGORIES.indexOf(statusCategory(s))),
      cell: ({ row }) => <StatusBadge state={row.original} />,
    },
    {
      id: 'eif',
      header: t('web:statesTable.eif'),
      accessorFn: (s) => orDefined(s.entryIntoForce),
      sortUndefined: 'last',
      cell: ({ row }) => <DateText date={row.original.entryIntoForce} short unknown="—" />,
    },
    {
      id: 'article4',
      header: t('web:statesTable.article4'),
      accessorFn: (s) => orDefined(s.article4.deadline),
      sortUndefined: 'last',
      cell: ({ row }) => (
        <>
          <DateText date={row.original.article4.deadline} short unknown="—" />{' '}
          <DeadlineMark state={row.original.article4.state} />
        </>
      ),
    },
    {
      id: 'article5',
      header: t('web:statesTable.article5'),
      accessorFn: (s) => orDefined(s.article5.currentDeadline),
      sortUndefined: 'last',
      cell: ({ row }) => {
        const a5 = row.original.article5;
        if (a5.currentDeadline === null && a5.originalDeadline !== null)
          return <span className="muted">{t('web:statesTable.noRecord')}</span>;
        return (
          <>
            <DateText date={a5.currentDeadline} short unknown="—" /> <DeadlineMark state={a5.state} />
          </>
        );
      },
    },
    {
      id: 'article7',
      header: t('web:statesTable.article7'),
      accessorFn: (s) => orDefined(s.article7.initialDue),
      sortUndefined: 'last',
      cell: ({ row }) => <DateText date={row.original.article7.initialDue} short unknown="—" />,
    },
  ];
}

const SORT_LABEL = { asc: 'ascending', desc: 'descending' } as const;

/** Every State on the date: filter by name or status, sort by any column. */
export function StatesTable({ states, asOf }: { states: readonly StateOnDate[]; asOf: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'state', desc: false }]);

  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return states.filter(
      (s) =>
        (needle === '' ||
          stateName(s.iso3, s.name).toLowerCase().includes(needle) ||
          s.iso3.toLowerCase() === needle) &&
        (category === '' || statusCategory(s) === category),
    );
  }, [states, text, category]);

  const tableColumns = useMemo(() => columns(asOf, t), [asOf, t]);
  // useReactTable returns functions that the React Compiler must not memoize; this component does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: shown,
    columns: tableColumns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  return (
    <div className="states-table">
      <div className="table-filters" role="search">
        <label>
          {t('web:statesTable.find')}
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('web:statesTable.findPlaceholder')}
          />
        </label>
        <label>
          {t('web:statesTable.filter')}
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('web:statesTable.allStatuses')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <p className="table-count" role="status">
          {t('web:statesTable.count', { shown: shown.length, total: states.length })}
        </p>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('web:statesTable.region')}>
        <table>
          <caption className="visually-hidden">{t('web:statesTable.caption')}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted ? SORT_LABEL[sorted] : 'none'}>
                      <button type="button" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true" className="sort-arrow">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === 'state' ? (
                    <th key={cell.id} scope="row">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
