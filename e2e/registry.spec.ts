import { expect, test } from '@playwright/test';
import { Api, createStaff, regionId, registerUnit, uniq, validCreditCode } from './support/api';
import { E2E_PASSWORD } from './support/env';
import {
  confirmSettled,
  importWorkbook,
  invalidIdNumber,
  isoDaysAgo,
  validIdNumber,
} from './support/registry';
import { label, newRolePage, openMenu, shot } from './support/stations';
import { changeFirstPassword, loginUi, tableRows } from './support/ui';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('(r) 工作站管理：Excel 导入 → 单位登记进站 → 动态调整检查 → 确认注销 → 统计分析', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const id = uniq();
  const wuxi = await regionId('巫溪县');
  const chengkou = await regionId('城口县');

  // A registered unit whose existing station is imported (matched by its credit code).
  const unitUser = `rg_unit_${id}`;
  const unitName = `重庆巫溪云台生物科技有限公司${id}`;
  const unitCode = await registerUnit({ username: unitUser, name: unitName, regionId: wuxi });
  const young = `E2E-${id}-A`;
  const old = `E2E-${id}-B`;

  // The municipal officer (first login changes the initial password).
  const cityName = `rg_city_${id}`;
  const cityInitial = await createStaff({
    username: cityName,
    displayName: '市博管办 周宁',
    role: 'municipal_officer',
  });
  await loginUi(page, cityName, cityInitial);
  await changeFirstPassword(page, cityInitial, E2E_PASSWORD);
  const cityApi = await Api.open();
  await cityApi.login(cityName, E2E_PASSWORD);
  const before = await cityApi.get<{ rows: { deregistered: number }[] }>(
    `/api/stats/stations?regionId=${chengkou}`,
  );
  const deregisteredBefore = before.rows[0]?.deregistered ?? 0;
  const xlsx = await importWorkbook(cityApi, [
    {
      number: young,
      unitName,
      creditCode: unitCode,
      unitType: '企业',
      region: '巫溪县',
      certifiedOn: isoDaysAgo(200),
    },
    {
      number: old,
      unitName: `重庆城口老站科技有限公司${id}`,
      creditCode: validCreditCode(),
      unitType: '企业',
      region: '城口县',
      certifiedOn: isoDaysAgo(30, 5),
    },
    {
      number: `E2E-${id}-C`,
      unitName: '坏行单位',
      creditCode: '91500000XXXXXXXXX1',
      unitType: '企业',
      region: '城口县',
      certifiedOn: isoDaysAgo(10),
    },
  ]);
  await cityApi.dispose();

  // ── Import: dry run shows the bad row and column; then import the valid rows only. ──
  await openMenu(page, '工作站管理');
  await expect(page.getByRole('heading', { level: 1, name: '工作站管理' })).toBeVisible();
  await page.getByRole('button', { name: '导入工作站' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '导入工作站' })).toBeVisible();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: `stations-${id}.xlsx`, mimeType: XLSX, buffer: xlsx });
  await page.getByRole('button', { name: '校验预览' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('校验预览（未导入）');
  await expect(page.getByTestId('import-summary')).toContainText(
    '共 3 行：无误 2 行，有误 1 行；已导入 0 个工作站',
  );
  const badRow = tableRows(page.getByTestId('import-report')).filter({ hasText: `E2E-${id}-C` });
  await expect(badRow).toContainText('统一社会信用代码');
  await expect(badRow).toContainText('4');
  await shot(page, 'registry-import');
  await page.getByLabel('仅导入无误的行').check();
  await page.getByRole('button', { name: label('导入') }).click();
  await expect(page.getByTestId('import-summary')).toContainText('已导入 2 个工作站');

  // ── Both stations are in the registry. ──
  await page.getByRole('link', { name: '返回工作站管理' }).click();
  await page.getByRole('searchbox', { name: '单位名称或工作站编号' }).fill(`E2E-${id}`);
  const registry = page.getByTestId('registry-table');
  await expect(tableRows(registry)).toHaveCount(2);
  await expect(tableRows(registry).filter({ hasText: old })).toContainText('城口县');
  await expect(tableRows(registry).filter({ hasText: old })).toContainText('预警');

  // ── The unit records a recruit on its imported station (the ID number is checked as typed). ──
  const unit = await newRolePage(browser);
  await loginUi(unit, unitUser, E2E_PASSWORD);
  await expect(unit).toHaveURL(/\/console$/);
  await openMenu(unit, '我的工作站');
  await expect(unit.getByTestId('station-facts')).toContainText(unitName);
  await unit.getByRole('button', { name: '登记进站' }).click();
  const form = unit.getByRole('dialog');
  await form.getByLabel('姓名').fill('王博');
  await form.getByLabel('身份证号').fill(invalidIdNumber());
  await expect(form.getByText('身份证号校验不通过，请核对')).toBeVisible();
  const idNumber = validIdNumber();
  await form.getByLabel('身份证号').fill(idNumber);
  await expect(form.getByText('身份证号校验不通过，请核对')).toBeHidden();
  await form.getByLabel('合作导师').fill('刘强');
  await form.getByLabel('联合培养流动站').fill('重庆大学 生物学');
  await form.getByLabel('研究项目').fill('中药材活性成分筛选');
  await form.getByLabel('进站日期').fill(isoDaysAgo(20));
  await form.getByLabel('进站日期').press('Enter');
  await form.getByRole('button', { name: label('保存') }).click();
  await expect(form).toBeHidden();
  const recruits = tableRows(unit.getByTestId('recruits-table'));
  await expect(recruits).toHaveCount(1);
  await expect(recruits.first()).toContainText('王博');
  await expect(recruits.first()).toContainText(idNumber.slice(-4));
  await expect(recruits.first()).not.toContainText(idNumber);
  await shot(unit, 'registry-unit');
  await unit.context().close();

  // ── The municipal officer runs the check twice: the old station enters rectification, then is proposed. ──
  for (const [heading, expected] of [
    ['进入整改期', old],
    ['提请注销', old],
  ] as const) {
    await page.getByRole('button', { name: '运行动态调整检查' }).click();
    const report = page.getByTestId('adjustment-report');
    await confirmSettled(page, '继续？', '确定', report);
    await expect(report.getByRole('row', { name: new RegExp(heading) })).toContainText(expected);
    await page.getByTestId('adjustment-close').click();
    await expect(report).toBeHidden();
  }
  await expect(tableRows(registry).filter({ hasText: old })).toContainText('提请注销');

  // ── Confirm the deregistration with an opinion. ──
  await registry.getByRole('link', { name: old }).click();
  await expect(page.getByText('已提请注销设站资格，请市博管办确认')).toBeVisible();
  await page.getByRole('button', { name: label('确认注销') }).click();
  await page.getByRole('dialog').getByLabel('意见').fill('整改期届满仍未招收博士后，经研究予以注销。');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: label('确认注销') })
    .click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('station-history')).toContainText(
    '整改期届满仍未招收博士后，经研究予以注销。',
  );
  await expect(page.getByTestId('station-history')).toContainText('连续四年未招收博士后研究人员');
  await expect(page.getByRole('button', { name: label('确认注销') })).toHaveCount(0);
  await shot(page, 'registry-detail');

  // ── The dashboard counts it as deregistered in 城口县. ──
  await openMenu(page, '统计分析');
  const stations = page.getByTestId('stats-stations');
  const row = tableRows(stations).filter({ hasText: '城口县' });
  await expect(row.locator('td').nth(3)).toHaveText(String(deregisteredBefore + 1));
  await shot(page, 'registry-stats');
});

