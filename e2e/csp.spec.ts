import { expect, test, type Page } from '@playwright/test';

/** Every message Chromium prints when the Content-Security-Policy blocks something. */
function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  page.on('pageerror', (e) => seen.push(e.message));
  return seen;
}

const PAGES = ['/', '/hall', '/results', '/directory', '/login', '/register', '/verify/certificate', '/help'];

test('(h) 内容安全策略：门户页面与接口文档不被拦截', async ({ page }) => {
  const violations = watchViolations(page);
  for (const path of PAGES) {
    const res = await page.goto(path);
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  await page.goto('/api/docs');
  await expect(page.getByText('博后通 bohou API').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('(h) 内容安全策略：他站不能嵌入本站页面', async ({ page }) => {
  const res = await page.request.get('/');
  expect(res.headers()['x-frame-options']).toBe('DENY');
  expect(res.headers()['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
});
