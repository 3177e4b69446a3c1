import type { Browser, Page } from 'playwright-core';
import type { DuesMonthlyReportVO, MpPayOrderVO, MyDuesVO } from '@zhili/shared';
import { blockingViolations } from './support/axe';
import { browserAvailable, launchBrowser } from './support/browser';
import { E2eStack, startE2eStack } from './support/e2e-stack';
import { PHONE, h5DevLogin, onScreen, mpGet, mpToken } from './support/h5';
import { townPartyStaff, type StaffApi } from './support/party-staff';
import { settledScreenshot as shot } from './support/settle';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/** `¥4,500.00` from fen, as the page shows money. */
const yuan = (fen: number) =>
  `¥${String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(fen % 100).padStart(2, '0')}`;

/** The order number the dues page came back with from the payment page (`…/dues/index?order=…`). */
function returnedOrder(page: Page): string {
  const match = /[?&]order=([A-Za-z0-9]+)/.exec(decodeURIComponent(page.url()));
  if (!match) throw new Error(`no order in ${page.url()}`);
  return match[1];
}

interface SimNotification {
  probe?: string;
  outcome: string;
  attempts: { status: number | null }[];
}

/**
 * 李四 pays his dues in the H5 build: 党费缴纳 shows this month's amount and how it was computed; he opens
 * the WeChat Pay simulator's payment sheet, cancels (已取消，可重新缴纳, nothing paid), pays (确认支付) and
 * sees 已缴 — confirmed by the BFF, not by the sheet. Then WeChat Pay's same notification arrives again
 * (the simulator's duplicate probe) and changes nothing: the month is paid once.
 */
