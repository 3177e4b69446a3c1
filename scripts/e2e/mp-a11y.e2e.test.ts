import type { Browser, BrowserContext, FileChooser, Page } from 'playwright-core';
import {
  caseReplyTemplates,
  gcj02ToWgs84,
  type CaseListItemVO,
  type DispatchCandidatesVO,
  type RegionVO,
} from '@zhili/shared';
import {
  clippedElements,
  focusedDescription,
  focusedName,
  measure,
  placeholderContrast,
  tabTo,
} from './support/a11y-measure';
import { blockingViolations } from './support/axe';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { PHONE, confirmTaroModal, drawJpeg } from './support/h5';
import { settle, settledScreenshot as shot } from './support/settle';
import { staffApi, staffFirstLogin, staffToken } from './support/staff-session';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** The demo town's centre (bff/src/seed/plan.ts, GCJ-02), inside one of its grids. */
const TOWN_CENTER: [number, number] = [120.0, 30.3];

/** Titles and controls that must never be cut, whatever the text size; and no page wider than the screen. */
const MUST_FIT = [
  '.screen',
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
  /** Found on the grid worker's pages, measured again at 200 % text. */
  let householdId = '';
  let personId = '';
  let taskId = '';

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.dispose();
  });

  /** A phone-sized page (axe needs one) at the town centre, nobody signed in yet. */
  async function phonePage(systemFontPx?: number): Promise<Page> {
    const [longitude, latitude] = gcj02ToWgs84(TOWN_CENTER);
    const context = await browser.newContext({
      ...PHONE,
      geolocation: { longitude, latitude, accuracy: 10 },
      permissions: ['geolocation'],
    });
    contexts.push(context);
    const page = await context.newPage();
    if (systemFontPx !== undefined) {
      // The browser's default font size stands for WeChat's 字体大小 in h5 (utils/a11y/system-font.h5.ts):
      // set it before the app starts, as a phone would have it.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: systemFontPx } });
    }
    // Every launch finds the simulator (random port) through this override, also after 退出登录.
    await page.addInitScript((simUrl) => window.localStorage.setItem('zhili.dev.simUrl', simUrl), stack.simUrl);
    return page;
  }

  /** Signs in through the h5 dev login as a demo identity; resolves on the home page greeting. */
  async function logIn(page: Page, identity: 'zhangsan' | 'lisi' | 'wangwu'): Promise<void> {
    await page.locator('#login-button').click();
    await page.locator(`#dev-login-${identity}`).click();
    await page.locator('#home-nickname').waitFor();
  }

  async function signedIn(identity: 'zhangsan' | 'lisi' | 'wangwu', systemFontPx?: number): Promise<Page> {
    const page = await phonePage(systemFontPx);
    await page.goto(`${stack.bffUrl}/h5/`);
    await logIn(page, identity);
    return page;
  }

  /**
   * A case dispatched to 王五's mini-program account, so that his 工单详情 has something to show: a
   * town dispatcher (created by the super admin, who has no case rights) sends a seeded 待受理 case.
   */
  async function dispatchACaseToWangwu(): Promise<string> {
    const staffContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(staffContext);
    const adminPage = await staffContext.newPage();
    await staffFirstLogin(adminPage, stack.bffUrl, {
      username: 'admin',
      password: E2E_ADMIN_PASSWORD,
      newPassword: 'Town-Hall-2026!',
      mfa: true,
    });
    const admin = staffApi(stack.bffUrl, await staffToken(adminPage));
    const town = (await admin<RegionVO[]>('GET', '/regions')).find((r) => r.level === 'town');
    if (!town) throw new Error('the demo seed has no town');
    const created = await admin<{ initialPassword: string }>('POST', '/users', {
      username: 'a11y.dispatcher',
      displayName: '无障碍测试调度员',
      roles: ['town_admin'],
      regionId: town.id,
    });
    const deskContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(deskContext);
    const desk = await deskContext.newPage();
    await staffFirstLogin(desk, stack.bffUrl, {
      username: 'a11y.dispatcher',
      password: created.initialPassword,
      newPassword: 'A11y-Desk-2026!',
      mfa: true,
    });
    const api = staffApi(stack.bffUrl, await staffToken(desk));
    const [waiting] = await api<CaseListItemVO[]>('GET', '/cases?status=submitted&pageSize=1');
    if (!waiting) throw new Error('the demo seed has no 待受理 case');
    const candidates = await api<DispatchCandidatesVO>(
      'GET',
      `/cases/${waiting.id}/dispatch-candidates?q=${encodeURIComponent('王五')}`,
    );
    const wangwu = candidates.groups
      .flatMap((g) => g.candidates)
      .find((c) => c.kind === 'mp' && c.name === '王五' && c.selectable);
    if (!wangwu) throw new Error('王五 (mini-program) is not among the dispatch candidates');
    await api('POST', `/cases/${waiting.id}/actions`, { action: 'dispatch', assignee: { kind: 'mp', id: wangwu.id } });
    return waiting.id;
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

    // Category: a radio group is one tab stop — the first tile while none is chosen — with a visible
    // focus ring; the arrows move and choose, Home / End jump to the ends, Tab leaves the group.
    const radios = page.locator(`${current} [data-test="category-grid"] [role="radio"]`);
    const codes = await radios.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-test') ?? ''));
    expect(codes.length).toBeGreaterThan(2);
    const tabStops = () => radios.evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).tabIndex === 0).length);
    expect(await tabStops()).toBe(1);
    await tabTo(page, '[data-test="category-grid"] [role="radio"]');
    expect(await focusedName(page)).toBe(codes[0]);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(ring).not.toBe('none');
    const chosen = async (code: string) => {
      await page.locator(`${current} [data-test="${code}"][aria-checked="true"]`).waitFor();
      expect(await focusedName(page)).toBe(code);
      expect(await page.locator(`${current} [data-test="category-grid"] [aria-checked="true"]`).count()).toBe(1);
    };
    await page.keyboard.press('ArrowRight');
    await chosen(codes[1]);
    await page.keyboard.press('End');
    await chosen(codes[codes.length - 1]);
    await page.keyboard.press('ArrowDown');
    await chosen(codes[0]);
    await page.keyboard.press('ArrowUp');
    await chosen(codes[codes.length - 1]);
    await page.keyboard.press('Home');
    await chosen(codes[0]);
    for (let i = 0; i < codes.indexOf('category-road'); i += 1) await page.keyboard.press('ArrowRight');
    await chosen('category-road');
    await page.locator('[data-test="category-road"][data-selected="true"]').waitFor();
    // Still one tab stop, now the chosen tile; the next Tab leaves the group.
    expect(await tabStops()).toBe(1);
    expect(
      await radios.evaluateAll((nodes) =>
        nodes.find((n) => (n as HTMLElement).tabIndex === 0)?.getAttribute('data-test'),
      ),
    ).toBe('category-road');
    // One Tab from the chosen tile reaches the next field: the other tiles are not tab stops.
    expect(await tabTo(page, '[data-test="description"] textarea')).toBe(1);
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

    // Nobody signed in: the h5 test login.
    const signedOut = await phonePage();
    await signedOut.goto(`${stack.bffUrl}/h5/#/pages/dev-login/index`);
    await signedOut.locator(`${current} #dev-login-zhangsan`).waitFor();
    await settle(signedOut);
    await expectNoBlockingViolations(signedOut, '测试登录');
    expect(await signedOut.locator('#dev-login-nickname input').getAttribute('aria-label')).toBe('昵称（可选）');
    await shot(signedOut, 'mp-a11y-dev-login');

    // A party member: the party school's home, its services first, then the courses.
    const member = await signedIn('lisi');
    await open(member, '/party/pages/study/index', '[data-test="study-course-row"]');
    await expectNoBlockingViolations(member, '网上党校');
    expect(await member.locator(`${current} [data-test^="study-tile-"]`).count()).toBe(4);
    await shot(member, 'mp-a11y-party-study');
  });

  it('the tab bar marks the current tab by more than colour; placeholders are readable (≥ 4.5:1)', async () => {
    const page = await signedIn('zhangsan');
    await open(page, '/pages/home/index', '#home-tiles .tiles__item');
    expect(await page.locator('.weui-tabbar').getAttribute('role')).toBe('navigation');
    const currentTab = async () => {
      const item = page.locator('.weui-tabbar__item[aria-current="page"]');
      expect(await item.count()).toBe(1);
      return item.evaluate((el) => {
        const label = el.querySelector('.weui-tabbar__label') as Element;
        const style = getComputedStyle(label);
        return {
          text: (label.textContent ?? '').trim(),
          bold: Number(style.fontWeight) >= 600,
          underlined: style.textDecorationLine.includes('underline'),
          bar: getComputedStyle(el).boxShadow !== 'none',
        };
      });
    };
    expect(await currentTab()).toEqual({ text: '首页', bold: true, underlined: true, bar: true });
    // The other tab: none of the marks.
    const other = await page.locator('.weui-tabbar__item:not([aria-current])').evaluate((el) => ({
      weight: Number(getComputedStyle(el.querySelector('.weui-tabbar__label') as Element).fontWeight),
      bar: getComputedStyle(el).boxShadow,
    }));
    expect(other).toEqual({ weight: 400, bar: 'none' });
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    await page.locator(`${current} #mine-elder-mode`).waitFor();
    expect(await currentTab()).toEqual({ text: '我的', bold: true, underlined: true, bar: true });
    await shot(page, 'mp-a11y-tabbar-mine');

    await open(page, '/resident/pages/report/index', '[data-test="category-grid"]');
    for (const field of ['[data-test="description"] textarea', '[data-test="address-input"] input']) {
      const ratio = await placeholderContrast(page, `${current} ${field}`);
      expect({ field, ratio, enough: ratio >= 4.5 }).toEqual({ field, ratio, enough: true });
    }
  });

  it('tab lists and radio groups: one tab stop, ←/→/↑/↓ move and choose, Home / End', async () => {
    const page = await signedIn('zhangsan');
    await open(page, '/resident/pages/cases/index', '[data-test="cases-tab-open"]');
    const tabs = page.locator(`${current} [role="tablist"] [role="tab"]`);
    const keys = await tabs.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-test') ?? ''));
    expect(keys).toEqual(['cases-tab-open', 'cases-tab-resolved', 'cases-tab-closed', 'cases-tab-following']);
    await page.locator('body').focus();
    await tabTo(page, '[role="tablist"] [role="tab"]');
    // Tab lands on the selected tab, the only tab stop of the list.
    expect(await focusedName(page)).toBe('cases-tab-open');
    expect(await tabs.evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).tabIndex === 0).length)).toBe(1);
    const selected = async (key: string) => {
      await page.locator(`${current} [data-test="${key}"][aria-selected="true"]`).waitFor();
      expect(await focusedName(page)).toBe(key);
      expect(await page.locator(`${current} [role="tab"][aria-selected="true"]`).count()).toBe(1);
    };
    await page.keyboard.press('ArrowRight');
    await selected('cases-tab-resolved');
    await page.keyboard.press('ArrowDown');
    await selected('cases-tab-closed');
    await page.keyboard.press('End');
    await selected('cases-tab-following');
    await page.keyboard.press('ArrowRight');
    await selected('cases-tab-open');
    await page.keyboard.press('ArrowLeft');
    await selected('cases-tab-following');
    await page.keyboard.press('Home');
    await selected('cases-tab-open');
    // Choosing a tab by key loads its list like a tap does.
    const loaded = page.waitForResponse((r) => /\/api\/mp\/cases\?/.test(r.url()) && r.url().includes('closed'));
    await page.keyboard.press('ArrowUp');
    await selected('cases-tab-following');
    await page.keyboard.press('ArrowUp');
    await selected('cases-tab-closed');
    expect((await loaded).status()).toBe(200);
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

    // The registry: households and persons, their lists (search fields named) and their cards.
    await open(page, '/grid/pages/households/index', '#households-list .grid-item');
    await expectNoBlockingViolations(page, '户籍查询');
    expect(await page.locator(`${current} #households-search input`).getAttribute('aria-label')).toBe(
      '搜索户：户主姓名或地址',
    );
    expect(await placeholderContrast(page, `${current} #households-search input`)).toBeGreaterThanOrEqual(4.5);
    // A household with members (空壳户 have none), opened with the keyboard.
    const rowId = await page.locator(`${current} #households-list [role="link"]`).evaluateAll((rows) => {
      const withMembers = rows.find((row) => Number(/(\d+) 人/.exec(row.textContent ?? '')?.[1] ?? 0) > 0);
      return withMembers?.id ?? '';
    });
    householdId = rowId.replace(/^households-row-/, '');
    expect(householdId).not.toBe('');
    await page.locator('body').focus();
    await tabTo(page, `#${rowId}`);
    await page.keyboard.press('Enter');
    await page.locator(`${current} #household-card`).waitFor();
    await settle(page);
    await expectNoBlockingViolations(page, '户信息');
    await shot(page, 'mp-a11y-household');
    const member = page.locator(`${current} [id^="household-member-"]`).first();
    if ((await member.count()) === 0) throw new Error(`household ${householdId} lists no members`);
    personId = ((await member.getAttribute('id')) ?? '').replace(/^household-member-/, '');
    await open(page, '/grid/pages/persons/index', '#persons-list .grid-item');
    await expectNoBlockingViolations(page, '人员查询');
    await open(page, `/grid/pages/person/index?id=${personId}`, '#person-card');
    await expectNoBlockingViolations(page, '人员信息');
    expect(await page.locator(`${current} #person-name`).getAttribute('role')).toBe('heading');
    await shot(page, 'mp-a11y-person');

    // 工单详情 of a case dispatched to him, with its 退回 form: the quick replies are buttons.
    taskId = await dispatchACaseToWangwu();
    await open(page, `/grid/pages/case-task/index?id=${taskId}`, '[data-test="task-detail"][data-status="dispatched"]');
    await expectNoBlockingViolations(page, '工单详情');
    await shot(page, 'mp-a11y-task');
    await page.locator(`${current} [data-test="task-action-return"] .nut-button`).click();
    await page.locator(`${current} [data-test="task-form-return"]`).waitFor();
    await settle(page);
    await expectNoBlockingViolations(page, '工单退回');
    const reply = page.locator(`${current} [data-test="task-reply-1"]`);
    expect(await reply.getAttribute('role')).toBe('button');
    await page.locator('body').focus();
    await tabTo(page, '[data-test="task-reply-1"]');
    await page.keyboard.press('Enter');
    const reason = page.locator(`${current} [data-test="task-reason-input"] textarea`);
    expect(await reason.inputValue()).toBe(caseReplyTemplates.return?.[1]);
    expect(await reason.getAttribute('aria-label')).toBe('退回原因');
    await page.locator(`${current} [data-test="task-reply-1"].task-reply--used`).waitFor();
    await shot(page, 'mp-a11y-task-return');
    await page.locator(`${current} [data-test="task-form-cancel"] .nut-button`).click();
    await page.locator(`${current} [data-test="task-actions"]`).waitFor();
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

    // …and across 退出登录: on → sign out → a new launch → sign in again → still on.
    await open(page, '/pages/mine/index', '#mine-logout');
    await page.locator(`${current} #mine-logout`).click();
    await confirmTaroModal(page);
    await page.locator(`${current} #state-signed-out`).waitFor();
    expect(await page.evaluate(() => window.localStorage.getItem('zhili.session'))).toBeNull();
    await page.reload();
    await logIn(page, 'lisi');
    await page.locator(`${current} #elder-home`).waitFor();
    expect((await measure(page, `${current} .screen`)).fontSize).toBeGreaterThanOrEqual(18);
    await open(page, '/pages/mine/index', '#mine-elder-mode');
    expect(await page.locator(`${current} #mine-elder-mode`).getAttribute('aria-checked')).toBe('true');
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
    expect([householdId, personId, taskId]).not.toContain('');
    for (const [name, path, ready] of [
      ['grid-workbench', '/grid/pages/tasks/index', '#grid-overview'],
      ['grid-tasks', '/grid/pages/case-tasks/index', '[data-test="task-tab-todo"]'],
      ['grid-visits', '/grid/pages/visits-due/index', '#due-status-all'],
      ['grid-households', '/grid/pages/households/index', '#households-list .grid-item'],
      ['grid-household', `/grid/pages/household/index?id=${householdId}`, '#household-card'],
      ['grid-persons', '/grid/pages/persons/index', '#persons-list .grid-item'],
      ['grid-person', `/grid/pages/person/index?id=${personId}`, '#person-card'],
      ['grid-task', `/grid/pages/case-task/index?id=${taskId}`, '[data-test="task-actions"]'],
    ]) {
      await open(worker, path, ready);
      await shot(worker, `mp-a11y-200-${name}`);
      expect({ name, clipped: await clippedElements(worker, MUST_FIT) }).toEqual({ name, clipped: [] });
    }
    await worker.locator(`${current} [data-test="task-action-return"] .nut-button`).click();
    await worker.locator(`${current} [data-test="task-form-return"]`).waitFor();
    await shot(worker, 'mp-a11y-200-grid-task-return');
    expect({ name: 'grid-task-return', clipped: await clippedElements(worker, MUST_FIT) }).toEqual({
      name: 'grid-task-return',
      clipped: [],
    });

    const member = await signedIn('lisi', 32);
    await open(member, '/party/pages/study/index', '#study-home-content');
    await shot(member, 'mp-a11y-200-party-study');
    expect({ name: 'party-study', clipped: await clippedElements(member, MUST_FIT) }).toEqual({
      name: 'party-study',
      clipped: [],
    });
    const signedOut = await phonePage(32);
    await signedOut.goto(`${stack.bffUrl}/h5/#/pages/dev-login/index`);
    await signedOut.locator(`${current} #dev-login-zhangsan`).waitFor();
    await shot(signedOut, 'mp-a11y-200-dev-login');
    expect(await signedOut.locator(`${current} .screen`).first().getAttribute('data-scale')).toBe('2');
    expect({ name: 'dev-login', clipped: await clippedElements(signedOut, MUST_FIT) }).toEqual({
      name: 'dev-login',
      clipped: [],
    });
  });
});
