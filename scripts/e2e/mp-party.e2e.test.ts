import type { Browser, BrowserContext, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { gcj02ToWgs84 } from '@zhili/shared';
import type {
  AppraisalVO,
  HonourVO,
  MeetingDetailVO,
  MyPartyHomeVO,
  NoticeVO,
  PartyMemberVO,
  PartyOrgVO,
  RegionVO,
  StoredFileVO,
} from '@zhili/shared';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { PHONE, h5DevLogin, onScreen, mpGet, mpToken } from './support/h5';
import { settledScreenshot as shot } from './support/settle';
import { staffApi, staffFirstLogin, staffToken } from './support/staff-session';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** The meeting place (GCJ-02, as the portal stores it) and the browser's position there (WGS-84). */
const PLACE: [number, number] = [120.1052, 30.2031];
const [longitude, latitude] = gcj02ToWgs84(PLACE);

/** A certificate photo uploaded through the portal's party file route (multipart, like the admin form). */
async function uploadCertificate(bffUrl: string, token: string): Promise<StoredFileVO> {
  const form = new FormData();
  const png = await QRCode.toBuffer('荣誉证书', { width: 320 });
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'certificate.png');
  const res = await fetch(`${bffUrl}/api/admin/party/files`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload → ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: StoredFileVO }).data;
}

/**
 * The party subpackage in H5: 张三 (a resident) opens 党员之家 and reads how to join; 李四, linked to
 * a member file of 幸福村党支部 through the portal's API, sees his branch and the unread badge, reads
 * the notice (the badge goes), checks in to a meeting by location, opens 我的荣誉 (an honour of his
 * branch with its certificate photo, his 民主评议 result) and the branch contact book (numbers masked).
 */
