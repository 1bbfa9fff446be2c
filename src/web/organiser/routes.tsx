import { lazy } from 'react';
import { Route } from 'react-router';

const NeedPage = lazy(() => import('./NeedPage'));

/** Console routes of the organiser services that are not menu entries: one need's matching service. */
export function organiserRoutes() {
  return <Route path="organiser/needs/:id" element={<NeedPage />} />;
}