test('(r) 服务指南：区县博管办编辑本区县指南 → 门户通讯录展开可见', async ({ page }) => {
  const id = uniq();
  const name = `rg_dist_${id}`;
  const initial = await createStaff({
    username: name,
    displayName: '巫山县博管办 孙丽',
    role: 'district_officer',
    regionId: await regionId('巫山县'),
  });
  await loginUi(page, name, initial);
  await changeFirstPassword(page, initial, E2E_PASSWORD);
  await openMenu(page, '服务指南');
  await expect(page.getByRole('heading', { level: 1, name: '服务指南 · 巫山县' })).toBeVisible();
  const text = `博士后凭人才服务卡享受绿色通道服务（${id}）`;
  await page.getByLabel('人才服务卡').fill(text);
  await page.getByLabel('住房保障').fill('提供人才公寓，租金减免三年。');
  await page.getByRole('button', { name: label('保存') }).click();
  await expect(page.getByText('服务指南已保存')).toBeVisible();

  await page.goto('/directory');
  await page.getByLabel('按名称或电话搜索').fill('巫山');
  const row = tableRows(page.getByTestId('directory-table')).filter({ hasText: '巫山县' });
  await row.getByRole('button').first().click();
  const guide = page.getByTestId('directory-table').locator('[data-testid^="guide-"]');
  await expect(guide).toContainText(text);
  await expect(guide).toContainText('住房保障');
});
