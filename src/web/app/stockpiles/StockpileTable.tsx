import type { ReactNode } from 'react';

interface Props {
  /** The column headings, in the page's words. */
  columns: readonly string[];
  /** The rows (`<tr>`s), their first cell a row heading. */
  children: ReactNode;
  /** A caption for screen readers, or the id of the heading that names the table. */
  caption?: string;
  labelledBy?: string;
  testId?: string;
}

/** The one table shape of the stockpile pages: scrolls sideways on a phone, one card per row there. */
export function StockpileTable({ columns, children, caption, labelledBy, testId }: Props) {
  return (
    <div className="table-scroll figures-table-scroll stockpile-table-scroll">
      <table className="figures-table stockpile-table" aria-labelledby={labelledBy} data-testid={testId}>
        {caption === undefined ? null : <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
