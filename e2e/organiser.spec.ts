import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { Api, createStaff, regionId, registerIndividual, registerUnit, uniq } from './support/api';
import { daysAhead, publishChallenge, staffApi } from './support/challenges';
import { E2E_PASSWORD } from './support/env';
import { confirmDialog, label, newRolePage, openMenu } from './support/stations';
import { loginUi, tableRows } from './support/ui';

/*
 * 主办方组织服务 in the browser (issue #6): a district office verifies a posting, questions a sign-up (the
 * taker reads the note), reads the engagement overview and exports it, and suggests a recommended PhD to the
 * poster; the poster sees the suggestion, the PhD sees it under 为我推荐. Data is made by API.
 */
const expect = baseExpect.configure({ timeout: 30_000 });
const DISTRICT = '城口县';

const opened: Page[] = [];
test.afterEach(async () => {
  for (const p of opened.splice(0)) await p.context().close();
});

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await newRolePage(browser);
  opened.push(page);
  await loginUi(page, username, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console$/);
  return page;
}

async function districtOfficer(browser: Browser): Promise<Page> {
  const username = `dist_${uniq()}`;
  const initial = await createStaff({
    username,
    displayName: '城口县博管办',
    role: 'district_officer',
    regionId: await regionId(DISTRICT),
  });
  const api = await Api.open();
  await api.login(username, initial);
  await api.post('/api/auth/password', { currentPassword: initial, newPassword: E2E_PASSWORD });
  await api.dispose();
  return as(browser, username);
}

test('(a) 区县核实张榜与报名、查看对接总览并导出、向张榜方推荐揭榜方', async ({ browser }) => {
  test.setTimeout(240_000);
  const id = uniq();
  const title = `钒液流电池电解液稳定性技术攻关${id}`;
  const poster = `orgunit_${id}`;
  const taker = `orgphd_${id}`;
  const fit = `orgfit_${id}`;
  const fitName = `液流博士${id.slice(-3)}`;
  await registerUnit({
    username: poster,
    name: `城口储能科技有限公司${id}`,
    regionId: await regionId(DISTRICT),
  });
  await registerIndividual(taker, `报名博士${id.slice(-3)}`, '新能源材料');
  await registerIndividual(fit, fitName, '液流电池电解液与新能源储能');
  const posterApi = await Api.open();
  await posterApi.login(poster, E2E_PASSWORD);
  const [city, nation] = await Promise.all([
    staffApi('municipal_officer', '市博管办（组织）'),
    staffApi('national_reviewer', '部级审核（组织）'),
  ]);
  const challengeId = await publishChallenge(posterApi, city, nation, {
    kind: 'tech',
    title,
    domain: 'new_energy',
    regionId: await regionId(DISTRICT),
    deadline: daysAhead(60),
    problem: '全钒液流电池电解液在高温下析出，容量衰减快，需要提升电解液稳定性。',
    indicators: '50℃下 200 次循环容量保持率不低于 90%。',
    expectedOutcome: '电解液配方与中试验证。',
    budgetWan: 150,
    support: '提供储能示范站测试条件。',
    confidential: {
      details: '现场数据（保密）',
      contact: { name: '何工', phone: '023-59001234', email: '' },
      attachmentIds: [],
    },
  });
  const takerApi = await Api.open();
  await takerApi.login(taker, E2E_PASSWORD);
  const signup = await takerApi.post<{ id: number }>(`/api/challenges/${challengeId}/signups`, {
    takerKind: 'individual',
  });
  await Promise.all([posterApi.dispose(), takerApi.dispose(), city.dispose(), nation.dispose()]);

  // The district office: 核实 the posting, question the sign-up.
  const office = await districtOfficer(browser);
  await openMenu(office, '信息核实');
  const postingRow = tableRows(office.getByRole('main')).filter({ hasText: title });
  await postingRow.getByRole('button', { name: label('核实通过') }).click();
  await confirmDialog(office, '确定');
  await expect(office.getByText('已记录核实结果')).toBeVisible();
  await office.getByRole('tab', { name: '揭榜报名' }).click();
  const signupRow = tableRows(office.getByRole('main')).filter({ hasText: title });
  await signupRow.getByRole('button', { name: label('存疑') }).click();
  await office.getByRole('dialog').getByLabel('核实意见').fill('请补充博士学位证书扫描件');
  await confirmDialog(office, '确定');
  // Questioned: it leaves the 待核实 list.
  await expect(tableRows(office.getByRole('main')).filter({ hasText: title })).toHaveCount(0);

  // The overview: the sign-up is there, verification shown; the export downloads an Excel file.
  await openMenu(office, '对接总览');
  const overviewRow = tableRows(office.getByRole('main')).filter({ hasText: title });
  await expect(overviewRow).toContainText('未提交方案');
  await expect(overviewRow).toContainText('存疑');
  const download = office.waitForEvent('download');
  await office.getByRole('link', { name: /导出 Excel/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^对接总览-.*\.xlsx$/);

  // 对接服务: the recommended PhD, with the reasons, suggested to the poster.
  await overviewRow.getByRole('link', { name: title }).click();
  await expect(office.getByRole('heading', { name: `对接服务：${title}` })).toBeVisible();
  const recRow = tableRows(office.getByRole('main')).filter({ hasText: fitName });
  await expect(recRow).toContainText('同领域');
  await expect(recRow).toContainText('关键词');
  await recRow.getByRole('button', { name: label('推荐给张榜方') }).click();
  await office.getByRole('dialog').getByLabel('推荐说明').fill('研究方向为液流电池电解液，建议对接。');
  await office
    .getByRole('dialog')
    .getByRole('button', { name: label('推荐给张榜方') })
    .click();
  await expect(office.getByText('已推荐，并已通知张榜方和被推荐方')).toBeVisible();
  await expect(
    tableRows(office.getByRole('main')).filter({ hasText: '研究方向为液流电池电解液' }),
  ).toContainText('已推荐');

  // The taker reads the question on the sign-up.
  const takerPage = await as(browser, taker);
  await takerPage.goto(`/console/taking/${signup.id}`);
  await expect(takerPage.getByText('主办方核实存疑：请补充博士学位证书扫描件')).toBeVisible();

  // The poster sees the suggestion on its takers page.
  const posterPage = await as(browser, poster);
  await posterPage.goto(`/console/challenges/${challengeId}/takers`);
  await expect(tableRows(posterPage.getByRole('main')).filter({ hasText: fitName }).last()).toContainText(
    '已推荐',
  );

  // The suggested PhD finds it under 为我推荐, with the need among the recommendations.
  const fitPage = await as(browser, fit);
  await openMenu(fitPage, '为我推荐');
  await expect(fitPage.getByText('主办方推荐给您的榜单')).toBeVisible();
  await expect(fitPage.getByRole('link', { name: title }).first()).toBeVisible();
  await expect(fitPage.getByRole('link', { name: '去报名' })).toBeVisible();
});
