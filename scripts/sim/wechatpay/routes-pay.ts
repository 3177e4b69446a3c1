// JSAPI ordering, order query and close: /v3/pay/transactions/*.
import type { PayHandler, SimContext } from './context';
import { payError } from './errors';
import { parseRfc3339, prepayId, transactionId } from './ids';
import { transactionResource, successResource } from './resources';
import type { SimOrder } from './types';
import { MERCHANT_NO, NOTIFY_URL, canonical, obj, parseJsonObject, positiveInt, str } from './validate';

/** A prepay_id can start the payment sheet for 2 hours. */
export const PREPAY_TTL_MS = 2 * 3600 * 1000;

export const createJsapiOrder: PayHandler = (ctx, req, merchant) => {
  const parsed = parseJsonObject(req.body);
  if (!parsed.ok) return parsed.error;
  const body = parsed.value;
  const checks = {
    appid: str(body, 'appid', { max: 32 }),
    mchid: str(body, 'mchid', { max: 32 }),
    description: str(body, 'description', { max: 127 }),
    outTradeNo: str(body, 'out_trade_no', { max: 32, pattern: MERCHANT_NO }),
    notifyUrl: str(body, 'notify_url', { max: 256, pattern: NOTIFY_URL }),
    attach: str(body, 'attach', { max: 128, optional: true }),
    timeExpire: str(body, 'time_expire', { max: 64, optional: true }),
  };
  for (const check of Object.values(checks)) if (!check.ok) return check.error;
  const value = (c: (typeof checks)[keyof typeof checks]): string | undefined => (c.ok ? c.value : undefined);
  const amount = obj(body, 'amount');
  if (!amount.ok) return amount.error;
  const total = positiveInt(amount.value, 'total', 'amount/total');
  if (!total.ok) return total.error;
  if (amount.value.currency !== undefined && amount.value.currency !== 'CNY') {
    return payError('PARAM_ERROR', '输入源“/body/amount/currency”仅支持CNY');
  }
  const payer = obj(body, 'payer');
  if (!payer.ok) return payer.error;
  const openid = str(payer.value, 'openid', { max: 128, path: 'payer/openid' });
  if (!openid.ok) return openid.error;

  if (value(checks.mchid) !== merchant.mchid) {
    return payError('MCH_NOT_EXISTS', '商户号与请求签名的商户号不一致');
  }
  if (!merchant.appids.includes(value(checks.appid) ?? '')) {
    return payError('APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
  }
  const timeExpire = value(checks.timeExpire);
  if (timeExpire !== undefined && parseRfc3339(timeExpire) === null) {
    return payError('PARAM_ERROR', '输入源“/body/time_expire”不是合法的rfc3339时间');
  }

  const outTradeNo = value(checks.outTradeNo) ?? '';
  const bodyKey = canonical(body);
  const existing = ctx.state.order(merchant.mchid, outTradeNo);
  if (existing) {
    if (existing.state === 'SUCCESS' || existing.state === 'REFUND') return payError('ORDERPAID', '该订单已支付');
    if (existing.state === 'CLOSED') return payError('ORDER_CLOSED', '该订单已关闭');
    if (existing.bodyKey !== bodyKey) return payError('INVALID_REQUEST', '201 商户订单号重复');
    // Same body again: WeChat Pay answers with the same prepay_id while it is valid.
    if (existing.prepayExpiresAt > ctx.state.now()) return { status: 200, body: { prepay_id: existing.prepayId } };
    existing.prepayId = prepayId(ctx.state.now());
    existing.prepayExpiresAt = ctx.state.now() + PREPAY_TTL_MS;
    ctx.state.ordersByPrepay.set(existing.prepayId, existing);
    return { status: 200, body: { prepay_id: existing.prepayId } };
  }
  const now = ctx.state.now();
  const order: SimOrder = {
    appid: value(checks.appid) ?? '',
    mchid: merchant.mchid,
    description: value(checks.description) ?? '',
    outTradeNo,
    notifyUrl: value(checks.notifyUrl) ?? '',
    attach: value(checks.attach),
    timeExpire,
    totalFen: total.value,
    openid: openid.value ?? '',
    bodyKey,
    prepayId: prepayId(now),
    prepayExpiresAt: now + PREPAY_TTL_MS,
    createdAt: now,
    state: 'NOTPAY',
    refundedFen: 0,
  };
  ctx.state.addOrder(order);
  return { status: 200, body: { prepay_id: order.prepayId } };
};

function mchidQuery(query: URLSearchParams, mchid: string) {
  const value = query.get('mchid');
  if (!value) return payError('PARAM_ERROR', '输入源“/query/mchid”为必填字段');
  if (value !== mchid) return payError('MCH_NOT_EXISTS', '商户号与请求签名的商户号不一致');
  return null;
}

export const queryByOutTradeNo =
  (outTradeNo: string): PayHandler =>
  (ctx, req, merchant) => {
    const bad = mchidQuery(req.query, merchant.mchid);
    if (bad) return bad;
    const order = ctx.state.order(merchant.mchid, outTradeNo);
    if (!order) return payError('ORDER_NOT_EXIST', '订单不存在');
    return { status: 200, body: transactionResource(order) };
  };

export const queryByTransactionId =
  (id: string): PayHandler =>
  (ctx, req, merchant) => {
    const bad = mchidQuery(req.query, merchant.mchid);
    if (bad) return bad;
    const order = ctx.state.orderByTransaction(merchant.mchid, id);
    if (!order) return payError('ORDER_NOT_EXIST', '订单不存在');
    return { status: 200, body: transactionResource(order) };
  };

export const closeOrder =
  (outTradeNo: string): PayHandler =>
  (ctx, req, merchant) => {
    const parsed = parseJsonObject(req.body);
    if (!parsed.ok) return parsed.error;
    if (parsed.value.mchid !== merchant.mchid) return payError('PARAM_ERROR', '输入源“/body/mchid”与商户号不一致');
    const order = ctx.state.order(merchant.mchid, outTradeNo);
    if (!order) return payError('ORDER_NOT_EXIST', '订单不存在');
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return payError('ORDERPAID', '该订单已支付');
    order.state = 'CLOSED';
    return { status: 204 };
  };

/** Why an order cannot be paid now, or null. */
export function unpayableReason(ctx: SimContext, order: SimOrder, viaPrepayId?: unknown): string | null {
  if (order.state === 'SUCCESS' || order.state === 'REFUND') return 'ORDERPAID';
  if (order.state === 'CLOSED') return 'ORDER_CLOSED';
  const now = ctx.state.now();
  // A prepay_id replaced after its 2 hours no longer opens the sheet, even though the order lives on.
  const stale = typeof viaPrepayId === 'string' && viaPrepayId !== order.prepayId;
  if (stale || order.prepayExpiresAt <= now) return 'PREPAY_EXPIRED';
  if (order.timeExpire !== undefined && (parseRfc3339(order.timeExpire) ?? Infinity) <= now) return 'ORDER_EXPIRED';
  return null;
}

/** The user confirmed in the payment sheet: SUCCESS, then TRANSACTION.SUCCESS unless `notify` is false. */
export function markPaid(ctx: SimContext, order: SimOrder, notify: boolean): void {
  const now = ctx.state.now();
  order.state = 'SUCCESS';
  order.transactionId = transactionId(now);
  order.successAt = now;
  if (!notify) return;
  const record = ctx.notifier.build({
    eventType: 'TRANSACTION.SUCCESS',
    mchid: order.mchid,
    outTradeNo: order.outTradeNo,
    url: order.notifyUrl,
    resource: successResource(order, order.transactionId, now),
  });
  void ctx.notifier.send(record, { retry: true });
}
