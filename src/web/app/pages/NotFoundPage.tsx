import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import { useTitle } from '../use-title';
import { useT } from '../i18n';

export function NotFoundPage() {
  const t = useT();
  useTitle(t('web:notFound.title'));
  return (
    <>
      <h1>{t('web:notFound.title')}</h1>
      <p>
        <Trans
          t={t}
          i18nKey="web:notFound.text"
          components={{ dashboard: <Link to="/" />, map: <Link to="/map" />, states: <Link to="/states" /> }}
        />
      </p>
    </>
  );
}
