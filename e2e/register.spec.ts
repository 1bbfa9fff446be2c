import { expect, test } from '@playwright/test';
import { invalidCreditCode, uniq, validCreditCode } from './support/api';
import { E2E_PASSWORD } from './support/env';
import { chooseOption } from './support/ui';

test.describe('注册', () => {
  test('(a) 单位注册：信用代码校验、服务端字段错误、登录进入工作台', async ({ page }) => {
    const id = uniq();
    const unitName = `重庆博研智造科技有限公司${id}`;
    await page.goto('/register');
    await expect(page.getByRole('tab', { name: '单位注册' })).toHaveAttribute('aria-selected', 'true');

    await page.getByLabel('用户名').fill('sysadmin'); // taken: the server says so on the field
    await page.getByLabel('密码', { exact: true }).fill(E2E_PASSWORD);
    await page.getByLabel('确认密码').fill(E2E_PASSWORD);
    await page.getByLabel('单位名称').fill(unitName);
    await chooseOption(page, page.getByLabel('单位类型'), '企业');

    // A bad 统一社会信用代码 is refused as it is typed, in Chinese, on the field.
    const code = page.getByLabel('统一社会信用代码');
    await code.fill(invalidCreditCode());
    await expect(page.getByText('统一社会信用代码无效（应为 18 位，且校验位正确）')).toBeVisible();
    await code.fill(validCreditCode().toLowerCase()); // lower case is normalised
    await expect(page.getByText('统一社会信用代码无效（应为 18 位，且校验位正确）')).toHaveCount(0);

    await page.getByLabel('成立日期').fill('2018-03-15');
    await page.getByLabel('成立日期').press('Enter');
    await chooseOption(page, page.getByLabel('所在区县'), '沙坪坝区', true);
    await page.getByLabel('联系人姓名').fill('王芳');
    await page.getByLabel('联系电话').fill('023-65012345');
    await page.getByLabel('联系邮箱').fill(`hr${id}@boyan.example.cn`);
    await page.getByRole('button', { name: '注册单位账号' }).click();

    // The server's field error lands on the username field.
    await expect(page.getByText('用户名已被使用')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('该记录已存在');
    const username = `unit_${id}`;
    await page.getByLabel('用户名').fill(username);
    await page.getByRole('button', { name: '注册单位账号' }).click();

    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText('注册成功')).toBeVisible();
    await expect(page.getByLabel('用户名')).toHaveValue(username);
    await page.getByLabel('密码').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();

    await expect(page).toHaveURL(/\/console$/);
    await expect(page.getByRole('heading', { name: `您好，${unitName}` })).toBeVisible();
    await expect(page.getByTestId('current-user')).toHaveText(unitName);
    await expect(page.getByRole('banner')).toContainText('单位用户');

    await page
      .getByRole('navigation', { name: '工作台菜单' })
      .getByRole('link', { name: '个人资料' })
      .click();
    await expect(page.getByText(unitName).first()).toBeVisible();
    await expect(page.getByText('沙坪坝区', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: /用户菜单/ }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText('您已安全退出。')).toBeVisible();
    await page.goto('/console');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText('请先登录。')).toBeVisible();
  });

  test('(b) 个人注册：草稿在刷新后恢复（不含密码），注册后登录', async ({ page }) => {
    const id = uniq();
    const username = `phd_${id}`;
    await page.goto('/register?tab=individual');
    await expect(page.getByRole('tab', { name: '个人注册' })).toHaveAttribute('aria-selected', 'true');

    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(E2E_PASSWORD);
    await page.getByLabel('姓名').fill('陈博');
    await page.getByLabel('研究领域').fill('新材料');

    // A reload keeps what was typed, except the password.
    await page.reload();
    await expect(page.getByText('已恢复您上次未提交的填写内容')).toBeVisible();
    await expect(page.getByLabel('用户名')).toHaveValue(username);
    await expect(page.getByLabel('姓名')).toHaveValue('陈博');
    await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');

    await page.getByLabel('密码', { exact: true }).fill('weakpass');
    await expect(
      page.getByText('密码至少 8 位，且须包含大写字母、小写字母、数字、符号中的至少 3 类'),
    ).toBeVisible();
    await page.getByLabel('密码', { exact: true }).fill(E2E_PASSWORD);
    await page.getByLabel('确认密码').fill(E2E_PASSWORD);
    await chooseOption(page, page.getByLabel('最高学位'), '博士');
    await page.getByLabel('在站').check();
    await page.getByLabel('所在单位或院校').fill('重庆大学');
    await page.getByLabel('电子邮箱').fill(`chen${id}@cqu.example.cn`);
    await page.getByLabel('手机号码').fill('13800138000');
    await page.getByRole('button', { name: '注册个人账号' }).click();

    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText('注册成功')).toBeVisible();
    await page.getByLabel('密码').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByRole('heading', { name: '您好，陈博' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('个人用户');

    await page.goto('/console/profile');
    await expect(page.getByText('重庆大学')).toBeVisible();
    await expect(page.getByText('在站', { exact: true })).toBeVisible();

    // The draft was cleared on success.
    await page.goto('/register?tab=individual');
    await expect(page.getByLabel('用户名')).toHaveValue('');
  });
});
