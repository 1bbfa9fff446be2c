import { expect, type Browser, type Page } from '@playwright/test';
import { createStaff, uniq } from './api.js';
import { Api } from './api.js';
import { E2E_PASSWORD } from './env.js';
import { newRolePage, section, waitSaved } from './stations.js';
import { chooseOption, loginUi } from './ui.js';

/** Types a date into an antd DatePicker labelled `label`. */
export async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

/** The posting id in the address of the poster's page (/console/challenges/:id). */
export function postingIdOf(page: Page): number {
  return Number(/\/console\/challenges\/(\d+)$/.exec(page.url())![1]);
}

/** Accepts the commitment letter and submits, on the poster's page. */
export async function acceptAndSubmit(page: Page, letterTitle: string): Promise<void> {
  const panel = section(page, '签署承诺书并提交');
  await expect(panel.getByTestId('commitment-text')).toBeVisible();
  await expect(panel).toContainText(letterTitle);
  await expect(panel.getByRole('button', { name: '提交审核' })).toBeDisabled();
  await panel.getByLabel('我已阅读并承诺').check();
  await panel.getByRole('button', { name: '签署承诺书' }).click();
  await expect(panel.getByTestId('commitment-accepted')).toContainText('已签署承诺书');
  await panel.getByRole('button', { name: '提交审核' }).click();
}

export interface TechFields {
  title: string;
  domain: string;
  deadline: string;
  budgetWan: number;
  problem: string;
  indicators: string;
  expectedOutcome: string;
  contact: string;
  phone: string;
}

/** Fills a technical challenge on /console/challenges/new/tech and waits for the first server save. */
export async function fillTech(page: Page, f: TechFields): Promise<number> {
  const pub = section(page, '公开信息');
  await pub.getByLabel('需求名称').fill(f.title);
  await chooseOption(page, pub.getByLabel('所属领域'), f.domain);
  await pickDate(page, '张榜截止日期', f.deadline);
  await pub.getByLabel('拟投入经费（万元）').fill(String(f.budgetWan));
  await pub.getByLabel('需解决的技术难题').fill(f.problem);
  await pub.getByLabel('需达到的技术指标').fill(f.indicators);
  await pub.getByLabel('预期成果').fill(f.expectedOutcome);
  const secret = section(page, '保密信息');
  await secret.getByLabel('联系人').fill(f.contact);
  await secret.getByLabel('联系电话').fill(f.phone);
  await waitSaved(page);
  await expect(page).toHaveURL(/\/console\/challenges\/\d+$/);
  return postingIdOf(page);
}

/** A staff account of `role` logged in, in its own browser (initial password already replaced). */
export async function staffPage(browser: Browser, role: string, displayName: string): Promise<Page> {
  const username = `${role.slice(0, 8)}_${uniq()}`;
  const initial = await createStaff({ username, displayName, role });
  const api = await Api.open();
  await api.login(username, initial);
  await api.post('/api/auth/password', { currentPassword: initial, newPassword: E2E_PASSWORD });
  await api.dispose();
  const page = await newRolePage(browser);
  await loginUi(page, username, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/console$/);
  return page;
}
