import { expect, test } from '@playwright/test';
import { tableRows } from './support/ui';

test('(c) 区县博管办通讯录：搜索“渝中”只剩一行', async ({ page }) => {
  await page.goto('/directory');
  await expect(page.getByRole('heading', { level: 1, name: '区县博管办通讯录' })).toBeVisible();
  const rows = tableRows(page.getByTestId('directory-table'));
  await expect(rows).toHaveCount(42);
  await expect(rows.first()).toContainText('88152120');

  await page.getByLabel('按名称或电话搜索').fill('渝中');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('渝中区');
  await expect(rows.first()).toContainText('63765136');

  await page.getByLabel('按名称或电话搜索').fill('没有这个区');
  await expect(page.getByText('没有匹配的办公室')).toBeVisible();
});
