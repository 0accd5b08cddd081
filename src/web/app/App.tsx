import { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { AboutDataPage } from './pages/AboutDataPage';
import { DashboardPage } from './pages/DashboardPage';
import { FiguresPage } from './pages/FiguresPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StatePage } from './pages/StatePage';
import { StatesPage } from './pages/StatesPage';
import { ReportsPage } from './reporting/ReportsPage';
import { StockpilesPage } from './stockpiles/StockpilesPage';
import { CooperationPage } from './cooperation/CooperationPage';
import { VictimsPage } from './victims/VictimsPage';
import { useT } from './i18n';

// The map page brings maplibre-gl and the country shapes (about 1.5 MB): loaded only when opened.
const MapPage = lazy(() => import('./pages/MapPage'));

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
        <Route path="states" element={<StatesPage />} />
        <Route path="states/:iso3" element={<StatePage />} />
        <Route path="figures" element={<FiguresPage />} />
        <Route path="stockpiles" element={<StockpilesPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="cooperation" element={<CooperationPage />} />
        <Route path="victims" element={<VictimsPage />} />
        <Route path="about-data" element={<AboutDataPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
