import type { ApiClient } from '../../test/client.js';
import type { TestApp } from '../../test/harness.js';
import { todayInChina } from '../../../shared/roles.js';
import { must, person, signUp, solutionInput, takingCast, type SolutionView } from '../taking/test-kit.js';

export interface AnnouncementView {
  id: number;
  title: string;
  periodFrom: string;
  periodTo: string;
  intro: string;
  state: string;
  revision: number;
  withdrawReason: string;
  publishedAt: string | null;
  items: Array<{
    id: number;
    solutionId?: number;
    needTitle: string;
    domain: string;
    posterName: string;
    takerName: string;
    matchedOn: string;
    summary: string;
  }>;
  actions: string[];
}

export interface CompiledItem {
  solutionId: number;
  needTitle: string;
  posterName: string;
  takerName: string;
  matchedOn: string;
  summary: string;
}

export interface MineView {
  items: Array<{
    kind: string;
    subjectId: number;
    title: string;
    certificate: { id: number; number: string; verificationCode: string } | null;
  }>;
}

export interface CertificateView {
  id: number;
  kind: string;
  number: string;
  verificationCode: string;
  holderName: string;
  subjectTitle: string;
}

/**
 * A match of the published technical challenge (poster: a unit of `cast.district`) taken by a team: the
 * leader, a member who confirmed and one who declined; driven through the API as the taking test-kit does.
 */
export async function teamMatch(t: TestApp) {
  const cast = await takingCast(t);
  const leader = await person(t, { name: '团队负责人' });
  const member = await person(t, { name: '确认成员' });
  const decliner = await person(t, { name: '婉拒成员' });
  const s = must(
    await signUp(leader.client, cast.tech.id, { takerKind: 'team', teamName: '电池攻关团队' }),
    201,
    'sign up',
  );
  for (const m of [member, decliner])
    must(
      await leader.client.post(`/api/signups/${s.id}/members`, { username: m.user.username }),
      200,
      'invite',
    );
  must(await member.client.post(`/api/signups/${s.id}/invitation/confirm`), 200, 'confirm');
  must(await decliner.client.post(`/api/signups/${s.id}/invitation/decline`), 200, 'decline');
  const d = must(
    await leader.client.post<SolutionView>(`/api/signups/${s.id}/solution`, solutionInput()),
    201,
    'draft',
  );
  must(await leader.client.post(`/api/solutions/${d.id}/actions/submit`), 200, 'submit');
  must(await cast.unit.client.post(`/api/solutions/${d.id}/engagement/propose_match`, {}), 200, 'propose');
  must(await leader.client.post(`/api/solutions/${d.id}/engagement/confirm_match`, {}), 200, 'confirm match');
  return { ...cast, leader, member, decliner, solutionId: d.id };
}

export function announcementInput(solutionIds: number[], over: Record<string, unknown> = {}) {
  const today = todayInChina();
  return {
    title: '2026年第四季度揭榜成果公告',
    periodFrom: `${today.slice(0, 4)}-01-01`,
    periodTo: today,
    intro: '现将本期揭榜领题对接成功项目公告如下。',
    items: solutionIds.map((solutionId) => ({ solutionId, summary: '' })),
    ...over,
  };
}

export async function draft(c: ApiClient, solutionIds: number[], over: Record<string, unknown> = {}) {
  return must(
    await c.post<AnnouncementView>('/api/results/announcements', announcementInput(solutionIds, over)),
    201,
    'draft announcement',
  );
}

export async function act(c: ApiClient, id: number, action: string, opinion?: string) {
  return c.post<AnnouncementView>(
    `/api/results/announcements/${id}/actions/${action}`,
    opinion === undefined ? {} : { opinion },
  );
}

/** A binary download with the client's cookies. */
export async function download(c: ApiClient, path: string) {
  const res = await fetch(`${c.baseUrl}${path}`, {
    headers: {
      'x-forwarded-for': c.ip,
      cookie: [...c.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
    },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    data: Buffer.from(await res.arrayBuffer()),
  };
}

export async function snapshot(t: TestApp, id: number) {
  const [a, items] = await Promise.all([
    t.db.selectFrom('results_announcements').selectAll().where('id', '=', id).execute(),
    t.db.selectFrom('results_items').selectAll().where('announcement_id', '=', id).orderBy('id').execute(),
  ]);
  return JSON.stringify({ a, items });
}
