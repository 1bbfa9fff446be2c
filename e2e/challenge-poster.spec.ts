import path from 'node:path';
import SQLite from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { Api, regionId, registerUnit, uniq } from './support/api';
import { daysAhead, staffApi } from './support/challenges';
import { DATA_DIR, E2E_PASSWORD } from './support/env';
import { label, openMenu, section, uploadEvidence, waitSaved } from './support/stations';
import { chooseOption, loginUi, tableRows } from './support/ui';

/** A postdoc in station, registered as an individual account. */
async function registerPostdoc(username: string, name: string): Promise<void> {
  const api = await Api.open();
  await api.post('/api/accounts/register/individual', {
    username,
    password: E2E_PASSWORD,
    person: {
      name,
      degree: 'doctorate',
      postdocStatus: 'in_station',
      field: '中药学',
      institution: '重庆医科大学',
      email: `${username}@example.cn`,
      phone: '13800001111',
    },
  });
  await api.dispose();
}

async function loggedInApi(username: string): Promise<Api> {
  const api = await Api.open();
  await api.login(username, E2E_PASSWORD);
  return api;
}

/** Reads a posting straight from the e2e database (what the server really holds). */
function dbRow(id: number): { state: string; title: string; deadline: string; revision: number } {
  const db = new SQLite(path.join(DATA_DIR, 'bohou.sqlite'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare('SELECT state, title, deadline, revision FROM challenges WHERE id = ?').get(id) as {
      state: string;
      title: string;
      deadline: string;
      revision: number;
    };
  } finally {
    db.close();
  }
}

/** Moves a draft's deadline into the past, as if it had sat unsent until after its deadline. */
function backdate(id: number, deadline: string): void {
  const db = new SQLite(path.join(DATA_DIR, 'bohou.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(
      "UPDATE challenges SET deadline = ?, public_json = json_set(public_json, '$.deadline', ?) WHERE id = ?",
    ).run(deadline, deadline, id);
  } finally {
    db.close();
  }
}

const idOf = (page: Page) => Number(/\/console\/challenges\/(\d+)$/.exec(page.url())![1]);

async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

async function acceptAndSubmit(page: Page, letterTitle: string): Promise<void> {
  const panel = section(page, '签署承诺书并提交');
  await expect(panel.getByTestId('commitment-text')).toBeVisible();
  await expect(panel).toContainText(letterTitle);
  await expect(panel.getByRole('button', { name: '提交审核' })).toBeDisabled();
  await panel.getByLabel('我已阅读并承诺').check();
  await panel.getByRole('button', { name: '签署承诺书' }).click();
  await expect(panel.getByTestId('commitment-accepted')).toContainText('已签署承诺书');
  await panel.getByRole('button', { name: '提交审核' }).click();
}

test('(p1) 技术攻关需求：单位填写 → 草稿自动保存、刷新不丢 → 签署承诺书提交 → 退回后按意见修改再提交', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const id = uniq();
  const username = `chp_unit_${id}`;
  await registerUnit({ username, name: `重庆渝新材料科技有限公司${id}`, regionId: await regionId('北碚区') });
  const title = `高强韧铝合金轮毂轻量化技术攻关${id}`;

  await loginUi(page, username, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console$/);
  await openMenu(page, '我的张榜');
  await expect(page.getByRole('heading', { level: 1, name: '我的张榜' })).toBeVisible();
  await expect(page.getByRole('button', { name: '发布成果转化需求' })).toHaveCount(0);
  await page.getByRole('button', { name: '发布技术攻关需求' }).click();
  await expect(page).toHaveURL(/\/console\/challenges\/new\/tech$/);

  const pub = section(page, '公开信息');
  await expect(pub).toContainText('审核通过后将在榜单大厅向社会公开');
  await pub.getByLabel('需求名称').fill(title);
  await chooseOption(page, pub.getByLabel('所属领域'), '新材料');
  await expect(pub.locator('.ant-form-item').filter({ hasText: '所在区县' })).toContainText('北碚区');
  await pickDate(page, '张榜截止日期', daysAhead(60));
  await pub.getByLabel('拟投入经费（万元）').fill('300');
  await pub
    .getByLabel('需解决的技术难题')
    .fill('铝合金轮毂减重 15% 后疲劳寿命不足，需改进合金成分与热处理工艺。');
  await pub.getByLabel('需达到的技术指标').fill('抗拉强度 ≥ 380 MPa，弯曲疲劳 ≥ 10⁶ 次');
  await pub.getByLabel('预期成果').fill('形成可量产的成分与工艺方案');
  await pub.getByLabel('可提供的支持条件').fill('提供低压铸造产线和检测中心');
  // Still incomplete: kept in the browser only, not on the server.
  await expect(page.getByTestId('autosave-status')).toContainText('暂存在本机');

  const secret = section(page, '保密信息');
  await expect(secret).toContainText('不在榜单大厅公开');
  await secret.getByLabel('详细资料').fill('现用合金牌号 A356.2，热处理 T6 参数见附件。');
  await secret.getByLabel('联系人').fill('陈工');
  await secret.getByLabel('联系电话').fill('023-68881234');
  await uploadEvidence(secret, '工艺参数.pdf');

  // Complete: the first save creates the draft and the address moves to it.
  await waitSaved(page);
  await expect(page).toHaveURL(/\/console\/challenges\/\d+$/);
  const postingId = idOf(page);
  expect(dbRow(postingId).state).toBe('draft');

  // A reload resumes from the server copy.
  await page.getByLabel('预期成果').fill('形成可量产的成分与工艺方案，并完成小批量试制');
  await waitSaved(page);
  await page.reload();
  // The first load after a reload may be slow on a busy CI machine.
  await expect(page.getByLabel('需求名称')).toHaveValue(title, { timeout: 30_000 });
  await expect(page.getByLabel('预期成果')).toHaveValue('形成可量产的成分与工艺方案，并完成小批量试制');
  await expect(page.getByLabel('联系人')).toHaveValue('陈工');
  await expect(section(page, '保密信息').getByRole('link', { name: '工艺参数.pdf' })).toBeVisible();
  await expect(page.getByText('已恢复本机浏览器中未保存的内容')).toHaveCount(0);

  await acceptAndSubmit(page, '技术攻关需求张榜方承诺书');
  await expect(page.getByText('待市级审核').first()).toBeVisible();
  await expect(page.getByTestId('challenge-timeline')).toContainText('提交审核');
  await expect(page.getByTestId('challenge-confidential')).toContainText('陈工');
  await expect(page.getByRole('button', { name: label('撤回') })).toBeVisible();
  expect(dbRow(postingId).state).toBe('submitted');

  // The municipal office returns it; the unit sees the opinion, corrects and resubmits.
  const city = await staffApi('municipal_officer', '市博管办张榜审核员');
  await city.post(`/api/challenges/${postingId}/actions/municipal_return`, {
    opinion: '请补充技术指标的检测标准。',
  });
  await city.dispose();
  await page.reload();
  const opinion = page.getByTestId('returned-opinion');
  await expect(opinion).toContainText('需求被退回修改', { timeout: 30_000 });
  await expect(opinion).toContainText('请补充技术指标的检测标准。');
  await page
    .getByLabel('需达到的技术指标')
    .fill('抗拉强度 ≥ 380 MPa（GB/T 228.1），弯曲疲劳 ≥ 10⁶ 次（GB/T 5334）');
  await waitSaved(page);
  await section(page, '签署承诺书并提交').getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('challenge-timeline')).toContainText('市级退回修改');
  expect(dbRow(postingId).state).toBe('submitted');

  // The list shows it with its state; the statistic cards count it.
  await page.getByRole('link', { name: '返回我的张榜' }).click();
  const rows = tableRows(page.getByTestId('my-challenges'));
  await expect(rows.filter({ hasText: title })).toContainText('待市级审核');
  await expect(page.getByTestId('challenge-stats')).toContainText('审核中');
  await expect(page.getByRole('link', { name: '导出 Excel' })).toHaveAttribute('href', /mine\/export\.xlsx/);
});

