import type { Browser } from 'playwright-core';
import type { RegionVO, SurveyVO } from '@zhili/shared';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { PHONE, h5DevLogin, onScreen } from './support/h5';
import { settledScreenshot as shot } from './support/settle';
import { staffApi, staffFirstLogin, staffToken } from './support/staff-session';

const describeBrowser = browserAvailable() ? describe : describe.skip;
const TITLE = '幸福村村道硬化议事协商';

/**
 * 议事协商 in H5: 张三, a resident of 幸福村 (the demo seed placed him there through the phone of a
 * registered villager), opens the village's consultation, reads that it is anonymous, answers in
 * large type and sees 已提交，感谢参与; a second visit shows the same. The village admin then finds
 * the answer counted in the portal's results.
 */
describeBrowser('H5 议事协商 in Chromium', () => {
  let stack: E2eStack;
  let browser: Browser;
  let villageAdmin: { username: string; password: string };

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    const adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const adminPage = await adminContext.newPage();
    await staffFirstLogin(adminPage, stack.bffUrl, {
      username: 'admin',
      password: E2E_ADMIN_PASSWORD,
      newPassword: 'Town-Hall-2026!',
      mfa: true,
    });
    const api = staffApi(stack.bffUrl, await staffToken(adminPage));
    const village = (await api<RegionVO[]>('GET', '/regions')).find((r) => r.name === '幸福村');
    if (!village) throw new Error('no 幸福村 in the demo seed');
    const created = await api<{ initialPassword: string }>('POST', '/users', {
      username: 'cun.e2e',
      displayName: '幸福村村委会',
      roles: ['village_admin'],
      regionId: village.id,
    });
    villageAdmin = { username: 'cun.e2e', password: created.initialPassword };
    await adminContext.close();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('lets a resident of 幸福村 answer once and the village admin see it counted', async () => {
    const context = await browser.newContext(PHONE);
    const page = await h5DevLogin(context, stack, 'zhangsan');
    // The resident finds it from the home page, like any other service.
    await page.locator('#tile-consult').click();
    const row = onScreen(page, '[data-test="survey-row"]', TITLE);
    await row.waitFor();
    await shot(page, 'mp-consultations');
    await row.click();
    await onScreen(page, '[data-test="survey-form"]').waitFor();
    expect(await onScreen(page, '[data-test="survey-anonymity"]').textContent()).toContain('本次为匿名');
    await shot(page, 'mp-consultation-form');
    // Submitting with a required question open names it instead of sending.
    await onScreen(page, '[data-test="survey-submit"]').click();
    expect(await onScreen(page, '[data-test="survey-error"]').textContent()).toContain('第 1 题');
    await onScreen(page, '[data-test="survey-q-1-option-1"]').click();
    await onScreen(page, '[data-test="survey-q-2-option-2"]').click();
    await onScreen(page, '[data-test="survey-q-3-text"] textarea').fill('路修好后请装几盏路灯');
    await shot(page, 'mp-consultation-filled');
    await onScreen(page, '[data-test="survey-submit"]').click();
    await onScreen(page, '[data-test="survey-done"]').waitFor();
    expect(await onScreen(page, '[data-test="survey-done"]').textContent()).toContain('已提交，感谢参与');
    await shot(page, 'mp-consultation-done');
    // Back on the list the row says so.
    await page.goto(`${stack.bffUrl}/h5/#/resident/pages/consultations/index`);
    await onScreen(page, '[data-test="survey-row"]', '已提交').waitFor();
    await context.close();

    const staffContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const staffPage = await staffContext.newPage();
    await staffFirstLogin(staffPage, stack.bffUrl, { ...villageAdmin, newPassword: 'Village-Desk-2026!', mfa: false });
    const surveys = await staffApi(stack.bffUrl, await staffToken(staffPage))<SurveyVO[]>(
      'GET',
      '/surveys?audience=residents',
    );
    const consultation = surveys.find((s) => s.title === TITLE);
    expect(consultation?.responseCount).toBe(1);
    await staffPage.goto(`${stack.bffUrl}/admin/surveys`);
    await staffPage.getByTestId('surveys-table').getByText(TITLE).waitFor();
    await shot(staffPage, 'admin-surveys');
    await staffPage.goto(`${stack.bffUrl}/admin/surveys/${consultation?.id}/results`);
    await staffPage.getByTestId('survey-response-count').filter({ hasText: '共收到 1 份' }).waitFor();
    await staffPage.getByText('路修好后请装几盏路灯').waitFor();
    await shot(staffPage, 'admin-survey-results');
    await staffContext.close();
  });
});
