import { NavLink } from 'react-router';
import { useAsOf, withAsOf } from '../use-as-of';

const PAGES = [
  { path: '/', label: 'Dashboard' },
  { path: '/map', label: 'World map' },
  { path: '/states', label: 'States' },
];

/** Site name and the navigation; links keep the chosen date. */
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
          </ul>
        </nav>
      </div>
    </header>
  );
}
