import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import { useT } from '../i18n';

/** Where the data comes from, on every page. */
export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <p>
        <Trans t={t} i18nKey="web:footer.about" components={{ code: <code /> }} />
      </p>
      <p>
        <Link to="/about-data">{t('web:footer.aboutData')}</Link> · <a href="/api/v1/docs">{t('web:footer.api')}</a> ·{' '}
        <Link to="/sign-in">{t('web:signIn.link')}</Link>
      </p>
      <p>{t('web:footer.credits')}</p>
    </footer>
  );
}
