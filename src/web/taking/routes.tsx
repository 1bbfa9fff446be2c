import { lazy } from 'react';
import { Route } from 'react-router';

const SignupPage = lazy(() => import('./pages/SignupPage'));
const SignupDetailPage = lazy(() => import('./pages/SignupDetailPage'));
const SolutionPage = lazy(() => import('./pages/SolutionPage'));
const PosterTakingPage = lazy(() => import('./pages/PosterTakingPage'));

/**
 * Console routes of 揭榜 that are not menu entries: the sign-up form (`taking/new/:challengeId`), one
 * sign-up (`taking/:id`), the solution page shared by both sides and the office (`solutions/:id`, where
 * the server's notifications link) and the poster's view of a need's takers. The server checks every call.
 */
export function takingRoutes() {
  return (
    <>
      <Route path="taking/new/:challengeId" element={<SignupPage />} />
      <Route path="taking/:id" element={<SignupDetailPage />} />
      {/* The server's invitation notices link here. */}
      <Route path="signups/:id" element={<SignupDetailPage />} />
      <Route path="solutions/:id" element={<SolutionPage />} />
      <Route path="challenges/:id/takers" element={<PosterTakingPage />} />
    </>
  );
}
