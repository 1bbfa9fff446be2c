import { lazy } from 'react';
import { Route } from 'react-router';

const ApplicationPage = lazy(() => import('./pages/ApplicationPage'));
const ReviewPage = lazy(() => import('./pages/ReviewPage'));
const BatchDetailPage = lazy(() => import('./pages/BatchDetailPage'));

/**
 * Console routes of the station application that are not menu entries (the detail pages). Each page
 * checks the role itself; the server checks every call. Called as a function inside <Routes>.
 */
export function stationRoutes() {
  return (
    <>
      <Route path="station-applications/:id" element={<ApplicationPage />} />
      <Route path="station-review/:id" element={<ReviewPage />} />
      <Route path="station-certify/:id" element={<ReviewPage />} />
      <Route path="cert-batches/:id" element={<BatchDetailPage />} />
    </>
  );
}
