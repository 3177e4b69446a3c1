import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2eStack, startE2eStack } from './support/e2e-stack';
import { PHONE, confirmTaroModal, h5DevLogin, onScreen } from './support/h5';
import { townPartyStaff } from './support/party-staff';
import { settledScreenshot as shot } from './support/settle';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** The demo seed's open exam (bff/src/seed/demo-study-exam.ts). */
const EXAM = '2026年度党章党史知识测试';

/**
 * 李四 sits the demo exam in the H5 build: the countdown from the server, one question per screen,
 * 交卷 after a confirmation, the result with his wrong answers explained, then the wrong-answer book;
 * the town's party staff see his result, the distribution and the item analysis in the portal.
 */
describeBrowser('H5 party school: an exam in Chromium', () => {
  let stack: E2eStack;
  let browser: Browser;
  let lisi: Page;
  let staff: Page;

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    staff = (await townPartyStaff(stack, browser, 'exam.e2e')).page;
    lisi = await h5DevLogin(await browser.newContext({ ...PHONE }), stack, 'lisi');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('lets 李四 take the exam and shows his result and wrong answers', async () => {
    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/exams/index`);
    await onScreen(lisi, '[data-test="exam-row"]', EXAM).waitFor();
    await shot(lisi, 'mp-exam-list');
    await onScreen(lisi, '[data-test="exam-row"]', EXAM).click();
    await onScreen(lisi, '#exam-start', '开始考试').waitFor();
    await shot(lisi, 'mp-exam-intro');
    await onScreen(lisi, '#exam-start').click();
    await expect(onScreen(lisi, '#exam-countdown').textContent()).resolves.toMatch(/剩余 (20:00|19:5\d)/);

    for (let i = 1; i <= 20; i += 1) {
      const question = onScreen(lisi, '[data-test="exam-question"]', `第 ${i}/20 题`);
      await question.waitFor();
      const options = onScreen(lisi, '[data-test="exam-option"]');
      if ((await options.count()) > 0) {
        // Always the first option shown: some right, some wrong, a result with something to explain.
        await options.first().click();
        await onScreen(lisi, '[data-test="exam-option"].exam-option--chosen').first().waitFor();
      } else {
        const blanks = onScreen(lisi, '.exam-blank input');
        for (let b = 0; b < (await blanks.count()); b += 1) await blanks.nth(b).fill('上海');
      }
      if (i === 1) await shot(lisi, 'mp-exam-question');
      if (i < 20) await onScreen(lisi, '#exam-next').click();
    }
    await onScreen(lisi, '#exam-submit').click();
    await confirmTaroModal(lisi);
    await onScreen(lisi, '#exam-score').waitFor();
    await expect(onScreen(lisi, '#exam-verdict').textContent()).resolves.toMatch(/合格/);
    await onScreen(lisi, '[data-test="exam-wrong"]').first().waitFor();
    await expect(onScreen(lisi, '[data-test="exam-wrong"]').first().textContent()).resolves.toContain('正确答案');
    await shot(lisi, 'mp-exam-result');

    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/wrong-book/index`);
    await onScreen(lisi, '[data-test="wrong-book-entry"]').first().waitFor();
    await expect(onScreen(lisi, '#wrong-book-practice').textContent()).resolves.toContain('重练错题');
    await shot(lisi, 'mp-exam-wrong-book');
  });

  it("shows the staff 李四's result with the distribution and item analysis", async () => {
    await staff.goto(`${stack.bffUrl}/admin/exam/exams`);
    await staff.locator('[data-testid="exam-exams-table"]').getByText(EXAM).click();
    const results = staff.locator('[data-testid="exam-results-page"]');
    await results.getByText('李四').waitFor();
    await staff.locator('[data-testid="exam-distribution"]').waitFor();
    await shot(staff, 'admin-exam-results');
  });
});
