import type { Browser, Page } from 'playwright-core';
import type { RegionVO } from '@zhili/shared';
import { blockingViolations } from './support/axe';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { settle, settledScreenshot } from './support/settle';
import { staffApi, staffFirstLogin, staffToken } from './support/staff-session';
import { totpNow } from './support/totp';

const describeBrowser = browserAvailable() ? describe : describe.skip;
const VIEWPORT = { width: 1440, height: 900 };

/**
 * A town-level account's first login (TOTP enrolment, then the forced password change), keeping
 * the authenticator's secret: the captcha alternative signs in with its codes later.
 */
async function enrolledLogin(page: Page, baseUrl: string, username: string, password: string, newPassword: string) {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  const secretText = page.getByTestId('mfa-setup-secret');
  await secretText.waitFor();
  const secret = ((await secretText.textContent()) ?? '').trim();
  await page.getByTestId('mfa-code-input').fill(totpNow(secret));
  await page.getByTestId('mfa-submit').click();
  await page.getByTestId('mfa-recovery-codes').waitFor();
  await page.getByTestId('mfa-recovery-confirm').click();
  await page.waitForURL(/\/admin\/password/);
  await page.getByTestId('password-current').fill(password);
  await page.getByTestId('password-new').fill(newPassword);
  await page.getByTestId('password-confirm').fill(newPassword);
  await page.getByTestId('password-submit').click();
  await page.waitForURL(/\/admin\/dashboard/);
  return secret;
}

/** What has keyboard focus: enough to tell where a Tab or an arrow key went. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    return {
      tag: el?.tagName ?? '',
      testid: el?.dataset.testid ?? el?.getAttribute('data-test') ?? '',
      text: (el?.textContent ?? '').trim(),
      href: el?.getAttribute('href') ?? '',
      id: el?.id ?? '',
      inMenu: Boolean(el?.closest('nav[aria-label="主菜单"]')),
      outline: style ? { style: style.outlineStyle, width: parseFloat(style.outlineWidth) } : null,
    };
  });
}

/** Presses Tab until `done` holds for the focused element (at most `limit` times); the presses used. */
async function tabUntil(page: Page, done: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60) {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (done(await focused(page))) return presses;
  }
  throw new Error(`focus never got there in ${limit} Tab presses (last: ${JSON.stringify(await focused(page))})`);
}

/**
 * The staff portal measured as the audit did — axe-core in Chromium at 1440×900 over the
 * main pages, plus the keyboard paths a person without a mouse takes — and failing on what it found:
 * any critical or serious violation, a sidebar out of Tab reach, a case that cannot be opened
 * without a click, a captcha that only sight can pass.
 */
