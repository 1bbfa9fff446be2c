import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageFallback } from './components/PageFallback';
import { PortalLayout } from './portal/PortalLayout';

const HomePage = lazy(() => import('./portal/HomePage'));
const DirectoryPage = lazy(() => import('./portal/DirectoryPage'));
const StationsPublicPage = lazy(() => import('./portal/StationsPublicPage'));
const HallPage = lazy(() => import('./hall/HallPage'));
const HallDetailPage = lazy(() => import('./hall/HallDetailPage'));
const HelpPage = lazy(() => import('./portal/HelpPage'));
const VerifyPage = lazy(() => import('./agreements/VerifyPage'));
const PublicResultsPage = lazy(() => import('./results/PublicResultsPage'));
const PublicResultDetailPage = lazy(() => import('./results/PublicResultDetailPage'));
const CertificateVerifyPage = lazy(() => import('./results/CertificateVerifyPage'));
const LoginPage = lazy(() => import('./portal/LoginPage'));
const RegisterPage = lazy(() => import('./portal/RegisterPage'));
const NotFoundPage = lazy(() => import('./portal/NotFoundPage'));
/** The whole console (shell and pages) is a separate chunk: the public portal never loads it. */
const ConsoleApp = lazy(() => import('./console/ConsoleApp'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<HomePage />} />
        <Route path="directory" element={<DirectoryPage />} />
        <Route path="stations" element={<StationsPublicPage />} />
        <Route path="hall" element={<HallPage />} />
        <Route path="hall/:id" element={<HallDetailPage />} />
        <Route path="help" element={<HelpPage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="verify/certificate" element={<CertificateVerifyPage />} />
        <Route path="results" element={<PublicResultsPage />} />
        <Route path="results/:id" element={<PublicResultDetailPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route
        path="console/*"
        element={
          <Suspense fallback={<PageFallback fullScreen />}>
            <ConsoleApp />
          </Suspense>
        }
      />
    </Routes>
  );
}
