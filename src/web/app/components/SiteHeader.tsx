import { NavLink } from 'react-router';
import { factSheetHref } from '../api';
import { useAsOf, withAsOf } from '../use-as-of';

const PAGES = [
  { path: '/', label: 'Dashboard' },
  { path: '/map', label: 'World map' },
  { path: '/states', label: 'States' },
  { path: '/figures', label: 'Figures' },
];

/** Site name and the navigation; links keep the chosen date (the fact sheet is for it, today when none is chosen). */
export function SiteHeader() {
  const { asOf, chosen } = useAsOf();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header-inner">
        <NavLink to={withAsOf('/', chosen ? asOf : null)} className="site-name">
          minefree
        </NavLink>
        <nav aria-label="Main">
          <ul>
            {PAGES.map((page) => (
              <li key={page.path}>
                <NavLink to={withAsOf(page.path, chosen ? asOf : null)} end={page.path === '/'}>
                  {page.label}
                </NavLink>
              </li>
            ))}
            <li>
              {/* Rendered by the server, not by this app: a plain link, a full page load. */}
              <a href={factSheetHref(asOf)}>Fact sheet</a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
