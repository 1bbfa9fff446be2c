import { expect, test } from '@playwright/test';
import { Api, regionId, registerUnit, uniq } from './support/api';
import { daysAhead, publishChallenge, staffApi } from './support/challenges';
import { E2E_PASSWORD } from './support/env';
import { chooseOption } from './support/ui';

const SECRET = '保密：试验基地位于某县某村，年损耗数据为 37.5%';
const SECRET_CONTACT = '保密联系人王五';

test('(h) 榜单大厅：搜索“柑橘”高亮命中 → 按领域筛选 → 详情只显示公开部分', async ({ page }) => {
  test.setTimeout(120_000);
  const id = uniq();
  const district = await regionId('万州区');
  const unitUser = `hall_unit_${id}`;
  await registerUnit({ username: unitUser, name: `重庆三峡果业有限公司${id}`, regionId: district });
  const poster = await Api.open();
  await poster.login(unitUser, E2E_PASSWORD);
  const city = await staffApi('municipal_officer', '市博管办审核员');
  const nation = await staffApi('national_reviewer', '部级审核员');

  const citrusTitle = `柑橘采后保鲜与冷链损耗控制技术攻关${id}`;
  const common = {
    kind: 'tech' as const,
    regionId: district,
    deadline: daysAhead(60),
    support: '提供试验基地、冷库和历史损耗数据。',
    confidential: {
      details: SECRET,
      contact: { name: SECRET_CONTACT, phone: '023-58123456', email: '' },
      attachmentIds: [],
    },
  };
  await publishChallenge(poster, city, nation, {
    ...common,
    title: citrusTitle,
    domain: 'agriculture_food',
    problem: '柑橘采后贮运过程中腐烂率高，需研发绿色保鲜工艺。',
    indicators: '贮藏 90 天腐烂率低于 5%。',
    expectedOutcome: '形成可推广的保鲜工艺和冷链规范。',
    budgetWan: 120,
  });
  const otherTitle = `高性能石墨烯导热膜制备工艺${id}`;
  await publishChallenge(poster, city, nation, {
    ...common,
    title: otherTitle,
    domain: 'new_materials',
    problem: '导热膜面内热导率不足。',
    indicators: '面内热导率不低于 1500 W/(m·K)。',
    expectedOutcome: '中试工艺包。',
    budgetWan: 300,
  });
  await Promise.all([poster.dispose(), city.dispose(), nation.dispose()]);

  // ── The public hall, from the portal nav. ──
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '榜单大厅' }).click();
  await expect(page).toHaveURL(/\/hall$/);
  await expect(page.getByRole('heading', { level: 1, name: '榜单大厅' })).toBeVisible();
  const cards = page.getByTestId('hall-card');
  await expect(cards.filter({ hasText: otherTitle })).toHaveCount(1);

  await page.getByRole('searchbox', { name: '搜索榜单' }).fill('柑橘');
  await page.getByRole('button', { name: /搜\s*索/ }).click();
  const citrus = cards.filter({ hasText: citrusTitle });
  await expect(citrus).toHaveCount(1);
  await expect(cards.filter({ hasText: otherTitle })).toHaveCount(0);
  await expect(citrus.locator('mark').first()).toHaveText('柑橘');
  await expect(citrus).toContainText('技术攻关');
  await expect(citrus).toContainText('现代农业与食品');
  await expect(citrus).toContainText('万州区');
  await expect(citrus).toContainText('120 万元');
  await expect(citrus).toContainText('征集中');
  await expect(page.getByRole('status').filter({ hasText: /共 \d+ 项/ })).toBeVisible();

  // ── Filter by domain: another domain empties the result, the right one brings it back. ──
  await chooseOption(page, page.getByLabel('领域'), '新材料');
  await expect(page.getByText('暂无符合条件的榜单')).toBeVisible();
  await chooseOption(page, page.getByLabel('领域'), '现代农业与食品');
  await expect(citrus).toHaveCount(1);

  // ── The public detail. ──
  await citrus.getByRole('link', { name: citrusTitle }).click();
  await expect(page).toHaveURL(/\/hall\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: citrusTitle })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText(`重庆三峡果业有限公司${id}`);
  await expect(main).toContainText('柑橘采后贮运过程中腐烂率高');
  await expect(main).toContainText('贮藏 90 天腐烂率低于 5%。');
  await expect(main).toContainText('形成可推广的保鲜工艺和冷链规范。');
  await expect(main).toContainText('提供试验基地、冷库和历史损耗数据。');
  await expect(main).toContainText('120 万元');
  await expect(main).toContainText('万州区');
  await expect(main).toContainText('签署保密协议');
  const html = await page.content();
  expect(html).not.toContain('试验基地位于某县某村');
  expect(html).not.toContain(SECRET_CONTACT);
  expect(html).not.toContain('023-58123456');
});
