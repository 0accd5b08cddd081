import { Trans } from 'react-i18next';
import { useT } from '../i18n';

/** Where the data comes from, on every page. */
export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <p>
        <Trans t={t} i18nKey="web:footer.about" components={{ code: <code /> }} />
      </p>
      <p>{t('web:footer.credits')}</p>
    </footer>
  );
}
