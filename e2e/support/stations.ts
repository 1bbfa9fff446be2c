import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { BASE_URL } from './env.js';

/** A tiny but real PDF (the server checks the `%PDF-` signature, not the name). */
export function pdf(name: string): { name: string; mimeType: string; buffer: Buffer } {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${name}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}

/** A form section (a region named by its title). */
export function section(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

/** Uploads an in-memory PDF into the (first) evidence slot of `scope` and waits for it to be listed. */
export async function uploadEvidence(scope: Locator, name: string): Promise<void> {
  await scope.locator('input[type=file]').first().setInputFiles(pdf(name));
  await expect(scope.getByRole('link', { name })).toBeVisible();
}

/** Waits until the form says it saved the latest change. */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('autosave-status')).toContainText('已自动保存', { timeout: 15_000 });
}

/** A second browser (its own cookies) for another role, configured like the default one. */
export async function newRolePage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
  });
  return ctx.newPage();
}

/** Opens a console menu entry. */
export async function openMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: '工作台菜单' }).getByRole('link', { name }).click();
}

/** Confirms the open dialog with its button `name`. */
export async function confirmDialog(page: Page, name: string): Promise<void> {
  await page
    .getByRole('dialog')
    .getByRole('button', { name: label(name) })
    .click();
}

/** Full-page screenshots for visual review, only when STATION_SHOTS is set. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!process.env.STATION_SHOTS) return;
  await page.screenshot({ path: `test-results/stations-${name}.png`, fullPage: true });
}

/** antd puts a space between two CJK characters of a button (“推 荐”): match either way. */
export function label(text: string): RegExp {
  return new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);
}
