import { expect, type Locator, type Page } from '@playwright/test';

/** Logs in through the login page. */
export async function loginUi(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** On the forced change-password page: replaces the initial password and lands on the dashboard. */
export async function changeFirstPassword(page: Page, current: string, next: string): Promise<void> {
  await expect(page).toHaveURL(/\/console\/password$/);
  await expect(page.getByTestId('forced-password-notice')).toContainText('请先修改初始密码');
  await page.getByLabel('当前密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('确认新密码').fill(next);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page).toHaveURL(/\/console$/);
}

/** Picks an option in an antd Select, typing first when the select is searchable. */
export async function chooseOption(
  page: Page,
  field: Locator,
  option: string,
  search = false,
): Promise<void> {
  await field.click();
  if (search) await field.fill(option);
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/** The data rows of the antd table inside `scope`. */
export function tableRows(scope: Locator): Locator {
  return scope.locator('tbody tr.ant-table-row');
}
