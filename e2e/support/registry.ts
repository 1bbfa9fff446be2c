import { expect, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { idCheckChar } from '../../src/shared/id-number.js';
import type { Api } from './api.js';
import { label } from './stations.js';

/** One row of the station import sheet, in the template's column order. */
export interface ImportRow {
  number: string;
  unitName: string;
  creditCode: string;
  unitType: string;
  region: string;
  certifiedOn: string;
  cultivation?: string;
  lastEntry?: string;
}

/** Downloads the import template as the municipal office and fills its data sheet with `rows`. */
export async function importWorkbook(api: Api, rows: ImportRow[]): Promise<Buffer> {
  const res = await api.ctx.get('/api/stations/import/template.xlsx');
  if (!res.ok()) throw new Error(`template: ${res.status()}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('工作站导入');
  if (!ws) throw new Error('template has no 工作站导入 sheet');
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    [
      r.number,
      r.unitName,
      r.creditCode,
      r.unitType,
      r.region,
      r.certifiedOn,
      r.cultivation ?? '否',
      r.lastEntry ?? '',
    ].forEach((v, c) => {
      row.getCell(c + 1).value = v;
    });
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid 18-digit 身份证号 (GB 11643 check character) born on `birth` (YYYYMMDD), Chongqing prefix. */
export function validIdNumber(birth = '19920315'): string {
  const seq = String(100 + Math.floor(Math.random() * 899));
  const body = `500103${birth}${seq}`;
  return body + idCheckChar(body)!;
}

/** The same number with a wrong check character. */
export function invalidIdNumber(): string {
  const good = validIdNumber();
  const last = good[17]!;
  return good.slice(0, 17) + (last === '1' ? '2' : '1');
}

/** `YYYY-MM-DD`, `years` years and `days` days before today (China time is close enough for dates far from midnight). */
export function isoDaysAgo(days: number, years = 0): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * Confirms the antd confirm dialog that shows `text` with its button `button`, once its opening
 * animation is over, until `result` appears (a click during the zoom-in can be lost; the button is
 * clicked again only while the dialog is still open, so the action never runs twice).
 */
export async function confirmSettled(
  page: Page,
  text: string,
  button: string,
  result: Locator,
): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: text });
  await expect(dialog).toBeVisible();
  await expect(page.locator('.ant-modal[class*="zoom"]')).toHaveCount(0);
  await expect(async () => {
    if (await dialog.isVisible())
      await dialog.getByRole('button', { name: label(button) }).click({ timeout: 2_000 });
    await expect(result).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}
