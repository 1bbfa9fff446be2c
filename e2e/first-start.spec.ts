import { expect, test } from '@playwright/test';
import { Api, initialAdminPassword, saveState, uniq } from './support/api';
import { E2E_PASSWORD } from './support/env';
import { changeFirstPassword, chooseOption, loginUi, tableRows } from './support/ui';

/*
 * (d) The platform's first start: the initial system administrator logs in with the password from
 * DATA_DIR/initial-admin.txt, is forced to change it, then creates a district officer and sees the
 * initial password exactly once. Later specs use the admin through the API (see support/api.ts).
 */
test('系统管理员首次登录：强制改密，开设区县博管办账号，初始密码只显示一次', async ({ page }) => {
  const initial = initialAdminPassword();
  await loginUi(page, 'sysadmin', initial);

  // Every console page sends the admin to the change-password page until the password is changed.
  await expect(page).toHaveURL(/\/console\/password$/);
  await page.goto('/console/accounts');
  await expect(page).toHaveURL(/\/console\/password$/);
  await changeFirstPassword(page, initial, E2E_PASSWORD);
  saveState({ adminPassword: E2E_PASSWORD });
  await expect(page.getByRole('heading', { name: /您好/ })).toContainText('系统管理员');

  await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '账号管理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '账号管理' })).toBeVisible();
  await page.getByRole('button', { name: '新建工作人员账号' }).click();

  const dialog = page.getByRole('dialog', { name: '新建工作人员账号' });
  const username = `yz_officer_${uniq()}`;
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名或名称').fill('渝中区博管办 李明');
  await chooseOption(page, dialog.getByLabel('角色'), '区县博管办');
  // A district office account must be bound to a district: the field appears for this role only.
  await chooseOption(page, dialog.getByLabel('所属区县'), '渝中区', true);
  await dialog
    .getByRole('button', { name: '提 交' })
    .or(dialog.getByRole('button', { name: '提交' }))
    .click();

  const shown = page.getByRole('dialog', { name: '初始密码' });
  await expect(shown).toContainText(`账号“${username}”已创建`);
  await expect(shown).toContainText('初始密码只显示这一次');
  const password = (await shown.getByTestId('initial-password').innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(8);
  await shown.getByRole('button', { name: '我已记下' }).click();
  await expect(shown).toBeHidden();
  await expect(page.getByText(password)).toHaveCount(0);

  const row = tableRows(page.getByTestId('accounts-table')).filter({ hasText: username });
  await expect(row).toContainText('区县博管办');
  await expect(row).toContainText('渝中区');
  await expect(row).toContainText('待修改初始密码');

  // The password shown is the real one: it logs in and must be changed.
  const api = await Api.open();
  const { user } = await api.login(username, password);
  expect(user.mustChangePassword).toBe(true);
  await api.dispose();
});
