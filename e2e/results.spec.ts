import { expect, test } from '@playwright/test';
import { Api, createStaff, uniq } from './support/api';
import { E2E_PASSWORD } from './support/env';
import { shot } from './support/stations';
import { matchThroughApi } from './support/results';
import { loginUi } from './support/ui';

/** A municipal officer with the first password changed; returns the username. */
async function cityOfficer(): Promise<string> {
  const username = `city_rs_${uniq()}`;
  const initial = await createStaff({
    username,
    displayName: '市博管办（成果公告）',
    role: 'municipal_officer',
  });
  const api = await Api.open();
  await api.login(username, initial);
  await api.post('/api/auth/password', { currentPassword: initial, newPassword: E2E_PASSWORD });
  await api.dispose();
  return username;
}

test('the office compiles and publishes a results announcement; it is public; a party downloads its certificate', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const match = await matchThroughApi();
  const officer = await cityOfficer();
  const title = `揭榜成果公告（浏览器测试 ${uniq()}）`;
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  // ── The municipal office drafts, compiles the period and publishes. ──
  const page = await (await browser.newContext()).newPage();
  await loginUi(page, officer, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console/);
  await page.getByRole('menuitem', { name: '成果公告' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '揭榜成果公告' })).toBeVisible();
  await page.getByRole('button', { name: '新建公告' }).click();
  await page.getByLabel('公告标题').fill(title);
  for (const [label, date] of [
    ['期间起', `${today.slice(0, 4)}-01-01`],
    ['期间止', today],
  ] as const) {
    const input = page.getByLabel(label);
    await input.click();
    await input.fill(date);
    await input.press('Enter');
    await expect(input).toHaveValue(date);
  }
  await page.getByLabel('公告导语').fill('现将本期揭榜领题对接成功项目公告如下。');
  await page.getByRole('button', { name: '汇编本期项目' }).click();
  const items = page.locator('.ant-table-tbody');
  await expect(items.getByText(match.title)).toBeVisible({ timeout: 30_000 });
  // Other specs' matches of the period may be listed too; the announcement names them all.
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('button', { name: /^发\s*布$/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.page-head h1')).toContainText('草稿');
  await page.getByRole('button', { name: /^发\s*布$/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.locator('.page-head h1')).toContainText('已发布', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: /^撤\s*回$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^发\s*布$/ })).toHaveCount(0);
  await shot(page, 'results-editor');

  // ── Anyone: the portal's 揭榜成果 lists it; the detail shows public facts only. ──
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/');
  await visitor.getByRole('navigation').getByRole('link', { name: '揭榜成果' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: /揭榜成果公告/ })).toBeVisible();
  await visitor.getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByText(match.title)).toBeVisible();
  await expect(visitor.getByText(match.takerName)).toBeVisible();
  const body = await visitor.locator('main, .portal-page').first().innerText();
  for (const secret of ['吴工', '023-67001234', '内部测试数据']) expect(body).not.toContain(secret);
  await shot(visitor, 'results-public');

  // ── The taker downloads its certificate of successful match, then anyone verifies it by code. ──
  const party = await (await browser.newContext()).newPage();
  await loginUi(party, match.takerUsername, E2E_PASSWORD);
  await expect(party).toHaveURL(/\/console/);
  await party.getByRole('menuitem', { name: '我的证明' }).click();
  await expect(party.getByRole('heading', { level: 1, name: '我的证明' })).toBeVisible();
  const row = party.locator('tr', { hasText: match.title });
  await expect(row).toContainText('揭榜对接成功证明');
  const pdf = party
    .context()
    .waitForEvent('response', (r) => /\/api\/results\/certificates\/\d+\/pdf$/.test(r.url()));
  await row.getByRole('button', { name: '下载证明' }).click();
  const res = await pdf;
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/pdf');
  await expect(row).toContainText(/BH-JB-\d{4}-\d{6}/, { timeout: 30_000 });
  await shot(party, 'results-certificates');
  const code = /\/ ([A-Z2-7]{16})/.exec(await row.innerText())![1]!;

  await visitor.goto('/verify/certificate');
  await visitor.getByLabel('验证码').fill(code);
  await visitor.getByRole('button', { name: /核\s*验/ }).click();
  await expect(visitor.getByText('验证通过：该证明由本平台开具')).toBeVisible();
  await expect(visitor.getByText(match.title)).toBeVisible();
});
