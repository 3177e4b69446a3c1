import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import type { MeetingVO, NoticeVO, PartyOrgVO } from '@zhili/shared';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2eStack, startE2eStack } from './support/e2e-stack';
import { newTestBranch, StaffApi, townPartyStaff } from './support/party-staff';
import { settledScreenshot } from './support/settle';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/**
 * 组织生活 and 党务公开 in the portal, as the town's party admin uses them: schedule a meeting through
 * the dialog, open it, show the rotating check-in QR (a real QR image that refreshes), write the
 * minutes; draft a notice in the editor with its preview, publish it (confirmed) and see its read count.
 */
describeBrowser('admin party meetings and notices', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let api: StaffApi;
  let branch: PartyOrgVO;

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    ({ page, api } = await townPartyStaff(stack, browser, 'party.e2e'));
    branch = await newTestBranch(api, '测试村党支部');
    for (const [name, gender] of [
      ['王建国', 'male'],
      ['李秀英', 'female'],
      ['张卫东', 'male'],
    ] as const) {
      await api('POST', '/party/members', {
        standalone: { name, gender },
        orgId: branch.id,
        category: 'full',
        joinedOn: '2005-07-01',
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('schedules a meeting in the dialog and shows the compliance of each branch', async () => {
    await page.goto(`${stack.bffUrl}/admin/party/meetings`);
    await page.getByTestId('party-meeting-compliance').waitFor();
    await page.getByText('测试村党支部', { exact: true }).first().waitFor();
    await page.getByTestId('party-meeting-create').click();
    const dialog = page.getByRole('dialog', { name: '安排会议' });
    await dialog.waitFor();
    await dialog.getByTestId('party-meeting-org').click();
    await page.getByRole('option', { name: /测试村党支部/ }).click();
    await dialog.getByTestId('party-meeting-type').click();
    await page.getByRole('option', { name: '支委会' }).click();
    // Started ten minutes ago, so check-in is open now (and it counts in this month).
    const beijing = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    const start = dialog.getByRole('combobox', { name: '开始时间（北京时间）' });
    await start.fill(beijing(Date.now() - 600_000));
    await start.press('Enter');
    const end = dialog.getByRole('combobox', { name: '结束时间（北京时间）' });
    await end.fill(beijing(Date.now() + 3600_000));
    await end.press('Enter');
    await dialog.getByLabel('会议地点').fill('测试村党群服务中心');
    await dialog.getByLabel('主持人').fill('王建国');
    await dialog.getByLabel('会议主题').fill('研究冬季防火工作');
    await settledScreenshot(page, 'admin-party-meeting-create');
    await dialog.getByTestId('party-meeting-submit').click();
    await page.waitForURL(/\/admin\/party\/meetings\/[^/]+$/);
    await page.getByTestId('party-meeting-detail').getByText('研究冬季防火工作').first().waitFor();
    expect(await page.getByTestId('party-meeting-rate').textContent()).toBe('0%');
    await page.goto(`${stack.bffUrl}/admin/party/meetings`);
    await page.getByTestId('party-meetings-table').getByText('研究冬季防火工作').waitFor();
    await page
      .getByText(/本月支委会：已开 1\/1/)
      .first()
      .waitFor();
    await settledScreenshot(page, 'admin-party-meetings');
  });

  it('shows the rotating check-in QR with a countdown, a refresh and a fullscreen view for a projector', async () => {
    const [meeting] = (await api<MeetingVO[]>('GET', `/party/meetings?orgId=${branch.id}`)).filter(
      (m) => m.topic === '研究冬季防火工作',
    );
    await page.goto(`${stack.bffUrl}/admin/party/meetings/${meeting.id}`);
    const first = page.waitForResponse((r) => r.url().endsWith('/check-in-token'));
    await page.getByTestId('party-meeting-qr-open').click();
    await first;
    const qr = page.getByTestId('party-meeting-qr');
    const image = qr.getByRole('img', { name: /会议签到二维码/ });
    await image.waitFor();
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await qr.getByText(/二维码 [12]:\d\d 后失效/).waitFor();
    const shown = await image.getAttribute('src');
    const again = page.waitForResponse((r) => r.url().endsWith('/check-in-token'));
    await qr.getByRole('button', { name: '立即刷新' }).click();
    expect((await again).status()).toBe(201);
    // A new token (its expiry is part of it) is a new picture.
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="party-meeting-qr"] img')?.getAttribute('src') !== before,
      shown,
    );
    await settledScreenshot(page, 'admin-party-meeting-detail');

    await qr.getByTestId('party-meeting-qr-full').click();
    await page.waitForFunction(() => document.fullscreenElement?.getAttribute('data-testid') === 'party-meeting-qr');
    await qr.getByRole('heading', { name: '支委会：研究冬季防火工作' }).waitFor();
    await settledScreenshot(page, 'admin-party-meeting-qr-fullscreen');
    await qr.getByRole('button', { name: '退出全屏' }).click();
    await page.waitForFunction(() => document.fullscreenElement === null);
  });

  it('saves the minutes and photos of the meeting', async () => {
    await page.getByTestId('party-meeting-edit').click();
    const dialog = page.getByRole('dialog', { name: '编辑会议记录' });
    await dialog.getByTestId('party-meeting-minutes').fill('一、传达上级防火要求。\n二、分工：王建国负责巡查。');
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/admin/party/files'));
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'meeting.png',
      mimeType: 'image/png',
      buffer: await QRCode.toBuffer('会议照片'),
    });
    expect((await uploaded).status()).toBe(201);
    await dialog.getByTestId('party-meeting-edit-submit').click();
    await page.getByTestId('party-meeting-minutes-text').waitFor();
    expect(await page.getByTestId('party-meeting-minutes-text').textContent()).toBe(
      '一、传达上级防火要求。\n二、分工：王建国负责巡查。',
    );
    const photo = page.getByRole('img', { name: '会议照片 1' });
    await photo.waitFor();
    await photo.scrollIntoViewIfNeeded();
    await settledScreenshot(page, 'admin-party-meeting-minutes');
  });

  it('drafts a notice with the editor, publishes it after confirming, shows the read count, withdraws it', async () => {
    await page.goto(`${stack.bffUrl}/admin/party/notices`);
    await page.getByTestId('party-notice-create').click();
    const dialog = page.getByRole('dialog', { name: '起草党务公开' });
    await dialog.getByTestId('party-notice-org').click();
    await page.getByRole('option', { name: /测试村党支部/ }).click();
    await dialog.getByTestId('party-notice-target').click();
    await page
      .getByRole('option', { name: /测试村党支部/ })
      .last()
      .click();
    await dialog.getByTestId('party-notice-title').fill('关于开展冬季主题党日活动的通知');
    await dialog
      .getByTestId('party-notice-body')
      .fill('## 活动安排\n\n各位党员：\n请于**12月10日**上午九点到村党群服务中心集合。\n\n- 学习党章\n- 志愿服务');
    await dialog.getByText('预览', { exact: true }).click();
    expect(await dialog.getByRole('switch', { name: '预览正文' }).isChecked()).toBe(true);
    await dialog.getByTestId('party-notice-preview').getByText('12月10日').waitFor();
    await settledScreenshot(page, 'admin-party-notice-editor');
    await dialog.getByTestId('party-notice-submit').click();
    const table = page.getByTestId('party-notices-table');
    await table.getByText('关于开展冬季主题党日活动的通知').waitFor();
    await table.getByText('将送达 3 人').waitFor();
    await table.getByTestId('party-notice-publish').first().click();
    await page.getByRole('dialog', { name: '发布党务公开' }).getByRole('button', { name: '发布' }).click();
    await table.getByTestId('party-notice-reads').getByText('已读 0/3').waitFor();
    const [notice] = (await api<NoticeVO[]>('GET', `/party/notices?orgId=${branch.id}`)).filter((n) =>
      n.title.startsWith('关于开展冬季'),
    );
    expect(notice.body).toBe(
      '<h4>活动安排</h4><p>各位党员：<br>请于<strong>12月10日</strong>上午九点到村党群服务中心集合。</p><ul><li>学习党章</li><li>志愿服务</li></ul>',
    );
    expect(notice.publishedAt).not.toBeNull();
    await settledScreenshot(page, 'admin-party-notices');

    // Withdrawn after confirming: still listed, marked, with its read count.
    const row = table.getByRole('row', { name: /关于开展冬季主题党日活动的通知/ });
    await row.getByTestId('party-notice-withdraw').click();
    await page.getByRole('dialog', { name: '撤回党务公开' }).getByRole('button', { name: '撤回' }).click();
    await row.getByText('已撤回').waitFor();
    await row.getByText('已读 0/3').waitFor();
  });
});
