import type { Browser, BrowserContext, FileChooser, Page } from 'playwright-core';
import { gcj02ToWgs84 } from '@zhili/shared';
import { clippedElements, focusedDescription, measure, tabTo } from './support/a11y-measure';
import { blockingViolations } from './support/axe';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2eStack, startE2eStack } from './support/e2e-stack';
import { PHONE, drawJpeg, h5DevLogin } from './support/h5';
import { settle, settledScreenshot as shot } from './support/settle';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** The demo town's centre (bff/src/seed/plan.ts, GCJ-02), inside one of its grids. */
const TOWN_CENTER: [number, number] = [120.0, 30.3];

/** Titles and controls that must never be cut, whatever the text size. */
const MUST_FIT = [
  '#taro-navigation-bar .taro-navigation-bar-title',
  '.weui-tabbar__label',
  '[role="heading"]',
  '.section__title',
  '.nut-button',
  '.tappable',
  '.list-row__title',
  '.tiles__title',
];

/** The visible page of Taro's h5 router (earlier pages stay in the DOM, hidden). */
const current = '.taro_page_stationed:not([style*="display: none"])';

describeBrowser('H5 mini-program accessibility (axe-core, keyboard, 长辈模式, large text)', () => {
  let stack: E2eStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let reportedCaseId = '';

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.dispose();
  });

  /** A phone-sized context (axe needs one) at the town centre, signed in as a demo identity. */
  async function signedIn(identity: 'zhangsan' | 'lisi' | 'wangwu', systemFontPx?: number): Promise<Page> {
    const [longitude, latitude] = gcj02ToWgs84(TOWN_CENTER);
    const context = await browser.newContext({
      ...PHONE,
      geolocation: { longitude, latitude, accuracy: 10 },
      permissions: ['geolocation'],
    });
    contexts.push(context);
    if (systemFontPx === undefined) return h5DevLogin(context, stack, identity);
    // The browser's default font size stands for WeChat's 字体大小 in h5 (utils/a11y/system-font.h5.ts):
    // set it before the app starts, as a phone would have it.
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: systemFontPx } });
    await page.addInitScript((simUrl) => window.localStorage.setItem('zhili.dev.simUrl', simUrl), stack.simUrl);
    await page.goto(`${stack.bffUrl}/h5/`);
    await page.locator('#login-button').click();
    await page.locator(`#dev-login-${identity}`).click();
    await page.locator('#home-nickname').waitFor();
    return page;
  }

  async function open(page: Page, path: string, ready: string): Promise<void> {
    await page.goto(`${stack.bffUrl}/h5/#${path}`);
    await page.locator(`${current} ${ready}`).first().waitFor();
    await settle(page);
  }

  async function expectNoBlockingViolations(page: Page, name: string): Promise<void> {
    const found = await blockingViolations(page);
    expect({ page: name, violations: found }).toEqual({ page: name, violations: [] });
  }

  it('files a 随手拍 report with the keyboard alone: category, description, photo, location, address, submit', async () => {
    const page = await signedIn('zhangsan');
    // Listening from the start turns on Playwright's file-chooser interception before the key press
    // (a waitForEvent set up just before a fast key press can miss the chooser).
    const chooser = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve));
    await open(page, '/resident/pages/report/index', '[data-test="category-grid"]');
    await page.locator('body').focus();

    // Category: a radio tile reached with Tab and chosen with Space, with a visible focus ring.
    await tabTo(page, '[data-test="category-road"]');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(ring).not.toBe('none');
    await page.keyboard.press(' ');
    await page.locator('[data-test="category-road"][data-selected="true"][aria-checked="true"]').waitFor();

    await tabTo(page, '[data-test="description"] textarea');
    await page.keyboard.type('人行道地砖松动，老人容易绊倒（键盘上报）');

    // Photo: the + tile is a button; Enter opens the file chooser.
    const photo = await drawJpeg(page, 'mp-a11y-photo', '键盘 keyboard', '#5b6b82');
    await tabTo(page, '[data-test="photo-picker-add"]');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(photo);
    await page.locator('[data-test="photo-picker-item"][data-status="done"]').waitFor();

    await tabTo(page, '[data-test="location-button"] .nut-button');
    await page.keyboard.press('Enter');
    await page.locator('[data-test="location-status"][data-located="true"]').waitFor();

    await tabTo(page, '[data-test="address-input"] input');
    await page.keyboard.type('幸福路口东侧人行道');
    await shot(page, 'mp-a11y-report-keyboard');

    const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/mp\/cases$/.test(r.url()));
    await tabTo(page, '[data-test="report-submit"] .nut-button');
    expect(await focusedDescription(page)).toContain('提交上报');
    await page.keyboard.press('Enter');
    await page.locator('[data-test="report-done"], [data-test="nearby-dialog"]').first().waitFor();
    if (await page.locator('[data-test="nearby-dialog"]').isVisible()) {
      await tabTo(page, '[data-test="nearby-submit-anyway"] .nut-button');
      await page.keyboard.press('Enter');
    }
    const response = await submitted;
    expect(response.status()).toBe(201);
    reportedCaseId = ((await response.json()) as { data: { id: string } }).data.id;
    await page.locator('[data-test="report-done"]').waitFor();
    await shot(page, 'mp-a11y-report-done');
  });

  it('finds no critical or serious axe violation on the resident pages', async () => {
    const page = await signedIn('zhangsan');
    await open(page, '/pages/home/index', '#home-tiles .tiles__item');
    await expectNoBlockingViolations(page, 'home');
    await open(page, '/resident/pages/report/index', '[data-test="category-grid"]');
    await expectNoBlockingViolations(page, '随手拍');
    await open(page, '/resident/pages/cases/index', '[data-test="my-case"], .state-box');
    await expectNoBlockingViolations(page, '我的上报');
    expect(reportedCaseId).not.toBe('');
    await open(page, `/resident/pages/case/index?id=${reportedCaseId}`, '[data-test="case-timeline"]');
    await expectNoBlockingViolations(page, '上报详情');
    await open(page, '/pages/mine/index', '#mine-elder-mode');
    await expectNoBlockingViolations(page, '我的');
    await open(page, '/pages/binding/index', '#binding-code-input');
    await expectNoBlockingViolations(page, '身份绑定');
  });

  it('finds no critical or serious axe violation on the grid worker pages', async () => {
    const page = await signedIn('wangwu');
    await open(page, '/grid/pages/tasks/index', '#grid-overview');
    await expectNoBlockingViolations(page, '网格工作台');
    await open(page, '/grid/pages/case-tasks/index', '[data-test="task-tab-todo"]');
    await page.locator(`${current} [data-test="task-list"], ${current} .state-box`).first().waitFor();
    await expectNoBlockingViolations(page, '我的工单');
    await open(page, '/grid/pages/visits-due/index', '#due-status-all');
    await page.locator(`${current} #due-list, ${current} .state-box`).first().waitFor();
    await expectNoBlockingViolations(page, '走访待办');
    await open(page, '/grid/pages/visit-new/index?personId=p&name=%E5%BC%A0', '#visit-note');
    await expectNoBlockingViolations(page, '记录走访');
  });

  it('长辈模式 under 我的: body text ≥ 18 px, key actions ≥ 60 px, a home of 报问题 / 我的上报 / 通知, remembered', async () => {
    const page = await signedIn('lisi');
    await open(page, '/pages/mine/index', '#mine-elder-mode');
    const before = await measure(page, `${current} .screen`);
    expect(before.fontSize).toBe(16);

    // The switch is a named switch, toggled with the keyboard.
    await page.locator('body').focus();
    await tabTo(page, '#mine-elder-mode');
    expect(await page.locator('#mine-elder-mode').getAttribute('role')).toBe('switch');
    expect(await page.locator('#mine-elder-mode').getAttribute('aria-label')).toBe('长辈模式');
    await page.keyboard.press(' ');
    await page.locator('#mine-elder-mode[aria-checked="true"]').waitFor();
    expect((await measure(page, `${current} .screen`)).fontSize).toBeGreaterThanOrEqual(18);
    expect((await measure(page, `${current} .list-row__title`)).fontSize).toBeGreaterThanOrEqual(18);
    await shot(page, 'mp-a11y-elder-mine');

    await page.goto(`${stack.bffUrl}/h5/#/pages/home/index`);
    await page.locator('#elder-home').waitFor();
    await page.locator('#elder-notices').waitFor();
    await settle(page);
    // Only the main tasks: no service tiles.
    expect(await page.locator('#home-tiles').count()).toBe(0);
    for (const id of ['#home-report', '#home-my-cases']) {
      const { fontSize, height } = await measure(page, id);
      expect({ id, height: height >= 60 }).toEqual({ id, height: true });
      expect(fontSize).toBeGreaterThanOrEqual(18);
    }
    expect(
      (await measure(page, '#elder-notices .elder-notices__empty, #elder-notices .elder-notice__text')).fontSize,
    ).toBeGreaterThanOrEqual(18);
    await expectNoBlockingViolations(page, '长辈模式首页');
    await shot(page, 'mp-a11y-elder-home');

    // Key actions elsewhere are 60 px too: the report form's submit.
    await open(page, '/resident/pages/report/index', '[data-test="category-grid"]');
    expect((await measure(page, `${current} [data-test="report-submit"] .nut-button`)).height).toBeGreaterThanOrEqual(
      60,
    );
    expect((await measure(page, `${current} .cat-item__name`)).fontSize).toBeGreaterThanOrEqual(18);

    // Remembered for this user: a new launch starts in 长辈模式 before anything has loaded.
    await page.goto(`${stack.bffUrl}/h5/`);
    await page.reload();
    await page.locator('#elder-home').waitFor();
  });

  it('follows the system font setting: 20 px → scale 1.25, body text 20 px', async () => {
    const page = await signedIn('zhangsan', 20);
    await open(page, '/pages/mine/index', '#mine-elder-mode');
    expect(await page.locator(`${current} .screen`).first().getAttribute('data-scale')).toBe('1.25');
    expect((await measure(page, `${current} .screen`)).fontSize).toBe(20);
    expect((await measure(page, `${current} .list-row__title`)).fontSize).toBe(20);
  });

  it('at 200 % text no title or button is cut, on every main page', async () => {
    const resident = await signedIn('zhangsan', 32);
    const pages: [string, string, string][] = [
      ['home', '/pages/home/index', '#home-tiles .tiles__item'],
      ['report', '/resident/pages/report/index', '[data-test="category-grid"]'],
      ['cases', '/resident/pages/cases/index', '[data-test="my-case"], .state-box'],
      ['case', `/resident/pages/case/index?id=${reportedCaseId}`, '[data-test="case-timeline"]'],
      ['mine', '/pages/mine/index', '#mine-elder-mode'],
    ];
    for (const [name, path, ready] of pages) {
      await open(resident, path, ready);
      await shot(resident, `mp-a11y-200-${name}`);
      expect(await resident.locator(`${current} .screen`).first().getAttribute('data-scale')).toBe('2');
      expect({ name, clipped: await clippedElements(resident, MUST_FIT) }).toEqual({ name, clipped: [] });
    }
    const worker = await signedIn('wangwu', 32);
    for (const [name, path, ready] of [
      ['grid-workbench', '/grid/pages/tasks/index', '#grid-overview'],
      ['grid-tasks', '/grid/pages/case-tasks/index', '[data-test="task-tab-todo"]'],
      ['grid-visits', '/grid/pages/visits-due/index', '#due-status-all'],
    ]) {
      await open(worker, path, ready);
      await shot(worker, `mp-a11y-200-${name}`);
      expect({ name, clipped: await clippedElements(worker, MUST_FIT) }).toEqual({ name, clipped: [] });
    }
  });
});
