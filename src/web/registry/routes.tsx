import { lazy } from 'react';
import { Route } from 'react-router';

const StationDetailPage = lazy(() => import('./pages/StationDetailPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));

/** Console routes of the registry that are not menu entries. Each page checks the role; the server every call. */
export function registryRoutes() {
  return (
    <>
      <Route path="stations/import" element={<ImportPage />} />
      <Route path="stations/:id" element={<StationDetailPage />} />
    </>
  );
}
