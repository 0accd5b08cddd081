import { Trans } from 'react-i18next';
import { factSheetHref } from '../api';
import { formatDate } from '../dates';
import { useT } from '../i18n';

/** "Fact sheet for this date (web page, PDF)": the server's printable fact sheet, reached with a full page load. */
export function FactSheetLinks({ asOf }: { asOf: string }) {
  const t = useT();
  return (
    <p className="fact-sheet-links">
      <Trans
        t={t}
        i18nKey="web:factSheet.links"
        values={{ forDate: t('web:factSheet.forDate', { date: formatDate(asOf) }) }}
        components={{
          page: <a href={factSheetHref(asOf)} />,
          pdf: <a href={factSheetHref(asOf, 'pdf')} />,
          hidden: <span className="visually-hidden" />,
        }}
      />
    </p>
  );
}
