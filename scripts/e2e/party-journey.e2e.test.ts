import type { Browser, BrowserContext, Page } from 'playwright-core';
import { admissionActLabels, admissionStageLabels, gcj02ToWgs84 } from '@zhili/shared';
import type { AdmissionVO, MeetingDetailVO, MeetingVO, PartyOrgVO, StaffUserVO } from '@zhili/shared';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { PHONE, h5DevLogin, onScreen } from './support/h5';
import { settledScreenshot as shot } from './support/settle';
import { staffApi, staffFirstLogin, staffToken } from './support/staff-session';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** The meeting place (GCJ-02, as the portal stores it) and where 李四's phone stands (WGS-84). */
const PLACE: [number, number] = [120.1052, 30.2031];
const [longitude, latitude] = gcj02ToWgs84(PLACE);
const BRANCH = '幸福村党支部';
const TOPIC = '学习基层治理新要求';
const NOTICE = '关于召开十二月主题党日的通知';
/** The branch in an organisation select: `幸福村党支部（党支部）`, indented by its depth. */
const BRANCH_OPTION = new RegExp(`^\\s*${BRANCH}（`);

/** A time as the portal's date-time pickers take it: Beijing time, `YYYY-MM-DD HH:mm`. */
const beijing = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Issue #14's journey across the two front ends, on the demo seed: 幸福村党支部's secretary moves an
 * applicant through a step on the admission board, schedules a meeting with location check-in and
 * publishes a notice; 李四 reads the notice in H5 and checks in at the meeting place; the portal's
 * meeting page then shows him present and the attendance rate, also after a reload.
 */