describeBrowser('H5 party dues: WeChat Pay through the simulator in Chromium', () => {
  let stack: E2eStack;
  let browser: Browser;
  let lisi: Page;
  let token = '';
  let staff: StaffApi;
  let staffPage: Page;
  let before: MyDuesVO;

  const myDues = () => mpGet<MyDuesVO>(stack.bffUrl, token, '/api/mp/dues');
  /** What the admin's 党费报表 says 幸福村党支部 collected in a month. */
  const branchPaid = async (month: string) => {
    const report = await staff<DuesMonthlyReportVO>('GET', `/dues/reports/monthly?from=${month}&to=${month}`);
    return report.rows.find((r) => r.orgName === '幸福村党支部' && r.month === month)?.paidFen ?? 0;
  };
  let branchPaidBefore = 0;

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchBrowser();
    ({ api: staff, page: staffPage } = await townPartyStaff(stack, browser, 'dues.e2e'));
    const context = await browser.newContext({ ...PHONE });
    // The H5 stand-in for Taro.requestPayment finds this stack's pay simulator here (payment.h5.ts).
    await context.addInitScript(
      (url) => window.localStorage.setItem('zhili.dev.wechatPaySimUrl', url),
      stack.paySimUrl,
    );
    lisi = await h5DevLogin(context, stack, 'lisi');
    token = await mpToken(lisi);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  it('has a base for the year (declared in the page when there is none) and this month billed', async () => {
    await lisi.goto(`${stack.bffUrl}/h5/#/party/pages/home/index`);
    await onScreen(lisi, '#party-go-dues').click();
    await onScreen(lisi, '#dues-month').waitFor();
    const start = await myDues();
    if (!start.declaration) {
      // No base yet: the member declares it, and sees the amount before saving.
      expect(start.canDeclare).toBe(true);
      await onScreen(lisi, '#dues-declare-open').click();
      await onScreen(lisi, '#dues-kind-employed').click();
      await onScreen(lisi, '#dues-income input').fill('4500');
      await expect(onScreen(lisi, '#dues-preview-amount').textContent()).resolves.toBe('¥45.00');
      await shot(lisi, 'mp-dues-declare');
      await onScreen(lisi, '#dues-declare-save').click();
      await onScreen(lisi, '#dues-declaration-kind', '在职党员').waitFor();
    }
    // The branch's monthly run (idempotent: bills the seed made already stay as they are).
    await staff('POST', '/dues/bills/generate', { month: start.month });
    before = await myDues();
    if (!before.thisMonth || before.thisMonth.status !== 'unpaid') {
      throw new Error(`李四 should owe this month's dues: ${JSON.stringify(before.thisMonth)}`);
    }
    expect(before.paymentAvailable).toBe(true);
    expect(before.unpaid.length).toBeGreaterThanOrEqual(1);
  });

  it('shows the month amount in large type, how it was computed, and the unpaid months ticked', async () => {
    await lisi.reload();
    await onScreen(lisi, '#dues-amount').waitFor();
    const month = before.thisMonth!;
    await expect(onScreen(lisi, '#dues-amount').textContent()).resolves.toBe(yuan(month.amountFen));
    await expect(onScreen(lisi, '#dues-explain').textContent()).resolves.toBe(month.explanation);
    expect(month.explanation).toContain('×');
    await expect(onScreen(lisi, '[data-test="dues-unpaid-bill"]').count()).resolves.toBe(before.unpaid.length);
    await expect(onScreen(lisi, '#dues-total').textContent()).resolves.toContain(yuan(before.unpaidTotalFen));
    await shot(lisi, 'mp-dues-month');
    // No critical or serious accessibility finding on the page a member may read with a screen reader.
    expect(await blockingViolations(lisi)).toEqual([]);
  });

  it('says 已取消 without alarm when the sheet is closed, and nothing is paid', async () => {
    await onScreen(lisi, '#dues-pay').click();
    await lisi.waitForURL(/\/__dev\/pay-page/);
    await expect(lisi.locator('[data-testid="amount"]').textContent()).resolves.toBe(
      `¥${(before.unpaidTotalFen / 100).toFixed(2)}`,
    );
    await shot(lisi, 'mp-dues-sheet');
    await lisi.locator('#cancel').click();
    await lisi.waitForURL(/\/h5\/#\/party\/pages\/dues\/index\?order=/);
    await onScreen(lisi, '#dues-pay-status', '已取消，可重新缴纳').waitFor({ timeout: 30_000 });
    await shot(lisi, 'mp-dues-cancelled');
    const after = await myDues();
    expect(after.unpaid.map((b) => b.id)).toEqual(before.unpaid.map((b) => b.id));
  });

  it('pays through the simulator page and shows 已缴 once the BFF has the payment', async () => {
    branchPaidBefore = await branchPaid(before.month);
    await onScreen(lisi, '#dues-pay').click();
    await lisi.waitForURL(/\/__dev\/pay-page/);
    await lisi.locator('#pay').click();
    await lisi.waitForURL(/\/h5\/#\/party\/pages\/dues\/index\?order=/);
    await onScreen(lisi, '#dues-pay-status', '已缴').waitFor({ timeout: 30_000 });
    await expect(onScreen(lisi, '#dues-pay-status').textContent()).resolves.toContain(yuan(before.unpaidTotalFen));
    await shot(lisi, 'mp-dues-paid');

    const orderNo = returnedOrder(lisi);
    const order = await mpGet<MpPayOrderVO>(stack.bffUrl, token, `/api/mp/dues/orders/${orderNo}`);
    expect(order).toMatchObject({ status: 'paid', amountFen: before.unpaidTotalFen });
    expect([...order.billIds].sort()).toEqual(before.unpaid.map((b) => b.id).sort());
    const after = await myDues();
    expect(after.unpaid).toEqual([]);
    expect(after.thisMonth?.status).toBe('paid');
    const paidByOrder = after.recentPaid.filter((b) => b.paidOrderNo === orderNo);
    expect(paidByOrder).toHaveLength(before.unpaid.length);
    expect(paidByOrder.every((b) => b.paidVia === 'wechat')).toBe(true);

    // 缴费记录 says how: 微信支付.
    await onScreen(lisi, `[data-test="dues-paid-bill"][data-month="${after.month}"]`, '微信支付').waitFor();
    await onScreen(lisi, '#dues-history').scrollIntoViewIfNeeded();
    await shot(lisi, 'mp-dues-history');
  });

  it("shows the payment in the branch's 党费报表 in the admin", async () => {
    // The branch collected exactly what 李四 paid for this month, counted once.
    const paidThisMonth = before.unpaid.filter((b) => b.month === before.month).reduce((t, b) => t + b.amountFen, 0);
    expect(paidThisMonth).toBeGreaterThan(0);
    expect(await branchPaid(before.month)).toBe(branchPaidBefore + paidThisMonth);
    await staffPage.goto(`${stack.bffUrl}/admin/dues/reports`);
    await staffPage.getByTestId('dues-reports-table').getByText('幸福村党支部').first().waitFor();
    await shot(staffPage, 'mp-dues-admin-report');
  });

  it('a second notification of the same payment changes nothing', async () => {
    const orderNo = returnedOrder(lisi);
    const paidBefore = await myDues();
    const orderBefore = await mpGet<MpPayOrderVO>(stack.bffUrl, token, `/api/mp/dues/orders/${orderNo}`);

    // WeChat Pay's genuine TRANSACTION.SUCCESS again, same id, three copies at once.
    const probe = await fetch(`${stack.paySimUrl}/__dev/probe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'duplicate', out_trade_no: orderNo, copies: 3 }),
    });
    expect(probe.status).toBe(200);
    const { sent } = (await probe.json()) as { sent: SimNotification[] };
    expect(sent).toHaveLength(3);
    // Each copy acknowledged (2xx), so WeChat Pay would stop retrying — and none applied a second time.
    for (const n of sent) expect(n.attempts.map((a) => a.status !== null && a.status < 300)).toEqual([true]);

    const paidAfter = await myDues();
    const thisMonth = (d: MyDuesVO) =>
      d.recentPaid.filter((b) => b.kind === 'monthly' && b.month === d.month && b.status === 'paid');
    expect(thisMonth(paidAfter)).toHaveLength(1);
    expect(paidAfter.recentPaid).toEqual(paidBefore.recentPaid);
    expect(paidAfter.unpaid).toEqual([]);
    const orderAfter = await mpGet<MpPayOrderVO>(stack.bffUrl, token, `/api/mp/dues/orders/${orderNo}`);
    expect(orderAfter).toEqual(orderBefore);

    // Reloaded with ?order=… the page asks the BFF about that order again: still 已缴, once.
    await lisi.reload();
    await onScreen(lisi, '#dues-pay-status', '已缴').waitFor();
    await expect(onScreen(lisi, '[data-test="dues-paid-bill"]', '微信支付').count()).resolves.toBe(
      paidAfter.recentPaid.filter((b) => b.paidVia === 'wechat').length,
    );
    await shot(lisi, 'mp-dues-after-duplicate');
  });

  it('adds 自愿多交 as a bill of its own, ticked for the next payment', async () => {
    await onScreen(lisi, '#dues-voluntary-amount input').fill('10');
    await onScreen(lisi, '#dues-voluntary-add').click();
    await onScreen(lisi, '[data-test="dues-unpaid-bill"]', '自愿多交').waitFor();
    await expect(onScreen(lisi, '#dues-total').textContent()).resolves.toContain('¥10.00');
    const dues = await myDues();
    expect(dues.unpaid.map((b) => [b.kind, b.amountFen])).toEqual([['voluntary', 1000]]);
    await onScreen(lisi, '#dues-month').scrollIntoViewIfNeeded();
    await shot(lisi, 'mp-dues-voluntary');
  });

  it('prepays the coming three months: their bills join the list, made once however often asked', async () => {
    const monthly = (await myDues()).thisMonth?.amountFen ?? 0;
    await onScreen(lisi, '[data-test="dues-prepay-3"]').click();
    await onScreen(lisi, '#dues-prepay-add').click();
    await onScreen(lisi, '#dues-prepay', '已加入待缴账单').waitFor();
    await onScreen(lisi, '#dues-prepay').scrollIntoViewIfNeeded();
    await shot(lisi, 'mp-dues-prepay');
    const months = (d: MyDuesVO) => d.unpaid.filter((b) => b.kind === 'monthly').map((b) => [b.month, b.amountFen]);
    const after = await myDues();
    expect(months(after)).toHaveLength(3);
    expect(months(after).every(([month, fen]) => month > after.month && fen === monthly)).toBe(true);
    // Asked again: the same three months, no second bill for any.
    await onScreen(lisi, '#dues-prepay-add').click();
    await onScreen(lisi, '#dues-prepay', '已加入待缴账单').waitFor();
    expect(months(await myDues())).toEqual(months(after));
  });
});