test('(p2) 成果转化需求：在站博士后填写（含专利）→ 未填完的内容刷新后从本机恢复 → 签署承诺书提交', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const id = uniq();
  const username = `chp_pd_${id}`;
  await registerPostdoc(username, '钱博士');
  const title = `百蕊草黄酮高效提取工艺成果转化${id}`;

  await loginUi(page, username, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console$/);
  await openMenu(page, '我的张榜');
  await expect(page.getByRole('button', { name: '发布技术攻关需求' })).toHaveCount(0);
  await page.getByRole('button', { name: '发布成果转化需求' }).click();
  await expect(page).toHaveURL(/\/console\/challenges\/new\/transfer$/);

  await page.getByLabel('需求名称').fill(title);
  await page.getByLabel('成果简介').fill('建立了百蕊草黄酮类成分的高效提取纯化工艺，收率提高 40%。');
  await expect(page.getByTestId('autosave-status')).toContainText('暂存在本机');
  // Incomplete entries survive a reload from the browser's copy.
  await page.reload();
  await expect(page.getByText('已恢复本机浏览器中未保存的内容')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('需求名称')).toHaveValue(title);
  await expect(page.getByLabel('成果简介')).toHaveValue(/收率提高 40%/);

  await chooseOption(page, page.getByLabel('所属领域'), '生物医药与大健康');
  await chooseOption(page, page.getByLabel('所在区县'), '渝中区', true);
  await pickDate(page, '张榜截止日期', daysAhead(90));
  await page.getByLabel('拟融资金额（万元）').fill('500');
  await chooseOption(page, page.getByLabel('技术成熟度'), '中试阶段');
  await page.getByRole('button', { name: '添加专利' }).click();
  const patent = page.getByTestId('patent-0');
  await patent.getByLabel('专利号').fill('ZL202110000001.2');
  await patent.getByLabel('专利名称').fill('一种百蕊草黄酮的提取方法');
  await patent.getByLabel('专利权人').fill('重庆医科大学');
  await page.getByLabel('知识产权归属').fill('专利权人为依托单位，本人为第一发明人');
  await page.getByLabel('市场与用户').fill('中药饮片与保健品企业');
  await page.getByLabel('寻求的合作方').fill('具有中药生产资质的企业');
  await expect(page.getByLabel('联系人')).toHaveValue('钱博士');
  await expect(page.getByLabel('联系电话')).toHaveValue('13800001111');
  await waitSaved(page);
  await expect(page).toHaveURL(/\/console\/challenges\/\d+$/);
  const postingId = idOf(page);

  await page.reload();
  await expect(page.getByTestId('patent-0').getByLabel('专利号')).toHaveValue('ZL202110000001.2', {
    timeout: 30_000,
  });

  await acceptAndSubmit(page, '博士后科研成果转化需求张榜方承诺书');
  await expect(page.getByText('待市级审核').first()).toBeVisible();
  await expect(page.getByTestId('challenge-public')).toContainText('一种百蕊草黄酮的提取方法');
  expect(dbRow(postingId).state).toBe('submitted');
});

