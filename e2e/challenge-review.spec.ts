import { expect, test, type Page } from '@playwright/test';
import { Api, regionId, registerUnit, uniq } from './support/api';
import { daysAhead } from './support/challenges';
import { acceptAndSubmit, fillTech, pickDate, staffPage } from './support/challengeForm';
import { E2E_PASSWORD } from './support/env';
import { confirmDialog, newRolePage, openMenu, section, waitSaved } from './support/stations';
import { chooseOption, loginUi, tableRows } from './support/ui';

// The other roles' browsers of a test, closed after it (an open console keeps polling notifications).
const opened: Page[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.context().close()));
});

/** Opens a posting from the reviewer's queue (张榜审核) by its title. */
async function openFromQueue(page: Page, title: string): Promise<void> {
  await openMenu(page, '张榜审核');
  const row = tableRows(page.getByTestId('challenge-queue')).filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
}

/** Takes a decision on the open review page; `opinion` goes into the dialog's opinion field. */
async function decide(page: Page, action: string, opinion?: string): Promise<void> {
  await page.getByTestId('decision').getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog');
  if (opinion) await dialog.getByRole('textbox').fill(opinion);
  await confirmDialog(page, action);
  await expect(dialog).toBeHidden();
}

async function findInHall(page: Page, keyword: string, title: string): Promise<void> {
  await page.goto('/hall');
  await page.getByRole('searchbox', { name: '搜索榜单' }).fill(keyword);
  await page.getByRole('button', { name: /搜\s*索/ }).click();
  const card = page.getByTestId('hall-card').filter({ hasText: title });
  await expect(card).toHaveCount(1);
  await expect(card.locator('mark').first()).toBeVisible();
  await card.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('(r1) 技术攻关需求：单位张榜 → 市级通过 → 部级退回 → 修改再提交 → 两级通过 → 榜单大厅检索可见', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const id = uniq();
  const username = `chr_unit_${id}`;
  await registerUnit({
    username,
    name: `重庆渝新汽车零部件有限公司${id}`,
    regionId: await regionId('江北区'),
  });
  const title = `新能源汽车一体化压铸铝合金轮毂技术攻关${id}`;

  // ── The unit posts. ──
  await loginUi(page, username, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console$/);
  await openMenu(page, '我的张榜');
  await page.getByRole('button', { name: '发布技术攻关需求' }).click();
  await fillTech(page, {
    title,
    domain: '高端装备制造',
    deadline: daysAhead(45),
    budgetWan: 260,
    problem: '一体化压铸铝合金轮毂减重后疲劳寿命不足，需改进合金成分与热处理工艺。',
    indicators: '抗拉强度不低于 380 MPa，弯曲疲劳不低于 10⁶ 次',
    expectedOutcome: '可量产的成分与工艺方案',
    contact: '陈工',
    phone: '023-67771234',
  });
  await acceptAndSubmit(page, '技术攻关需求张榜方承诺书');
  await expect(page.getByTestId('challenge-timeline')).toContainText('提交审核');

  // ── The municipal office approves it to the national level. ──
  const city = await staffPage(browser, 'municipal_officer', '市博管办张榜审核员');
  opened.push(city);
  await openFromQueue(city, title);
  await expect(city.getByTestId('challenge-confidential')).toContainText('陈工');
  await expect(city.getByTestId('commitment')).toContainText('技术攻关需求张榜方承诺书');
  await decide(city, '通过，报部级审核', '需求明确，同意报部级审核。');
  await expect(city.getByText('待部级审核').first()).toBeVisible();

  // ── The national reviewer returns it with a comment; an empty comment is refused first. ──
  const nation = await staffPage(browser, 'national_reviewer', '部级审核员');
  opened.push(nation);
  await openFromQueue(nation, title);
  await nation.getByTestId('decision').getByRole('button', { name: '退回修改' }).click();
  await confirmDialog(nation, '退回修改');
  await expect(nation.getByText('请填写审核意见')).toBeVisible();
  await nation.getByRole('dialog').getByRole('textbox').fill('请补充技术指标对应的检测标准。');
  await confirmDialog(nation, '退回修改');
  await expect(nation.getByRole('dialog')).toBeHidden();
  await expect(nation.getByText('退回修改').first()).toBeVisible();

  // ── The unit sees the comment, revises and resubmits. ──
  await page.reload();
  await expect(page.getByTestId('returned-opinion')).toContainText('请补充技术指标对应的检测标准。');
  await page
    .getByLabel('需达到的技术指标')
    .fill('抗拉强度不低于 380 MPa（GB/T 228.1），弯曲疲劳不低于 10⁶ 次（GB/T 5334）');
  await waitSaved(page);
  await section(page, '签署承诺书并提交').getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('challenge-timeline')).toContainText('部级退回修改');

  // ── Both levels approve; it is published. ──
  await openFromQueue(city, title);
  await decide(city, '通过，报部级审核');
  await openFromQueue(nation, title);
  await decide(nation, '通过并发布', '同意发布。');
  await expect(nation.getByText('已发布').first()).toBeVisible();
  await expect(nation.getByTestId('challenge-timeline')).toContainText('部级退回修改');

  // ── Anyone finds it in the hall by a Chinese keyword; the revision is what is shown. ──
  const anon = await newRolePage(browser);
  opened.push(anon);
  await findInHall(anon, '压铸', title);
  await expect(anon.getByRole('main')).toContainText('GB/T 5334');
  await expect(anon.getByRole('main')).not.toContainText('陈工');
});

