/*
 * The authorisation matrix's lists of routes (authorization.test.ts): those whose authorisation is tested
 * with their module, and those anyone may call. A new route must appear in the matrix or here.
 */
/** Routes whose authorisation is tested with their module (they need multi-step set-up). */
export const COVERED_ELSEWHERE: Array<[prefix: string, testFile: string]> = [
  ['/api/files', 'src/server/modules/stations/applications.test.ts'],
  ['/api/station-applications', 'src/server/modules/stations/applications.test.ts'],
  ['/api/cert-batches', 'src/server/modules/stations/certification.test.ts'],
  ['/api/stations', 'src/server/modules/stations/certification.test.ts'],
  // 揭榜 (taking): listed before '/api/challenges' so that its own tests are the ones required.
  ['/api/challenges/{id}/signups', 'src/server/modules/taking/signups.test.ts'],
  ['/api/challenges/{id}/solutions', 'src/server/modules/taking/solutions.test.ts'],
  ['/api/challenges/{id}/confidential', 'src/server/modules/taking/gate.test.ts'],
  ['/api/challenges/{id}/access-log', 'src/server/modules/taking/gate.test.ts'],
  ['/api/signups', 'src/server/modules/taking/signups.test.ts'],
  ['/api/solutions/{id}/messages/files', 'src/server/modules/taking/thread-files.test.ts'],
  ['/api/solutions/{id}/messages', 'src/server/modules/taking/engagement.test.ts'],
  ['/api/solutions/{id}/engagement', 'src/server/modules/taking/engagement.test.ts'],
  ['/api/solutions', 'src/server/modules/taking/solutions.test.ts'],
  ['/api/followup/outcomes', 'src/server/modules/followup/outcomes.test.ts'],
  ['/api/followup/projects/{id}/outcomes', 'src/server/modules/followup/outcomes.test.ts'],
  ['/api/followup/projects', 'src/server/modules/followup/projects.test.ts'],
  // 主办方组织服务 (核实, overview, suggestions, recommendations): before '/api/challenges'.
  ['/api/challenges/{id}/suggestions', 'src/server/modules/organiser/organiser.test.ts'],
  ['/api/challenges/{id}/recommendations', 'src/server/modules/organiser/organiser.test.ts'],
  ['/api/organiser', 'src/server/modules/organiser/organiser.test.ts'],
  ['/api/suggestions', 'src/server/modules/organiser/organiser.test.ts'],
  ['/api/recommendations', 'src/server/modules/organiser/organiser.test.ts'],
  ['/api/challenges', 'src/server/modules/challenges/workflow.test.ts'],
  ['/api/hall/challenges', 'src/server/modules/challenges/hall.test.ts'],
  ['/api/challenge-terms', 'src/server/modules/challenges/hall.test.ts'],
  ['/api/agreement-templates', 'src/server/modules/agreements/signing.test.ts'],
  ['/api/agreements', 'src/server/modules/agreements/register.test.ts'],
  ['/api/verify/agreements', 'src/server/modules/agreements/verify.test.ts'],
  // 揭榜成果公布, events, certificates: sub-paths first, so that their own tests are the ones required.
  ['/api/results/events', 'src/server/modules/results/certificates.test.ts'],
  ['/api/results/matches', 'src/server/modules/results/certificates.test.ts'],
  ['/api/results/certificates', 'src/server/modules/results/certificates.test.ts'],
  ['/api/results', 'src/server/modules/results/announcements.test.ts'],
  ['/api/public/results', 'src/server/modules/results/announcements.test.ts'],
  ['/api/verify/certificates', 'src/server/modules/results/certificates.test.ts'],
  // 专家评审: the pool, declaration gate, rounds, scoring, feedback (issue #8).
  ['/api/reviews', 'src/server/modules/reviews/reviews.test.ts'],
];
/** Routes anyone may call without logging in. */
export const PUBLIC = new Set([
  'GET /api/station-applications/workflow',
  'GET /api/stations/public',
  'GET /api/challenges/workflow',
  'GET /api/challenges/commitments/{kind}',
  'GET /api/challenges/{id}',
  'GET /api/challenges/{id}/files/{fileId}',
  'GET /api/hall/challenges',
  'GET /api/verify/agreements/{code}',
  'POST /api/verify/agreements',
  'GET /api/public/results',
  'GET /api/public/results/{id}',
  'GET /api/public/results/{id}/pdf',
  'GET /api/verify/certificates/{code}',
]);
