import { type ReactNode, useState } from 'react';
import { useT } from '../i18n';

interface Props {
  /** What the table holds (its caption), in words. */
  caption: string;
  /** The column headings; the first column's cells head their rows. */
  columns: readonly string[];
  /** One array of cells per row, in the columns' order. */
  rows: readonly (readonly ReactNode[])[];
}

/** A chart's figures as a table, collapsed under the chart: the same data for keyboards, screen readers and copying. */
export function ChartTable({ caption, columns, rows }: Props) {
  const t = useT();
  // The table is built when it is first opened: a State page holds several, of hundreds of rows, and on a
  // slow phone building them closed delayed the page's first screen. Find-in-page does not see a closed
  // table's figures; the chart beside it shows them.
  const [opened, setOpened] = useState(false);
  return (
    // Four columns or more stack below 36rem (each row a block, each figure after its column's name):
    // they do not fit a phone's width side by side.
    <details
      className={columns.length >= 4 ? 'chart-table stack-narrow' : 'chart-table'}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{t('web:chartTable.show', { count: rows.length })}</summary>
      {opened ? <ChartTableBody caption={caption} columns={columns} rows={rows} /> : null}
    </details>
  );
}

function ChartTableBody({ caption, columns, rows }: Props) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j} className="number" data-label={columns[j]}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