describeBrowser('party journey: portal secretary and 李四 in H5', () => {
  let stack: E2eStack;
  let browser: Browser;
  let secretary: Page;
  let phone: BrowserContext;
  let api: ReturnType<typeof staffApi>;
  let branch: PartyOrgVO;
  let meetingId = '';

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    // The seeded secretary's demo password is random: the town admin resets it, as a help desk would.
    const adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const adminPage = await adminContext.newPage();
    await staffFirstLogin(adminPage, stack.bffUrl, {
      username: 'admin',
      password: E2E_ADMIN_PASSWORD,
      newPassword: 'Town-Hall-2026!',
      mfa: true,
    });
    const admin = staffApi(stack.bffUrl, await staffToken(adminPage));
    const [account] = (await admin<StaffUserVO[]>('GET', '/users?q=cun201.shuji')).filter(
      (u) => u.username === 'cun201.shuji',
    );
    if (!account) throw new Error('the demo seed has no secretary of 幸福村党支部 (cun201.shuji)');
    expect(account.roles).toEqual(['party_secretary']);
    const { temporaryPassword } = await admin<{ temporaryPassword: string }>(
      'POST',
      `/users/${account.id}/reset-password`,
    );
    await adminContext.close();

    secretary = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await staffFirstLogin(secretary, stack.bffUrl, {
      username: 'cun201.shuji',
      password: temporaryPassword,
      newPassword: 'Branch-Secretary-2026!',
      mfa: true,
    });
    api = staffApi(stack.bffUrl, await staffToken(secretary));
    // The secretary's scope is the branch: it is the only organisation they see.
    const orgs = await api<PartyOrgVO[]>('GET', '/party/orgs');
    const found = orgs.find((o) => o.name === BRANCH);
    if (!found) throw new Error(`${BRANCH} is not in the secretary's scope`);
    branch = found;
    expect(orgs.some((o) => o.type === 'committee')).toBe(false);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('the secretary records the next step of an applicant who is due for it and sees the stage and history change', async () => {
    const open = await api<AdmissionVO[]>('GET', `/party/admissions?orgId=${branch.id}&stage=open&pageSize=100`);
    // An applicant (their steps have no waiting time) with a name the search finds alone; one whose
    // step is due or overdue comes first, as the board lists them.
    const ready = (kind: AdmissionVO['availableActs'][number], due: boolean) =>
      open.find(
        (a) =>
          a.due?.next === kind &&
          (a.due.status !== 'waiting') === due &&
          a.availableActs.includes(kind) &&
          open.filter((b) => b.name.includes(a.name)).length === 1,
      );
    const person =
      ready('make_activist', true) ?? ready('talk', true) ?? ready('make_activist', false) ?? ready('talk', false);
    if (!person?.due) throw new Error(`no applicant of ${BRANCH} is due for a step in the demo seed`);
    const step = person.due.next;

    await secretary.goto(`${stack.bffUrl}/admin/party/admissions`);
    await secretary.getByTestId('party-admission-summary').getByText(BRANCH).waitFor();
    const table = secretary.getByTestId('party-admissions-table');
    await secretary.getByPlaceholder('姓名').fill(person.name);
    await secretary.getByRole('button', { name: '查询' }).click();
    const row = table.getByRole('row', { name: new RegExp(person.name) });
    await row.getByText(admissionActLabels[step]).waitFor();
    await row.getByRole('button', { name: `办理 ${person.name}` }).click();

    const dialog = secretary.getByRole('dialog', {
      name: `办理：${person.name}（${admissionStageLabels[person.stage]}）`,
    });
    await dialog.waitFor();
    // The step that is due comes chosen.
    await dialog.getByTestId('party-admission-act-kind').getByText(admissionActLabels[step]).waitFor();
    await dialog.getByPlaceholder('如 幸福村党支部党员大会、镇党委').fill('幸福村党支部委员会');
    await dialog.getByRole('textbox', { name: '备注' }).fill('经支委会研究，同意。');
    await shot(secretary, 'party-journey-admission-act');
    await dialog.getByTestId('party-admission-act-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await secretary.getByText('已记录').first().waitFor();

    const after = await api<AdmissionVO>('GET', `/party/admissions/${person.id}`);
    if (step === 'make_activist') {
      expect(after.stage).toBe('activist');
      expect(after.activistOn).not.toBeNull();
      await row.getByText(admissionStageLabels.activist).waitFor();
    } else {
      expect(after.talkedOn).not.toBeNull();
    }
    expect(after.due?.next).not.toBe(step);
    await shot(secretary, 'party-journey-admission-board');

    await row.getByRole('link', { name: person.name }).click();
    await secretary.waitForURL(/\/admin\/party\/admissions\/[^/]+$/);
    const steps = secretary.getByTestId('party-admission-steps');
    await steps.getByText(admissionActLabels[step]).waitFor();
    await steps.getByText('幸福村党支部委员会').waitFor();
    await shot(secretary, 'party-journey-admission-detail');
  });

  it('the secretary schedules a meeting that started ten minutes ago, with location check-in, and publishes a notice', async () => {
    await secretary.goto(`${stack.bffUrl}/admin/party/meetings`);
    await secretary.getByTestId('party-meeting-compliance').waitFor();
    await secretary.getByTestId('party-meeting-create').click();
    const dialog = secretary.getByRole('dialog', { name: '安排会议' });
    await dialog.waitFor();
    await dialog.getByTestId('party-meeting-org').click();
    await secretary.getByRole('option', { name: BRANCH_OPTION }).click();
    await dialog.getByTestId('party-meeting-type').click();
    await secretary.getByRole('option', { name: '主题党日' }).click();
    const start = dialog.getByRole('combobox', { name: '开始时间（北京时间）' });
    await start.fill(beijing(Date.now() - 600_000));
    await start.press('Enter');
    const end = dialog.getByRole('combobox', { name: '结束时间（北京时间）' });
    await end.fill(beijing(Date.now() + 2 * 3600_000));
    await end.press('Enter');
    await dialog.getByLabel('会议地点').fill('幸福村党群服务中心');
    await dialog.getByLabel('主持人').fill('幸福村党支部书记');
    await dialog.getByLabel('会议主题').fill(TOPIC);
    // Element Plus hides the switch's input: a person clicks the switch itself.
    const byLocation = secretary.getByRole('switch', { name: '允许定位签到' });
    await dialog.locator('.el-switch', { has: byLocation }).click();
    expect(await byLocation.isChecked()).toBe(true);
    await dialog.getByRole('spinbutton', { name: '经度' }).fill(String(PLACE[0]));
    await dialog.getByRole('spinbutton', { name: '纬度' }).fill(String(PLACE[1]));
    await dialog.getByRole('spinbutton', { name: '签到半径（米）' }).fill('300');
    await dialog.getByRole('spinbutton', { name: '签到半径（米）' }).blur();
    // Both coordinates given: no message about them is left over from entering the first.
    await expect(dialog.getByText('定位签到须填写经纬度').count()).resolves.toBe(0);
    await shot(secretary, 'party-journey-meeting-create');
    await dialog.getByTestId('party-meeting-submit').click();
    await secretary.waitForURL(/\/admin\/party\/meetings\/[^/]+$/);
    meetingId = /\/meetings\/([^/?#]+)$/.exec(secretary.url())?.[1] ?? '';
    const detail = secretary.getByTestId('party-meeting-detail');
    await detail.getByText(TOPIC).first().waitFor();
    await detail.getByText('定位签到（300 米内）').waitFor();
    expect(await secretary.getByTestId('party-meeting-rate').textContent()).toBe('0%');
    const meeting = await api<MeetingDetailVO>('GET', `/party/meetings/${meetingId}`);
    expect([meeting.lng, meeting.lat, meeting.radiusM]).toEqual([PLACE[0], PLACE[1], 300]);
    expect(meeting.attendees.some((a) => a.name === '李四')).toBe(true);
    await shot(secretary, 'party-journey-meeting-detail-before');

    await secretary.goto(`${stack.bffUrl}/admin/party/notices`);
    await secretary.getByTestId('party-notice-create').click();
    const notice = secretary.getByRole('dialog', { name: '起草党务公开' });
    await notice.getByTestId('party-notice-org').click();
    await secretary.getByRole('option', { name: BRANCH_OPTION }).click();
    await notice.getByTestId('party-notice-target').click();
    await secretary.getByRole('option', { name: BRANCH_OPTION }).last().click();
    await notice.getByTestId('party-notice-title').fill(NOTICE);
    await notice
      .getByTestId('party-notice-body')
      .fill(`各位党员：\n今天在幸福村党群服务中心开展主题党日，主题是**${TOPIC}**，请到场后在小程序中定位签到。`);
    await shot(secretary, 'party-journey-notice-editor');
    await notice.getByTestId('party-notice-submit').click();
    const table = secretary.getByTestId('party-notices-table');
    const row = table.getByRole('row', { name: new RegExp(NOTICE) });
    await row.waitFor();
    await row.getByTestId('party-notice-publish').click();
    await secretary.getByRole('dialog', { name: '发布党务公开' }).getByRole('button', { name: '发布' }).click();
    await row
      .getByTestId('party-notice-reads')
      .getByText(/^已读 0\/\d+$/)
      .waitFor();
    await shot(secretary, 'party-journey-notices');
  });

  it('李四 in H5 sees the unread notice, reads it, opens the meeting and checks in at the meeting place', async () => {
    phone = await browser.newContext({
      ...PHONE,
      geolocation: { longitude, latitude, accuracy: 10 },
      permissions: ['geolocation'],
    });
    const lisi = await h5DevLogin(phone, stack, 'lisi');
    await lisi.locator('#tile-party').click();
    await onScreen(lisi, '#party-branch').waitFor();
    expect(await lisi.locator('#party-branch').textContent()).toContain(BRANCH);
    expect(Number(await lisi.locator('#party-go-notices .party-badge').textContent())).toBeGreaterThanOrEqual(1);
    await shot(lisi, 'party-journey-h5-home');

    await lisi.locator('#party-go-notices').click();
    const notice = onScreen(lisi, '[data-test="party-notice-row"]', NOTICE);
    await notice.waitFor();
    expect(await notice.getAttribute('data-read')).toBe('false');
    await shot(lisi, 'party-journey-h5-notices');
    await notice.click();
    await onScreen(lisi, '#party-notice-body').waitFor();
    expect(await lisi.locator('#party-notice-body strong').textContent()).toBe(TOPIC);
    await shot(lisi, 'party-journey-h5-notice');

    await lisi.goBack();
    await onScreen(lisi, '[data-test="party-notice-row"][data-read="true"]', NOTICE).waitFor();
    await lisi.goBack();
    await onScreen(lisi, '#party-go-meetings').click();
    const meeting = onScreen(lisi, '[data-test="party-meeting-row"]', TOPIC);
    await meeting.waitFor();
    await shot(lisi, 'party-journey-h5-meetings');
    await meeting.click();
    await onScreen(lisi, '#party-meeting').waitFor();
    expect(await lisi.locator('#party-meeting-attendance').textContent()).toBe('待参加');
    await lisi.locator('#party-checkin-location').click();
    await lisi.locator('#party-meeting-outcome').waitFor();
    expect(await lisi.locator('#party-meeting-outcome').textContent()).toMatch(/^签到成功/);
    await lisi.waitForFunction(() => document.querySelector('#party-meeting-attendance')?.textContent === '已签到');
    await shot(lisi, 'party-journey-h5-checked-in');
  });

  it('the portal shows 李四 present and the attendance rate, and the same after a reload', async () => {
    const meeting = await api<MeetingDetailVO>('GET', `/party/meetings/${meetingId}`);
    const expected = meeting.invited - meeting.onLeave;
    expect(meeting.present).toBe(1);
    const rate = `${Math.round((1 / expected) * 1000) / 10}%`;

    await secretary.goto(`${stack.bffUrl}/admin/party/meetings/${meetingId}`);
    const check = async () => {
      const detail = secretary.getByTestId('party-meeting-detail');
      await detail.getByText(TOPIC).first().waitFor();
      await detail
        .getByText(new RegExp(`^\\s*${expected} / 1\\s*`))
        .first()
        .waitFor();
      expect(await secretary.getByTestId('party-meeting-rate').textContent()).toBe(rate);
      const lisiRow = secretary.getByTestId('party-meeting-attendees').getByRole('row', { name: /李四/ });
      await lisiRow.getByText('已签到（定位）').waitFor();
    };
    await check();
    await secretary.getByText('李四').first().scrollIntoViewIfNeeded();
    await shot(secretary, 'party-journey-meeting-attendance');
    await secretary.reload();
    await check();

    // The branch's meeting list carries the same count.
    const listed = (await api<MeetingVO[]>('GET', `/party/meetings?orgId=${branch.id}`)).find(
      (m) => m.id === meetingId,
    );
    expect(listed?.present).toBe(1);
  });
});
