import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { Api, regionId, registerUnit, uniq, validCreditCode } from './support/api';
import { daysAhead, publishChallenge, staffApi } from './support/challenges';
import { E2E_PASSWORD } from './support/env';
import { publishResultsFor } from './support/results';
import { label, newRolePage, uploadEvidence } from './support/stations';
import { loginUi } from './support/ui';

/*
 * 揭榜 in the browser (issue #6): sign-up (alone, as a team, as a unit), the 保密书 gate, the solution,
 * the engagement thread and the two-sided decision up to 对接成功. Postings are published by API.
 */

/** The machine is shared and slow: lazy pages may take a while after a navigation or reload. */
const expect = baseExpect.configure({ timeout: 30_000 });

const opened: Page[] = [];
test.afterEach(async () => {
  for (const p of opened.splice(0)) await p.context().close();
});

async function registerPhd(username: string, name: string): Promise<void> {
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

/** A company registered `months` months ago (the unit registration form by API). */
async function registerCompany(username: string, name: string, months: number, region: number) {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  const api = await Api.open();
  await api.post('/api/accounts/register/unit', {
    username,
    password: E2E_PASSWORD,
    unit: {
      name,
      unitType: 'enterprise',
      creditCode: validCreditCode(),
      registrationDate: d.toISOString().slice(0, 10),
      regionId: region,
      contactName: '李经理',
      contactPhone: '023-12345678',
      contactEmail: `${username}@example.cn`,
    },
  });
  await api.dispose();
}

async function as(browser: Browser, username: string, first?: Page): Promise<Page> {
  const page = first ?? (await newRolePage(browser));
  if (!first) opened.push(page);
  await loginUi(page, username, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console/);
  return page;
}

async function loggedInApi(username: string): Promise<Api> {
  const api = await Api.open();
  await api.login(username, E2E_PASSWORD);
  return api;
}

/** Publishes a technical challenge of a new unit; returns its id, title and the poster's username. */
async function techChallenge(id: string) {
  const district = await regionId('渝北区');
  const posterUser = `tk_unit_${id}`;
  await registerUnit({ username: posterUser, name: `重庆渝北储能科技有限公司${id}`, regionId: district });
  const poster = await loggedInApi(posterUser);
  const [city, nation] = [
    await staffApi('municipal_officer', '市博管办'),
    await staffApi('national_reviewer', '部级'),
  ];
  const title = `高镍正极材料循环稳定性技术攻关${id}`;
  const challengeId = await publishChallenge(poster, city, nation, {
    kind: 'tech',
    title,
    domain: 'new_energy',
    regionId: district,
    deadline: daysAhead(60),
    problem: '高镍正极循环后容量衰减快。',
    indicators: '循环 1000 次容量保持率不低于 90%。',
    expectedOutcome: '改性工艺与中试验证。',
    budgetWan: 300,
    support: '提供中试线与检测平台。',
    confidential: {
      details: `机密：中试线位于两江新区某路${id}号`,
      contact: { name: '郑工', phone: '023-67005678', email: '' },
      attachmentIds: [],
    },
  });
  await Promise.all([poster.dispose(), city.dispose(), nation.dispose()]);
  return { challengeId, title, posterUser };
}

const spaced = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);

/**
 * Clicks an action button, then the same name in its confirmation pop-up (`spaced` matches antd's spaced
 * two-character names such as “入 围”; a leftover loading icon's name before it does not matter).
 */
async function confirmAction(page: Page, name: string): Promise<void> {
  await page
    .getByTestId('decision-actions')
    .getByRole('button', { name: spaced(name) })
    .click();
  await page
    .locator('.ant-popover:visible')
    .getByRole('button', { name: spaced(name) })
    .click();
}