test('(p3) 截止日期已过或必填项为空时提交：明确提示，服务器上的需求不变', async ({ page }) => {
  test.setTimeout(120_000);
  const id = uniq();
  const username = `chp_err_${id}`;
  const region = await regionId('南岸区');
  await registerUnit({ username, name: `重庆南岸智造有限公司${id}`, regionId: region });
  const api = await loggedInApi(username);
  const body = {
    kind: 'tech' as const,
    title: `工业视觉缺陷检测算法攻关${id}`,
    domain: 'next_gen_it',
    regionId: region,
    deadline: daysAhead(30),
    problem: '表面微小划痕漏检率高。',
    indicators: '漏检率 < 0.5%',
    expectedOutcome: '可部署的检测模型',
    budgetWan: 80,
    support: '',
    confidential: {
      details: '',
      contact: { name: '吴工', phone: '023-62223333', email: '' },
      attachmentIds: [],
    },
  };
  const a = await api.post<{ id: number }>('/api/challenges', body);
  const b = await api.post<{ id: number }>('/api/challenges', { ...body, title: `${body.title}（二期）` });
  for (const c of [a, b]) await api.post(`/api/challenges/${c.id}/commitment`, { version: 'tech-2022-1' });
  await api.dispose();
  backdate(a.id, '2024-01-31');
  const before = dbRow(a.id);

  await loginUi(page, username, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console$/);

  // A deadline that has passed: the field says why, nothing is sent.
  await page.goto(`/console/challenges/${a.id}`);
  await expect(page.getByLabel('需求名称')).toHaveValue(body.title, { timeout: 30_000 });
  await section(page, '签署承诺书并提交').getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '请先修正表单中标出的问题' })).toBeVisible();
  await expect(page.getByText('截止日期不能早于今天')).toBeVisible();
  expect(dbRow(a.id)).toEqual(before);

  // A required field left empty: marked on the field, the server copy keeps the old title.
  await page.goto(`/console/challenges/${b.id}`);
  await expect(page.getByLabel('需求名称')).toHaveValue(`${body.title}（二期）`, { timeout: 30_000 });
  await page.getByLabel('需求名称').fill('');
  await expect(page.getByTestId('autosave-status')).toContainText('暂存在本机');
  await section(page, '签署承诺书并提交').getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('请填写需求名称')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '请先修正表单中标出的问题' })).toBeVisible();
  const row = dbRow(b.id);
  expect(row.state).toBe('draft');
  expect(row.title).toBe(`${body.title}（二期）`);
});
