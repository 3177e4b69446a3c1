// Deliberately bad or awkward notifications for the merchant's negative tests. Each is delivered once
// (no retries) and recorded with `probe` set; none changes the simulator's orders.
import { randomBytes } from 'node:crypto';
import type { SimContext } from './context';
import { randomApiV3Key, rsaKeyPair } from './keys';
import { signedHeaders } from './crypto';
import { transactionId } from './ids';
import type { Signer } from './notify';
import { successResource } from './resources';
import type { NotificationRecord, SimOrder } from './types';

export const PROBE_KINDS = [
  'bad-signature',
  'signtest',
  'stale-timestamp',
  'wrong-amount',
  'unknown-order',
  'wrong-key',
  'unknown-serial',
  'duplicate',
  'out-of-order',
] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

/** How far back a stale-timestamp probe is signed: well outside a 5-minute window. */
export const STALE_SECONDS = 10 * 60;

export type ProbeResult = { ok: true; sent: NotificationRecord[] } | { ok: false; status: number; message: string };

function paidResource(ctx: SimContext, order: SimOrder, totalFen?: number) {
  const id = order.transactionId ?? transactionId(ctx.state.now());
  return successResource(order, id, order.successAt ?? ctx.state.now(), totalFen);
}

export async function runProbe(
  ctx: SimContext,
  kind: ProbeKind,
  order: SimOrder,
  duplicates = 2,
): Promise<ProbeResult> {
  const { notifier, state } = ctx;
  const base = {
    eventType: 'TRANSACTION.SUCCESS' as const,
    mchid: order.mchid,
    outTradeNo: order.outTradeNo,
    url: order.notifyUrl,
    probe: kind,
  };
  const once = async (record: NotificationRecord, signer?: Signer): Promise<NotificationRecord> => {
    await notifier.send(record, { retry: false, signer });
    return record;
  };
  switch (kind) {
    case 'bad-signature': {
      const signer: Signer = (body) => {
        const headers = notifier.freshSigner(body);
        // A well-formed signature over another message, so only verification (not parsing) can catch it.
        return { ...headers, 'Wechatpay-Signature': notifier.freshSigner(`${body} `)['Wechatpay-Signature'] };
      };
      return { ok: true, sent: [await once(notifier.build({ ...base, resource: paidResource(ctx, order) }), signer)] };
    }
    case 'signtest': {
      // WeChat Pay's own probe traffic: a signature starting WECHATPAY/SIGNTEST/ that must be refused.
      const signer: Signer = (body) => ({
        ...notifier.freshSigner(body),
        'Wechatpay-Signature': `WECHATPAY/SIGNTEST/${randomBytes(192).toString('base64')}`,
      });
      return { ok: true, sent: [await once(notifier.build({ ...base, resource: paidResource(ctx, order) }), signer)] };
    }
    case 'stale-timestamp': {
      const signer: Signer = (body) =>
        signedHeaders(body, state.signingKey(), Math.floor(state.now() / 1000) - STALE_SECONDS);
      return { ok: true, sent: [await once(notifier.build({ ...base, resource: paidResource(ctx, order) }), signer)] };
    }
    case 'wrong-amount': {
      const resource = paidResource(ctx, order, order.totalFen + 1);
      return { ok: true, sent: [await once(notifier.build({ ...base, resource }))] };
    }
    case 'unknown-order': {
      const ghost = { ...order, outTradeNo: `GHOST${randomBytes(8).toString('hex')}` };
      const record = notifier.build({ ...base, outTradeNo: ghost.outTradeNo, resource: paidResource(ctx, ghost) });
      return { ok: true, sent: [await once(record)] };
    }
    case 'wrong-key': {
      const record = notifier.build({ ...base, resource: paidResource(ctx, order), apiV3Key: randomApiV3Key() });
      return { ok: true, sent: [await once(record)] };
    }
    case 'unknown-serial': {
      const stranger = { ...rsaKeyPair(), serial: '7'.repeat(40) };
      const signer: Signer = (body) => signedHeaders(body, stranger, Math.floor(state.now() / 1000));
      return { ok: true, sent: [await once(notifier.build({ ...base, resource: paidResource(ctx, order) }), signer)] };
    }
    case 'duplicate': {
      const original = state.notifications.find(
        (n) =>
          !n.probe &&
          n.eventType === 'TRANSACTION.SUCCESS' &&
          n.mchid === order.mchid &&
          n.outTradeNo === order.outTradeNo,
      );
      if (!original) return { ok: false, status: 409, message: '该订单还没有支付成功通知，无法重复发送' };
      // The same envelope (same id) `duplicates` times at once (default 2), as WeChat Pay does when an answer was lost.
      const copies = Array.from({ length: duplicates }, () => ({
        ...original,
        probe: kind,
        headers: {},
        attempts: [],
        outcome: 'pending' as const,
      }));
      return { ok: true, sent: await Promise.all(copies.map((copy) => once(copy))) };
    }
    case 'out-of-order': {
      const genuine = state.notifications.filter(
        (n) => !n.probe && n.mchid === order.mchid && n.outTradeNo === order.outTradeNo,
      );
      if (genuine.length < 2)
        return { ok: false, status: 409, message: '该订单的通知少于两条（先支付再退款），无法乱序发送' };
      const sent: NotificationRecord[] = [];
      for (const original of [...genuine].reverse()) {
        sent.push(await once({ ...original, probe: kind, headers: {}, attempts: [], outcome: 'pending' }));
      }
      return { ok: true, sent };
    }
  }
}
