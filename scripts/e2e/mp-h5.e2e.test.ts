import type { Browser, Page } from 'playwright-core';
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

  /** A fresh browser context (own storage, own network switch) signed in as a dev identity. */
  async function signedIn(identity: 'zhangsan' | 'lisi' | 'wangwu'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    // The dev login finds the simulator through this override (it runs on a random port here).
    await page.addInitScript((simUrl) => window.localStorage.setItem('zhili.dev.simUrl', simUrl), stack.simUrl);
    await page.goto(`${stack.bffUrl}/h5/`);
    await page.locator('#login-button').click();
    await page.locator(`#dev-login-${identity}`).click();
    await page.locator('#home-nickname').waitFor();
    await page.locator('#home-tiles .tiles__item').first().waitFor();
    return page;
  }

  const tileKeys = (page: Page) =>
    page.locator('#home-tiles .tiles__item').evaluateAll((nodes) => nodes.map((n) => n.id.replace(/^tile-/, '')));

  it('logs in through the WeChat simulator and greets the user by nickname on the home page', async () => {
    const page = await signedIn('zhangsan');
    const nickname = page.locator('#home-nickname');
    expect(await nickname.textContent()).toContain('张三');
    // Residents land on services, with no server internals anywhere on the page.
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain('随手拍');
    for (const internal of ['数据库', '缓存', 'SQLite', '服务正常', '服务降级']) expect(text).not.toContain(internal);
    expect(await tileKeys(page)).toEqual(['cases', 'consult', 'binding']);
    // Tile and state icons are images, not characters in a circle.
    expect(await page.locator('#home-tiles [data-icon="tile-cases"]').count()).toBe(1);
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

    // Typed in by hand, a role page still explains itself, under a drawn lock icon.
    await page.goto(`${stack.bffUrl}/h5/#/grid/pages/tasks/index`);
    await page.locator('#role-gate [data-icon="lock"]').waitFor();
    await screenshot(page, 'mp-h5-role-gate');
    await page.close();
  });

  it('shows each person the tiles of their roles: 党员之家 for a party member, 网格工作台 for a grid worker', async () => {
    const party = await signedIn('lisi');
    expect(await tileKeys(party)).toEqual(['cases', 'consult', 'party', 'binding']);
    await screenshot(party, 'mp-h5-home-party');
    await party.close();

    const worker = await signedIn('wangwu');
    expect(await tileKeys(worker)).toEqual(['cases', 'consult', 'tasks', 'visits', 'case-tasks', 'binding']);
    expect(await worker.locator('#tile-tasks').textContent()).toContain('网格工作台');
    await screenshot(worker, 'mp-h5-home-grid');
    await worker.locator('#tile-tasks').click();
    await worker.locator('.taro_page_stationed #grid-overview').waitFor();
    // The row's count is the BFF's total, the same figure the 走访待办 list holds.
    const row = (await worker.locator('#grid-entry-visits').textContent()) ?? '';
    const cards = await Promise.all(
      ['#grid-due-overdue', '#grid-due-due', '#grid-due-upcoming'].map(async (id) =>
        Number(await worker.locator(id).textContent()),
      ),
    );
    const sum = cards.reduce((a, b) => a + b, 0);
    expect(row).toContain(sum === 0 ? '暂无待走访' : `${sum} 项待走访`);
    await screenshot(worker, 'mp-h5-grid-workbench');
    await worker.close();
  });

  it('offline, a tile that cannot load its page shows 网络不可用 with 重试, which opens it once back online', async () => {
    const page = await signedIn('wangwu');
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.context().setOffline(true);
    await page.locator('#tile-tasks').click();
    const offline = page.locator('#nav-failure #state-offline');
    await offline.waitFor();
    expect(await offline.textContent()).toContain('网络不可用，请检查网络后重试');
    // The failed chunk was handled, not thrown at the user, and the URL is back on the home page.
    expect(errors.filter((e) => /chunk/i.test(e))).toEqual([]);
    expect(new URL(page.url()).hash).not.toContain('grid');
    await screenshot(page, 'mp-h5-offline');

    // Still offline: 重试 keeps the notice instead of failing silently.
    await page.locator('#state-offline-retry').click();
    await offline.waitFor();

    await page.context().setOffline(false);
    await page.locator('#state-offline-retry').click();
    // Taro marks the page stationed once its slide-in has ended: a still frame for the screenshot.
    await page.locator('.taro_page_stationed #grid-overview').waitFor();
    expect(await page.locator('#nav-failure').count()).toBe(0);
    await screenshot(page, 'mp-h5-offline-retried');
    await page.close();
  });
});
