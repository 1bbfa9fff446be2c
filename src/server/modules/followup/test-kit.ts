import type { ApiClient } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import type { TestApp } from '../../test/harness.js';
import { must, person, signUp, solutionInput, takingCast, type SolutionView } from '../taking/test-kit.js';

export interface ProjectView {
  id: number;
  title: string;
  challengeId: number;
  solutionId: number;
  poster: { name: string; unitId: number | null; regionId: number };
  taker: { name: string; unitId: number | null; regionId: number };
  milestones: Array<{
    id: number;
    title: string;
    due: string;
    deliverable: string;
    doneOn: string | null;
    note: string;
    revision: number;
    status: string;
  }>;
  reports: Array<{
    id: number;
    side: string;
    period: string;
    body: string;
    attachments: Array<{ id: number; filename: string }>;
  }>;
  outcomes: OutcomeView[];
  actions: string[];
}

export interface OutcomeView {
  id: number;
  projectId: number;
  regionId: number;
  state: string;
  period: string;
  status: string;
  outcome: string;
  fundingWan: number;
  products: number;
  patents: number;
  revision: number;
  lastComment: string;
  actions: string[];
}

/**
 * A matched technical challenge (poster: a unit of `cast.district`; taker: a PhD), driven through the API
 * as the taking test-kit does, with the district office of the poster's district.
 */
export async function matchedProject(t: TestApp) {
  const cast = await takingCast(t);
  const phd = await person(t);
  const s = must(await signUp(phd.client, cast.tech.id, { takerKind: 'individual' }), 201, 'sign up');
  const d = must(
    await phd.client.post<SolutionView>(`/api/signups/${s.id}/solution`, solutionInput()),
    201,
    'draft',
  );
  must(await phd.client.post(`/api/solutions/${d.id}/actions/submit`), 200, 'submit');
  must(await cast.unit.client.post(`/api/solutions/${d.id}/engagement/propose_match`, {}), 200, 'propose');
  must(await phd.client.post(`/api/solutions/${d.id}/engagement/confirm_match`, {}), 200, 'confirm');
  const row = await t.db
    .selectFrom('followup_projects')
    .select('id')
    .where('solution_id', '=', d.id)
    .executeTakeFirstOrThrow();
  const officer = await buildActor(t, 'district_officer', { regionId: cast.district.id });
  return { ...cast, phd, solutionId: d.id, projectId: row.id, officer };
}

export function outcomeInput(over: Record<string, unknown> = {}) {
  return {
    period: '2026年度',
    status: 'on_track',
    outcome: '完成实验室验证，小试样品循环1000次容量保持率93%。',
    fundingWan: 120.5,
    products: 1,
    patents: 2,
    note: '',
    ...over,
  };
}

export async function getProject(c: ApiClient, id: number) {
  return c.get<ProjectView>(`/api/followup/projects/${id}`);
}

export async function projectSnapshot(t: TestApp, id: number) {
  const [ms, reports, outcomes] = await Promise.all([
    t.db.selectFrom('followup_milestones').selectAll().where('project_id', '=', id).orderBy('id').execute(),
    t.db.selectFrom('followup_reports').selectAll().where('project_id', '=', id).orderBy('id').execute(),
    t.db.selectFrom('outcome_reports').selectAll().where('project_id', '=', id).orderBy('id').execute(),
  ]);
  return JSON.stringify({ ms, reports, outcomes });
}