test('(a) 技术攻关：博士组队揭榜 → 保密书 → 提交方案 → 张榜方保密书、交流、入围、提议 → 揭榜方确认 → 对接成功、大厅显示已揭榜 → 成果公告', async ({
  page,
  browser,
}) => {
  test.setTimeout(600_000);
  const id = uniq();
  const { challengeId, title, posterUser } = await techChallenge(id);
  const [leaderUser, m1User, m2User] = [`tk_lead_${id}`, `tk_m1_${id}`, `tk_m2_${id}`];
  await registerPhd(leaderUser, '冯博士');
  await registerPhd(m1User, '陈博士');
  await registerPhd(m2User, '褚博士');

  // ── The leader signs up as a team of three from the hall. ──
  await as(browser, leaderUser, page);
  await page.goto(`/hall/${challengeId}`);
  await page.getByRole('button', { name: '我要揭榜' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '揭榜报名' })).toBeVisible();
  await page.getByLabel('团队揭榜（本人为负责人）').check();
  await page.getByLabel('团队名称').fill('高镍正极攻关团队');
  await page.getByLabel('邀请成员（用户名）').fill(`${m1User}\n${m2User}`);
  await page.getByRole('button', { name: '确认报名' }).click();
  await expect(page).toHaveURL(/\/console\/taking\/\d+$/);
  const team = page.getByTestId('team');
  await expect(team.getByRole('row', { name: /陈博士/ })).toContainText('待确认');
  await expect(team.getByRole('row', { name: /褚博士/ })).toContainText('待确认');

  // ── Each invited member confirms in their own browser. ──
  for (const user of [m1User, m2User]) {
    const m = await as(browser, user);
    await m.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '我的揭榜' }).click();
    const invitations = m.getByTestId('invitations');
    await expect(invitations).toContainText(title);
    await invitations.getByRole('button', { name: '接受邀请' }).click();
    await expect(m.getByText('已加入团队')).toBeVisible();
    await expect(m.getByRole('link', { name: title })).toBeVisible();
  }
  await page.reload();
  await expect(team.getByRole('row', { name: /陈博士/ })).toContainText('已确认');
  await expect(team.getByRole('row', { name: /褚博士/ })).toContainText('已确认');

  // ── The 保密书 opens the confidential part. ──
  await expect(page.getByText(`中试线位于两江新区某路${id}号`)).toHaveCount(0);
  const gate = page.getByTestId('confidentiality-taker');
  await expect(gate).toContainText('博士后揭榜领题保密书（揭榜方）');
  await expect(gate.getByRole('button', { name: '接受保密书' })).toBeDisabled();
  await gate.getByLabel('我已阅读并同意遵守本保密书').check();
  await gate.getByRole('button', { name: '接受保密书' }).click();
  const secret = page.getByTestId('confidential-part');
  await expect(secret).toContainText(`中试线位于两江新区某路${id}号`);
  await expect(secret).toContainText('郑工');

  // ── The solution: written, kept through a reload, submitted. ──
  const editor = page.getByTestId('solution-editor');
  await editor.getByLabel('技术路线与实施方案').fill('单晶化与表面包覆结合，先小试验证再中试放大。');
  await editor.getByLabel('阶段名称 1').fill('小试验证');
  await editor.getByLabel('完成日期（YYYY-MM-DD） 1').fill(daysAhead(120));
  await page.reload();
  await expect(editor.getByText(/已恢复本机保存的未提交修改/)).toBeVisible();
  await expect(editor.getByLabel('技术路线与实施方案')).toHaveValue(
    '单晶化与表面包覆结合，先小试验证再中试放大。',
  );
  await expect(editor.getByLabel('阶段名称 1')).toHaveValue('小试验证');
  await editor.getByLabel('所需经费（万元）').fill('280');
  await editor.getByLabel('团队分工').fill('冯博士负责统筹，陈博士负责合成，褚博士负责测试');
  await editor.getByLabel('预期指标').fill('循环 1000 次容量保持率 ≥ 92%');
  await uploadEvidence(editor, '揭榜方案技术附件.pdf');
  await editor.getByRole('button', { name: '提交方案' }).click();
  const summary = page.getByTestId('solution-summary');
  await expect(summary).toContainText('已提交');
  await expect(summary).toContainText('待处理');

  // ── The poster: from its posting to the takers, the 保密书, the solution and a question. ──
  const poster = await as(browser, posterUser);
  await poster.goto(`/console/challenges/${challengeId}`);
  await poster.getByRole('link', { name: '查看报名与方案' }).click();
  await expect(poster.getByTestId('poster-signups')).toContainText('高镍正极攻关团队');
  await poster.getByTestId('poster-solutions').getByRole('link', { name: '查看方案' }).click();
  await expect(poster).toHaveURL(/\/console\/solutions\/\d+$/);
  const solutionUrl = new URL(poster.url()).pathname;
  await expect(poster.getByTestId('solution-content')).toContainText('单晶化与表面包覆结合');
  const files = poster.getByTestId('solution-files');
  await expect(files).toContainText('共 1 个附件，接受保密书后可查看');
  await expect(files.getByRole('link', { name: '揭榜方案技术附件.pdf' })).toHaveCount(0);
  const posterGate = poster.getByTestId('confidentiality-poster');
  await expect(posterGate).toContainText('博士后揭榜领题保密书（张榜方）');
  await posterGate.getByLabel('我已阅读并同意遵守本保密书').check();
  await posterGate.getByRole('button', { name: '接受保密书' }).click();
  await expect(files.getByRole('link', { name: '揭榜方案技术附件.pdf' })).toBeVisible();
  const posterThread = poster.getByTestId('thread');
  await posterThread.getByLabel('消息内容').fill('中试放大需要多大规模的设备？');
  await posterThread.getByRole('button', { name: label('发送') }).click();
  await expect(posterThread).toContainText('中试放大需要多大规模的设备？');

  // ── The taker answers in the thread. ──
  await page.goto(solutionUrl);
  const takerThread = page.getByTestId('thread');
  await expect(takerThread).toContainText('中试放大需要多大规模的设备？');
  await takerThread.getByLabel('消息内容').fill('需要一条百吨级中试线。');
  await uploadEvidence(takerThread, '中试线设备清单.pdf');
  await takerThread.getByRole('button', { name: label('发送') }).click();
  await expect(takerThread).toContainText('需要一条百吨级中试线。');
  await expect(
    takerThread.getByRole('listitem').getByRole('link', { name: '中试线设备清单.pdf' }),
  ).toBeVisible();
  await expect(page.getByTestId('decision-actions')).toHaveCount(0);

  // ── The poster shortlists, then proposes the match. ──
  await poster.reload();
  await expect(posterThread).toContainText('需要一条百吨级中试线。');
  await confirmAction(poster, '入围');
  await expect(poster.getByText('已入围').first()).toBeVisible();
  await confirmAction(poster, '提议对接成功');
  await expect(poster.getByText('张榜方已提议对接成功，等待揭榜方确认')).toBeVisible();

  // ── The taker confirms → 对接成功 on both sides; the hall shows 已揭榜. ──
  await page.reload();
  await expect(page.getByText('张榜方已提议对接成功，等待揭榜方确认')).toBeVisible();
  await confirmAction(page, '确认对接');
  await expect(page.getByTestId('matched')).toContainText('对接成功');
  await expect(page.getByTestId('history')).toContainText('揭榜方：确认对接，对接成功');
  await poster.reload();
  await expect(poster.getByTestId('matched')).toContainText('对接成功');
  const anon = await newRolePage(browser);
  opened.push(anon);
  await anon.goto(`/hall/${challengeId}`);
  await expect(anon.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(anon.getByRole('article')).toContainText('已揭榜');
  await expect(anon.getByRole('button', { name: '我要揭榜' })).toHaveCount(0);

  // ── The office publishes the period's results; the match is in the public announcement. ──
  const solutionId = Number(solutionUrl.split('/').pop());
  const announcementId = await publishResultsFor([solutionId], { title: `揭榜成果公告 ${id}` });
  await anon.goto(`/results/${announcementId}`);
  await expect(anon.getByRole('heading', { level: 1, name: `揭榜成果公告 ${id}` })).toBeVisible();
  await expect(anon.getByText(title)).toBeVisible();
  await expect(anon.getByText(/高镍正极攻关团队/).first()).toBeVisible();
});

