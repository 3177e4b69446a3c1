import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshot } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { totpNow } from './support/totp';
import type { DashboardVO } from '@zhili/shared';

const describeBrowser = browserAvailable() ? describe : describe.skip;

interface FirstLogin {
  username: string;
  password: string;
  newPassword: string;
  /** Town-level roles must enrol TOTP before they get a session. */
  mfa: boolean;
  shots?: string;
}

/** Fills the login form and waits for the BFF's answer (so no click races a request in flight). */
async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/admin/auth/login')),
    page.getByTestId('login-submit').click(),
  ]);
}

/** A new account's first login: optional TOTP enrolment, then the forced password change. */
async function firstLogin(page: Page, baseUrl: string, user: FirstLogin): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await submitLogin(page, user.username, user.password);
  if (user.mfa) {
    const secretText = page.getByTestId('mfa-setup-secret');
    await secretText.waitFor();
    await page.getByTestId('mfa-setup-qr').waitFor();
    if (user.shots) await screenshot(page, `${user.shots}-mfa-enrol`);
    const secret = ((await secretText.textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7\s]{16,}$/);
    await page.getByTestId('mfa-code-input').fill(totpNow(secret));
    await page.getByTestId('mfa-submit').click();
    const codes = page.getByTestId('mfa-recovery-codes');
    await codes.waitFor();
    const shown = await codes.locator('li').allTextContents();
    expect(shown).toHaveLength(10);
    expect(new Set(shown).size).toBe(10);
    if (user.shots) await screenshot(page, `${user.shots}-mfa-recovery-codes`);
    await page.getByTestId('mfa-recovery-confirm').click();
  }
  // The initial password must be replaced before anything else works.
  await page.waitForURL(/\/admin\/password/);
  await page.getByTestId('password-current').fill(user.password);
  await page.getByTestId('password-new').fill('abcdefgh');
  await page.locator('[data-testid="password-policy"] [data-ok="false"]').first().waitFor();
  await page.getByTestId('password-new').fill(user.newPassword);
  await page.getByTestId('password-confirm').fill(user.newPassword);
  if (user.shots) await screenshot(page, `${user.shots}-password-change`);
  await page.getByTestId('password-submit').click();
  await page.waitForURL(/\/admin\/dashboard/);
}

