import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const PAGES = [
  { path: '/', name: '首页' },
  { path: '/directory', name: '通讯录' },
  { path: '/login', name: '登录' },
  { path: '/register', name: '单位注册' },
  { path: '/register?tab=individual', name: '个人注册' },
  { path: '/help', name: '操作手册' },
  { path: '/hall', name: '榜单大厅' },
];

for (const p of PAGES) {
  test(`(h) 无障碍：${p.name} 没有严重问题`, async ({ page }) => {
    await page.goto(p.path);
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    // Measure final colours, not a frame in the middle of a transition.
    await page.addStyleTag({
      content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
    });
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const report = serious.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    expect(report, JSON.stringify(report, null, 2)).toEqual([]);
  });
}

test('(h) 跳转链接与页面语言', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});
