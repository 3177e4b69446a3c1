import type { Browser, Page } from 'playwright-core';
import type { LessonProgressVO, MyPartyHomeVO, PartyOrgVO } from '@zhili/shared';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2eStack, startE2eStack } from './support/e2e-stack';
import { PHONE, h5DevLogin, onScreen, mpGet, mpToken } from './support/h5';
import { townPartyStaff } from './support/party-staff';
import { settledScreenshot as shot } from './support/settle';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** A 2 s heartbeat for this stack (the default 15 s would make the journey slow); read by the BFF's config. */
const INTERVAL_MS = 2000;
/** The article's minimum reading time (the contract's minimum). */
const READING_MS = 10_000;

/**
 * 李四 studies an article lesson in the H5 build: the page counts down "还需阅读", the server credits
 * study time only as its own clock moves (never more than the time the page has been open), the lesson
 * completes after the minimum reading time and earns its points, which 我的学习积分 and the ranking show.
 */
describeBrowser('H5 party school: lesson progress and points in Chromium', () => {
  let stack: E2eStack;
  let browser: Browser;
  let lisi: Page;
  let token = '';
  let lessonId = '';

  beforeAll(async () => {
    process.env.STUDY_HEARTBEAT_INTERVAL_MS = String(INTERVAL_MS);
    process.env.STUDY_HEARTBEAT_TOLERANCE_MS = '1000';
    process.env.WECHAT_TMPL_STUDY_REMINDER = 'sim_tmpl_study_reminder';
    stack = await startE2eStack();
    browser = await launchBrowser();
    const { api } = await townPartyStaff(stack, browser, 'study.e2e');
    const context = await browser.newContext({ ...PHONE });
    lisi = await h5DevLogin(context, stack, 'lisi');
    token = await mpToken(lisi);
    const home = await mpGet<MyPartyHomeVO>(stack.bffUrl, token, '/api/mp/party/me');
    if (!home.member) throw new Error('the demo seed should make 李四 a linked member of 幸福村党支部');
    const committee = (await api<PartyOrgVO[]>('GET', '/party/orgs')).find((o) => o.type === 'committee');
    if (!committee) throw new Error('no party committee in the demo seed');
    const column = await api<{ id: string }>('POST', '/study/columns', { name: '党章党规（e2e）' });
    const course = await api<{ id: string }>('POST', '/study/courses', {
      columnId: column.id,
      orgId: committee.id,
      title: '学习新党章（e2e）',
      required: true,
      hours: 1,
      credits: 1,
      audience: 'all',
    });
    const lesson = await api<{ id: string }>('POST', `/study/courses/${course.id}/lessons`, {
      title: '第一章 党员',
      kind: 'article',
      minReadingMs: READING_MS,
      articleHtml:
        '<h3>第一章 党员</h3><p>第一条 年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，承认党的纲领和章程，愿意参加党的一个组织并在其中积极工作、执行党的决议和按期交纳党费的，可以申请加入中国共产党。</p>',
    });
    lessonId = lesson.id;
    await api('POST', `/study/courses/${course.id}/publish`, {});
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
    delete process.env.STUDY_HEARTBEAT_INTERVAL_MS;
    delete process.env.STUDY_HEARTBEAT_TOLERANCE_MS;
    delete process.env.WECHAT_TMPL_STUDY_REMINDER;
  });

  it('offers study reminders on the school home, and 允许 reaches WeChat (the simulator grants the template)', async () => {
    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/study/index`);
    await onScreen(lisi, '[data-test="study-reminder"]', '开启学习提醒').waitFor();
    await shot(lisi, 'mp-study-reminder-offer');
    await onScreen(lisi, '[data-test="study-reminder-allow"]').click();
    // Shown only when WeChat (here its simulator's /__dev/subscribe) answered that the template was accepted.
    await onScreen(lisi, '[data-test="study-reminder"]', '已开启学习提醒').waitFor();
  });

  it('counts reading time only as the server clock moves, then completes the lesson and awards its points', async () => {
    const progress = () => mpGet<LessonProgressVO>(stack.bffUrl, token, `/api/mp/study/lessons/${lessonId}/progress`);
    const openedAt = Date.now();
    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/lesson/index?id=${lessonId}`);
    await onScreen(lisi, '#lesson-article').waitFor();
    await onScreen(lisi, '#lesson-remaining', '还需阅读').waitFor();
    await shot(lisi, 'mp-study-lesson-reading');

    // Some time credited, never more than the page has been open (plus one interval's tolerance).
    let mid = await progress();
    while (mid.creditedMs === 0 && Date.now() - openedAt < 20_000) {
      await lisi.waitForTimeout(500);
      mid = await progress();
    }
    expect(mid.creditedMs).toBeGreaterThan(0);
    expect(mid.creditedMs).toBeLessThanOrEqual(Date.now() - openedAt + 1000);
    expect(mid.completed).toBe(false);

    await onScreen(lisi, '#lesson-done', '本课时已学完').waitFor({ timeout: 40_000 });
    const elapsed = Date.now() - openedAt;
    // The lesson could not complete before its minimum reading time had passed on the server.
    expect(elapsed).toBeGreaterThanOrEqual(READING_MS);
    const done = await progress();
    expect(done).toMatchObject({ completed: true, permille: 1000, remainingMs: 0 });
    expect(done.creditedMs).toBeGreaterThanOrEqual(READING_MS);
    expect(done.creditedMs).toBeLessThanOrEqual(elapsed + 1000);
    await expect(onScreen(lisi, '#lesson-complete').textContent()).resolves.toContain('获得 2 学习积分');
    await shot(lisi, 'mp-study-lesson-done');
  });

  it('shows the points with their reasons and the ranking with 李四 marked', async () => {
    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/points/index`);
    await onScreen(lisi, '#points-summary').waitFor();
    await onScreen(lisi, '[data-test="points-entry"]', '完成课程学习 +2').waitFor();
    await expect(onScreen(lisi, '#points-rank').textContent()).resolves.toMatch(/支部第 \d+ 名/);
    await shot(lisi, 'mp-study-points');
    await onScreen(lisi, '[data-test="points-ranking-link"]').click();
    await onScreen(lisi, '[data-test="ranking-row"]', '李四（我）').waitFor();
    await shot(lisi, 'mp-study-ranking-branch');
    await onScreen(lisi, '[data-test="ranking-town"]').click();
    await onScreen(lisi, '#ranking-me').waitFor();
    await shot(lisi, 'mp-study-ranking-town');
  });
});