describeBrowser('admin portal accessibility (axe-core, WCAG 2.1 AA, keyboard only)', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let loginAccount: { username: string; password: string; secret: string };

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    const setup = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await staffFirstLogin(setup, stack.bffUrl, {
      username: 'admin',
      password: E2E_ADMIN_PASSWORD,
      newPassword: 'Town-Hall-2026!',
      mfa: true,
    });
    const api = staffApi(stack.bffUrl, await staffToken(setup));
    const town = (await api<RegionVO[]>('GET', '/regions')).find((r) => r.level === 'town');
    if (!town) throw new Error('no town in the demo seed');
    const clerk = await api<{ initialPassword: string }>('POST', '/users', {
      username: 'a11y.clerk',
      displayName: '无障碍检查员',
      roles: ['town_admin'],
      regionId: town.id,
    });
    const signer = await api<{ initialPassword: string }>('POST', '/users', {
      username: 'a11y.signer',
      displayName: '验证码替代检查员',
      roles: ['town_admin'],
      regionId: town.id,
    });
    page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await enrolledLogin(page, stack.bffUrl, 'a11y.clerk', clerk.initialPassword, 'Keyboard-Only-2026!');
    const signerPage = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    const secret = await enrolledLogin(
      signerPage,
      stack.bffUrl,
      'a11y.signer',
      signer.initialPassword,
      'Screen-Reader-2026!',
    );
    await signerPage.context().close();
    loginAccount = { username: 'a11y.signer', password: 'Screen-Reader-2026!', secret };
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  describe('axe-core finds no critical or serious violation', () => {
    it.each([
      ['dashboard', '/dashboard', '[data-testid="dashboard-cases"]'],
      ['inbox', '/cases/inbox', '[data-test="case-table"] [data-test="case-link"]'],
      ['persons', '/registry/persons', '[data-testid="persons-table"] .el-table__row'],
      ['grid map', '/grid/map', '[data-testid="geo-region"]'],
    ])('on the %s', async (name, path, ready) => {
      await page.goto(`${stack.bffUrl}/admin${path}`);
      await page.locator(ready).first().waitFor();
      await settledScreenshot(page, `admin-a11y-${name.replace(' ', '-')}`);
      expect(await blockingViolations(page)).toEqual([]);
    });

    it('on a case opened from the inbox', async () => {
      await page.goto(`${stack.bffUrl}/admin/cases/inbox`);
      const link = page.locator('[data-test="case-link"]').first();
      const no = ((await link.textContent()) ?? '').trim();
      // The case number is a real link: its address is the case page.
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toMatch(/^\/admin\/cases\/[0-9a-f-]{36}$/);
      await page.goto(`${stack.bffUrl}${href}`);
      await page.locator('[data-test="case-summary"]').waitFor();
      expect((await page.locator('[data-test="case-no"]').textContent())?.trim()).toBe(no);
      await settledScreenshot(page, 'admin-a11y-case-detail');
      expect(await blockingViolations(page)).toEqual([]);
    });

    it('on the grid map shaded 按人口, with its legend, and on its numbers as a table', async () => {
      await page.goto(`${stack.bffUrl}/admin/grid/map`);
      await page.locator('[data-testid="geo-region"]').first().waitFor();
      await page.getByTestId('map-color-by').getByText('按人口').click();
      const legend = page.getByTestId('map-legend');
      await legend.waitFor();
      // Every shade has its range written out.
      const ranges = await legend.getByTestId('map-legend-class').allInnerTexts();
      expect(ranges.length).toBeGreaterThan(1);
      for (const range of ranges) expect(range).toMatch(/\d+(–\d+)? 人/);
      await settle(page);
      expect(await blockingViolations(page)).toEqual([]);
      await settledScreenshot(page, 'admin-a11y-grid-map-persons');

      await page.getByTestId('map-view').getByText('数据表').click();
      const table = page.getByTestId('region-data-table');
      await table.locator('.el-table__row').first().waitFor();
      // The exact figures, headed by what they count.
      expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(
        expect.arrayContaining(['区域', '人口', '户数']),
      );
      expect(await table.getByRole('cell', { name: /^\d+$/ }).count()).toBeGreaterThan(0);
      await settle(page); // the switches' colour transitions, not a frame of them
      expect(await blockingViolations(page)).toEqual([]);
      await settledScreenshot(page, 'admin-a11y-grid-map-table');
    });

    it('on the login page', async () => {
      const fresh = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
      await fresh.goto(`${stack.bffUrl}/admin/login`);
      await fresh.getByTestId('login-username').waitFor();
      await settle(fresh);
      expect(await blockingViolations(fresh)).toEqual([]);
      await fresh.context().close();
    });
  });

  it('starts every page with a skip link, then the side menu: all of it by Tab, moved through with arrow keys', async () => {
    await page.goto(`${stack.bffUrl}/admin/dashboard`);
    await page.getByTestId('dashboard-cases').waitFor();

    // First Tab stop: 跳到主要内容, visible once focused; Enter lands in the page's content.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ testid: 'skip-link', text: '跳到主要内容' });
    const box = await page.getByTestId('skip-link').boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    await settledScreenshot(page, 'admin-a11y-skip-link');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main-content');

    // From the top again: the menu's first entry is the second Tab stop, a real link.
    await page.goto(`${stack.bffUrl}/admin/dashboard`);
    await page.getByTestId('dashboard-cases').waitFor();
    const presses = await tabUntil(page, (f) => f.inMenu);
    expect(presses).toBe(2);
    const first = await focused(page);
    expect(first).toMatchObject({ tag: 'A', testid: 'menu-dashboard', href: '/admin/dashboard' });
    // The focus ring is there to see.
    expect(first.outline?.style).not.toBe('none');
    expect(first.outline?.width).toBeGreaterThanOrEqual(2);

    // Tab walks every entry of the menu (links and group buttons), none skipped.
    const visible = await page
      .locator('nav[aria-label="主菜单"] [data-nav-item]:visible')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.testid));
    const walked = [first.testid];
    for (;;) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now.inMenu) break;
      walked.push(now.testid);
    }
    expect(walked).toEqual(visible);
    expect(walked).toEqual(expect.arrayContaining(['menu-grid', 'menu-cases', 'menu-registry']));

    // Arrow keys: down through the entries, → opens a group and steps in, ← goes back to it.
    await page.getByTestId('menu-dashboard').focus();
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).testid).toBe('menu-grid');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).testid).toBe('menu-cases');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('menu-cases').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).testid).toBe('menu-cases-inbox');
    await settledScreenshot(page, 'admin-a11y-menu-keyboard');
    await page.keyboard.press('ArrowLeft');
    expect((await focused(page)).testid).toBe('menu-cases');
  });

  it('opens a case from the inbox with the keyboard alone (Tab, arrows, Enter — no click)', async () => {
    await page.goto(`${stack.bffUrl}/admin/dashboard`);
    await page.getByTestId('dashboard-cases').waitFor();
    // Into the menu, down to 接诉即办, open it, step to 工单受理, Enter.
    await tabUntil(page, (f) => f.inMenu);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).text).toContain('接诉即办');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).text).toBe('工单受理');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/cases\/inbox/);
    await page.locator('[data-test="case-link"]').first().waitFor();
    // The new page's content has focus: Tab continues there, not from the top of the document.
    expect((await focused(page)).id).toBe('main-content');
    expect(await page.getByTestId('page-title').textContent()).toBe('工单受理');

    // Tab to the first case number: a link; on the way, the row's checkbox says which case it picks.
    const first = page.locator('[data-test="case-link"]').first();
    const no = ((await first.textContent()) ?? '').trim();
    const presses = await tabUntil(page, (f) => f.tag === 'A' && f.text === no);
    const rowBox = page.locator('[data-test="case-table"] tbody tr').first().locator('input[type="checkbox"]');
    expect(await rowBox.getAttribute('aria-label')).toBe(`选择 ${no}`);
    await settledScreenshot(page, 'admin-a11y-inbox-case-focused');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/cases\/[0-9a-f-]{36}$/);
    await page.locator('[data-test="case-summary"]').waitFor();
    expect((await page.locator('[data-test="case-no"]').textContent())?.trim()).toBe(no);
    expect(await page.getByTestId('page-title').textContent()).toBe('工单详情');
    await settledScreenshot(page, 'admin-a11y-case-by-keyboard');
    // Reachable in a sensible number of steps past the filters (not a wall of 100 Tab stops).
    expect(presses).toBeLessThan(40);
  });

  it('reads the inbox as one table: column headers name each cell', async () => {
    await page.goto(`${stack.bffUrl}/admin/cases/inbox`);
    const table = page.getByRole('table', { name: '工单列表' });
    await table.locator('[data-test="case-link"]').first().waitFor();
    const headers = await table.getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(expect.arrayContaining(['工单编号', '状态', '时限', '提交时间']));
    const firstRow = table.getByRole('row').nth(1);
    expect(await firstRow.getByRole('cell').count()).toBe(headers.length);
    // Sorting by 时限 works from the keyboard too.
    const due = table.getByRole('columnheader', { name: /时限/ });
    expect(await due.getAttribute('aria-sort')).toBe('none');
    const sorted = page.waitForResponse((r) => r.url().includes('/api/admin/cases?') && r.url().includes('dueAt'));
    await due.focus();
    await page.keyboard.press('Enter');
    await sorted;
    await eventually(() => due.getAttribute('aria-sort'), 'ascending');
  });

  it('lets someone who cannot read the image captcha sign in with the authenticator code instead', async () => {
    const login = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await login.goto(`${stack.bffUrl}/admin/login`);
    // Wrong passwords until the BFF asks for the captcha (from the 4th attempt: 3 failures count).
    for (let i = 0; i < 5 && !(await login.getByTestId('login-captcha-input').isVisible()); i += 1) {
      await login.getByTestId('login-username').fill(loginAccount.username);
      await login.getByTestId('login-password').fill('Wrong-Pass-000');
      await Promise.all([
        login.waitForResponse((r) => r.url().endsWith('/api/admin/auth/login')),
        login.getByTestId('login-password').press('Enter'),
      ]);
    }
    // The captcha appears with the focus in its field.
    await login.getByTestId('login-captcha-image').waitFor();
    expect((await focused(login)).testid).toBe('login-captcha-input');
    await login.getByTestId('login-password').fill(loginAccount.password);
    await login.getByTestId('login-captcha-input').focus();
    await settledScreenshot(login, 'admin-a11y-login-captcha');
    expect(await blockingViolations(login)).toEqual([]);

    // The alternative, by keyboard: Tab from the captcha to 改用动态验证码, Enter; the code field has focus.
    await tabUntil(login, (f) => f.testid === 'login-use-totp', 10);
    await login.keyboard.press('Enter');
    await login.getByTestId('login-totp-input').waitFor();
    expect((await focused(login)).testid).toBe('login-totp-input');
    await settledScreenshot(login, 'admin-a11y-login-totp');
    expect(await blockingViolations(login)).toEqual([]);
    // Password and the current code: signed in at once, no second step.
    await login.keyboard.type(totpNow(loginAccount.secret, 1));
    await login.keyboard.press('Enter');
    await login.waitForURL(/\/admin\/dashboard/);
    expect(await login.getByTestId('current-user').textContent()).toContain('验证码替代检查员');
    await login.context().close();
  });
});

/** Waits until `read()` gives `want` (UI state that follows a response by a render). */
async function eventually(read: () => Promise<string | null>, want: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await read();
    if (last === want) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(last).toBe(want);
}
