import { expect, test, type Page } from '@playwright/test';
import { createStaff, regionId, registerUnit, uniq } from './support/api';
import { E2E_PASSWORD } from './support/env';
import {
  confirmDialog,
  label,
  newRolePage,
  openMenu,
  section,
  shot,
  uploadEvidence,
  waitSaved,
} from './support/stations';
import { changeFirstPassword, chooseOption, loginUi, tableRows } from './support/ui';

/** Fills the six basic conditions (step ②) with evidence. */
async function fillBasicConditions(page: Page): Promise<void> {
  const legal = section(page, '基本条件1：独立法人资格');
  await legal.getByLabel('法人资格及经营状况说明').fill('具备独立法人资格，近三年营业收入稳步增长。');
  await uploadEvidence(legal, '营业执照.pdf');

  const rd = section(page, '基本条件2：研究与开发机构');
  await rd.getByLabel('研发机构名称').fill('智能制造研究院');
  await rd.getByLabel('研发人员数（人）').fill('58');
  await rd.getByLabel('研发机构情况说明').fill('市级企业技术中心，设 4 个研发部门。');
  await uploadEvidence(rd, '研发机构设立文件.pdf');

  const team = section(page, '基本条件3：研究队伍与合作导师');
  await team.getByRole('button', { name: '添加合作导师' }).click();
  await team.getByLabel('导师姓名').fill('刘强');
  await team.getByLabel('职称', { exact: true }).fill('高级工程师');
  await team.getByLabel('研究方向').fill('工业机器人');
  await team.getByLabel('高级职称或相应水平').check();
  await team.getByLabel('本单位全职').check();
  await uploadEvidence(team, '刘强职称证书.pdf');

  const cond = section(page, '基本条件4：科研和生活条件');
  await cond.getByLabel(/承诺博士后薪酬不低于/).check();
  await cond.getByLabel('博士后年薪（万元）').fill('30');
  await cond.getByLabel('科研和生活条件说明').fill('提供人才公寓和每年 10 万元科研经费。');
  await uploadEvidence(cond, '薪酬待遇说明.pdf');

  const plan = section(page, '基本条件5：招收计划与科研项目');
  await plan.getByLabel('每年计划招收人数').fill('2');
  await plan.getByRole('button', { name: '添加科研项目' }).click();
  await plan.getByLabel('项目名称').fill('高精度协作机器人关节研制');
  await chooseOption(page, plan.getByLabel('所属领域'), '高端装备制造');
  await plan.getByLabel('项目简介').fill('攻关谐波减速器与力控算法。');
  await plan.getByLabel('流动站所在高校').fill('重庆大学');
  await plan.getByLabel('合作学科').fill('机械工程');
  await uploadEvidence(plan, '联合招收合作意向书.pdf');

  const mgmt = section(page, '基本条件6：管理办法与专门人员');
  await mgmt.getByLabel('专门管理人员姓名').fill('周敏');
  await mgmt.getByLabel('专门管理人员电话').fill('023-63001234');
  await uploadEvidence(mgmt, '博士后工作管理办法.pdf');
}

async function submitApplication(page: Page): Promise<void> {
  await page.getByRole('button', { name: '提交申请' }).click();
  await confirmDialog(page, '提交申请');
}

