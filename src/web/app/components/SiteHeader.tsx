import { NavLink } from 'react-router';
import { factSheetHref } from '../api';
import { useAsOf, withAsOf } from '../use-as-of';
import { useT } from '../i18n';

const PAGES = [
  { path: '/', label: 'web:nav.dashboard' },
  { path: '/map', label: 'web:nav.map' },
  { path: '/states', label: 'web:nav.states' },
  { path: '/figures', label: 'web:nav.figures' },
  { path: '/stockpiles', label: 'web:nav.stockpiles' },
  { path: '/reports', label: 'web:nav.reports' },
  { path: '/plans', label: 'web:nav.plans' },
  { path: '/cooperation', label: 'web:nav.cooperation' },
  { path: '/victims', label: 'web:nav.victims' },
] as const;

/** Site name and the navigation; links keep the chosen date (the fact sheet is for it, today when none is chosen). */
export function SiteHeader() {
  const t = useT();
  const { asOf, chosen } = useAsOf();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('web:nav.skip')}
      </a>
      <div className="site-header-inner">
        <NavLink to={withAsOf('/', chosen ? asOf : null)} className="site-name">
          {t('web:nav.siteName')}
        </NavLink>
        <nav aria-label={t('web:nav.label')}>
          <ul>
            {PAGES.map((page) => (
              <li key={page.path}>
                <NavLink to={withAsOf(page.path, chosen ? asOf : null)} end={page.path === '/'}>
                  {t(page.label)}
                </NavLink>
              </li>
            ))}
            <li>
              {/* Rendered by the server, not by this app: a plain link, a full page load. */}
              <a href={factSheetHref(asOf)}>{t('web:nav.factSheet')}</a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
