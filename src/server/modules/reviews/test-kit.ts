import type { ApiClient } from '../../test/client.js';
import { loginAs, uniq } from '../../test/factories.js';
import type { TestApp } from '../../test/harness.js';
import { must, person, signUp, solutionInput, takingCast } from '../taking/test-kit.js';

export interface RoundView {
  id: number;
  state: string;
  closeReason: string;
  items: Array<{
    solutionId: number;
    submitted: number;
    experts: Array<{ userId: number; name: string; state: string; pinned: boolean; submitted: boolean }>;
  }>;
  actions: string[];
}

export interface AssignmentView {
  id: number;
  roundId: number;
  solution: { id: number; title: string; content: Record<string, unknown> };
  scores: Array<{ score: number | null; comment: string }>;
  revision: number;
  submitted: boolean;
  actions: string[];
}

export const CRITERIA = [
  { name: '技术先进性', weight: 3, min: 0, max: 10, guidance: '与国内外同类技术相比' },
  { name: '实施可行性', weight: 1, min: 0, max: 10, guidance: '' },
];

export const inDaysIso = (d: number): string => new Date(Date.now() + d * 86_400_000).toISOString();

/** A published technical need with two submitted solutions by PhDs of 重庆大学. */
export async function reviewCast(t: TestApp) {
  const cast = await takingCast(t);
  const takers = [];
  for (let i = 0; i < 2; i++) {
    const phd = await person(t);
    const s = must(await signUp(phd.client, cast.tech.id, { takerKind: 'individual' }), 201, 'sign up');
    const sol = must(
      await phd.client.post<{ id: number }>(`/api/signups/${s.id}/solution`, solutionInput()),
      201,
      'solution',
    );
    must(await phd.client.post(`/api/solutions/${sol.id}/actions/submit`), 200, 'submit');
    takers.push({ ...phd, solutionId: sol.id });
  }
  return { ...cast, takers };
}

/** The office creates an expert; the test skips the first-login password change and logs in. */
export async function makeExpert(
  t: TestApp,
  city: ApiClient,
  over: Record<string, unknown> = {},
): Promise<{ userId: number; client: ApiClient }> {
  const username = uniq('exp');
  const res = await city.post<{ userId: number; initialPassword: string }>('/api/reviews/experts', {
    username,
    name: `专家${username.slice(-4)}`,
    primaryDomain: 'new_energy',
    secondaryDomains: ['new_materials'],
    keywords: ['锂电池', '正极材料'],
    institution: '西南研究院',
    title: '研究员',
    contact: '023-12345678',
    ...over,
  });
  const body = must(res, 201, 'create expert');
  await t.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', body.userId).execute();
  return { userId: body.userId, client: await loginAs(t, { username, password: body.initialPassword }) };
}

export async function declare(c: ApiClient, conflicts: string[] = []) {
  const d = (await c.get<{ version: string }>('/api/reviews/declaration')).body;
  return c.post('/api/reviews/declaration', { version: d.version, conflicts });
}

export async function roundRow(t: TestApp, id: number) {
  return t.db
    .selectFrom('review_rounds')
    .select(['state', 'close_reason'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function assignmentRows(t: TestApp, roundId: number) {
  return t.db
    .selectFrom('review_assignments')
    .select(['id', 'item_id', 'expert_user_id', 'state', 'scores_json', 'submitted_at', 'revision'])
    .where('round_id', '=', roundId)
    .orderBy('id')
    .execute();
}

/** Leaves only the experts a test creates in the pool (the database is shared by the file's tests). */
export async function emptyPool(t: TestApp): Promise<void> {
  await t.db.updateTable('review_experts').set({ active: 0 }).execute();
}
