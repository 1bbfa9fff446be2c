import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { Api, createStaff, regionId, registerUnit, uniq } from './support/api';
import { daysAhead, publishChallenge, staffApi } from './support/challenges';
import { E2E_PASSWORD } from './support/env';
import { loginUi } from './support/ui';

/** A staff account with its first password already changed; returns the username. */
async function staffUser(role: string, displayName: string): Promise<string> {
  const username = `${role.slice(0, 8)}_${uniq()}`;
  const initial = await createStaff({ username, displayName, role });
  const api = await Api.open();
  await api.login(username, initial);
  await api.post('/api/auth/password', { currentPassword: initial, newPassword: E2E_PASSWORD });
  await api.dispose();
  return username;
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
      phone: '13800002222',
    },
  });
  await api.dispose();
}

async function loggedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginUi(page, username, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console/);
  return page;
}

/** Opens a console page with an agreement's drawer (the machine may be slow: a generous first wait). */
async function openAgreement(page: Page, url: string, state: string) {
  await page.goto(url);
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('agreement-state')).toHaveText(state, { timeout: 30_000 });
  return drawer;
}

/** A party opens the agreement from 文书签署 and signs it with the password. */
async function signAs(page: Page, id: number, expected: string): Promise<void> {
  const drawer = await openAgreement(page, `/console/agreements?open=${id}`, '签署中');
  await drawer.getByRole('button', { name: /^签\s*署$/ }).click();
  const dialog = page.getByRole('dialog', { name: '签署文书' });
  await dialog.getByLabel('登录密码').fill(E2E_PASSWORD);
  await dialog.getByRole('button', { name: /^签\s*署$/ }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(drawer.getByRole('button', { name: /^签\s*署$/ })).toHaveCount(0);
  await expect(drawer.getByRole('row').filter({ has: page.getByText(/（我）/) })).toContainText('已签署');
  await expect(drawer.getByTestId('agreement-state')).toHaveText(expected);
}

test('(a) 合作协议：揭榜方、张榜方依次在线签署 → 市博管办备案 → 下载备案 PDF → 文书验证为有效，改动一个字节则为已改动', async ({
  browser,
  page,
}) => {
  test.setTimeout(300_000);
  const id = uniq();
  const district = await regionId('渝北区');
  const posterUser = `agr_unit_${id}`;
  const takerUser = `agr_pd_${id}`;
  await registerUnit({ username: posterUser, name: `重庆渝北新能源科技有限公司${id}`, regionId: district });
  await registerPostdoc(takerUser, '周博士');
  const officer = await staffUser('municipal_officer', '市博管办备案员');
  const poster = await Api.open();
  await poster.login(posterUser, E2E_PASSWORD);
  const city = await staffApi('municipal_officer', '市博管办审核员');
  const nation = await staffApi('national_reviewer', '部级审核员');
  const title = `固态电池电解质界面稳定性技术攻关${id}`;
  const challengeId = await publishChallenge(poster, city, nation, {
    kind: 'tech',
    title,
    domain: 'new_energy',
    regionId: district,
    deadline: daysAhead(60),
    problem: '固态电解质与电极界面阻抗高，循环后界面劣化。',
    indicators: '界面阻抗降低 50%，循环 500 次容量保持率不低于 85%。',
    expectedOutcome: '界面改性工艺方案与中试验证。',
    budgetWan: 260,
    support: '提供电池中试线与检测平台。',
    confidential: {
      details: '内部测试数据',
      contact: { name: '吴工', phone: '023-67001234', email: '' },
      attachmentIds: [],
    },
  });
  await Promise.all([poster.dispose(), city.dispose(), nation.dispose()]);

  // ── The municipal office makes the 合作协议 between the poster and the chosen taker. ──
  await loginUi(page, officer, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console/);
  await page.getByRole('menuitem', { name: '备案登记' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '备案登记' })).toBeVisible();
  await page.getByRole('button', { name: '生成文书' }).click();
  const create = page.getByRole('dialog', { name: '为张榜需求生成文书' });
  await expect(create.getByLabel('文书模板')).toBeVisible();
  await create.getByLabel('需求编号').fill(String(challengeId));
  await create.getByLabel('揭榜方账号（用户名）').fill(takerUser);
  await create.getByLabel('合作内容').fill('固态电池界面改性技术攻关与中试验证');
  await create.getByLabel('合作结束日期').fill('2027-12-31');
  await create.getByRole('button', { name: '生成文书' }).click();
  await expect(page).toHaveURL(/open=\d+/);
  const agreementId = Number(new URL(page.url()).searchParams.get('open'));
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('agreement-state')).toHaveText('签署中');
  await expect(drawer).toContainText(title);
  await expect(drawer).toContainText('260 万元');

  // ── Signing order: the poster (张榜方) may not sign before the taker (揭榜方). ──
  const posterPage = await loggedIn(browser, posterUser);
  const posterDrawer = await openAgreement(posterPage, `/console/agreements?open=${agreementId}`, '签署中');
  await expect(posterDrawer.getByRole('button', { name: /^签\s*署$/ })).toHaveCount(0);

  const takerPage = await loggedIn(browser, takerUser);
  await signAs(takerPage, agreementId, '签署中');
  await signAs(posterPage, agreementId, '已签署待备案');

  // ── The office files it: sealed PDF, filing number. ──
  await openAgreement(page, `/console/agreement-register?state=signed&open=${agreementId}`, '已签署待备案');
  await drawer.getByRole('button', { name: /^备\s*案$/ }).click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(drawer.getByTestId('agreement-state')).toHaveText('已备案', { timeout: 30_000 });
  await expect(drawer.getByTestId('filing-number')).toHaveText(/^渝博备〔\d{4}〕\d+号$/);

  // ── A party downloads the filed PDF. ──
  const takerDrawer = await openAgreement(takerPage, `/console/agreements?open=${agreementId}`, '已备案');
  const [download] = await Promise.all([
    takerPage.waitForEvent('download'),
    takerDrawer.getByRole('link', { name: /下载 PDF/ }).click(),
  ]);
  const file = test.info().outputPath('filed.pdf');
  await download.saveAs(file);
  const pdf = fs.readFileSync(file);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // ── The public verification page: the file is valid; one byte changed is reported changed. ──
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/verify');
  await expect(visitor.getByRole('heading', { level: 1, name: '文书验证' })).toBeVisible({ timeout: 30_000 });
  await visitor.locator('input[type=file]').setInputFiles(file);
  const verdict = visitor.getByTestId('verify-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'valid', { timeout: 30_000 });
  await expect(verdict).toContainText('有效：与备案原件一致，未被改动');
  await expect(verdict).toContainText(/渝博备〔\d{4}〕\d+号/);

  const changed = Buffer.from(pdf);
  const at = Math.floor(changed.length / 3);
  changed[at] = changed[at]! ^ 0x01;
  await visitor
    .locator('input[type=file]')
    .setInputFiles({ name: 'changed.pdf', mimeType: 'application/pdf', buffer: changed });
  await expect(verdict).toHaveAttribute('data-verdict', 'changed', { timeout: 30_000 });
  await expect(verdict).toContainText('备案后已被改动');
});
