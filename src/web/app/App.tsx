import { type ReactNode, Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { DashboardPage } from './pages/DashboardPage';
import { StatePage } from './pages/StatePage';
import { useT } from './i18n';

// The map page brings maplibre-gl and the country shapes (about 1.5 MB): loaded only when opened.
const MapPage = lazy(() => import('./pages/MapPage'));
// Each page's own code loads when it is opened; the dashboard and the State page (the two with a
// load-time target) are in the first script, so they start their requests without a round trip more.
const AboutDataPage = lazy(() => import('./pages/AboutDataPage').then((m) => ({ default: m.AboutDataPage })));
const FiguresPage = lazy(() => import('./pages/FiguresPage').then((m) => ({ default: m.FiguresPage })));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const StatesPage = lazy(() => import('./pages/StatesPage').then((m) => ({ default: m.StatesPage })));
const ReportsPage = lazy(() => import('./reporting/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const PlansPage = lazy(() => import('./plans/PlansPage').then((m) => ({ default: m.PlansPage })));
const StockpilesPage = lazy(() => import('./stockpiles/StockpilesPage').then((m) => ({ default: m.StockpilesPage })));
const CooperationPage = lazy(() =>
  import('./cooperation/CooperationPage').then((m) => ({ default: m.CooperationPage })),
);
const DraftPage = lazy(() => import('./reporting/DraftPage').then((m) => ({ default: m.DraftPage })));
const SignInPage = lazy(() => import('./pages/SignInPage').then((m) => ({ default: m.SignInPage })));
const VictimsPage = lazy(() => import('./victims/VictimsPage').then((m) => ({ default: m.VictimsPage })));

/** Stands in for a page while its code loads. */
function Page({ children }: { children: ReactNode }) {
  const t = useT();
  return <Suspense fallback={<p role="status">{t('web:app.loadingPage')}</p>}>{children}</Suspense>;
}

export function App() {
  const t = useT();
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<DashboardPage />} />
        <Route
          path="map"
          element={
            <Suspense fallback={<p role="status">{t('web:app.loadingMap')}</p>}>
              <MapPage />
            </Suspense>
          }
        />
        <Route
          path="states"
          element={
            <Page>
              <StatesPage />
            </Page>
          }
        />
        <Route path="states/:iso3" element={<StatePage />} />
        <Route
          path="figures"
          element={
            <Page>
              <FiguresPage />
            </Page>
          }
        />
        <Route
          path="stockpiles"
          element={
            <Page>
              <StockpilesPage />
            </Page>
          }
        />
        <Route
          path="reports"
          element={
            <Page>
              <ReportsPage />
            </Page>
          }
        />
        <Route
          path="states/:iso3/reports/:report/draft"
          element={
            <Page>
              <DraftPage />
            </Page>
          }
        />
        <Route
          path="sign-in"
          element={
            <Page>
              <SignInPage />
            </Page>
          }
        />
        <Route
          path="plans"
          element={
            <Page>
              <PlansPage />
            </Page>
          }
        />
        <Route
          path="cooperation"
          element={
            <Page>
              <CooperationPage />
            </Page>
          }
        />
        <Route
          path="victims"
          element={
            <Page>
              <VictimsPage />
            </Page>
          }
        />
        <Route
          path="about-data"
          element={
            <Page>
              <AboutDataPage />
            </Page>
          }
        />
        <Route
          path="*"
          element={
            <Page>
              <NotFoundPage />
            </Page>
          }
        />
      </Route>
    </Routes>
  );
}
