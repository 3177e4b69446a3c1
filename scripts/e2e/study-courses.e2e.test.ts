import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2eStack, startE2eStack } from './support/e2e-stack';
import { PHONE, h5DevLogin, onScreen } from './support/h5';
import { townPartyStaff } from './support/party-staff';
import { settledScreenshot as shot } from './support/settle';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/**
 * The party school's courses as people see them: the town's staff find the demo courses in 课程管理
 * and open one with its lessons; 李四 (幸福村党支部) sees his required and elective courses in 网上党校,
 * opens his branch's course, and asks to join the elective that needs approval, which then waits for
 * review.
 */
describeBrowser('party school courses in Chromium', () => {
  let stack: E2eStack;
  let browser: Browser;
  let staff: Page;
  let lisi: Page;

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    ({ page: staff } = await townPartyStaff(stack, browser, 'courses.e2e'));
    lisi = await h5DevLogin(await browser.newContext({ ...PHONE }), stack, 'lisi');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('lists the demo courses in the portal and shows a course with its lessons', async () => {
    await staff.goto(`${stack.bffUrl}/admin/study/courses`);
    const table = staff.getByTestId('study-courses-table');
    await table.getByText('学习新修订的党章').waitFor();
    expect(await table.getByText('幸福村党支部：乡村振兴专题学习').count()).toBe(1);
    await shot(staff, 'study-courses-admin-list');
    await table.getByRole('button', { name: '学习新修订的党章' }).click();
    const lessons = staff.getByTestId('study-lessons-table');
    await lessons.getByText('辅导视频：党章的历史沿革').waitFor();
    expect(await lessons.getByText('播放视频').count()).toBe(1);
    expect(await lessons.getByText('查看文档').count()).toBe(1);
    await shot(staff, 'study-courses-admin-detail');
  });

  it('shows 李四 his courses and takes his request for an elective', async () => {
    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/study/index`);
    const rows = onScreen(lisi, '[data-test="study-course-row"]');
    await rows.first().waitFor();
    const titles = await rows.allTextContents();
    expect(titles.some((t) => t.includes('学习新修订的党章'))).toBe(true);
    expect(titles.some((t) => t.includes('幸福村党支部：乡村振兴专题学习'))).toBe(true);
    await shot(lisi, 'study-courses-mp-home');

    await onScreen(lisi, '[data-test="study-course-row"]', '基层治理法规选读').click();
    await onScreen(lisi, '#course-enrol').waitFor();
    await shot(lisi, 'study-courses-mp-elective');
    await onScreen(lisi, '#course-enrol').click();
    await onScreen(lisi, '#course-state', '审核中').waitFor();
    expect(await onScreen(lisi, '#course-enrol').count()).toBe(0);
    await shot(lisi, 'study-courses-mp-pending');
  });
});