test('(b) 未被采纳的揭榜方看到张榜方的理由', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const id = uniq();
  const { challengeId, posterUser } = await techChallenge(id);
  const takerUser = `tk_phd_${id}`;
  await registerPhd(takerUser, '卫博士');
  const taker = await loggedInApi(takerUser);
  const signup = await taker.post<{ id: number }>(`/api/challenges/${challengeId}/signups`, {
    takerKind: 'individual',
  });
  const solution = await taker.post<{ id: number }>(`/api/signups/${signup.id}/solution`, {
    approach: '采用掺杂改性路线。',
    milestones: [{ title: '小试', due: daysAhead(90), deliverable: '' }],
    budgetWan: 100,
    indicators: '容量保持率 ≥ 85%',
  });
  await taker.post(`/api/solutions/${solution.id}/actions/submit`);
  await taker.dispose();

  const poster = await as(browser, posterUser);
  await poster.goto(`/console/solutions/${solution.id}`);
  await poster.getByTestId('decision-actions').getByRole('button', { name: '不予采纳' }).click();
  const dialog = poster.getByRole('dialog', { name: '不予采纳' });
  await dialog.getByRole('button', { name: '不予采纳' }).click();
  await expect(dialog).toContainText('请填写理由');
  await dialog.getByLabel('理由').fill('循环指标低于本需求要求的 90%。');
  await dialog.getByRole('button', { name: '不予采纳' }).click();
  await expect(poster.getByTestId('decision-reason')).toContainText('循环指标低于本需求要求的 90%。');

  await as(browser, takerUser, page);
  await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '我的揭榜' }).click();
  await page.getByRole('link', { name: /高镍正极材料循环稳定性技术攻关/ }).click();
  const reason = page.getByTestId('decision-reason');
  await expect(reason).toContainText('张榜方未采纳本方案');
  await expect(reason).toContainText('循环指标低于本需求要求的 90%。');
  await expect(page.getByTestId('solution-editor')).toHaveCount(0);
});

