import type { ApiClient, ApiResponse } from '../../test/client.js';
import { buildActor, buildDistrict } from '../../test/factories.js';
import type { TestApp } from '../../test/harness.js';
import { COMMITMENTS } from '../../../shared/challenges/commitment.js';
import { todayInChina } from '../../../shared/roles.js';

export interface ChallengeView {
  id: number;
  kind: string;
  state: string;
  status: string | null;
  title: string;
  revision?: number;
  actions: string[];
  public: Record<string, unknown>;
  confidential?: { details: string; contact: { name: string; phone: string } };
  commitment?: { version: string; userId: number; acceptedAt: string } | null;
  lastOpinion?: string;
  views: number;
  timeline?: Array<{ action: string; from: string; to: string; opinion: string; actorRole: string }>;
}

export const SECRET = '机密：试验基地位于某某路88号';

export function inDays(n: number): string {
  const d = new Date(`${todayInChina()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function techInput(regionId: number, over: Record<string, unknown> = {}) {
  return {
    kind: 'tech',
    title: '高能量密度锂电池正极材料技术攻关',
    domain: 'new_energy',
    regionId,
    deadline: inDays(60),
    problem: '现有锂离子电池正极材料循环寿命不足，需要提升高镍三元材料的稳定性。',
    indicators: '循环1000次容量保持率不低于90%',
    expectedOutcome: '形成可量产的工艺方案',
    budgetWan: 300,
    support: '提供中试线与检测设备',
    confidential: {
      details: SECRET,
      contact: { name: '赵工', phone: '023-61234567', email: 'zhao@example.org' },
      attachmentIds: [],
    },
    ...over,
  };
}

export function transferInput(regionId: number, over: Record<string, unknown> = {}) {
  return {
    kind: 'transfer',
    title: '百蕊草有效成分提取工艺成果转化',
    domain: 'biomedicine',
    regionId,
    deadline: inDays(90),
    achievement: '建立了百蕊草黄酮类成分的高效提取纯化工艺。',
    maturity: 'pilot',
    patents: [{ number: 'ZL202110000001.2', title: '一种百蕊草提取方法', owner: '重庆某大学' }],
    ipOwnership: '专利权人为依托单位，本人为第一发明人',
    market: '中药饮片与保健品企业',
    partnerSought: '具有中药生产资质的企业',
    budgetWan: 500,
    confidential: {
      details: SECRET,
      contact: { name: '钱博士', phone: '13800001111', email: '' },
      attachmentIds: [],
    },
    ...over,
  };
}

/** A district with a posting unit, a postdoc (in station), the municipal office and a national reviewer. */
export async function challengeCast(t: TestApp) {
  const district = await buildDistrict(t.db);
  const unit = await buildActor(t, 'unit', { regionId: district.id });
  const postdoc = await buildActor(t, 'individual');
  await t.db
    .insertInto('person_profiles')
    .values({
      user_id: postdoc.user.id,
      name: '钱博士',
      degree: 'doctorate',
      postdoc_status: 'in_station',
      field: '中药学',
      institution: '重庆某大学',
    })
    .execute();
  const city = await buildActor(t, 'municipal_officer');
  const nation = await buildActor(t, 'national_reviewer');
  const other = await buildActor(t, 'unit');
  return { district, unit, postdoc, city, nation, other };
}

export async function act(c: ApiClient, id: number, action: string, body: Record<string, unknown> = {}) {
  return c.post<ChallengeView>(`/api/challenges/${id}/actions/${action}`, body);
}

function must<T>(res: ApiResponse<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res.body;
}

/** Creates a draft, accepts the commitment and submits it. */
export async function submitted(c: ApiClient, input: Record<string, unknown>): Promise<ChallengeView> {
  const created = must(await c.post<ChallengeView>('/api/challenges', input), 201, 'create');
  const version = COMMITMENTS[created.kind as 'tech' | 'transfer'].version;
  must(await c.post(`/api/challenges/${created.id}/commitment`, { version }), 200, 'commitment');
  return must(await act(c, created.id, 'submit'), 200, 'submit');
}

/** Through both review levels into the hall. */
export async function published(
  cast: { city: { client: ApiClient }; nation: { client: ApiClient } },
  poster: ApiClient,
  input: Record<string, unknown>,
): Promise<ChallengeView> {
  const s = await submitted(poster, input);
  must(await act(cast.city.client, s.id, 'municipal_approve', { opinion: '同意' }), 200, 'approve');
  return must(await act(cast.nation.client, s.id, 'national_publish'), 200, 'publish');
}
