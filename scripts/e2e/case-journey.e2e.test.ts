import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  gcj02ToWgs84,
  labelPoint,
  pointInGeometry,
  wgs84ToGcj02,
  type CaseDetailVO,
  type MpCaseDetailVO,
  type RegionDetailVO,
  type RegionVO,
} from '@zhili/shared';
import { DEMO_APPID } from '../launcher/dev-env';
import { simOpenid } from '../sim/wechat/identity';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { PHONE, confirmTaroModal, drawJpeg, h5DevLogin } from './support/h5';
import { settle, settledScreenshot as shot } from './support/settle';
import { staffApi, staffFirstLogin, staffToken } from './support/staff-session';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** 王五 (simulator identity wangwu) is seeded as the grid worker of this grid (bff/src/cli/seed.ts). */
const WANGWU_GRID = '幸福村第一网格';
const CATEGORY = { code: 'garbage', name: '垃圾堆放' };
const DESCRIPTION = `村委会东侧路口垃圾堆放三天无人清运，气味很大（e2e ${Date.now()}）`;
/** ≤ 20 characters, so the resolve message's thing5 carries it whole. */
const RESULT = '已清运垃圾并消毒现场';
const COMMENT = '处理很及时，现场很干净，谢谢网格员！';

const TEMPLATES = {
  accepted: 'sim_tmpl_case_accepted',
  dispatched: 'sim_tmpl_case_dispatched',
  resolved: 'sim_tmpl_case_resolved',
};

interface SentMessage {
  touser: string;
  template_id: string;
  page: string | null;
  data: Record<string, { value: string }>;
}

/** Polls `probe` every 200 ms until it returns a value (not undefined), or fails after `timeoutMs`. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** JSON `data` of a BFF response. */
async function dataOf<T>(response: { json(): Promise<unknown> }): Promise<T> {
  return ((await response.json()) as { data: T }).data;
}

