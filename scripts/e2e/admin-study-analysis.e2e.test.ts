import type { Browser, Page } from 'playwright-core';
import { DEMO_APPID } from '../launcher/dev-env';
import { simOpenid } from '../sim/wechat/identity';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2eStack, startE2eStack } from './support/e2e-stack';
import { PHONE, h5DevLogin } from './support/h5';
import { townPartyStaff } from './support/party-staff';
import { settledScreenshot as shot } from './support/settle';

const describeBrowser = browserAvailable() ? describe : describe.skip;
const TEMPLATE = 'sim_tmpl_study_reminder';

interface SentMessage {
  touser: string;
  template_id: string;
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

/**
 * The town's party office in the portal: the points ranking of the demo's study history, the members
 * behind on a required course, and a reminder to 李四 that reaches WeChat as a subscribe message.
 */
describeBrowser('admin party school analysis in Chromium: ranking, laggards and a reminder', () => {
  let stack: E2eStack;
  let browser: Browser;
  let staff: Page;
  const openid = simOpenid(DEMO_APPID, 'lisi');

  beforeAll(async () => {
    process.env.WECHAT_TMPL_STUDY_REMINDER = TEMPLATE;
    stack = await startE2eStack();
    browser = await launchBrowser();
    // 李四 signs in once on his phone, so his member file has a WeChat account to remind.
    await h5DevLogin(await browser.newContext({ ...PHONE }), stack, 'lisi');
    staff = (await townPartyStaff(stack, browser, 'study.analysis.e2e')).page;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
    delete process.env.WECHAT_TMPL_STUDY_REMINDER;
  });

  it('ranks the members by their points', async () => {
    await staff.goto(`${stack.bffUrl}/admin/study/ranking`);
    const rows = staff.locator('[data-testid="study-ranking-table"] .el-table__body tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
    await shot(staff, 'admin-study-ranking');
  });

  it('lists 李四 as behind and sends him a reminder that the simulator delivers', async () => {
    await staff.goto(`${stack.bffUrl}/admin/study/laggards`);
    const table = staff.locator('[data-testid="study-laggards-table"]');
    const row = table.locator('.el-table__body tr', { hasText: '李四' }).first();
    await row.waitFor();
    await shot(staff, 'admin-study-laggards');

    // 李四 accepted study reminders on his phone (WeChat's one-time subscription).
    const granted = await fetch(`${stack.simUrl}/__dev/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ appid: DEMO_APPID, openid, templateIds: [TEMPLATE] }),
    });
    expect(granted.status).toBe(200);

    const course = (await row.locator('td').nth(2).textContent())?.trim() ?? '';
    await row.getByRole('button', { name: '提醒' }).click();
    await staff.getByRole('button', { name: '发送提醒' }).click();
    await staff.getByText('已提醒 李四').waitFor();
    // The row now says when the next reminder is allowed, and its button is off for 24 hours.
    const reminded = table.locator('.el-table__body tr', { hasText: '李四' }).filter({ hasText: '后可再提醒' });
    await reminded.first().waitFor();
    await shot(staff, 'admin-study-laggards-reminded');

    const url = `${stack.simUrl}/__dev/subscribe-messages?openid=${encodeURIComponent(openid)}`;
    const message = await eventually('the study reminder', async () => {
      const { messages } = (await (await fetch(url)).json()) as { messages: SentMessage[] };
      return messages.find((m) => m.template_id === TEMPLATE);
    });
    expect(message.touser).toBe(openid);
    expect(course.length).toBeGreaterThan(0);
    expect(message.data.thing1.value).toBe(Array.from(course).slice(0, 20).join(''));
  });
});