test('(s) 设站申报：单位填报（自动保存、条件自查、盖章扫描件）→ 区县退回与推荐 → 市级批次认定 → 门户名录', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const id = uniq();
  const beibei = await regionId('北碚区');
  const unitName = `重庆缙云智能装备有限公司${id}`;
  const unitUser = `st_unit_${id}`;
  await registerUnit({ username: unitUser, name: unitName, regionId: beibei });

  // ── The unit starts an application and fills step ① partly. ──
  await loginUi(page, unitUser, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console$/);
  await openMenu(page, '设站申报');
  await expect(page.getByRole('heading', { level: 1, name: '设站申报' })).toBeVisible();
  await page.getByRole('button', { name: '开始申报' }).click();
  await expect(page).toHaveURL(/\/console\/station-applications\/\d+/);
  const appUrl = page.url();
  await expect(page.getByRole('heading', { level: 2, name: '1. 单位基本情况' })).toBeVisible();
  await expect(page.getByText(unitName).first()).toBeVisible();

  await page.getByLabel('法定代表人').fill('王建国');
  await page.getByRole('radio', { name: '良好' }).check();
  await waitSaved(page);

  // A reload resumes from the server copy: nothing typed is lost.
  await page.reload();
  await expect(page.getByLabel('法定代表人')).toHaveValue('王建国');
  await expect(page.getByRole('radio', { name: '良好' })).toBeChecked();
  await expect(page.getByText('发现本机未保存的填写内容')).toHaveCount(0);

  await page.getByLabel('职工人数（人）').fill('320');
  await page.getByLabel('上年营业收入（万元）').fill('52000');
  await page.getByLabel('上年研发投入（万元）').fill('3100');
  await page.getByRole('button', { name: '下一步' }).click();

  // ── Step ②: the six basic conditions with evidence. ──
  await expect(page.getByRole('heading', { level: 2, name: '2. 基本条件' })).toBeVisible();
  await fillBasicConditions(page);
  await waitSaved(page);
  const eligibility = page.getByTestId('eligibility');
  await expect(eligibility).toContainText('推荐条件：至少符合一项并提供证明材料');
  await expect(eligibility).not.toContainText('基本条件');
  await shot(page, '1-basic');

  // ── Step ④ without a recommended condition: listed as missing, and the server refuses. ──
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '4. 预览与提交' })).toBeVisible();
  await expect(eligibility).toContainText('尚不符合申报条件');
  await submitApplication(page);
  const refusal = page.getByRole('alert').filter({ hasText: '未能提交' });
  await expect(refusal).toContainText('不符合申报条件，尚缺：推荐条件：至少符合一项并提供证明材料');
  await shot(page, '2a-refused');

  // ── Step ③: claim 推荐条件1, via the missing item's link. ──
  await eligibility.getByRole('button', { name: '推荐条件：至少符合一项并提供证明材料' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '3. 推荐条件' })).toBeVisible();
  await page.getByRole('checkbox', { name: '推荐条件1：科研创新平台' }).check();
  const platform = section(page, '推荐条件1：科研创新平台');
  await platform.getByLabel('平台名称').fill('重庆市企业技术中心');
  await platform.getByRole('radio', { name: '市级' }).check();
  await uploadEvidence(platform, '企业技术中心认定文件.pdf');
  await waitSaved(page);
  await expect(eligibility).toContainText('符合申报条件');
  await shot(page, '2-recommended');

  // ── Step ④: the printable form, the sealed scan, submit. ──
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('重庆市企业技术中心')).toBeVisible();
  const pdfLink = page.getByRole('link', { name: '下载申报表' }).last();
  const [pdfResponse] = await Promise.all([
    page.context().waitForEvent('response', (r) => /\/api\/station-applications\/\d+\/pdf$/.test(r.url())),
    pdfLink.click(),
  ]);
  expect(pdfResponse.status()).toBe(200);
  expect(pdfResponse.headers()['content-type']).toContain('application/pdf');
  for (const p of page.context().pages()) if (p !== page) await p.close();

  const scan = section(page, '盖章扫描件');
  await scan.locator('input[type=file]').setInputFiles({
    name: '盖章申报表.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% sealed scan\n%%EOF\n'),
  });
  await expect(scan.getByRole('link', { name: '盖章申报表.pdf' })).toBeVisible();
  await shot(page, '3-submit');
  await submitApplication(page);
  await expect(page.getByText('申请当前状态为“待区县审核”，不能修改。')).toBeVisible();
  await shot(page, '3a-submitted');

  // ── The district office returns it with an opinion and a flagged section. ──
  const officerName = `bb_st_${id}`;
  const officerInitial = await createStaff({
    username: officerName,
    displayName: '北碚区博管办 李华',
    role: 'district_officer',
    regionId: beibei,
  });
  const district = await newRolePage(browser);
  await loginUi(district, officerName, officerInitial);
  await changeFirstPassword(district, officerInitial, E2E_PASSWORD);
  await openMenu(district, '设站审核');
  await expect(district.getByRole('heading', { level: 1, name: '设站审核' })).toBeVisible();
  const queue = district.getByTestId('application-queue');
  // The Excel export carries the queue's filters (default: awaiting review).
  const exportHref = await district.getByRole('link', { name: '导出 Excel' }).getAttribute('href');
  expect(exportHref).toContain('state=submitted');
  const xlsx = await district.request.get(exportHref!);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  await tableRows(queue)
    .filter({ hasText: unitName })
    .getByRole('link', { name: unitName, exact: true })
    .click();
  await expect(district.getByRole('heading', { level: 1 })).toContainText(unitName);
  await expect(district.getByRole('link', { name: '刘强职称证书.pdf' })).toBeVisible();
  await expect(district.getByRole('link', { name: '盖章申报表.pdf' })).toBeVisible();
  await shot(district, '4-review');
  await district.getByRole('button', { name: '退回修改' }).click();
  const returnDialog = district.getByRole('dialog', { name: '退回修改' });
  await returnDialog.getByLabel('退回意见').fill('合作导师须为正高级职称，请补充职称证书。');
  await returnDialog.getByRole('checkbox', { name: '基本条件3：研究队伍与合作导师' }).check();
  await confirmDialog(district, '退回修改');
  await expect(district.getByTestId('decision')).toContainText('合作导师须为正高级职称');
  await expect(district.getByText('退回修改', { exact: true }).first()).toBeVisible();

  // ── The unit sees the opinion and the flagged section, corrects and resubmits. ──
  await page.goto(appUrl);
  const returned = page.getByRole('alert').filter({ hasText: '区县博管办已退回修改' });
  await expect(returned).toContainText('合作导师须为正高级职称，请补充职称证书。');
  await returned.getByRole('button', { name: '基本条件3：研究队伍与合作导师' }).click();
  const team = section(page, '基本条件3：研究队伍与合作导师');
  await expect(team).toContainText('需修改');
  await team.getByLabel('职称', { exact: true }).fill('正高级工程师');
  await uploadEvidence(team, '刘强正高级职称证书.pdf');
  await waitSaved(page);
  await shot(page, '5-returned');
  await page.getByRole('button', { name: /预览与提交/ }).click();
  // A returned application needs a new sealed scan of the corrected form.
  const rescan = section(page, '盖章扫描件');
  await rescan.locator('input[type=file]').setInputFiles({
    name: '盖章申报表-修改后.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% corrected sealed scan\n%%EOF\n'),
  });
  await expect(rescan.getByRole('link', { name: '盖章申报表-修改后.pdf' })).toBeVisible();
  await submitApplication(page);
  await expect(page.getByText('申请当前状态为“待区县审核”，不能修改。')).toBeVisible();

  // ── The district recommends it. ──
  await district.reload();
  await expect(district.getByText('正高级工程师')).toBeVisible();
  await district.getByRole('button', { name: label('推荐') }).click();
  await district.getByRole('dialog').getByLabel('推荐意见').fill('材料齐全，条件符合，同意推荐。');
  await confirmDialog(district, '推荐');
  await expect(district.getByText('已推荐待认定').first()).toBeVisible();

  // ── The municipal office certifies it in a batch and closes the batch. ──
  const cityName = `city_st_${id}`;
  const cityInitial = await createStaff({
    username: cityName,
    displayName: '市博管办 陈静',
    role: 'municipal_officer',
  });
  const city = await newRolePage(browser);
  await loginUi(city, cityName, cityInitial);
  await changeFirstPassword(city, cityInitial, E2E_PASSWORD);
  await openMenu(city, '认定审核');
  await expect(tableRows(city.getByTestId('application-queue')).filter({ hasText: unitName })).toHaveCount(1);
  await shot(city, '5a-certify-queue');
  await openMenu(city, '认定批次');
  await city.getByRole('button', { name: '新建批次' }).click();
  const batchName = `2026年第一批${id}`;
  await city.getByRole('dialog').getByLabel('批次名称').fill(batchName);
  await confirmDialog(city, '确定');
  await expect(city.getByRole('heading', { level: 1, name: `认定批次：${batchName}` })).toBeVisible();
  const candidates = city.getByTestId('batch-candidates');
  await candidates.getByRole('checkbox', { name: unitName }).check();
  await city.getByRole('button', { name: '纳入本批次（1）' }).click();
  const member = tableRows(city.getByTestId('batch-members')).filter({ hasText: unitName });
  await expect(member).toHaveCount(1);
  await member.getByRole('button', { name: label('认定') }).click();
  await city.getByRole('dialog').getByLabel('认定意见').fill('经审核，同意认定为市级博士后科研工作站。');
  await confirmDialog(city, '认定');
  const number = member.getByTestId('station-number');
  await expect(number).toHaveText(/^CQBH-\d{4}-\d{4}$/);
  const stationNumber = (await number.textContent())!.trim();
  await expect(member.getByRole('link', { name: '认定证书' })).toBeVisible();
  await shot(city, '6-batch');
  await city.getByRole('button', { name: '关闭批次' }).click();
  await confirmDialog(city, '关闭批次');
  await expect(city.getByText('已关闭').first()).toBeVisible();

  // ── The unit sees its station; the public list shows it. ──
  await page.goto(appUrl);
  await expect(page.getByText(`已认定，工作站编号 ${stationNumber}`)).toBeVisible();
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作站名录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '博士后科研工作站名录' })).toBeVisible();
  await page.getByLabel('按单位名称搜索').fill(unitName);
  const row = tableRows(page.getByTestId('stations-table')).filter({ hasText: unitName });
  await expect(row).toContainText(stationNumber);
  await expect(row).toContainText('北碚区');
  await expect(row).toContainText('在建');
  await shot(page, '7-public');

  await district.context().close();
  await city.context().close();
});
