import { lazy } from 'react';
import { Route } from 'react-router';

const ChallengeEditPage = lazy(() => import('./poster/ChallengeEditPage'));
const ChallengeReviewPage = lazy(() => import('./review/ChallengeReviewPage'));

/**
 * Console routes of 揭榜领题 postings that are not menu entries: the poster's new/edit/detail page
 * (`challenges/new/:kind`, `challenges/:id`) and the reviewer's page. Each page checks what it needs;
 * the server checks every call. Called as a function inside <Routes>.
 */
export function challengeRoutes() {
  return (
    <>
      <Route path="challenges/new/:kind" element={<ChallengeEditPage />} />
      <Route path="challenges/:id" element={<ChallengeEditPage />} />
      <Route path="challenge-review/:id" element={<ChallengeReviewPage />} />
    </>
  );
}
