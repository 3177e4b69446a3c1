import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, createStaff } from './support/staff-fixtures';
import { CHROMIUM_PATH, launchBrowser } from '../../scripts/e2e/support/browser';

/**
 * The CSP must not break the apps it protects: load the built admin in Chromium under the real
 * headers, sign in, reach the dashboard (Element Plus, ECharts, socket.io), open the API docs, and
 * require that the browser reported no CSP violation at all.
 */

const backend = currentBackend();
const adminBuilt = existsSync(join(__dirname, '../../admin/dist/index.html'));
const SHOTS = join(__dirname, '../../var/e2e');

function runnable(): boolean {
  const missing = [
    !existsSync(CHROMIUM_PATH) && `Chromium at ${CHROMIUM_PATH}`,
    !adminBuilt && 'the admin build (npm run build:admin)',
  ].filter(Boolean);
  if (!missing.length) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true but missing ${missing.join(' and ')}`);
  console.warn(`CSP browser check skipped: missing ${missing.join(' and ')}`);
  return false;
}

const describeBrowser = runnable() ? describe : describe.skip;

interface Watch {
  violations: string[];
}

/** Collects CSP violations from both the DOM event and the console, plus uncaught page errors. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { violations: [] };
  await page.exposeFunction('__reportCsp', (text: string) => seen.violations.push(text));
  // Init scripts are injected by the browser itself, so the CSP under test does not block them.
  // (A string: this project's TypeScript has no DOM types.)
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCsp(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')');
    });`,
  });
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.violations.push(msg.text());
  });
  page.on('pageerror', (err) => {
    if (/Content Security Policy|unsafe-eval|EvalError/i.test(err.message)) seen.violations.push(err.message);
  });
  return seen;
}

describeBrowser(`the admin app under its CSP in Chromium on ${backend.name}`, () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp(backend);
    const town = await createRegion(t, '青山镇', 'town');
    await createStaff(t, { username: 'csp.admin', roles: ['village_admin'], region: town });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in, lands on the 工作台 and opens the live case inbox without a single CSP violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const seen = await watch(page);
    // connect-src 'self' must cover the same-origin WebSocket, not just HTTP long-polling.
    let socketFrames = 0;
    page.on('websocket', (ws) => {
      if (ws.url().includes('/socket.io/')) ws.on('framereceived', () => (socketFrames += 1));
    });
    const response = await page.goto(`${t.url}/admin/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForURL(/\/admin\/login/);
    await page.getByTestId('login-username').fill('csp.admin');
    await page.getByTestId('login-password').fill('Fixture-Pass-2024!x');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !/\/admin\/login/.test(url.pathname), { timeout: 15_000 });
    // The landing page (工作台) renders its charts; then the case inbox, whose live updates come over
    // the authenticated socket.io connection (connect-src).
    await page.waitForLoadState('networkidle');
    await page.goto(`${t.url}/admin/cases/inbox`);
    await page.locator('[data-testid="realtime-state"][data-state="connected"]').waitFor({ timeout: 15_000 });
    // Let lazy chunks, charts and styles settle before judging.
    await page.waitForLoadState('networkidle');
    expect(seen.violations).toEqual([]);
    expect(socketFrames).toBeGreaterThan(0);
    await page.close();
  }, 60_000);

  it('would notice a violation (the watcher is not blind)', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.goto(`${t.url}/admin/`);
    await page.addScriptTag({ content: 'window.__injected = true' }).catch(() => undefined);
    await page.waitForTimeout(200);
    expect(seen.violations.join('\n')).toMatch(/script-src/);
    await page.close();
  }, 60_000);

  it('renders the API docs under the page policy', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.goto(`${t.url}/api/docs/index.html`);
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 15_000 });
    expect(seen.violations).toEqual([]);
    await page.close();
  }, 60_000);

  it('opens the documented URL /api/docs and renders the document, not "Unable to render"', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const seen = await watch(page);
    const response = await page.goto(`${t.url}/api/docs`);
    expect(new URL(page.url()).pathname).toBe('/api/docs/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 15_000 });
    mkdirSync(SHOTS, { recursive: true });
    // The operations of the document are listed, grouped by tag (the contract's first group: 人员标签).
    // Swagger UI renders the long list lazily while scrolling; api-docs-browser.test.ts checks all of it.
    await page
      .locator('.opblock')
      .first()
      .waitFor({ timeout: 15_000 })
      .finally(() => page.screenshot({ path: join(SHOTS, 'api-docs.png') }));
    const text = (await page.locator('#swagger-ui').textContent()) ?? '';
    expect(text).not.toMatch(/Unable to render|Failed to load API definition/);
    expect(text).toContain('/api/admin/tags');
    expect(seen.violations).toEqual([]);
    await page.close();
  }, 60_000);

  it('cannot be framed by another page', async () => {
    const page = await browser.newPage();
    const seen = await watch(page);
    // A data: document is a foreign origin; frame-ancestors 'none' must stop it embedding the admin.
    await page.setContent(`<iframe id="f" src="${t.url}/admin/"></iframe>`);
    await page.waitForTimeout(1500);
    const framed = page.frames().find((f) => f.url().includes('/admin/'));
    const loaded = framed
      ? await framed.evaluate<boolean>("document.querySelector('#app') !== null").catch(() => false)
      : false;
    expect(loaded).toBe(false);
    expect(seen.violations.join('\n')).toMatch(/frame-ancestors|refused to display|Refused to frame/i);
    await page.close();
  }, 60_000);
});