/** Creates a staff account in the users screen and returns its one-time initial password. */
async function createUser(
  page: Page,
  baseUrl: string,
  username: string,
  displayName: string,
  roleLabel: string,
  region: string,
): Promise<string> {
  await page.goto(`${baseUrl}/admin/system/users`);
  await page.getByTestId('users-table').waitFor();
  await page.getByTestId('users-create').click();
  await page.getByTestId('user-form-username').fill(username);
  await page.getByTestId('user-form-displayname').fill(displayName);
  await page.getByTestId('user-form-roles').click();
  await page.getByRole('option', { name: roleLabel, exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('user-form-region').click();
  await page.getByText(region, { exact: true }).last().click();
  await page.getByTestId('user-form-submit').click();
  const initial = page.getByTestId('initial-password');
  await initial.waitFor();
  const password = ((await initial.textContent()) ?? '').replace(/复制|\s/g, '').trim();
  expect(password.length).toBeGreaterThanOrEqual(8);
  return password;
}

describeBrowser('admin portal in Chromium', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  const created: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('takes the seeded super admin through TOTP enrolment and the forced password change to a live 系统状态 page', async () => {
    await page.goto(`${stack.bffUrl}/admin/`);
    await page.waitForURL(/\/admin\/login/);
    await screenshot(page, 'admin-login');
    await firstLogin(page, stack.bffUrl, {
      username: 'admin',
      password: E2E_ADMIN_PASSWORD,
      newPassword: 'Town-Hall-2026!',
      mfa: true,
      shots: 'admin',
    });
    // The landing page holds no server internals; the super admin has no case or registry work.
    await page.getByTestId('dashboard-empty').waitFor();
    expect(await page.getByTestId('health-db').count()).toBe(0);
    await screenshot(page, 'admin-dashboard-super-admin');
    // The super admin's menu lists 系统状态 (under 系统管理); the landing page links to it.
    expect(await page.getByRole('navigation', { name: '主菜单' }).getByText('系统状态').count()).toBe(1);
    await page.getByTestId('dashboard-system-status').click();
    await page.waitForURL(/\/admin\/system\/status/);
    const raw = page.getByTestId('health-status-raw');
    await raw.waitFor();
    expect((await raw.textContent())?.trim()).toBe('ok');
    // Live means pushed over the authenticated socket.io connection, not only fetched once.
    await page.locator('[data-testid="realtime-state"][data-state="connected"]').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('系统管理员');
    await screenshot(page, 'admin-system-status');
  });

  it('creates staff bound to regions, each shown a one-time initial password, and lists roles', async () => {
    created.village = await createUser(page, stack.bffUrl, 'xingfu.admin', '幸福村管理员', '村管理员', '幸福村');
    await screenshot(page, 'admin-user-created');
    await page.getByTestId('one-time-secret-close').click();
    created.auditor = await createUser(page, stack.bffUrl, 'town.auditor', '镇审计员', '审计员', '示范镇');
    await page.getByTestId('one-time-secret-close').click();
    await page.getByText('xingfu.admin').first().waitFor();
    await page.getByText('town.auditor').first().waitFor();
    await screenshot(page, 'admin-users');
    await page.goto(`${stack.bffUrl}/admin/system/roles`);
    const table = page.getByTestId('roles-table');
    await table.locator('.el-table__body tr.el-table__row').first().waitFor();
    // The matrix as shown: per role column (by its header), the permission codes ticked in it.
    const shown = await table.evaluate((el) => {
      const roles = Array.from(el.querySelectorAll('.el-table__header .role-head')).map(
        (h) => h.getAttribute('data-role') ?? '',
      );
      const granted: Record<string, string[]> = Object.fromEntries(roles.map((r) => [r, []]));
      for (const row of Array.from(el.querySelectorAll('.el-table__body tr.el-table__row'))) {
        const code = row.querySelector('.perm__code')?.textContent?.trim() ?? '';
        Array.from(row.querySelectorAll('td'))
          .slice(1)
          .forEach((cell, i) => cell.querySelector('.cell-yes') && granted[roles[i]].push(code));
      }
      const mfa = Array.from(el.querySelectorAll('.role-head')).filter((h) =>
        h.querySelector('[data-testid="role-mfa-required"]'),
      );
      return { roles, granted, mfa: mfa.map((h) => h.getAttribute('data-role')) };
    });
    // Written out by hand from the duties (docs/SECURITY.md), not read from the shared table the page shows.
    expect(shown.roles).toEqual(
      expect.arrayContaining([
        'grid_worker',
        'grid_leader',
        'community_admin',
        'village_admin',
        'town_admin',
        'party_secretary',
        'auditor',
        'super_admin',
      ]),
    );
    expect(shown.granted.auditor.sort()).toEqual(['audit:read', 'role:read']);
    expect(shown.granted.super_admin).toEqual(expect.arrayContaining(['user:manage', 'role:assign', 'system:status']));
    expect(shown.granted.super_admin).not.toContain('person:pii:read');
    expect(shown.granted.super_admin).not.toContain('audit:read');
    expect(shown.granted.town_admin).toEqual(expect.arrayContaining(['person:pii:read', 'case:manage', 'user:manage']));
    expect(shown.granted.grid_worker).not.toContain('person:manage');
    expect(shown.mfa.sort()).toEqual(['auditor', 'party_secretary', 'super_admin', 'town_admin']);
    await screenshot(page, 'admin-roles');
  });

  it('lets the village admin (no MFA required) change the password and issue a binding code with its QR', async () => {
    const villagePage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await firstLogin(villagePage, stack.bffUrl, {
      username: 'xingfu.admin',
      password: created.village,
      newPassword: 'Village-Desk-77',
      mfa: false,
    });
    await villagePage.goto(`${stack.bffUrl}/admin/system/bindings`);
    // A village admin may grant the grid worker role only (party member codes need party affairs),
    // and a grid worker code names a grid: the village itself cannot be picked.
    await villagePage.getByTestId('binding-role').getByText('网格员').waitFor();
    expect((await villagePage.getByTestId('binding-role').innerText()).replace(/\s/g, '')).toBe('网格员');
    await villagePage.getByTestId('binding-region').click();
    const option = (name: string) =>
      villagePage.locator('.el-select-dropdown__item', { has: villagePage.getByText(name, { exact: true }) }).last();
    await option('幸福村第一网格').waitFor();
    expect(await option('幸福村').getAttribute('class')).toContain('is-disabled');
    expect(await option('幸福村第一网格').getAttribute('class')).not.toContain('is-disabled');
    await screenshot(villagePage, 'admin-binding-region-grid-only');
    await villagePage.getByText('幸福村第一网格', { exact: true }).last().click();
    await villagePage.getByTestId('binding-issue').click();
    await villagePage.getByTestId('binding-qr').waitFor();
    expect(((await villagePage.getByTestId('binding-code').textContent()) ?? '').replace(/复制|\s/g, '')).toMatch(
      /[A-HJ-NP-Z2-9]{8}/,
    );
    await screenshot(villagePage, 'admin-binding-code');
    await villagePage.close();
  });

  it('lands the village admin on their work: cases, region numbers and trends, not server latency', async () => {
    const villagePage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await villagePage.goto(`${stack.bffUrl}/admin/login`);
    const [answer] = await Promise.all([
      villagePage.waitForResponse((r) => r.url().endsWith('/api/admin/dashboard') && r.status() === 200),
      submitLogin(villagePage, 'xingfu.admin', 'Village-Desk-77'),
    ]);
    const data = ((await answer.json()) as { data: DashboardVO }).data;
    expect(data.region?.name).toBe('幸福村');
    const value = async (id: string) =>
      Number(
        ((await villagePage.getByTestId(id).getByTestId('work-number-value').textContent()) ?? '').replace(/,/g, ''),
      );
    await villagePage.getByTestId('dashboard-cases').waitFor();
    expect(await value('dash-pending')).toBe(data.cases?.pending);
    expect(await value('dash-overdue')).toBe(data.cases?.overdue);
    expect(await value('dash-due-today')).toBe(data.cases?.dueToday);
    expect(await value('dash-persons')).toBe(data.registry?.persons);
    expect(await value('dash-households')).toBe(data.registry?.households);
    expect(data.registry?.persons).toBeGreaterThan(0);
    // Work, not server internals: no latency, uptime or database on the page, no 系统状态 in the menu.
    const text = await villagePage.getByTestId('dashboard').innerText();
    for (const internal of ['延迟', '运行时长', 'SQLite', '数据库']) expect(text).not.toContain(internal);
    expect(await villagePage.getByRole('navigation', { name: '主菜单' }).getByText('系统状态').count()).toBe(0);
    // The trend is an ECharts canvas once the village has any case in the last 30 days.
    if (data.cases?.trend.some((d) => d.created + d.resolved > 0))
      await villagePage.locator('[data-testid="dashboard"] canvas').first().waitFor();
    await screenshot(villagePage, 'admin-dashboard');

    // A number opens the list it counts: 已超时 → the inbox with 只看超时, same total.
    await villagePage.getByTestId('dash-overdue').click();
    await villagePage.waitForURL(/\/admin\/cases\/inbox\?overdue=true/);
    await villagePage.locator('[data-test="case-filter-overdue"].is-checked').waitFor();
    await villagePage
      .locator('.el-pagination__total')
      .filter({ hasText: `共 ${data.cases?.overdue} 条` })
      .waitFor();
    await screenshot(villagePage, 'admin-dashboard-overdue-inbox');

    // 系统状态 is the super admin's page only.
    await villagePage.goto(`${stack.bffUrl}/admin/system/status`);
    await villagePage.waitForURL(/\/admin\/forbidden/);
    await villagePage.close();
  });

  it('shows household counts above 99 in full and names a household without a head by its address', async () => {
    const password = await createUser(page, stack.bffUrl, 'zhen.clerk', '镇户籍员', '村管理员', '示范镇');
    await page.getByTestId('one-time-secret-close').click();
    const clerk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await firstLogin(clerk, stack.bffUrl, {
      username: 'zhen.clerk',
      password,
      newPassword: 'Household-Desk-88',
      mfa: false,
    });
    const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const token = await clerk.evaluate(
        () =>
          (JSON.parse(localStorage.getItem('zhili.admin.session') ?? '{}') as { accessToken?: string }).accessToken ??
          '',
      );
      const res = await fetch(`${stack.bffUrl}/api/admin${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return (await res.json()) as T;
    };
    const total = (await api<{ page: { total: number } }>('GET', '/households?pageSize=1')).page.total;
    expect(total).toBeGreaterThan(99);
    await clerk.goto(`${stack.bffUrl}/admin/registry/households`);
    // The badge used to stop at 99+.
    await clerk
      .getByTestId('households-count-all')
      .filter({ hasText: String(total) })
      .waitFor();
    expect(await clerk.getByTestId('households-type-tabs').innerText()).not.toContain('99+');
    await screenshot(clerk, 'admin-households-counts');

    const regions = (await api<{ data: { id: string; name: string }[] }>('GET', '/regions')).data;
    const region = regions.find((r) => r.name === '幸福村') ?? regions[0];
    const created = await api<{ data: { id: string } }>('POST', '/households', {
      type: 'resident',
      regionId: region?.id,
      address: '幸福村振兴路8号',
    });
    await clerk.goto(`${stack.bffUrl}/admin/registry/households/${created.data.id}`);
    const title = clerk.locator('[data-testid="household-detail"] h2');
    await title.filter({ hasText: '未指定户主的户（幸福村振兴路8号）' }).waitFor();
    expect(await title.innerText()).not.toContain('（未指定户主） 户');
    await screenshot(clerk, 'admin-household-without-head');
    await clerk.close();
  });

  it('shows the auditor an intact, filterable audit log of what happened', async () => {
    const auditorPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await firstLogin(auditorPage, stack.bffUrl, {
      username: 'town.auditor',
      password: created.auditor,
      newPassword: 'Ledger-Check-55',
      mfa: true,
    });
    await auditorPage.goto(`${stack.bffUrl}/admin/system/audit`);
    await auditorPage.getByTestId('audit-table').waitFor();
    await auditorPage.getByText('xingfu.admin').first().waitFor();
    // Operators by name, actions in Chinese (the code beside), picked from a grouped list.
    await auditorPage.getByTestId('audit-actor').filter({ hasText: '幸福村管理员' }).first().waitFor();
    // Before filtering the page holds other actions too, so the filtered check below cannot pass by luck.
    const unfiltered = await auditorPage.getByTestId('audit-action').allInnerTexts();
    expect(unfiltered.some((a) => !a.includes('auth.login'))).toBe(true);
    await auditorPage.getByTestId('audit-filter-action').click();
    const popper = auditorPage.locator('.audit-action-popper');
    await popper.getByText('登录与会话').waitFor();
    await popper.getByText('接诉即办').waitFor();
    await screenshot(auditorPage, 'admin-audit-action-picker');
    await Promise.all([
      auditorPage.waitForResponse(
        (r) => r.url().includes('/api/admin/audit?') && r.url().includes('action=auth.login'),
      ),
      popper
        .locator('.el-select-dropdown__item')
        .filter({ hasText: /^登录\s*auth\.login$/ })
        .click()
        .then(() => auditorPage.getByTestId('audit-search').click()),
    ]);
    const actions = await auditorPage.getByTestId('audit-action').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a.replace(/\s+/g, ' ').trim()).toBe('登录 auth.login');
    await auditorPage.getByTestId('audit-verify').click();
    await auditorPage.locator('[data-testid="audit-verify-result"][data-state="intact"]').waitFor();
    await screenshot(auditorPage, 'admin-audit');
    await auditorPage.close();
  });

  it('refuses a wrong password with the API message, then asks for a captcha after repeated failures', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(`${stack.bffUrl}/admin/login`);
    await submitLogin(fresh, 'nobody.here', 'Wrong-Pass-0');
    expect(await fresh.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    for (let i = 1; i < 4; i += 1) await submitLogin(fresh, 'nobody.here', `Wrong-Pass-${i}`);
    await fresh.getByTestId('login-captcha-image').waitFor();
    // A distorted PNG (not SVG outlines a lookup table reads), and 换一张 swaps it for a new one.
    const captchaImage = fresh.locator('img[data-testid="login-captcha-image"]');
    await captchaImage.waitFor();
    const firstImage = await captchaImage.getAttribute('src');
    expect(firstImage).toMatch(/^data:image\/png;base64,/);
    await screenshot(fresh, 'admin-login-captcha');
    await fresh.getByTestId('login-captcha-refresh').click();
    await fresh.waitForFunction(
      (previous) =>
        document
          .querySelector('[data-testid="login-captcha-image"]')
          ?.getAttribute('src')
          ?.startsWith('data:image/png') &&
        document.querySelector('[data-testid="login-captcha-image"]')?.getAttribute('src') !== previous,
      firstImage,
    );
    await fresh.close();
  });
});
