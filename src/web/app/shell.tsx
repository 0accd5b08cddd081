/**
 * The dashboard's first screen as HTML, written into dist/dashboard.html at build time (vite.config.ts)
 * and sent for `/`: the header, heading and lead show as soon as the page and its CSS arrive, instead of
 * after the app's JavaScript has downloaded and run (on Slow 4G that is the dashboard's LCP). React
 * replaces it with the same markup when it starts (createRoot clears #root), so nothing moves.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { DashboardIntro } from './components/DashboardIntro';
import { SiteHeader } from './components/SiteHeader';
import './i18n';

/** The markup for #root; the fact sheet link without a date (the server takes today), not the build's day. */
export function dashboardShell(): string {
  const html = renderToStaticMarkup(
    <StaticRouter location="/">
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <DashboardIntro />
      </main>
    </StaticRouter>,
  );
  return html.replace(/href="\/factsheet\?asOf=[0-9-]+"/, 'href="/factsheet"');
}