describeBrowser('H5 party subpackage in Chromium', () => {
  let stack: E2eStack;
  let browser: Browser;
  let memberContext: BrowserContext;
  let lisi: Page;
  let meetingId = '';
  let farMeetingId = '';
  let noticeTitle = '';
  const honourTitle = '五星级党支部（e2e）';
  const appraisalYear = new Date().getFullYear() - 1;

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
    const regions = await staffApi(stack.bffUrl, await staffToken(adminPage))<RegionVO[]>('GET', '/regions');
    const town = regions.find((r) => r.level === 'town');
    const village = regions.find((r) => r.name === '幸福村');
    if (!town) throw new Error('no town in the demo seed');
    const created = await staffApi(stack.bffUrl, await staffToken(adminPage))<{ initialPassword: string }>(
      'POST',
      '/users',
      { username: 'party.e2e', displayName: '镇党建办', roles: ['town_admin'], regionId: town.id },
    );
    await adminContext.close();
    const staffContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const staffPage = await staffContext.newPage();
    await staffFirstLogin(staffPage, stack.bffUrl, {
      username: 'party.e2e',
      password: created.initialPassword,
      newPassword: 'Party-Desk-2026!',
      mfa: true,
    });
    const api = staffApi(stack.bffUrl, await staffToken(staffPage));

    memberContext = await browser.newContext({
      ...PHONE,
      geolocation: { longitude, latitude, accuracy: 10 },
      permissions: ['geolocation'],
    });
    lisi = await h5DevLogin(memberContext, stack, 'lisi');
    const token = await mpToken(lisi);

    // The demo seed may already make 李四 a member of 幸福村党支部; otherwise the portal does it here.
    let branchId = (await mpGet<MyPartyHomeVO>(stack.bffUrl, token, '/api/mp/party/me')).member?.branch.id;
    if (!branchId) {
      const orgs = await api<PartyOrgVO[]>('GET', '/party/orgs');
      const committee =
        orgs.find((o) => o.type === 'committee') ??
        (await api<PartyOrgVO>('POST', '/party/orgs', {
          parentId: null,
          type: 'committee',
          name: `${town.name}党委`,
          foundedOn: '2010-07-01',
        }));
      const branch =
        orgs.find((o) => o.name === '幸福村党支部') ??
        (await api<PartyOrgVO>('POST', '/party/orgs', {
          parentId: committee.id,
          type: 'branch',
          name: '幸福村党支部',
          regionId: village?.id ?? null,
          foundedOn: '2012-07-01',
        }));
      const member = await api<{ id: string }>('POST', '/party/members', {
        standalone: { name: '李四', gender: 'male', phone: '13900001234' },
        orgId: branch.id,
        category: 'probationary',
        joinedOn: new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10),
        position: '党员',
      });
      const me = await mpGet<{ id: string }>(stack.bffUrl, token, '/api/mp/me');
      await api('PUT', `/party/members/${member.id}/mp-account`, { mpUserId: me.id });
      branchId = branch.id;
    }
    noticeTitle = '关于重温入党誓词主题党日的通知';
    const notice = await api<NoticeVO>('POST', '/party/notices', {
      orgId: branchId,
      audience: 'org',
      targetOrgId: branchId,
      title: noticeTitle,
      body: '<p>请全体党员<strong>准时参加</strong>。</p><script>alert(1)</script>',
    });
    await api('POST', `/party/notices/${notice.id}/publish`, {});
    const meeting = await api<MeetingDetailVO>('POST', '/party/meetings', {
      orgId: branchId,
      type: 'theme_day',
      startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 90 * 60_000).toISOString(),
      place: '幸福村党群服务中心',
      lng: PLACE[0],
      lat: PLACE[1],
      radiusM: 300,
      host: '村党支部书记',
      topic: '重温入党誓词',
    });
    meetingId = meeting.id;
    // A second meeting about 1.1 km north of where 李四 stands: the location check-in is refused.
    const far = await api<MeetingDetailVO>('POST', '/party/meetings', {
      orgId: branchId,
      type: 'group',
      startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 60 * 60_000).toISOString(),
      place: '幸福村三组活动室',
      lng: PLACE[0],
      lat: PLACE[1] + 0.01,
      radiusM: 200,
      host: '党小组组长',
      topic: '学习贯彻全会精神',
    });
    farMeetingId = far.id;

    // An honour of the branch with a certificate photo, through the whole workflow to 已发布.
    const photo = await uploadCertificate(stack.bffUrl, await staffToken(staffPage));
    const honour = await api<HonourVO>('POST', '/party/honours', {
      kind: 'org',
      orgId: branchId,
      title: honourTitle,
      level: 'town',
      awardingBody: `中共${town.name}委员会`,
      awardedOn: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
      attachmentIds: [photo.id],
    });
    await api('POST', `/party/honours/${honour.id}/submit`);
    await api('POST', `/party/honours/${honour.id}/review`, { decision: 'approve' });
    await api('POST', `/party/honours/${honour.id}/publish`);
    // 李四's 民主评议 result of last year, recorded and published by the branch.
    const members = await api<PartyMemberVO[]>(
      'GET',
      `/party/members?orgId=${branchId}&q=${encodeURIComponent('李四')}`,
    );
    const lisiFile = members.find((m) => m.name === '李四');
    if (!lisiFile) throw new Error('李四 has no member file in 幸福村党支部');
    const appraisal = await api<AppraisalVO>('POST', '/party/appraisals', {
      memberId: lisiFile.id,
      year: appraisalYear,
      result: 'excellent',
    });
    await api('POST', `/party/appraisals/${appraisal.id}/publish`);
    await staffContext.close();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('张三, not a member, reads how to join instead of an error', async () => {
    const context = await browser.newContext(PHONE);
    const page = await h5DevLogin(context, stack, 'zhangsan');
    await page.goto(`${stack.bffUrl}/h5/#/party/pages/home/index`);
    await page.locator('#party-not-member').waitFor();
    const text = (await page.locator('#party-not-member').textContent()) ?? '';
    expect(text).toContain('你还不是党员');
    expect(text).toContain('如何申请入党');
    expect(await page.locator('#state-error').count()).toBe(0);
    await shot(page, 'mp-party-home-non-member');
    await context.close();
  });

  it('李四 opens 党员之家 from the home tile: his branch, the unread badge, the meeting to attend', async () => {
    await lisi.locator('#tile-party').click();
    await onScreen(lisi, '#party-branch').waitFor();
    expect(await lisi.locator('#party-branch').textContent()).toContain('幸福村党支部');
    expect(Number(await lisi.locator('#party-go-notices .party-badge').textContent())).toBeGreaterThanOrEqual(1);
    expect(Number(await lisi.locator('#party-go-meetings .party-badge').textContent())).toBeGreaterThanOrEqual(1);
    await shot(lisi, 'mp-party-home-member');
  });

  it('李四 reads the notice: unread first, then the sanitised text, and the mark is gone', async () => {
    await lisi.locator('#party-go-notices').click();
    const row = lisi.locator('[data-test="party-notice-row"]', { hasText: noticeTitle });
    await onScreen(lisi, '[data-test="party-notice-row"]', noticeTitle).waitFor();
    expect(await row.getAttribute('data-read')).toBe('false');
    await shot(lisi, 'mp-party-notices');
    await row.click();
    await onScreen(lisi, '#party-notice-body').waitFor();
    expect(await lisi.locator('#party-notice-body strong').textContent()).toBe('准时参加');
    expect(await lisi.locator('#party-notice-body script').count()).toBe(0);
    await shot(lisi, 'mp-party-notice');
    await lisi.goBack();
    await lisi.waitForFunction(
      (title) =>
        Array.from(document.querySelectorAll('[data-test="party-notice-row"]')).some(
          (n) => (n.textContent ?? '').includes(title) && n.getAttribute('data-read') === 'true',
        ),
      noticeTitle,
    );
  });

  it('李四 checks in to the meeting by location and sees it recorded', async () => {
    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/meeting/index?id=${meetingId}`);
    await lisi.locator('#party-meeting').waitFor();
    expect(await lisi.locator('#party-meeting-attendance').textContent()).toBe('待参加');
    await shot(lisi, 'mp-party-meeting-before');
    await lisi.locator('#party-checkin-location').click();
    await lisi.locator('#party-meeting-outcome').waitFor();
    expect(await lisi.locator('#party-meeting-outcome').textContent()).toMatch(/^签到成功/);
    await lisi.waitForFunction(() => document.querySelector('#party-meeting-attendance')?.textContent === '已签到');
    await shot(lisi, 'mp-party-meeting-checked-in');
  });

  it('李四 is told plainly why a check-in too far from the meeting place is refused', async () => {
    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/meetings/index`);
    await lisi.locator('[data-test="party-meetings-upcoming"] [data-test="party-meeting-row"]').first().waitFor();
    expect(await lisi.locator('[data-test="party-meetings-upcoming"]').textContent()).toContain('学习贯彻全会精神');
    await shot(lisi, 'mp-party-meetings');
    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/meeting/index?id=${farMeetingId}`);
    await lisi.locator('#party-checkin-location').click();
    await lisi.locator('#party-meeting-outcome').waitFor();
    expect(await lisi.locator('#party-meeting-outcome').textContent()).toMatch(
      /^您距会议地点约 1\d{3} 米，需在 200 米内签到$/,
    );
    expect(await lisi.locator('#party-meeting-attendance').textContent()).toBe('待参加');
    await shot(lisi, 'mp-party-meeting-refused');
  });

  it('李四 sees his file with the phone and ID numbers masked', async () => {
    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/file/index`);
    await lisi.locator('#party-file-name').waitFor();
    expect(await lisi.locator('#party-file-name').textContent()).toContain('李四');
    for (const id of ['#party-file-phone', '#party-file-id']) {
      const value = (await lisi.locator(id).textContent()) ?? '';
      expect(value).not.toMatch(/\d{8}/);
    }
    await shot(lisi, 'mp-party-file');
  });

  it('李四 opens 我的荣誉 from 党员之家: the branch honour with its certificate photo, and his appraisal result', async () => {
    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/home/index`);
    await lisi.locator('#party-go-honours').click();
    const honour = lisi.locator('[data-test="party-honour"]', { hasText: honourTitle });
    await honour.waitFor();
    expect(await honour.textContent()).toContain('幸福村党支部');
    expect(await honour.locator('[data-test="party-honour-meta"]').textContent()).toMatch(
      /^镇级 · 中共.+委员会 · \d{4}-\d{2}-\d{2}$/,
    );
    const thumb = honour.locator('[data-test="party-honour-photos"] img');
    await thumb.waitFor();
    await lisi.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('[data-test="party-honour-photos"] img')).every(
        (i) => i.naturalWidth > 0,
      ),
    );
    const row = lisi.locator('[data-test="party-appraisal-row"]', { hasText: `${appraisalYear} 年度` });
    await row.waitFor();
    expect(await row.locator('[data-test="party-appraisal-result"]').textContent()).toBe('优秀');
    await shot(lisi, 'mp-party-honours');
    // The thumbnail opens the full-screen previewer; a tap closes it.
    await lisi.getByRole('button', { name: '查看荣誉证书照片第 1 张，共 1 张' }).click();
    await lisi.locator('.preview-image img').first().waitFor();
    await shot(lisi, 'mp-party-honour-photo');
    await lisi.locator('.preview-image').click();
    await lisi.locator('.preview-image').waitFor({ state: 'detached' });
  });

  it('李四 opens the contact book of his branch: masked numbers, explained, and a name search', async () => {
    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/home/index`);
    await lisi.locator('#party-go-contacts').click();
    await lisi.locator('[data-test="party-contact-row"]').first().waitFor();
    expect(await lisi.locator('#party-contacts-privacy').textContent()).toContain('电话号码已隐去部分数字');
    const phones = await lisi.locator('[data-test="party-contact-phone"]').allTextContents();
    expect(phones.length).toBeGreaterThanOrEqual(1);
    for (const phone of phones) expect(phone).not.toMatch(/\d{8}/);
    expect(phones.some((p) => p.includes('*'))).toBe(true);
    await shot(lisi, 'mp-party-contacts');
    await lisi.locator('#party-contacts-search input').fill('李四');
    await lisi.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-test="party-contact-row"]')).every((r) =>
        (r.textContent ?? '').includes('李四'),
      ),
    );
    expect(await lisi.locator('[data-test="party-contact-row"]', { hasText: '李四' }).count()).toBeGreaterThanOrEqual(
      1,
    );
    await shot(lisi, 'mp-party-contacts-search');
  });
});
