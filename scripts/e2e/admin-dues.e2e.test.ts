import type { Browser, Page } from 'playwright-core';
import type { DuesBillVO, DuesDeclarationRowVO, DuesMonthlyReportVO, StaffUserVO } from '@zhili/shared';
import { blockingViolations } from './support/axe';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2E_ADMIN_PASSWORD, E2eStack, startE2eStack } from './support/e2e-stack';
import { settledScreenshot as shot } from './support/settle';
import { staffApi, staffFirstLogin, staffToken } from './support/staff-session';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** Money as the portal shows it: `¥1,234.56`. */
const yuan = (fen: number) =>
  `¥${String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(fen % 100).padStart(2, '0')}`;
/** This month in Beijing, `YYYY-MM`. */
const beijingMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

/**
 * Issue #16 in the portal, on the demo seed: 幸福村党支部's secretary declares a member's dues base
 * (the dialog previews ¥43.21 for ¥4,321.23 by the 2008 rules), generates the month's bills, records a
 * cash payment of an unpaid bill, and finds the paid amount of 党费报表 grown by exactly that bill.
 */
describeBrowser('admin dues in Chromium: base, bills of the month, cash, report', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let api: ReturnType<typeof staffApi>;
  /** The member whose base the secretary declares (null when every member has one already). */
  let declared: string | null = null;

  const reportPaid = async () => (await api<DuesMonthlyReportVO>('GET', '/dues/reports/monthly')).total.paidFen;

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
    const { temporaryPassword } = await admin<{ temporaryPassword: string }>(
      'POST',
      `/users/${account.id}/reset-password`,
    );
    await adminContext.close();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await staffFirstLogin(page, stack.bffUrl, {
      username: 'cun201.shuji',
      password: temporaryPassword,
      newPassword: 'Branch-Secretary-2026!',
      mfa: true,
    });
    api = staffApi(stack.bffUrl, await staffToken(page));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('declares a member’s base with the amount previewed before saving', async () => {
    const year = beijingMonth().slice(0, 4);
    const missing = await api<DuesDeclarationRowVO[]>('GET', `/dues/declarations?year=${year}&missing=true`);
    await page.goto(`${stack.bffUrl}/admin/dues/declarations${missing.length ? '?missing=true' : ''}`);
    const table = page.getByTestId('dues-declarations-table');
    const member = missing[0] ?? (await api<DuesDeclarationRowVO[]>('GET', `/dues/declarations?year=${year}`))[0];
    if (!member) throw new Error('the secretary sees no party member');
    declared = member.memberName;
    await table.getByRole('button', { name: `核定 ${member.memberName} 的基数` }).click();
    const dialog = page.getByRole('dialog', { name: `${member.memberName} ${year} 年度党费基数` });
    await dialog.waitFor();
    await dialog.getByTestId('dues-declaration-kind').click();
    await page.getByRole('option', { name: '在职党员' }).click();
    // Element Plus puts the test id on the input itself.
    await dialog.getByTestId('dues-declaration-income').fill('4321.23');
    const preview = dialog.getByTestId('dues-declaration-preview');
    await preview.getByText('¥43.21').waitFor();
    expect(await preview.textContent()).toContain('4321.23元 × 1% = 43.21元');
    await shot(page, 'admin-dues-declaration');
    await dialog.getByTestId('dues-declaration-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`已保存 ${member.memberName} 的党费基数`).waitFor();
    const [row] = (
      await api<DuesDeclarationRowVO[]>(
        'GET',
        `/dues/declarations?year=${year}&q=${encodeURIComponent(member.memberName)}`,
      )
    ).filter((r) => r.memberId === member.memberId);
    expect(row).toMatchObject({ kind: 'employed', monthlyFen: 4321, baseYear: Number(year) });
  });

  it('generates the month, records a cash payment, and the report’s paid amount grows by that bill', async () => {
    const month = beijingMonth();
    const paidBefore = await reportPaid();

    await page.goto(`${stack.bffUrl}/admin/dues/bills`);
    await page.getByTestId('dues-bills-table').waitFor();
    await page.getByTestId('dues-generate').click();
    await page.locator('.el-message-box').getByRole('button', { name: '生成', exact: true }).click();
    const result = page.getByRole('dialog', { name: /账单已生成/ });
    await result.waitFor();
    await shot(page, 'admin-dues-generated');
    // The declared member has a base now: their bill exists (made now, or already there).
    const bills = await api<DuesBillVO[]>('GET', `/dues/bills?month=${month}&kind=monthly&pageSize=100`);
    const mine = bills.find((b) => b.memberName === declared);
    expect(mine).toBeDefined();
    await result.getByRole('button', { name: '知道了' }).click();
    await result.waitFor({ state: 'hidden' });

    // An unpaid bill of the month: the declared member's when still unpaid, else the first one.
    const bill = mine?.status === 'unpaid' ? mine : bills.find((b) => b.status === 'unpaid');
    if (!bill) throw new Error(`no unpaid bill in ${month}`);
    const table = page.getByTestId('dues-bills-table');
    await page.getByPlaceholder('姓名').fill(bill.memberName);
    await page.getByRole('button', { name: '查询' }).click();
    const row = table.locator('.el-table__body tr', { hasText: bill.memberName }).filter({ hasText: '未缴' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: `登记现金 ${bill.memberName}` }).click();
    // The confirmation box carries the same title: the form dialog is the one with the bill in it.
    const dialog = page
      .getByRole('dialog', { name: '登记现金收缴' })
      .filter({ has: page.getByTestId('dues-bill-action-what') });
    await dialog.waitFor();
    await dialog.getByTestId('dues-bill-action-what').getByText(yuan(bill.amountFen)).waitFor();
    await shot(page, 'admin-dues-cash-dialog');
    await dialog.getByTestId('dues-bill-action-submit').click();
    await page.locator('.el-message-box').getByRole('button', { name: '登记现金', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`已登记现金收缴：${bill.memberName}`).waitFor();
    const paidRow = table.locator('.el-table__body tr', { hasText: bill.memberName }).filter({ hasText: '现金' });
    await paidRow.first().getByText('已缴').waitFor();
    await shot(page, 'admin-dues-cash-recorded');

    const paidAfter = await reportPaid();
    expect(paidAfter).toBe(paidBefore + bill.amountFen);
    await page.goto(`${stack.bffUrl}/admin/dues/reports`);
    const totals = page.getByTestId('dues-reports-totals');
    await totals.getByText(yuan(paidAfter)).waitFor();
    await page.getByTestId('dues-reports-table').getByText('本月合计').first().waitFor();
    await shot(page, 'admin-dues-report');
  });

  it.each([
    ['bills', '/dues/bills', '[data-testid="dues-bills-table"] .el-table__row'],
    ['arrears', '/dues/arrears', '[data-testid="dues-arrears-table"]'],
    ['report', '/dues/reports', '[data-testid="dues-reports-totals"]'],
    ['declarations', '/dues/declarations', '[data-testid="dues-declarations-table"] .el-table__row'],
    ['spending', '/dues/spending', '[data-testid="dues-spending-table"]'],
    ['payments', '/dues/payments', '[data-testid="dues-orders-table"]'],
  ])('has no critical or serious accessibility violation on the %s page', async (name, path, ready) => {
    await page.goto(`${stack.bffUrl}/admin${path}`);
    await page.locator(ready).first().waitFor();
    await page.locator('.el-loading-mask').first().waitFor({ state: 'hidden' });
    await shot(page, `admin-dues-page-${name}`);
    expect(await blockingViolations(page)).toEqual([]);
  });
});