describeBrowser(
  'case journey in Chromium: H5 report → live admin inbox → dispatch → H5 grid resolve → rating → subscribe messages',
  () => {
    let stack: E2eStack;
    let browser: Browser;
    let staffContext: BrowserContext;
    let residentContext: BrowserContext;
    let workerContext: BrowserContext;
    let staff: Page;
    let resident: Page;
    let worker: Page;
    let gridId = '';
    let gridPoint: [number, number] = [0, 0];
    let caseId = '';
    let caseNo = '';

    beforeAll(async () => {
      stack = await startE2eStack();
      browser = await launchBrowser();

      // The super admin (no case permissions) only creates the town-level dispatcher for the journey.
      staffContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const adminPage = await staffContext.newPage();
      await staffFirstLogin(adminPage, stack.bffUrl, {
        username: 'admin',
        password: E2E_ADMIN_PASSWORD,
        newPassword: 'Town-Hall-2026!',
        mfa: true,
      });
      const adminApi = staffApi(stack.bffUrl, await staffToken(adminPage));
      const regions = await adminApi<RegionVO[]>('GET', '/regions');
      const town = regions.find((r) => r.level === 'town');
      const grid = regions.find((r) => r.level === 'grid' && r.name === WANGWU_GRID);
      if (!town || !grid) throw new Error(`the demo seed has no town or no ${WANGWU_GRID}`);
      gridId = grid.id;
      const created = await adminApi<{ initialPassword: string }>('POST', '/users', {
        username: 'case.dispatcher',
        displayName: '镇工单调度员',
        roles: ['town_admin'],
        regionId: town.id,
      });
      await adminPage.close();
      // Fresh context: the dispatcher's session must not share the super admin's localStorage.
      await staffContext.close();
      staffContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      staff = await staffContext.newPage();
      await staffFirstLogin(staff, stack.bffUrl, {
        username: 'case.dispatcher',
        password: created.initialPassword,
        newPassword: 'Case-Desk-2026!',
        mfa: true,
      });

      // A point well inside 王五's grid. Boundaries are GCJ-02 (what Chinese maps use) while a browser
      // reports WGS-84, which the H5 location service converts: hand the browser the WGS-84 point.
      const detail = await staffApi(stack.bffUrl, await staffToken(staff))<RegionDetailVO>('GET', `/regions/${gridId}`);
      if (!detail.boundary) throw new Error(`${WANGWU_GRID} has no boundary`);
      expect(detail.workers.some((w) => w.kind === 'mp' && w.name === '王五')).toBe(true);
      const inside = labelPoint(detail.boundary);
      gridPoint = [inside[0], inside[1]];
      const [longitude, latitude] = gcj02ToWgs84(inside);
      expect(pointInGeometry(wgs84ToGcj02([longitude, latitude]), detail.boundary)).toBe(true);

      residentContext = await browser.newContext({
        ...PHONE,
        geolocation: { longitude, latitude, accuracy: 10 },
        permissions: ['geolocation'],
      });
      workerContext = await browser.newContext(PHONE);
      resident = await h5DevLogin(residentContext, stack, 'zhangsan');
    });

    afterAll(async () => {
      await browser?.close();
      await stack?.dispose();
    });

    it('张三 reports with a photo and his location; the case appears live in the open admin inbox', async () => {
      // The dispatcher's inbox is open and connected before anything is reported.
      await staff.goto(`${stack.bffUrl}/admin/cases/inbox`);
      await staff.locator('[data-test="case-inbox"]').waitFor();
      await staff.locator('[data-test="case-live-indicator"][data-state="connected"]').waitFor();
      // The first page is loaded (the seed's cases) before 张三 reports, so the new row can only come live.
      await staff.locator('[data-test="case-row"]').first().waitFor();
      await staff.locator('[data-test="case-table"] .el-loading-mask').waitFor({ state: 'hidden' });
      await staff.evaluate(() => ((window as unknown as { journeyMarker: string }).journeyMarker = 'no-reload'));
      let listReloads = 0;
      staff.on('request', (r) => {
        if (r.method() === 'GET' && /\/api\/admin\/cases(\?|$)/.test(r.url())) listReloads += 1;
      });
      await shot(staff, 'case-journey-01-admin-inbox-before');

      // 张三: 随手拍 from the home page.
      await resident.locator('#home-report').click();
      await resident.locator(`[data-test="category-${CATEGORY.code}"]`).click();
      await resident.locator(`[data-test="category-${CATEGORY.code}"][data-selected="true"]`).waitFor();
      // 垃圾堆放 is a public-space category: the form says the report will be published, without his name.
      expect(await resident.locator('[data-test="report-publicity"]').textContent()).toBe(
        '此类问题将在政务公开平台公示办理情况（不含您的姓名、联系方式和原话）',
      );
      await resident.locator('[data-test="report-publicity"]').scrollIntoViewIfNeeded();
      await shot(resident, 'case-journey-01b-h5-report-publicity');
      await resident.locator('[data-test="description"] textarea').fill(DESCRIPTION);
      const photo = await drawJpeg(resident, 'case-journey-before', '垃圾堆放 before', '#8f5b2e');
      const chooser = resident.waitForEvent('filechooser');
      await resident.locator('[data-test="photo-picker-add"]').click();
      await (await chooser).setFiles(photo);
      await resident.locator('[data-test="photo-picker-item"][data-status="done"]').waitFor();
      await resident.locator('[data-test="location-button"]').click();
      await resident.locator('[data-test="location-status"][data-located="true"]').waitFor();
      await resident.locator('[data-test="address-input"] input').fill('幸福村村委会东侧路口');
      await shot(resident, 'case-journey-02-h5-report-form');

      const submitted = resident.waitForResponse(
        (r) => r.request().method() === 'POST' && /\/api\/mp\/cases$/.test(r.url()),
      );
      await resident.locator('[data-test="report-submit"]').click();
      // A similar open case nearby (seeded data) is offered for 附议 first: this is a new problem.
      await resident.locator('[data-test="report-done"], [data-test="nearby-dialog"]').first().waitFor();
      if (await resident.locator('[data-test="nearby-dialog"]').isVisible())
        await resident.locator('[data-test="nearby-submit-anyway"]').click();
      const submitResponse = await submitted;
      expect(submitResponse.status()).toBe(201);
      const record = await dataOf<MpCaseDetailVO>(submitResponse);
      caseId = record.id;
      caseNo = record.no;
      // Stored in GCJ-02: the browser's WGS-84 position converted back onto the point chosen in the grid.
      expect(record.location?.[0]).toBeCloseTo(gridPoint[0], 5);
      expect(record.location?.[1]).toBeCloseTo(gridPoint[1], 5);
      await resident.locator('[data-test="report-done"]').waitFor();
      expect(await resident.locator('[data-test="report-case-no"]').textContent()).toContain(caseNo);
      await shot(resident, 'case-journey-03-h5-report-done');

      // The admin: the row arrives over the socket, announced, without a reload of the page or list.
      const row = staff.locator(`[data-test="case-row"][data-id="${caseId}"]`);
      await row.waitFor({ timeout: 15_000 });
      expect(await row.getAttribute('data-no')).toBe(caseNo);
      expect(await row.locator('xpath=ancestor::tr[1]').getAttribute('class')).toContain('case-row--flash');
      await staff.locator('.case-live-notification', { hasText: caseNo }).waitFor();
      expect(await staff.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker)).toBe(
        'no-reload',
      );
      expect(listReloads).toBe(0);
      // Taken while the new row is still highlighted.
      await shot(staff, 'case-journey-04-admin-inbox-live', ['case-flash']);

      // 张三 accepts the progress notifications (the simulator stands in for WeChat's 允许).
      const subscribed = resident.waitForResponse((r) => r.url().endsWith(`/api/mp/cases/${caseId}/subscriptions`));
      await resident.locator('[data-test="subscribe-accept"]').click();
      expect((await subscribed).status()).toBe(200);
      await resident.locator('[data-test="case-detail"]').waitFor();
      await shot(resident, 'case-journey-05-h5-case-submitted');
    });

    it('the dispatcher accepts the case and dispatches it to 王五', async () => {
      // The photo's content check passes in the simulator, which moves the case to 待受理 (live too).
      const row = staff.locator(`[data-test="case-row"][data-id="${caseId}"]`);
      await staff
        .locator(`[data-test="case-row"][data-id="${caseId}"][data-status="submitted"]`)
        .waitFor({ timeout: 30_000 });
      // Intake proposed the grid's worker; until dispatch the inbox says so rather than showing them as 处理人.
      expect(await row.locator('xpath=ancestor::tr[1]').textContent()).toContain('（拟派）');
      await row.click();
      await staff.waitForURL(new RegExp(`/admin/cases/${caseId}$`));
      await staff.locator('[data-test="case-no"]', { hasText: caseNo }).waitFor();
      expect(await staff.locator('[data-test="case-description"]').textContent()).toContain(DESCRIPTION);
      await staff.locator('[data-test="case-photos"] img').first().waitFor();
      // The reporter is named as the resident in the timeline (not as a grid worker).
      expect(await staff.locator('[data-test="case-timeline"]').textContent()).toContain('张三（居民）');

      await staff.locator('[data-test="case-action-accept"]').click();
      const acceptDialog = staff.locator('.el-dialog:visible', { hasText: caseNo });
      await acceptDialog.locator('textarea[data-test="case-field-note"]').fill('已受理，马上安排网格员处理');
      const accepted = staff.waitForResponse(
        (r) => r.url().endsWith(`/api/admin/cases/${caseId}/actions`) && r.request().method() === 'POST',
      );
      await acceptDialog.locator('[data-test="case-dialog-confirm"]').click();
      const acceptResponse = await accepted;
      expect(acceptResponse.status()).toBe(200);
      const acceptedCase = await dataOf<CaseDetailVO>(acceptResponse);
      expect(acceptedCase.status).toBe('accepted');
      // Intake placed the case in 王五's grid from the reported location.
      expect(acceptedCase.regionId).toBe(gridId);
      await staff.locator('[data-test="case-action-accept"]').waitFor({ state: 'detached' });

      await staff.locator('[data-test="case-action-dispatch"]').click();
      const dispatchDialog = staff.locator('.el-dialog:visible', { hasText: caseNo });
      // Nothing entered yet, so nothing is flagged yet.
      await settle(staff);
      expect(await dispatchDialog.locator('.el-form-item__error').count()).toBe(0);
      await dispatchDialog.locator('[data-test="case-assignee-select"]').click();
      // 王五 the mini-program grid worker (the list also holds the grid's and village's staff).
      const wangwu = staff
        .locator('.el-select-dropdown__item:visible')
        .filter({ has: staff.locator('.picker__name', { hasText: /^王五$/ }) });
      await wangwu.filter({ hasText: '小程序' }).click();
      await staff.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' });
      expect(await dispatchDialog.locator('.el-form-item__error').count()).toBe(0);
      await shot(staff, 'case-journey-06-admin-dispatch-dialog');
      const dispatched = staff.waitForResponse(
        (r) => r.url().endsWith(`/api/admin/cases/${caseId}/actions`) && r.request().method() === 'POST',
      );
      await dispatchDialog.locator('[data-test="case-dialog-confirm"]').click();
      const dispatchResponse = await dispatched;
      expect(dispatchResponse.status()).toBe(200);
      const detail = await dataOf<CaseDetailVO>(dispatchResponse);
      expect(detail.status).toBe('dispatched');
      expect(detail.assignee?.name).toBe('王五');
      await staff.locator('[data-test="case-timeline"]', { hasText: '王五' }).waitFor();
      await dispatchDialog.waitFor({ state: 'hidden' });
      await shot(staff, 'case-journey-07-admin-dispatched');
    });

    it('王五 finds the task in the H5 grid pages, takes it and resolves it with an after-photo', async () => {
      worker = await h5DevLogin(workerContext, stack, 'wangwu');
      await worker.goto(`${stack.bffUrl}/h5/#/grid/pages/tasks/index`);
      await worker.locator('#grid-entry-case-tasks').click();
      const task = worker.locator('[data-test="task-row"]', { hasText: caseNo });
      await task.waitFor();
      expect(await task.textContent()).toContain(CATEGORY.name);
      await shot(worker, 'case-journey-08-h5-grid-tasks');

      await task.click();
      await worker.locator('[data-test="task-detail"][data-status="dispatched"]').waitFor();
      expect(await worker.locator('[data-test="task-description"]').textContent()).toContain(DESCRIPTION);
      await worker.locator('[data-test="task-action-start"]').click();
      await confirmTaroModal(worker);
      await worker.locator('[data-test="task-detail"][data-status="processing"]').waitFor();

      await worker.locator('[data-test="task-action-resolve"]').click();
      await worker.locator('[data-test="task-form-resolve"]').waitFor();
      await worker.locator('[data-test="task-result-input"] textarea').fill(RESULT);
      const after = await drawJpeg(worker, 'case-journey-after', '已清运 after', '#2b8a3e');
      const chooser = worker.waitForEvent('filechooser');
      await worker.locator('[data-test="task-photos-add"]').click();
      await (await chooser).setFiles(after);
      await worker.locator('[data-test="task-photos-item"][data-status="done"]').waitFor();
      await shot(worker, 'case-journey-09-h5-grid-resolve-form');
      const resolved = worker.waitForResponse(
        (r) =>
          r.url().includes(`/api/mp/grid/tasks/`) && r.url().endsWith('/actions') && r.request().method() === 'POST',
      );
      await worker.locator('[data-test="task-form-submit"]').click();
      await confirmTaroModal(worker);
      expect((await resolved).status()).toBe(200);
      await worker.locator('[data-test="task-detail"][data-status="resolved"]').waitFor();
      await worker.locator('[data-test="task-photos-after"] img').first().waitFor();
      await shot(worker, 'case-journey-10-h5-grid-resolved');
    });

    it('张三 sees it resolved in 我的上报, rates 5 stars and the case closes as fixed', async () => {
      await resident.goto(`${stack.bffUrl}/h5/`);
      await resident.locator('#home-my-cases').click();
      await resident.locator('[data-test="cases-tab-resolved"]').click();
      const mine = resident.locator(`[data-test="my-case"][data-case-id="${caseId}"][data-status="resolved"]`);
      await mine.waitFor();
      expect(await mine.textContent()).toContain('待评价');
      await shot(resident, 'case-journey-11-h5-my-cases-resolved');

      await mine.click();
      await resident.locator('[data-test="case-header"][data-status="resolved"]').waitFor();
      expect(await resident.locator('[data-test="case-resolution"]').textContent()).toContain(RESULT);
      await resident.locator('[data-test="photos-after"] img').first().waitFor();
      await resident.locator('[data-test="rate-5"]').click();
      await resident.locator('[data-test="rate-comment"] textarea').fill(COMMENT);
      await shot(resident, 'case-journey-12-h5-rate');
      await resident.locator('[data-test="rate-submit"]').click();

      await resident.locator('[data-test="case-header"][data-status="closed"]').waitFor();
      await resident.locator('[data-test="case-outcome"][data-outcome="fixed"]').waitFor();
      const rating = resident.locator('[data-test="case-rating"]');
      expect(await rating.textContent()).toContain('★★★★★');
      expect(await rating.textContent()).toContain(COMMENT);
      expect(await resident.locator('[data-test="rate-form"]').count()).toBe(0);
      await shot(resident, 'case-journey-13-h5-case-closed');

      // The console shows the closed case too (live: its row / detail follow the rating).
      await staff.goto(`${stack.bffUrl}/admin/cases/inbox`);
      await staff.locator(`[data-test="case-row"][data-id="${caseId}"][data-status="closed"]`).waitFor();
      await shot(staff, 'case-journey-14-admin-inbox-closed');
    });

    it('the simulator sent 张三 exactly the accept, dispatch and resolve subscribe messages with the case values', async () => {
      const openid = simOpenid(DEMO_APPID, 'zhangsan');
      const url = `${stack.simUrl}/__dev/subscribe-messages?openid=${encodeURIComponent(openid)}`;
      const list = async () => ((await (await fetch(url)).json()) as { messages: SentMessage[] }).messages;
      // Delivery runs through the BFF's outbox, after each action's commit.
      const messages = await eventually('three subscribe messages', async () => {
        const m = await list();
        return m.length >= 3 ? m : undefined;
      });
      expect(messages).toHaveLength(3);
      expect(messages.map((m) => m.template_id)).toEqual([
        TEMPLATES.accepted,
        TEMPLATES.dispatched,
        TEMPLATES.resolved,
      ]);
      for (const m of messages) {
        expect(m.touser).toBe(openid);
        expect(m.data.character_string1.value).toBe(caseNo);
        expect(m.page).toBe(`resident/pages/case/index?id=${caseId}`);
        expect(m.data.time4.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      }
      const [accepted, dispatched, resolved] = messages;
      expect(accepted.data.thing2.value).toBe(CATEGORY.name);
      expect(accepted.data.phrase3.value).toBe('已受理');
      expect(dispatched.data.thing2.value).toBe('王五');
      expect(dispatched.data.phrase3.value).toBe('已派单');
      expect(resolved.data.thing2.value).toBe(CATEGORY.name);
      expect(resolved.data.phrase3.value).toBe('已办结');
      expect(resolved.data.thing5.value).toBe(RESULT);
    });
  },
);
