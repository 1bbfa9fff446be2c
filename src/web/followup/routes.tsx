import { lazy } from 'react';
import { Route } from 'react-router';

const ProjectPage = lazy(() => import('./ProjectPage'));

/** 项目跟踪 routes that are not menu entries: one project (`followup/:id`, where notifications link). */
export function followupRoutes() {
  return <Route path="followup/:id" element={<ProjectPage />} />;
}
