import { expect, test } from '@playwright/test';
import { createStaff, uniq } from './support/api';
import { E2E_PASSWORD } from './support/env';
import { changeFirstPassword, loginUi, tableRows } from './support/ui';

test('(f) 审计管理员查看审计日志，哈希链校验通过', async ({ page }) => {
  const username = `auditor_${uniq()}`;
  const initial = await createStaff({ username, displayName: '审计管理员 孙丽', role: 'audit_admin' });

  await loginUi(page, username, initial);
  await changeFirstPassword(page, initial, E2E_PASSWORD);

  await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  const table = page.getByTestId('audit-table');
  await expect(tableRows(table).first()).toBeVisible();
  // Its own first-login password change is the latest record.
  await expect(tableRows(table).first()).toContainText('修改密码');
  await expect(table).toContainText(username);

  // Filter by action: only account creations.
  await page.getByLabel('操作', { exact: true }).click();
  await page.getByLabel('操作', { exact: true }).fill('account.created');
  await page.locator('.ant-select-dropdown:visible').getByText('开设账号 (account.created)').click();
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(tableRows(table).first()).toContainText('开设账号');
  const actions = await tableRows(table).locator('td:nth-child(5)').allInnerTexts();
  expect(actions.every((a) => a.includes('account.created'))).toBe(true);

  // Expand a record: before/after are shown.
  await tableRows(table)
    .first()
    .getByRole('button', { name: /展开|expand/i })
    .click();
  await expect(page.getByText('变更后')).toBeVisible();
  await expect(page.locator('.json-block').first()).toContainText('"role"');

  await page.getByRole('button', { name: '校验哈希链' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('哈希链完整');
});
