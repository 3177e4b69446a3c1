// WeChat Pay payment notifications built and signed exactly as the simulator sends them, for the
// harnesses that deliver them themselves (the two-worker e2e, `npm run bench -- pay-notify`): the
// same body to several workers at once, copies with fresh signatures as WeChat Pay's retries carry.
import { randomUUID } from 'crypto';
import { encryptResource, signedHeaders } from '../sim/wechatpay';
import { rfc3339 } from '../sim/wechatpay/ids';
import { transactionResource } from '../sim/wechatpay/resources';
import type { StackPaySim } from './wechatpay';

/**
 * The TRANSACTION.SUCCESS body of a paid simulator order (pay it first: `POST /__dev/pay` with
 * `notify: false` when the harness delivers the notification itself). One body = one notification
 * `id`; WeChat Pay keeps the body (and id) across its retries and re-signs each attempt.
 */
export function paymentNotificationBody(paySim: StackPaySim, outTradeNo: string): string {
  const order = paySim.sim.orders().find((o) => o.outTradeNo === outTradeNo);
  if (!order) throw new Error(`the WeChat Pay simulator has no order ${outTradeNo}`);
  if (order.state !== 'SUCCESS') throw new Error(`order ${outTradeNo} is ${order.state}, not paid`);
  const resource = encryptResource(JSON.stringify(transactionResource(order)), paySim.merchant.apiV3Key, 'transaction');
  return JSON.stringify({
    id: randomUUID(),
    create_time: rfc3339(Date.now()),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: { original_type: 'transaction', ...resource },
  });
}

/** Fresh Wechatpay-* headers for one delivery attempt of `body`, with the simulator's current platform key. */
export function notificationHeaders(paySim: StackPaySim, body: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'Mozilla/4.0',
    ...signedHeaders(body, paySim.platform(), Math.floor(Date.now() / 1000)),
  };
}

/** Delivers one attempt to `url`; status 0 = no answer (refused, reset, timed out). */
export async function deliverNotification(
  paySim: StackPaySim,
  url: string,
  body: string,
  timeoutMs = 30_000,
): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: notificationHeaders(paySim, body),
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, ms: performance.now() - started, text };
  } catch (err) {
    return { status: 0, ms: performance.now() - started, text: (err as Error).message };
  }
}