test('(c) 成果转化需求：登记注册 11 个月的企业被拒（写明规则），13 个月的企业可以揭榜', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const id = uniq();
  const district = await regionId('北碚区');
  const pdUser = `tk_pd_${id}`;
  await registerPhd(pdUser, '孔博士');
  const poster = await loggedInApi(pdUser);
  const [city, nation] = [
    await staffApi('municipal_officer', '市博管办'),
    await staffApi('national_reviewer', '部级'),
  ];
  const challengeId = await publishChallenge(poster, city, nation, {
    kind: 'transfer',
    title: `柑橘皮渣果胶提取技术成果转化${id}`,
    domain: 'agriculture_food',
    regionId: district,
    deadline: daysAhead(60),
    achievement: '建立柑橘皮渣果胶低温提取工艺。',
    maturity: 'pilot',
    patents: [],
    ipOwnership: '本人为专利权人',
    market: '食品添加剂企业',
    partnerSought: '具有食品生产许可的企业',
    budgetWan: 200,
    confidential: {
      details: '',
      contact: { name: '孔博士', phone: '13800004444', email: '' },
      attachmentIds: [],
    },
  });
  await Promise.all([poster.dispose(), city.dispose(), nation.dispose()]);
  const young = `tk_young_${id}`;
  const old = `tk_old_${id}`;
  await registerCompany(young, `重庆新锐食品有限公司${id}`, 11, district);
  await registerCompany(old, `重庆老字号食品有限公司${id}`, 13, district);

  const fill = async (p: Page) => {
    await p.goto(`/hall/${challengeId}`);
    await p.getByRole('button', { name: '我要揭榜' }).click();
    await expect(p.getByLabel('单位揭榜')).toBeChecked();
    await p.getByLabel('承诺资金（万元）').fill('300');
    await p.getByLabel('资金说明').fill('自有资金 300 万元，分期到位');
    await p.getByLabel('场地').fill('食品车间 800 平方米');
    await p.getByLabel('市场渠道').fill('西南地区商超与食品厂渠道');
    await p.getByRole('button', { name: '确认报名' }).click();
  };

  const y = await as(browser, young);
  await fill(y);
  const refusal = y.getByTestId('signup-error');
  await expect(refusal).toContainText('报名未成功');
  await expect(refusal).toContainText('揭榜单位须登记注册1年以上：本单位登记注册未满1年');
  await expect(y).toHaveURL(/\/console\/taking\/new\/\d+$/);

  await as(browser, old, page);
  await fill(page);
  await expect(page).toHaveURL(/\/console\/taking\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('柑橘皮渣果胶提取技术成果转化');
  await expect(page.getByText('已报名').first()).toBeVisible();
  await expect(page.getByText('食品车间 800 平方米')).toBeVisible();
});
