import type { Browser, Page } from 'playwright-core';
import type { HonourVO, PartyMemberVO, PartyOrgVO } from '@zhili/shared';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2eStack, startE2eStack } from './support/e2e-stack';
import { newTestBranch, StaffApi, townPartyStaff } from './support/party-staff';
import { settledScreenshot } from './support/settle';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/**
 * 荣誉管理 in the portal, as the town's party admin (who approves for the whole town) uses it: the
 * list by status tabs, the review dialog refusing a return without its reason, then returning with
 * one; the registration form for a member honour.
 */
describeBrowser('admin party honours', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let api: StaffApi;
  let branch: PartyOrgVO;
  let member: PartyMemberVO;

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    ({ page, api } = await townPartyStaff(stack, browser, 'records.e2e'));
    branch = await newTestBranch(api, '荣誉测试村党支部');
    member = await api<PartyMemberVO>('POST', '/party/members', {
      standalone: { name: '王建国', gender: 'male' },
      orgId: branch.id,
      category: 'full',
      joinedOn: '2005-07-01',
    });
    const honour = (body: object) =>
      api<HonourVO>('POST', '/party/honours', { level: 'county', awardingBody: '中共某县委员会', ...body });
    await honour({
      kind: 'member',
      orgId: branch.id,
      memberId: member.id,
      title: '优秀共产党员',
      awardedOn: '2026-07-01',
    });
    const pending = await honour({ kind: 'org', orgId: branch.id, title: '先进基层党组织', awardedOn: '2026-06-28' });
    await api('POST', `/party/honours/${pending.id}/submit`);
    const published = await honour({
      kind: 'org',
      orgId: branch.id,
      title: '五星级党支部',
      level: 'town',
      awardingBody: '中共青山镇委员会',
      awardedOn: '2026-01-15',
    });
    await api('POST', `/party/honours/${published.id}/submit`);
    await api('POST', `/party/honours/${published.id}/review`, { decision: 'approve' });
    await api('POST', `/party/honours/${published.id}/publish`);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('lists honours by status with the acts each row allows', async () => {
    await page.goto(`${stack.bffUrl}/admin/party/honours?orgId=${branch.id}`);
    const table = page.getByTestId('party-honours-table');
    await table.getByText('优秀共产党员').waitFor();
    await table.getByText('五星级党支部').waitFor();
    await table.getByText('王建国 · 荣誉测试村党支部').waitFor();
    await settledScreenshot(page, 'admin-party-honours');
    await page.getByRole('tab', { name: '待审批' }).click();
    await table.getByText('先进基层党组织').waitFor();
    await table.getByText('优秀共产党员').waitFor({ state: 'detached' });
    expect(await table.getByTestId('party-honour-review').count()).toBe(1);
  });

  it('returns an honour with its reason from the review dialog', async () => {
    await page.getByTestId('party-honour-review').click();
    const dialog = page.getByRole('dialog', { name: '审批荣誉' });
    await dialog.waitFor();
    await dialog.getByText('退回修改').click();
    await dialog.getByTestId('party-honour-review-save').click();
    await dialog.getByText('退回时请填写原因').waitFor();
    await dialog.getByTestId('party-honour-reason').fill('请补充证书照片');
    await settledScreenshot(page, 'admin-party-honour-review');
    await dialog.getByTestId('party-honour-review-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: '已退回' }).click();
    await page.getByTestId('party-honours-table').getByText('退回原因：请补充证书照片').waitFor();
  });

  it('opens the registration form with the member picker for a member honour', async () => {
    await page.getByTestId('party-honour-create').click();
    const dialog = page.getByRole('dialog', { name: '登记荣誉' });
    await dialog.waitFor();
    await dialog.getByText('党员荣誉').click();
    await dialog.getByTestId('party-honour-member').waitFor();
    await dialog.getByTestId('party-honour-save').click();
    await dialog.getByText('请选择获得荣誉的党员').waitFor();
    await dialog.getByText('请填写荣誉名称').waitFor();
    await settledScreenshot(page, 'admin-party-honour-form');
  });

  it('shows the plans, pledges and appraisal results of the branch', async () => {
    const year = new Date().getFullYear();
    await api('POST', '/party/plans', {
      orgId: branch.id,
      year,
      kind: 'plan',
      title: `${year} 年党支部工作计划`,
      body: '<p>一、加强政治理论学习</p>',
    });
    await api('POST', '/party/pledges', { memberId: member.id, year, text: '带头参加志愿服务不少于 12 次' });
    await api('POST', '/party/appraisals', { memberId: member.id, year: year - 1, result: 'excellent' });
    for (const [path, text, shot] of [
      ['plans', `${year} 年党支部工作计划`, 'admin-party-plans'],
      ['pledges', '带头参加志愿服务不少于 12 次', 'admin-party-pledges'],
      ['appraisals', '优秀', 'admin-party-appraisals'],
    ] as const) {
      await page.goto(`${stack.bffUrl}/admin/party/${path}?orgId=${branch.id}`);
      await page.getByTestId(`party-${path}-table`).getByText(text).first().waitFor();
      await settledScreenshot(page, shot);
    }
  });
});
