import { expect, test } from '@playwright/test';
import { createStaff, regionId, registerUnit, uniq } from './support/api';
import { E2E_PASSWORD } from './support/env';
import { changeFirstPassword, loginUi, tableRows } from './support/ui';

test('(e) 区县博管办首次登录改密后，单位名录只显示本区县单位', async ({ page }) => {
  const id = uniq();
  const beibei = await regionId('北碚区');
  const jiangbei = await regionId('江北区');
  const ownUnit = `北碚缙云新材料有限公司${id}`;
  const otherUnit = `江北港城装备有限公司${id}`;
  const ownCode = await registerUnit({ username: `bb_${id}`, name: ownUnit, regionId: beibei });
  await registerUnit({ username: `jb_${id}`, name: otherUnit, regionId: jiangbei });

  const username = `bb_officer_${id}`;
  const initial = await createStaff({
    username,
    displayName: '北碚区博管办 赵敏',
    role: 'district_officer',
    regionId: beibei,
  });

  await loginUi(page, username, initial);
  await changeFirstPassword(page, initial, E2E_PASSWORD);
  await expect(page.getByRole('banner')).toContainText('区县博管办 · 北碚区');

  await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name: '单位名录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '单位名录' })).toBeVisible();
  const table = page.getByTestId('units-table');
  await expect(tableRows(table).filter({ hasText: ownUnit })).toHaveCount(1);
  await expect(table).not.toContainText(otherUnit);
  // Every row the officer sees is in the officer's own district.
  const regions = await tableRows(table).locator('td:nth-child(4)').allInnerTexts();
  expect(regions.length).toBeGreaterThan(0);
  expect(new Set(regions)).toEqual(new Set(['北碚区']));

  await tableRows(table).filter({ hasText: ownUnit }).getByRole('button', { name: ownUnit }).click();
  const drawer = page.getByRole('dialog', { name: '单位详情' });
  await expect(drawer).toContainText(ownCode);
  await expect(drawer).toContainText('张三');
});
