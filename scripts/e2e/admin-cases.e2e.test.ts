import type { Browser, Page } from 'playwright-core';
import type { CaseListItemVO, CaseMapPointVO, RegionVO } from '@zhili/shared';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { settledScreenshot } from './support/settle';
import { staffApi, staffFirstLogin, staffToken } from './support/staff-session';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/**
 * The case console's other screens over the seeded demo town (80 sample cases): the clustered map,
 * the statistics with their charts, and the configuration tabs, including issuing an Open311 key
 * that is shown once and then works against /open311/v2.
 */
describeBrowser('admin case console: map, statistics and configuration', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let townCenter: [number, number];

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    const setup = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await staffFirstLogin(setup, stack.bffUrl, {
      username: 'admin',
      password: E2E_ADMIN_PASSWORD,
      newPassword: 'Town-Hall-2026!',
      mfa: true,
    });
    const api = staffApi(stack.bffUrl, await staffToken(setup));
    const town = (await api<RegionVO[]>('GET', '/regions')).find((r) => r.level === 'town');
    if (!town?.center) throw new Error('no town with a center in the demo seed');
    townCenter = town.center;
    const created = await api<{ initialPassword: string }>('POST', '/users', {
      username: 'case.manager',
      displayName: '镇工单管理员',
      roles: ['town_admin'],
      regionId: town.id,
    });
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await staffFirstLogin(page, stack.bffUrl, {
      username: 'case.manager',
      password: created.initialPassword,
      newPassword: 'Case-Admin-2026!',
      mfa: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('shows the located cases on the map as clusters and markers with a legend', async () => {
    await page.goto(`${stack.bffUrl}/admin/cases/map`);
    await page.locator('[data-test="case-map-legend"]').waitFor();
    await page.locator('[data-test="case-map-cluster"], [data-test="case-map-marker"]').first().waitFor();
    expect(await page.locator('[data-test="case-map-count"]').textContent()).toMatch(/\d+/);
    await settledScreenshot(page, 'admin-cases-map');
  });

  it('paints red on the map exactly the cases 只看超时 finds in the inbox — never a finished one', async () => {
    await page.goto(`${stack.bffUrl}/admin/cases/map`);
    const legend = page.locator('[data-test="case-map-overdue"]');
    await page.locator('[data-test="case-map-cluster"], [data-test="case-map-marker"]').first().waitFor();
    const red = Number(await legend.getAttribute('data-count'));
    const api = staffApi(stack.bffUrl, await staffToken(page));
    const points = await api<CaseMapPointVO[]>('GET', '/cases/map');
    expect(points.filter((p) => p.slaState === 'overdue').length).toBe(red);
    // The finished sample cases (many resolved late) are done, not overdue.
    const finished = points.filter((p) => ['resolved', 'closed', 'rejected', 'merged'].includes(p.status));
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.every((p) => p.slaState === 'done' && !p.overdue)).toBe(true);

    await page.goto(`${stack.bffUrl}/admin/cases/inbox`);
    const total = page.locator('[data-test="case-inbox"] .el-pagination__total');
    await total.waitFor();
    const filtered = page.waitForResponse(
      (r) => r.url().includes('/api/admin/cases?') && r.url().includes('overdue=true'),
    );
    await page.locator('[data-test="case-filter-overdue"]').click();
    const answer = (await (await filtered).json()) as { page: { total: number } };
    // Wait on the list's state: the total shown is the filtered one and every row is tinted overdue.
    await page.waitForFunction((n) => {
      const shown = document.querySelector('[data-test="case-inbox"] .el-pagination__total')?.textContent ?? '';
      const rows = Array.from(document.querySelectorAll('[data-test="case-inbox"] .el-table__body tr.el-table__row'));
      return shown.includes(String(n)) && rows.every((r) => r.classList.contains('case-row--overdue'));
    }, answer.page.total);
    const inboxOverdue = Number(((await total.textContent()) ?? '').match(/\d+/)?.[0]);
    expect(inboxOverdue).toBe(red);
    await settledScreenshot(page, 'admin-cases-inbox-overdue');
  });

  it('shows the statistics of the sample cases with charts', async () => {
    await page.goto(`${stack.bffUrl}/admin/cases/stats`);
    const total = page.locator('[data-test="case-stat-total"]');
    await total.waitFor();
    expect(Number((await total.textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(0);
    // Trend, status, category and region charts are drawn (ECharts renders into canvases).
    await page.waitForFunction(() => document.querySelectorAll('[data-test="case-stats"] canvas').length >= 4);
    // Only for the picture: ECharts draws its series in a one-second animation the page cannot report.
    await page.waitForTimeout(1500);
    await settledScreenshot(page, 'admin-cases-stats');
  });

  it('finds the case to merge into by number, never the case itself', async () => {
    const api = staffApi(stack.bffUrl, await staffToken(page));
    const open = await api<CaseListItemVO[]>('GET', '/cases?status=submitted&pageSize=2');
    expect(open).toHaveLength(2);
    const [current, other] = open;
    await page.goto(`${stack.bffUrl}/admin/cases/${current.id}`);
    await page.locator('[data-test="case-action-merge"]').click();
    const dialog = page.locator('.el-dialog:visible');
    await dialog.locator('[data-test="case-merge-target"]').click();
    await page.keyboard.type(other.no);
    const options = page.locator('.el-select-dropdown__item:visible');
    await options.filter({ hasText: other.no }).waitFor();
    // A full number finds that one case.
    expect((await options.allInnerTexts()).filter((text) => text.includes(other.no))).toHaveLength(1);
    expect(await options.filter({ hasText: current.no }).count()).toBe(0);
    // The current case's own number, typed in full, finds nothing to merge into.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(current.no);
    await page.locator('.el-select-dropdown__empty:visible', { hasText: '未找到工单' }).waitFor();
    expect(await options.filter({ hasText: current.no }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('heads the case page with 返回, the case number and 刷新 on one row', async () => {
    const api = staffApi(stack.bffUrl, await staffToken(page));
    const [any] = await api<CaseListItemVO[]>('GET', '/cases?pageSize=1');
    if (!any) throw new Error('no case in the demo seed');
    await page.goto(`${stack.bffUrl}/admin/cases/${any.id}`);
    const detail = page.locator('[data-test="case-detail"]');
    const middle = async (part: ReturnType<Page['locator']>): Promise<number> => {
      const box = await part.boundingBox();
      if (!box) throw new Error('part of the head is not shown');
      return box.y + box.height / 2;
    };
    const number = await middle(detail.locator('[data-test="case-no"]'));
    expect(Math.abs((await middle(detail.locator('button', { hasText: '返回' }).first())) - number)).toBeLessThan(4);
    expect(Math.abs((await middle(detail.locator('button', { hasText: '刷新' }).first())) - number)).toBeLessThan(4);
  });

  it('publishes on Open311 only the public text staff write on the case page, never the resident’s words', async () => {
    const api = staffApi(stack.bffUrl, await staffToken(page));
    const [road] = await api<CaseListItemVO[]>('GET', '/cases?categoryCode=road&status=submitted&pageSize=1');
    if (!road) throw new Error('no submitted road case in the demo seed');
    const open311 = async () =>
      (
        (await (await fetch(`${stack.bffUrl}/open311/v2/requests/${road.no}.json`)).json()) as {
          description: string | null;
        }[]
      )[0];
    expect((await open311()).description).toBeNull();
    await page.goto(`${stack.bffUrl}/admin/cases/${road.id}`);
    const card = page.locator('[data-test="case-publication"]');
    const hint = card.locator('.pub__hint').first();
    await hint.waitFor();
    expect(await hint.textContent()).toContain('填写公开说明后才会公示文字');
    await card.locator('textarea').fill('道路破损已受理，正在安排修补。');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/cases/${road.id}/publication`) && r.request().method() === 'PUT',
    );
    await card.locator('[data-test="case-publication-save"]').click();
    expect((await saved).status()).toBe(200);
    await card.locator('[data-test="case-publication-summary"]', { hasText: '已公开' }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'admin-cases-detail-publication');
    expect((await open311()).description).toBe('道路破损已受理，正在安排修补。');
  });

  it('lists the categories and the holiday calendar, and issues an Open311 key that works once shown', async () => {
    await page.goto(`${stack.bffUrl}/admin/cases/config`);
    await page.locator('[data-test="case-category-table"] tbody tr').first().waitFor();
    expect(await page.locator('[data-test="case-category-table"] tbody tr').count()).toBe(11);
    // Public-space categories are public on Open311, 邻里纠纷 is not.
    const publicTags = await page.locator('[data-test="case-category-public-tag"]').allTextContents();
    expect(publicTags.filter((t) => t.trim() === '公开')).toHaveLength(6);
    await settledScreenshot(page, 'admin-cases-config-categories');
    await page.locator('[data-test="case-category-edit"][data-code="dispute"]').click();
    const hint = page.locator('.el-dialog:visible [data-test="case-category-public-hint"]');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('不公示文字');
    await settledScreenshot(page, 'admin-cases-config-category-private');
    await page.locator('.el-dialog:visible').getByRole('button', { name: '取消' }).click();

    await page.getByRole('tab', { name: '节假日' }).click();
    await page.locator('[data-test="case-holiday-table"] tbody tr').first().waitFor();
    await settledScreenshot(page, 'admin-cases-config-holidays');

    await page.getByRole('tab', { name: 'Open311 接入密钥' }).click();
    await page.locator('[data-test="case-open311-create"]').click();
    await page.locator('.el-message-box input').fill('市民服务 App');
    await page.locator('.el-message-box').getByRole('button', { name: '创建' }).click();
    const key = ((await page.getByTestId('case-open311-key').textContent()) ?? '').trim();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await settledScreenshot(page, 'admin-cases-config-open311');
    await page.getByTestId('one-time-secret-close').click();
    await page.locator('[data-test="case-open311-table"]', { hasText: '市民服务 App' }).waitFor();

    // The key files a request through the Open311 endpoint (form-encoded, as the spec has it). The
    // town's centre is GCJ-02; read as WGS-84 it lands a few hundred metres off, still in the town.
    const form = new URLSearchParams({
      api_key: key,
      service_code: 'road',
      description: '人行道地砖松动，老人容易绊倒',
      lat: String(townCenter[1]),
      long: String(townCenter[0]),
    });
    const res = await fetch(`${stack.bffUrl}/open311/v2/requests.json`, { method: 'POST', body: form });
    const body = (await res.json()) as { service_request_id?: string }[];
    expect(res.status).toBe(200);
    expect(body[0].service_request_id).toBeTruthy();
  });
});
