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
import { CATEGORIES, CATEGORY_LABEL, statusCategory } from '../status';
import { withAsOf } from '../use-as-of';
import { DateText } from './DateText';
import { DeadlineMark } from './DeadlineMark';
import { StatusBadge } from './StatusBadge';

const orDefined = (value: string | null): string | undefined => value ?? undefined;

function columns(asOf: string): ColumnDef<StateOnDate, string | undefined>[] {
  return [
    {
      id: 'state',
      header: 'State',
      accessorFn: (s) => s.name,
      cell: ({ row }) => <Link to={withAsOf(`/states/${row.original.iso3}`, asOf)}>{row.original.name}</Link>,
    },
    {
      id: 'status',
      header: 'Status',
      accessorFn: (s) => String(CATEGORIES.indexOf(statusCategory(s))),
      cell: ({ row }) => <StatusBadge state={row.original} />,
    },
    {
      id: 'eif',
      header: 'Entry into force',
      accessorFn: (s) => orDefined(s.entryIntoForce),
      sortUndefined: 'last',
      cell: ({ row }) => <DateText date={row.original.entryIntoForce} short unknown="—" />,
    },
    {
      id: 'article4',
      header: 'Article 4 stockpile destruction deadline',
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
      header: 'Article 5 clearance deadline (current)',
      accessorFn: (s) => orDefined(s.article5.currentDeadline),
      sortUndefined: 'last',
      cell: ({ row }) => {
        const a5 = row.original.article5;
        if (a5.currentDeadline === null && a5.originalDeadline !== null)
          return <span className="muted">no record</span>;
        return (
          <>
            <DateText date={a5.currentDeadline} short unknown="—" /> <DeadlineMark state={a5.state} />
          </>
        );
      },
    },
    {
      id: 'article7',
      header: 'Article 7 initial report due',
      accessorFn: (s) => orDefined(s.article7.initialDue),
      sortUndefined: 'last',
      cell: ({ row }) => <DateText date={row.original.article7.initialDue} short unknown="—" />,
    },
  ];
}

const SORT_LABEL = { asc: 'ascending', desc: 'descending' } as const;

/** Every State on the date: filter by name or status, sort by any column. */
export function StatesTable({ states, asOf }: { states: readonly StateOnDate[]; asOf: string }) {
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'state', desc: false }]);

  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return states.filter(
      (s) =>
        (needle === '' || s.name.toLowerCase().includes(needle) || s.iso3.toLowerCase() === needle) &&
        (category === '' || statusCategory(s) === category),
    );
  }, [states, text, category]);

  const tableColumns = useMemo(() => columns(asOf), [asOf]);
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
          Find a State
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="name or ISO code" />
        </label>
        <label>
          Filter by status
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">All statuses</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABEL[c]}
              </option>
            ))}
          </select>
        </label>
        <p className="table-count" role="status">
          {shown.length} of {states.length} States
        </p>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="States table, scrolls sideways">
        <table>
          <caption className="visually-hidden">States and their treaty dates; column headers sort the table.</caption>
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
