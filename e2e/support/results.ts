import { Api, regionId, registerUnit, uniq } from './api.js';
import { daysAhead, publishChallenge, staffApi } from './challenges.js';
import { E2E_PASSWORD } from './env.js';

/*
 * 揭榜成果公布 by API, for browser specs: a match made the way users make it (sign-up → solution → the poster
 * proposes → the taker confirms), and publishing a results announcement that names given matches.
 */

export interface ApiMatch {
  challengeId: number;
  solutionId: number;
  title: string;
  posterUsername: string;
  takerUsername: string;
  takerName: string;
}

async function registerPostdoc(username: string, name: string): Promise<void> {
  const api = await Api.open();
  await api.post('/api/accounts/register/individual', {
    username,
    password: E2E_PASSWORD,
    person: {
      name,
      degree: 'doctorate',
      postdocStatus: 'in_station',
      field: '新能源材料',
      institution: '重庆大学',
      email: `${username}@example.cn`,
      phone: '13800003333',
    },
  });
  await api.dispose();
}

async function loggedIn(username: string): Promise<Api> {
  const api = await Api.open();
  await api.login(username, E2E_PASSWORD);
  return api;
}

/** A published technical need of a new unit, taken by a new postdoc, matched (both sides confirmed). */
export async function matchThroughApi(district = '渝北区'): Promise<ApiMatch> {
  const id = uniq();
  const posterUsername = `rsunit_${id}`;
  const takerUsername = `rsphd_${id}`;
  const takerName = `揭榜博士${id.slice(-3)}`;
  const title = `固态电池界面改性技术攻关${id}`;
  await registerUnit({
    username: posterUsername,
    name: `重庆成果示范科技有限公司${id}`,
    regionId: await regionId(district),
  });
  await registerPostdoc(takerUsername, takerName);
  const [poster, city, nation] = await Promise.all([
    loggedIn(posterUsername),
    staffApi('municipal_officer', '市博管办（成果）'),
    staffApi('national_reviewer', '部级审核（成果）'),
  ]);
  const challengeId = await publishChallenge(poster, city, nation, {
    kind: 'tech',
    title,
    domain: 'new_energy',
    regionId: await regionId(district),
    deadline: daysAhead(60),
    problem: '固态电解质与电极界面阻抗高，循环后界面劣化。',
    indicators: '界面阻抗降低 50%。',
    expectedOutcome: '界面改性工艺方案与中试验证。',
    budgetWan: 200,
    support: '提供电池中试线。',
    confidential: {
      details: '内部测试数据（保密）',
      contact: { name: '吴工', phone: '023-67001234', email: '' },
      attachmentIds: [],
    },
  });
  const taker = await loggedIn(takerUsername);
  const signup = await taker.post<{ id: number }>(`/api/challenges/${challengeId}/signups`, {
    takerKind: 'individual',
  });
  const solution = await taker.post<{ id: number }>(`/api/signups/${signup.id}/solution`, {
    approach: '采用原位聚合界面层，先在实验室验证，再在中试线放大。',
    milestones: [{ title: '实验室验证', due: daysAhead(90), deliverable: '测试报告' }],
    budgetWan: 180,
    budgetNote: '材料与测试费',
    team: '负责人统筹',
    indicators: '界面阻抗降低 50%',
    attachmentIds: [],
  });
  await taker.post(`/api/solutions/${solution.id}/actions/submit`);
  await poster.post(`/api/solutions/${solution.id}/engagement/propose_match`, {});
  await taker.post(`/api/solutions/${solution.id}/engagement/confirm_match`, {});
  await Promise.all([poster.dispose(), city.dispose(), nation.dispose(), taker.dispose()]);
  return { challengeId, solutionId: solution.id, title, posterUsername, takerUsername, takerName };
}

/**
 * Publishes a results announcement naming these matches (by solution id) as the municipal office `city`
 * (a new municipal officer when not given); returns the announcement's id (public at /results/:id).
 */
export async function publishResultsFor(
  solutionIds: number[],
  opts: { city?: Api; title?: string } = {},
): Promise<number> {
  const city = opts.city ?? (await staffApi('municipal_officer', '市博管办（公告）'));
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const a = await city.post<{ id: number }>('/api/results/announcements', {
    title: opts.title ?? `揭榜成果公告 ${uniq()}`,
    periodFrom: `${today.slice(0, 4)}-01-01`,
    periodTo: today,
    intro: '现将对接成功项目公告如下。',
    items: solutionIds.map((solutionId) => ({ solutionId, summary: '' })),
  });
  const out = await city.post<{ state: string }>(`/api/results/announcements/${a.id}/actions/publish`, {});
  if (out.state !== 'published') throw new Error(`announcement ${a.id} is ${out.state}`);
  if (!opts.city) await city.dispose();
  return a.id;
}
