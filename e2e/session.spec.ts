import path from 'node:path';
import SQLite from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { regionId, registerUnit, uniq } from './support/api';
import { DATA_DIR, E2E_PASSWORD } from './support/env';
import { loginUi } from './support/ui';

/** Makes every session of the account look idle for two hours, as if the user walked away. */
function ageSessions(username: string): void {
  const db = new SQLite(path.join(DATA_DIR, 'bohou.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const old = new Date(Date.now() - 2 * 3600_000).toISOString();
    db.prepare(
      'UPDATE sessions SET last_seen_at = ? WHERE user_id = (SELECT id FROM users WHERE username = ?)',
    ).run(old, username);
  } finally {
    db.close();
  }
}

test('会话超时后，工作台页面转到登录页并说明原因，重新登录后回到原页面', async ({ page }) => {
  const id = uniq();
  const username = `idle_${id}`;
  await registerUnit({ username, name: `重庆久坐测试有限公司${id}`, regionId: await regionId('南岸区') });
  await loginUi(page, username, E2E_PASSWORD);
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  await expect(page.getByTestId('notification-bell')).toBeVisible();
  await page.waitForLoadState('networkidle');

  ageSessions(username);
  await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '消息通知' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('登录已超时，请重新登录。')).toBeVisible();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/console\/notifications$/);
  await expect(page.getByRole('heading', { level: 1, name: '消息通知' })).toBeVisible();
});
