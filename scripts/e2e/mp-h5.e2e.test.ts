import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshot } from './support/browser';
import { E2eStack, startE2eStack } from './support/e2e-stack';

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser('H5 mini-program in Chromium', () => {
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

  it('logs in through the WeChat simulator and greets the user by nickname on the home page', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    // The dev login finds the simulator through this override (it runs on a random port here).
    await page.addInitScript((simUrl) => window.localStorage.setItem('zhili.dev.simUrl', simUrl), stack.simUrl);
    await page.goto(`${stack.bffUrl}/h5/`);

    await page.locator('#home-health[data-status="ok"]').waitFor();
    await page.locator('#login-button').click();
    await page.locator('#dev-login-zhangsan').click();

    const nickname = page.locator('#home-nickname');
    await nickname.waitFor();
    expect(await nickname.textContent()).toContain('张三');
    await screenshot(page, 'mp-h5-home');

    // The session is real: the BFF knows this user through the token the page holds.
    const token = await page.evaluate(() => {
      for (let i = 0; i < window.localStorage.length; i += 1) {
        const value = window.localStorage.getItem(window.localStorage.key(i) ?? '') ?? '';
        const match = /"accessToken"\s*:\s*"([^"]+)"/.exec(value);
        if (match) return match[1];
      }
      return null;
    });
    expect(token).not.toBeNull();
    const me = await fetch(`${stack.bffUrl}/api/mp/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await me.json()) as { data: { nickname: string } }).data.nickname).toBe('张三');
  });
});
