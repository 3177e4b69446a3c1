import type { Page } from 'playwright-core';
import { totpNow } from './totp';

/**
 * A staff account's first login in the admin: TOTP enrolment when its roles require it, then the
 * forced password change, ending on the dashboard.
 */
export async function staffFirstLogin(
  page: Page,
  baseUrl: string,
  account: { username: string; password: string; newPassword: string; mfa: boolean },
): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByTestId('login-username').fill(account.username);
  await page.getByTestId('login-password').fill(account.password);
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/admin/auth/login')),
    page.getByTestId('login-submit').click(),
  ]);
  if (account.mfa) {
    const secretText = page.getByTestId('mfa-setup-secret');
    await secretText.waitFor();
    const secret = ((await secretText.textContent()) ?? '').trim();
    await page.getByTestId('mfa-code-input').fill(totpNow(secret));
    await page.getByTestId('mfa-submit').click();
    await page.getByTestId('mfa-recovery-codes').waitFor();
    await page.getByTestId('mfa-recovery-confirm').click();
  }
  await page.waitForURL(/\/admin\/password/);
  await page.getByTestId('password-current').fill(account.password);
  await page.getByTestId('password-new').fill(account.newPassword);
  await page.getByTestId('password-confirm').fill(account.newPassword);
  await page.getByTestId('password-submit').click();
  await page.waitForURL(/\/admin\/dashboard/);
}

/** The access token of the admin session in this page. */
export async function staffToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('zhili.admin.session'));
  const token = raw ? (JSON.parse(raw) as { accessToken?: string }).accessToken : undefined;
  if (!token) throw new Error('no admin session in localStorage');
  return token;
}

/** `/api/admin` calls with a staff token; throws on any non-2xx answer. */
export function staffApi(baseUrl: string, token: string) {
  return async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl}/api/admin${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? (JSON.parse(text) as { data: T }).data : null) as T;
  };
}
