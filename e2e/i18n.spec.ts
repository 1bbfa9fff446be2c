import { expect, test } from '@playwright/test';

test('(g) 切换为英文后显示英文界面，刷新后保持，服务端错误也为英文', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('navigation', { name: '主导航' })).toContainText('区县博管办通讯录');

  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Office Directory' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'User Guide' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'One-stop platform for postdoctoral affairs',
  );

  await page.reload();
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();

  await page.getByRole('banner').getByRole('link', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await page.getByLabel('Username').fill('nobody_here');
  await page.getByLabel('Password').fill('Wrong-passw0rd');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong username or password');

  await page.goto('/directory');
  await expect(page.getByRole('columnheader', { name: 'Telephone' })).toBeVisible();
  await expect(page.getByText('Yuzhong District')).toBeVisible();

  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: '区县博管办通讯录' })).toBeVisible();
});
