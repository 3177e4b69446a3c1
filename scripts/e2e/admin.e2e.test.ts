import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshot } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { totpNow } from './support/totp';

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
async function createUser(page: Page, baseUrl: string, username: string, displayName: string, roleLabel: string, region: string): Promise<string> {
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

  it('takes the seeded super admin through TOTP enrolment and the forced password change to a live dashboard', async () => {
    await page.goto(`${stack.bffUrl}/admin/`);
    await page.waitForURL(/\/admin\/login/);
    await screenshot(page, 'admin-login');
    await firstLogin(page, stack.bffUrl, { username: 'admin', password: E2E_ADMIN_PASSWORD, newPassword: 'Town-Hall-2026!', mfa: true, shots: 'admin' });
    const raw = page.getByTestId('health-status-raw');
    await raw.waitFor();
    expect((await raw.textContent())?.trim()).toBe('ok');
    // Live means pushed over the authenticated socket.io connection, not only fetched once.
    await page.locator('[data-testid="realtime-state"][data-state="connected"]').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('系统管理员');
    await screenshot(page, 'admin-dashboard');
  });

  it('creates staff bound to regions, each shown a one-time initial password, and lists roles', async () => {
    created.village = await createUser(page, stack.bffUrl, 'xingfu.admin', '幸福村管理员', '村管理员', '幸福村');
    await screenshot(page, 'admin-user-created');
    await page.getByTestId('one-time-secret-close').click();
    created.auditor = await createUser(page, stack.bffUrl, 'town.auditor', '镇审计员', '审计员', '示范镇');
    await page.getByTestId('one-time-secret-close').click();
    await page.getByText('xingfu.admin').first().waitFor();
    await screenshot(page, 'admin-users');
    await page.goto(`${stack.bffUrl}/admin/system/roles`);
    await page.getByTestId('roles-table').waitFor();
    await screenshot(page, 'admin-roles');
  });

  it('lets the village admin (no MFA required) change the password and issue a binding code with its QR', async () => {
    const villagePage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await firstLogin(villagePage, stack.bffUrl, { username: 'xingfu.admin', password: created.village, newPassword: 'Village-Desk-77', mfa: false });
    await villagePage.goto(`${stack.bffUrl}/admin/system/bindings`);
    await villagePage.getByTestId('binding-region').click();
    await villagePage.getByText('幸福村第一网格', { exact: true }).last().click();
    await villagePage.getByTestId('binding-issue').click();
    await villagePage.getByTestId('binding-qr').waitFor();
    expect(((await villagePage.getByTestId('binding-code').textContent()) ?? '').replace(/复制|\s/g, '')).toMatch(/[A-HJ-NP-Z2-9]{8}/);
    await screenshot(villagePage, 'admin-binding-code');
    await villagePage.close();
  });

  it('shows the auditor an intact, filterable audit log of what happened', async () => {
    const auditorPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await firstLogin(auditorPage, stack.bffUrl, { username: 'town.auditor', password: created.auditor, newPassword: 'Ledger-Check-55', mfa: true });
    await auditorPage.goto(`${stack.bffUrl}/admin/system/audit`);
    await auditorPage.getByTestId('audit-table').waitFor();
    await auditorPage.getByText('xingfu.admin').first().waitFor();
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
    await screenshot(fresh, 'admin-login-captcha');
    await fresh.close();
  });
});
