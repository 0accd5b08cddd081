import { factSheetHref } from '../api';
import { formatDate } from '../dates';

/** "Fact sheet for this date (web page, PDF)": the server's printable fact sheet, reached with a full page load. */
export function FactSheetLinks({ asOf }: { asOf: string }) {
  const forDate = ` of the fact sheet for ${formatDate(asOf)}`;
  return (
    <p className="fact-sheet-links">
      Fact sheet for this date (
      <a href={factSheetHref(asOf)}>
        web page<span className="visually-hidden">{forDate}</span>
      </a>
      ,{' '}
      <a href={factSheetHref(asOf, 'pdf')}>
        PDF<span className="visually-hidden">{forDate}</span>
      </a>
      )
    </p>
  );
}