test('(r2) 成果转化需求：博士后张榜 → 同一审核流程 → 市博管办维护检索词典后用俗名也能检索到', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const id = uniq();
  const username = `chr_pd_${id}`;
  const api = await Api.open();
  await api.post('/api/accounts/register/individual', {
    username,
    password: E2E_PASSWORD,
    person: {
      name: '孙博士',
      degree: 'doctorate',
      postdocStatus: 'out_station',
      field: '药用植物学',
      institution: '西南大学',
      email: `${username}@example.cn`,
      phone: '13900002222',
    },
  });
  await api.dispose();
  const title = `鱼腥草挥发油微囊化保鲜技术成果转化${id}`;

  await loginUi(page, username, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console$/);
  await openMenu(page, '我的张榜');
  await page.getByRole('button', { name: '发布成果转化需求' }).click();
  await page.getByLabel('需求名称').fill(title);
  await chooseOption(page, page.getByLabel('所属领域'), '现代农业与食品');
  await chooseOption(page, page.getByLabel('所在区县'), '北碚区', true);
  await pickDate(page, '张榜截止日期', daysAhead(60));
  await page.getByLabel('拟融资金额（万元）').fill('150');
  await page.getByLabel('成果简介').fill('以鱼腥草挥发油为原料，采用微囊化工艺延长鲜切蔬菜货架期 5 天以上。');
  await chooseOption(page, page.getByLabel('技术成熟度'), '中试阶段');
  await page.getByLabel('知识产权归属').fill('发明专利已授权，本人为专利权人');
  await page.getByLabel('市场与用户').fill('净菜加工企业、连锁餐饮中央厨房');
  await page.getByLabel('寻求的合作方').fill('成立一年以上、具备食品生产许可的企业');
  await waitSaved(page);
  await expect(page).toHaveURL(/\/console\/challenges\/\d+$/);
  await acceptAndSubmit(page, '博士后科研成果转化需求张榜方承诺书');

  const city = await staffPage(browser, 'municipal_officer', '市博管办张榜审核员');
  opened.push(city);
  await openFromQueue(city, title);
  await decide(city, '通过，报部级审核');
  const nation = await staffPage(browser, 'national_reviewer', '部级审核员');
  opened.push(nation);
  await openFromQueue(nation, title);
  await decide(nation, '退回修改', '请写明专利号。');
  await page.reload();
  await expect(page.getByTestId('returned-opinion')).toContainText('请写明专利号。');
  await page.getByLabel('知识产权归属').fill('发明专利 ZL202210123456.7 已授权，本人为专利权人');
  await waitSaved(page);
  await section(page, '签署承诺书并提交').getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('challenge-timeline')).toContainText('部级退回修改');
  await openFromQueue(city, title);
  await decide(city, '通过，报部级审核');
  await openFromQueue(nation, title);
  await decide(nation, '通过并发布');

  // ── The municipal office adds the colloquial name to the dictionary (折耳根 = 鱼腥草). ──
  await openMenu(city, '检索词典');
  await city.getByRole('searchbox', { name: '筛选词条' }).fill('折耳根');
  if ((await tableRows(city.getByTestId('terms')).count()) === 0) {
    await city.getByRole('button', { name: '新增词条' }).click();
    const dialog = city.getByRole('dialog');
    await dialog.getByLabel('词条').fill('折耳根');
    await dialog.getByLabel('同义词').fill('鱼腥草');
    await dialog.getByLabel('同义词').press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toBeHidden();
    await expect(tableRows(city.getByTestId('terms')).filter({ hasText: '折耳根' })).toContainText('鱼腥草');
  }

  const anon = await newRolePage(browser);
  opened.push(anon);
  await findInHall(anon, '鱼腥草', title);
  await expect(anon.getByRole('main')).toContainText('ZL202210123456.7');
  await findInHall(anon, '折耳根', title);
});
