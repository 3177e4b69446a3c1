// Dev endpoints (not WeChat Pay; prefix /__dev/): the payment page and its actions, logs, probes,
// platform key rotation. Errors here are `{ error: { code, message } }`.
import type { DevHandler, SimContext } from './context';
import { payPageHtml } from './pay-page';
import { PROBE_KINDS, runProbe, type ProbeKind } from './probes';
import { requestPayment } from './route-request-payment';
import { markPaid, unpayableReason } from './routes-pay';
import type { SimOrder, SimRequest, SimResponse } from './types';
import { parseJsonObject } from './validate';

const REASONS: Record<string, string> = {
  ORDERPAID: '该订单已支付，无需重复支付',
  ORDER_CLOSED: '该订单已关闭，请返回重新下单',
  PREPAY_EXPIRED: '支付链接已过期（2小时），请返回重新下单',
  ORDER_EXPIRED: '订单已超过支付期限，请返回重新下单',
};

function devError(status: number, code: string, message: string): SimResponse {
  return { status, body: { error: { code, message } }, unsigned: true };
}

function ok(body: unknown): SimResponse {
  return { status: 200, body, unsigned: true };
}

/** An order named by prepay_id, or by mchid + out_trade_no (the first merchant when mchid is absent). */
function findOrder(ctx: SimContext, fields: Record<string, unknown>): SimOrder | undefined {
  if (typeof fields.prepay_id === 'string') return ctx.state.ordersByPrepay.get(fields.prepay_id);
  if (typeof fields.out_trade_no === 'string') {
    const mchid = typeof fields.mchid === 'string' ? fields.mchid : [...ctx.state.merchants.keys()][0];
    return ctx.state.order(mchid, fields.out_trade_no);
  }
  return undefined;
}

function bodyOf(req: SimRequest): { ok: true; fields: Record<string, unknown> } | { ok: false; error: SimResponse } {
  const parsed = parseJsonObject(req.body || '{}');
  return parsed.ok
    ? { ok: true, fields: parsed.value }
    : { ok: false, error: devError(400, 'BAD_JSON', 'body must be a JSON object') };
}

const payPage: DevHandler = (ctx, req) => {
  const order = findOrder(ctx, { prepay_id: req.query.get('prepay_id') ?? undefined });
  if (!order) {
    const html =
      '<!doctype html><meta charset="utf-8"><title>微信支付（模拟）</title><p role="alert">找不到这笔待支付订单，请返回重新下单。</p>';
    return { status: 404, raw: { text: html, contentType: 'text/html; charset=utf-8' }, unsigned: true };
  }
  const reason = unpayableReason(ctx, order, req.query.get('prepay_id'));
  const html = payPageHtml(order, req.query.get('return_url'), reason ? REASONS[reason] : null);
  return { status: 200, raw: { text: html, contentType: 'text/html; charset=utf-8' }, unsigned: true };
};

const pay: DevHandler = (ctx, req) => {
  const body = bodyOf(req);
  if (!body.ok) return body.error;
  const fields = body.fields;
  const order = findOrder(ctx, fields);
  if (!order) return devError(404, 'ORDER_NOT_EXIST', 'no order for that prepay_id / out_trade_no');
  const reason = unpayableReason(ctx, order, fields.prepay_id);
  if (reason) return devError(409, reason, REASONS[reason]);
  // notify: false simulates a notification WeChat Pay never got through (the merchant must query).
  markPaid(ctx, order, fields.notify !== false);
  return ok({ out_trade_no: order.outTradeNo, transaction_id: order.transactionId, trade_state: order.state });
};

const cancel: DevHandler = (ctx, req) => {
  const body = bodyOf(req);
  if (!body.ok) return body.error;
  const order = findOrder(ctx, body.fields);
  if (!order) return devError(404, 'ORDER_NOT_EXIST', 'no order for that prepay_id / out_trade_no');
  // Closing the payment sheet leaves the order NOTPAY at WeChat Pay; nothing is notified.
  if (order.state === 'NOTPAY') order.cancelledByUser = true;
  return ok({ out_trade_no: order.outTradeNo, trade_state: order.state });
};

const notifications: DevHandler = (ctx, req) => {
  const outTradeNo = req.query.get('out_trade_no');
  const list = ctx.state.notifications.filter((n) => !outTradeNo || n.outTradeNo === outTradeNo);
  return ok({ notifications: list });
};

const requests: DevHandler = (ctx) => ok({ requests: ctx.state.requests });

const orders: DevHandler = (ctx) =>
  ok({
    orders: [...ctx.state.orders.values()].map(({ bodyKey: _bodyKey, ...order }) => order),
    refunds: [...ctx.state.refunds.values()],
  });

const probe: DevHandler = async (ctx, req) => {
  const body = bodyOf(req);
  if (!body.ok) return body.error;
  const fields = body.fields;
  const kind = fields.kind as ProbeKind;
  if (!PROBE_KINDS.includes(kind)) return devError(400, 'BAD_KIND', `kind must be one of ${PROBE_KINDS.join(', ')}`);
  const order = findOrder(ctx, fields);
  if (!order) return devError(404, 'ORDER_NOT_EXIST', 'no order for that prepay_id / out_trade_no');
  const copies = fields.copies ?? 2;
  if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 2 || copies > 50) {
    return devError(400, 'BAD_COPIES', 'copies must be an integer from 2 to 50');
  }
  const result = await runProbe(ctx, kind, order, copies);
  if (!result.ok) return devError(result.status, 'PROBE_NOT_POSSIBLE', result.message);
  return ok({ sent: result.sent });
};

const platform: DevHandler = (ctx) => {
  const key = ctx.state.signingKey();
  return ok({
    mode: ctx.state.mode,
    serial: key.serial,
    public_key_pem: key.publicKeyPem,
    ...(key.certPem ? { cert_pem: key.certPem } : {}),
    all: ctx.state.platformKeys.map((k) => ({ serial: k.serial, public_key_pem: k.publicKeyPem })),
  });
};

const rotate: DevHandler = (ctx) => {
  const key = ctx.state.rotate();
  return ok({ serial: key.serial, public_key_pem: key.publicKeyPem });
};

const health: DevHandler = (ctx) => ok({ ok: true, mode: ctx.state.mode, pending: ctx.notifier.pendingCount() });

export const devRoutes: Record<string, Partial<Record<string, DevHandler>>> = {
  '/__dev/pay-page': { GET: payPage },
  '/__dev/request-payment': { POST: requestPayment },
  '/__dev/pay': { POST: pay },
  '/__dev/cancel': { POST: cancel },
  '/__dev/notifications': { GET: notifications },
  '/__dev/requests': { GET: requests },
  '/__dev/orders': { GET: orders },
  '/__dev/probe': { POST: probe },
  '/__dev/platform': { GET: platform },
  '/__dev/rotate-platform-key': { POST: rotate },
  '/__dev/health': { GET: health },
};
