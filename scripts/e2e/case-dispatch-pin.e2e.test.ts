import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  gcj02ToWgs84,
  labelPoint,
  type CaseDetailVO,
  type CaseListItemVO,
  type DispatchCandidatesVO,
  type MpCaseDetailVO,
  type RegionDetailVO,
  type RegionVO,
} from '@zhili/shared';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { PHONE, h5DevLogin } from './support/h5';
import { settledScreenshot as shot } from './support/settle';
import { staffApi, staffFirstLogin, staffToken } from './support/staff-session';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** JSON `data` of a BFF response. */
async function dataOf<T>(response: { json(): Promise<unknown> }): Promise<T> {
  return ((await response.json()) as { data: T }).data;
}

/**
 * Dispatch that fits how a town works, over the seeded demo town: the 派单 picker groups the case's
 * grid, village and town, a worker of another grid is chosen by name and dispatched in one step;
 * 更正位置 moves a case's pin on the offline map; the inbox shows （拟派） whole; and in the H5 report
 * form the resident moves the pin on the offline map, which is the point the case is filed at.
 */
describeBrowser('dispatch across grids, location correction and the report form pin', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let api: ReturnType<typeof staffApi>;
  let residentContext: BrowserContext;
  /** A point well inside a seeded grid (GCJ-02), where the resident stands. */
  let spot: [number, number];

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
    const admin = staffApi(stack.bffUrl, await staffToken(setup));
    const regions = await admin<RegionVO[]>('GET', '/regions');
    const town = regions.find((r) => r.level === 'town');
    const grid = regions.find((r) => r.level === 'grid' && r.hasBoundary);
    if (!town || !grid) throw new Error('no town or no grid with a boundary in the demo seed');
    const boundary = (await admin<RegionDetailVO>('GET', `/regions/${grid.id}`)).boundary;
    if (!boundary) throw new Error('grid without boundary');
    spot = labelPoint(boundary);
    const created = await admin<{ initialPassword: string }>('POST', '/users', {
      username: 'dispatch.desk',
      displayName: '镇派单员',
      roles: ['town_admin'],
      regionId: town.id,
    });
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await staffFirstLogin(page, stack.bffUrl, {
      username: 'dispatch.desk',
      password: created.initialPassword,
      newPassword: 'Dispatch-Desk-2026!',
      mfa: true,
    });
    api = staffApi(stack.bffUrl, await staffToken(page));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('dispatches to a worker of another grid in one step, found by name under the 本村/本镇 headers', async () => {
    const [c] = await api<CaseListItemVO[]>('GET', '/cases?status=submitted&pageSize=1');
    const candidates = await api<DispatchCandidatesVO>('GET', `/cases/${c.id}/dispatch-candidates`);
    expect(candidates.groups[0]?.ring).toBe('own');
    const far = candidates.groups
      .filter((g) => g.ring !== 'own')
      .flatMap((g) => g.candidates.map((x) => ({ ...x, group: g.label })))
      .find((x) => x.selectable && x.kind === 'mp');
    if (!far) throw new Error('the demo town has no grid worker outside the case grid');

    await page.goto(`${stack.bffUrl}/admin/cases/${c.id}`);
    await page.locator('[data-test="case-action-dispatch"]').click();
    const dialog = page.locator('.el-dialog:visible');
    await dialog.locator('[data-test="case-assignee-select"]').click();
    // The unfiltered list opens with the case's own grid first, under its header.
    await page.locator('.el-select-group__title:visible').first().waitFor();
    expect(await page.locator('.el-select-group__title:visible').first().textContent()).toContain('本网格');
    await shot(page, 'case-dispatch-01-groups');
    // The name is searched by the BFF (whole scope), not only in the list already loaded.
    const searched = page.waitForResponse((r) => r.url().includes(`/cases/${c.id}/dispatch-candidates?q=`));
    await page.keyboard.type(far.name);
    const narrowed = await dataOf<DispatchCandidatesVO>(await searched);
    expect(narrowed.groups.flatMap((g) => g.candidates.map((x) => x.name))).toContain(far.name);
    // The dropdown then lists exactly the narrowed answer (waits on the list, not on time).
    const shown = narrowed.groups.reduce((n, g) => n + g.candidates.length, 0);
    const items = page.locator('.el-select-dropdown__item:visible');
    for (let i = 0; i < 100 && (await items.count()) !== shown; i++) await page.waitForTimeout(100);
    expect(await items.count()).toBe(shown);
    const option = page.locator('.el-select-dropdown__item:visible', { hasText: far.name }).first();
    await option.waitFor();
    expect(await page.locator('.el-select-group__title:visible', { hasText: far.group }).count()).toBe(1);
    await shot(page, 'case-dispatch-02-search');
    await option.click();
    const acted = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/cases/${c.id}/actions`),
    );
    await dialog.locator('[data-test="case-dialog-confirm"]').click();
    const response = await acted;
    expect(response.status()).toBe(200);
    const detail = await dataOf<CaseDetailVO>(response);
    expect(detail).toMatchObject({ status: 'dispatched', assignee: { name: far.name } });
    // One step: no 转办, no second 受理 — and the timeline says where the worker sits.
    expect(detail.events.filter((e) => e.type === 'transfer' || e.type === 'accept')).toHaveLength(0);
    await page.locator('.case-timeline, [data-test="case-detail"]').getByText('处理人所在区域').first().waitFor();
    await shot(page, 'case-dispatch-03-dispatched');

    // A name nobody has says so instead of an empty list.
    const next = (await api<CaseListItemVO[]>('GET', '/cases?status=submitted&pageSize=1'))[0];
    await page.goto(`${stack.bffUrl}/admin/cases/${next.id}`);
    await page.locator('[data-test="case-action-dispatch"]').click();
    await page.locator('.el-dialog:visible [data-test="case-assignee-select"]').click();
    await page.keyboard.type('查无此人');
    await page.locator('.el-select-dropdown__empty:visible', { hasText: '没有找到“查无此人”' }).waitFor();
    await shot(page, 'case-dispatch-04-no-match');
    await page.keyboard.press('Escape');
  });

  it('corrects a case location by clicking the map; the grid follows the point and the timeline says so', async () => {
    const located = (await api<CaseListItemVO[]>('GET', '/cases?status=submitted&pageSize=20')).find((x) => x.location);
    if (!located?.location) throw new Error('no located submitted case in the demo seed');
    await page.goto(`${stack.bffUrl}/admin/cases/${located.id}`);
    await page.locator('[data-test="case-action-relocate"]').click();
    const dialog = page.locator('.el-dialog:visible');
    const map = dialog.locator('[data-test="case-relocate-map"]');
    await dialog.locator('[data-test="case-relocate-pin"]').waitFor();
    const box = await map.boundingBox();
    if (!box) throw new Error('relocate map has no box');
    await page.mouse.click(box.x + box.width / 2 + 60, box.y + box.height / 2 - 40);
    await dialog.locator('[data-test="case-relocate-coords"]', { hasText: '已移动' }).waitFor();
    await dialog
      .locator('textarea[data-test="case-relocate-reason"], [data-test="case-relocate-reason"] textarea')
      .first()
      .fill('居民定位偏差，按现场核实更正');
    await shot(page, 'case-relocate-01-dialog');
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith(`/cases/${located.id}/location`),
    );
    await dialog.locator('[data-test="case-relocate-confirm"]').click();
    const response = await saved;
    expect(response.status()).toBe(200);
    const detail = await dataOf<CaseDetailVO>(response);
    expect(detail.location?.[0]).toBeGreaterThan(located.location[0]);
    expect(detail.location?.[1]).toBeGreaterThan(located.location[1]);
    expect(detail.events.at(-1)).toMatchObject({ type: 'relocated', data: { reason: '居民定位偏差，按现场核实更正' } });
    await page.locator('[data-test="case-detail"]').getByText('更正位置').first().waitFor();
    await shot(page, 'case-relocate-02-timeline');
  });

  it('shows （拟派） whole in the inbox 处理人 column', async () => {
    await page.goto(`${stack.bffUrl}/admin/cases/inbox`);
    const cell = page.locator('[data-test="case-row-assignee"]').first();
    await cell.waitFor();
    expect(await cell.textContent()).toContain('（拟派）');
    // Nothing of the cell is cut off: its content fits the column.
    const fits = await cell.evaluate((el) => {
      const box = el.closest('.cell') as HTMLElement;
      return box.scrollWidth <= box.clientWidth + 1;
    });
    expect(fits).toBe(true);
    await shot(page, 'case-inbox-assignee-column');
  });

  it('lets the resident move the pin in the H5 report form, and files the case at the pin', async () => {
    const [lng, lat] = gcj02ToWgs84(spot);
    residentContext = await browser.newContext({
      ...PHONE,
      geolocation: { longitude: lng, latitude: lat, accuracy: 10 },
      permissions: ['geolocation'],
    });
    const resident = await h5DevLogin(residentContext, stack, 'zhangsan');
    await resident.goto(`${stack.bffUrl}/h5/#/resident/pages/report/index`);
    await resident.locator('[data-test="category-road"]').click();
    await resident.locator('[data-test="description"] textarea').fill('路面塌陷一个大坑，晚上看不清很危险');
    await resident.locator('[data-test="location-button"]').click();
    await resident.locator('[data-test="location-status"][data-located="true"]').waitFor();
    await resident.locator('[data-test="pin-map"]').waitFor();
    const before = await resident.locator('[data-test="location-status"]').textContent();
    expect(await resident.locator('[data-test="pin-map-offset"]').textContent()).toContain('定位点上');
    // Tap the cell two to the east and two to the north of the centre, then nudge 10 m north.
    await resident.locator('[data-test="pin-map-cell"][data-col="6"][data-row="2"]').click();
    await resident.locator('[data-test="pin-map-nudge-n"]').click();
    await resident.locator('[data-test="pin-map-offset"]', { hasText: '米' }).waitFor();
    const after = await resident.locator('[data-test="location-status"]').textContent();
    expect(after).not.toEqual(before);
    await resident.locator('[data-test="pin-map"]').scrollIntoViewIfNeeded();
    await shot(resident, 'case-report-pin-moved');

    const submitted = resident.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/api\/mp\/cases$/.test(r.url()),
    );
    await resident.locator('[data-test="report-submit"]').click();
    await resident.locator('[data-test="report-done"], [data-test="nearby-dialog"]').first().waitFor();
    if (await resident.locator('[data-test="nearby-dialog"]').isVisible())
      await resident.locator('[data-test="nearby-submit-anyway"]').click();
    const record = await dataOf<MpCaseDetailVO>(await submitted);
    const center = spot;
    // East and north of the fix by roughly 67 m + 10 m (cells of 33 m): the pin, not the phone's fix.
    expect(record.location?.[0]).toBeGreaterThan(center[0] + 0.0005);
    expect(record.location?.[1]).toBeGreaterThan(center[1] + 0.0005);
  });
});
