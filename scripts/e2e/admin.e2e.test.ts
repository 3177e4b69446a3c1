import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshot } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser('admin portal in Chromium', () => {
  let stack: E2eStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('refuses a wrong password with the API message', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${stack.bffUrl}/admin/`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password-1');
    await page.getByTestId('login-submit').click();
    await page.getByText('用户名或密码错误').first().waitFor();
    expect(page.url()).toContain('/admin/login');
  });

  it('logs in and shows the BFF health live on the dashboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${stack.bffUrl}/admin/`);
    await page.waitForURL(/\/admin\/login/);
    await screenshot(page, 'admin-login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(E2E_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();

    await page.waitForURL(/\/admin\/dashboard/);
    const raw = page.getByTestId('health-status-raw');
    await raw.waitFor();
    expect((await raw.textContent())?.trim()).toBe('ok');
    // Live means pushed over the authenticated socket.io connection, not only fetched once.
    await page.locator('[data-testid="realtime-state"][data-state="connected"]').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('系统管理员');
    await screenshot(page, 'admin-dashboard');
  });
});
