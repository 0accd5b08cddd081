import { useT } from '../i18n';

/** The dashboard's heading and lead: the page's largest text, also in the HTML the server sends for `/` (shell.tsx). */
export function DashboardIntro() {
  const t = useT();
  return (
    <>
      <h1>{t('web:dashboard.heading')}</h1>
      <p className="lead">{t('web:dashboard.lead')}</p>
    </>
  );
}
