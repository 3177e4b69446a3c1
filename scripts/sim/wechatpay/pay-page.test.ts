// The dev payment page in Chromium: shows amount and description; 确认支付 pays (and notifies),
// 取消 leaves the order unpaid. Skipped without Chromium, except under CI=true.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ARTIFACTS_DIR, browserAvailable, launchBrowser } from '../../e2e/support/browser';
import { call, orderBody, startReceiver, startSim } from './test-helpers';
import type { Receiver } from './test-helpers';
import type { WechatPaySim } from './types';

const run = browserAvailable() ? describe : describe.skip;

run('wechatpay-sim payment page (Chromium)', () => {
  let sim: WechatPaySim;
  let receiver: Receiver;
  let browser: Browser;
  beforeAll(async () => {
    sim = await startSim('publicKey');
    receiver = await startReceiver();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await sim?.close();
  });

  async function newOrder(total: number): Promise<{ prepayId: string; outTradeNo: string }> {
    const body = orderBody(receiver.url, {
      description: '党费 2026年12月（李四）',
      amount: { total, currency: 'CNY' },
    });
    const created = await call(sim, 'POST', '/v3/pay/transactions/jsapi', body);
    return { prepayId: String(created.json.prepay_id), outTradeNo: String(body.out_trade_no) };
  }

  it('pays on 确认支付 and returns to the merchant page', async () => {
    const { prepayId, outTradeNo } = await newOrder(1250);
    const page = await browser.newPage();
    const returnUrl = `${sim.url}/__dev/health?back=1`;
    await page.goto(`${sim.url}/__dev/pay-page?prepay_id=${prepayId}&return_url=${encodeURIComponent(returnUrl)}`);
    await page.getByText('¥12.50').waitFor();
    await page.getByText('党费 2026年12月（李四）').waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'wechatpay-sim-pay-page.png') });
    await page.getByRole('button', { name: '确认支付' }).click();
    await page.waitForURL(/back=1/);
    await receiver.waitFor(1);
    expect(sim.orders().find((o) => o.outTradeNo === outTradeNo)?.state).toBe('SUCCESS');
    await page.close();
  }, 30_000);

  it('leaves the order NOTPAY on 取消', async () => {
    const { prepayId, outTradeNo } = await newOrder(20);
    const page = await browser.newPage();
    await page.goto(`${sim.url}/__dev/pay-page?prepay_id=${prepayId}`);
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByText('已取消支付').waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'wechatpay-sim-pay-cancelled.png') });
    const order = sim.orders().find((o) => o.outTradeNo === outTradeNo);
    expect(order).toMatchObject({ state: 'NOTPAY', cancelledByUser: true });
    await page.close();
  }, 30_000);
});
