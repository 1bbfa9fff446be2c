import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { completeForm } from '../src/shared/stations/fixtures';
import { Api, createStaff, regionId, registerUnit, uniq } from './support/api';
import { daysAhead, publishChallenge, staffApi } from './support/challenges';
import { E2E_PASSWORD } from './support/env';
import { label, newRolePage, openMenu, pdf } from './support/stations';
import { loginUi, tableRows } from './support/ui';

/*
 * 项目跟踪 in the browser (issue #6 follow-up): the match is driven by API; a party adds a progress report,
 * the district office writes and submits an outcome report, the city acknowledges it, and the poster unit's
 * station application shows 揭榜对接优先 to its reviewer.
 */

const expect = baseExpect.configure({ timeout: 30_000 });

const opened: Page[] = [];
test.afterEach(async () => {
  for (const p of opened.splice(0)) await p.context().close();
});

async function loggedInApi(username: string): Promise<Api> {
  const api = await Api.open();
  await api.login(username, E2E_PASSWORD);
  return api;
}

async function csrf(api: Api): Promise<string> {
  return (await api.ctx.storageState()).cookies.find((c) => c.name === 'bohou_csrf')!.value;
}

async function uploadPdf(api: Api, name: string, purpose: string): Promise<number> {
  const res = await api.ctx.post('/api/files', {
    multipart: { purpose, file: pdf(name) },
    headers: { 'x-csrf-token': await csrf(api) },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** A unit's complete station application, submitted to its district office (by API). */
async function submitApplication(api: Api): Promise<number> {
  const created = await api.post<{ id: number; revision: number }>('/api/station-applications');
  const ev = await uploadPdf(api, '证明材料.pdf', 'evidence');
  const saved = await api.ctx.put(`/api/station-applications/${created.id}/form`, {
    data: { form: completeForm(ev), revision: created.revision },
    headers: { 'x-csrf-token': await csrf(api) },
  });
  expect(saved.status()).toBe(200);
  const scan = await uploadPdf(api, '盖章申报表.pdf', 'sealed_scan');
  await api.post(`/api/station-applications/${created.id}/sealed-scan`, { fileId: scan });
  await api.post(`/api/station-applications/${created.id}/actions/submit`);
  return created.id;
}

async function districtOfficer(username: string, region: number): Promise<void> {
  const initial = await createStaff({
    username,
    displayName: '渝北区博管办',
    role: 'district_officer',
    regionId: region,
  });
  const first = await Api.open();
  await first.login(username, initial);
  await first.post('/api/auth/password', { currentPassword: initial, newPassword: E2E_PASSWORD });
  await first.dispose();
}

async function as(browser: Browser, username: string, first?: Page): Promise<Page> {
  const page = first ?? (await newRolePage(browser));
  if (!first) opened.push(page);
  await loginUi(page, username, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console/);
  return page;
}

test('项目跟踪：进展报告 → 区县成果报告报送 → 市博管办确认；设站申请显示揭榜对接优先', async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  const id = uniq();
  const district = await regionId('渝北区');
  const posterUser = `fu_unit_${id}`;
  const phdUser = `fu_phd_${id}`;
  const officerUser = `fu_dist_${id}`;
  await registerUnit({ username: posterUser, name: `重庆渝北新材料有限公司${id}`, regionId: district });
  const phdApi = await Api.open();
  await phdApi.post('/api/accounts/register/individual', {
    username: phdUser,
    password: E2E_PASSWORD,
    person: {
      name: '魏博士',
      degree: 'doctorate',
      postdocStatus: 'in_station',
      field: '新能源材料',
      institution: '重庆大学',
      email: `${phdUser}@example.cn`,
      phone: '13800004444',
    },
  });
  await phdApi.dispose();
  await districtOfficer(officerUser, district);
  const poster = await loggedInApi(posterUser);
  const city = await staffApi('municipal_officer', '市博管办');
  const nation = await staffApi('national_reviewer', '部级');
  const title = `固态电解质界面稳定性技术攻关${id}`;
  const challengeId = await publishChallenge(poster, city, nation, {
    kind: 'tech',
    title,
    domain: 'new_energy',
    regionId: district,
    deadline: daysAhead(60),
    problem: '固态电解质与正极界面阻抗高。',
    indicators: '界面阻抗降低 50%。',
    expectedOutcome: '界面改性工艺。',
    budgetWan: 200,
    support: '提供检测平台。',
    confidential: {
      details: '机密：样品配方',
      contact: { name: '郑工', phone: '023-67005678', email: '' },
      attachmentIds: [],
    },
  });

  // ── The match, by API: sign-up, solution, proposal, confirmation. ──
  const phd = await loggedInApi(phdUser);
  const signup = await phd.post<{ id: number }>(`/api/challenges/${challengeId}/signups`, {
    takerKind: 'individual',
  });
  const solution = await phd.post<{ id: number }>(`/api/signups/${signup.id}/solution`, {
    approach: '采用原位聚合构建界面缓冲层。',
    milestones: [
      { title: '界面缓冲层小试', due: daysAhead(90), deliverable: '小试报告' },
      { title: '电芯验证', due: daysAhead(200), deliverable: '电芯测试报告' },
    ],
    budgetWan: 180,
    budgetNote: '',
    team: '',
    indicators: '界面阻抗降低 50%',
    attachmentIds: [],
  });
  await phd.post(`/api/solutions/${solution.id}/actions/submit`);
  await poster.post(`/api/solutions/${solution.id}/engagement/propose_match`);
  await phd.post(`/api/solutions/${solution.id}/engagement/confirm_match`);
  const appId = await submitApplication(poster);
  await Promise.all([poster.dispose(), phd.dispose(), nation.dispose()]);

  // ── The PhD adds a progress report. ──
  await as(browser, phdUser, page);
  await openMenu(page, '项目跟踪');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('cell', { name: '界面缓冲层小试' })).toBeVisible();
  await page.getByRole('button', { name: '提交进展报告' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('报告期').fill('2026年第4季度');
  await dialog.getByLabel('进展情况').fill('完成缓冲层配方筛选，界面阻抗下降30%。');
  await dialog.getByRole('button', { name: label('保存') }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.locator('#console-main').getByText('完成缓冲层配方筛选，界面阻抗下降30%。'),
  ).toBeVisible();

  // ── The district office writes and submits an outcome report. ──
  const officer = await as(browser, officerUser);
  await openMenu(officer, '项目跟踪');
  await officer.getByRole('link', { name: title }).click();
  await expect(
    officer.locator('#console-main').getByText('完成缓冲层配方筛选，界面阻抗下降30%。'),
  ).toBeVisible();
  await officer.getByRole('button', { name: '撰写成果报告' }).click();
  const od = officer.getByRole('dialog');
  await od.getByLabel('报告期').fill('2026年度');
  await od.getByLabel('成果情况').fill('完成小试，申请发明专利1项。');
  await od.getByLabel('专利（项）').fill('1');
  await od.getByRole('button', { name: label('保存') }).click();
  await expect(od).toBeHidden();
  await expect(officer.locator('#console-main').getByText('完成小试，申请发明专利1项。')).toBeVisible();
  await officer.getByRole('button', { name: '报送市博管办' }).click();
  await expect(officer.locator('#console-main').getByText('已报送')).toBeVisible();

  // ── The city acknowledges it from the queue. ──
  const cityPage = await as(browser, await cityName(city));
  await openMenu(cityPage, '成果报告');
  const row = tableRows(cityPage.locator('main')).filter({ hasText: title });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: label('确认') }).click();
  await cityPage
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: label('确认') })
    .click();
  // The queue shows submitted reports: the acknowledged one leaves it and reads 已确认 on the project.
  await expect(row).toHaveCount(0);
  await openMenu(cityPage, '项目跟踪');
  await cityPage.getByRole('link', { name: title }).click();
  await expect(cityPage.locator('#console-main').getByText('已确认')).toBeVisible();
  await city.dispose();

  // ── The reviewer sees 揭榜对接优先 on the poster unit's station application. ──
  await officer.goto(`/console/station-review/${appId}`);
  await expect(officer.locator('#console-main').getByText('揭榜对接优先')).toBeVisible();
  await expect(officer.getByRole('link', { name: title })).toBeVisible();
});

async function cityName(city: Api): Promise<string> {
  const s = await city.get<{ user: { username: string } }>('/api/auth/session');
  return s.user.username;
}
