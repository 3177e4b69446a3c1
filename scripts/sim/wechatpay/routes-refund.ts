// Refunds: POST /v3/refund/domestic/refunds (PROCESSING, then SUCCESS + REFUND.SUCCESS notification)
// and GET /v3/refund/domestic/refunds/{out_refund_no}.
import type { PayHandler, SimContext } from './context';
import { payError } from './errors';
import { refundId } from './ids';
import { refundNotifyResource, refundResource } from './resources';
import type { SimRefund } from './types';
import { MERCHANT_NO, NOTIFY_URL, obj, parseJsonObject, positiveInt, str } from './validate';

export const createRefund: PayHandler = (ctx, req, merchant) => {
  const parsed = parseJsonObject(req.body);
  if (!parsed.ok) return parsed.error;
  const body = parsed.value;
  const outTradeNo = str(body, 'out_trade_no', { max: 32, pattern: MERCHANT_NO, optional: true });
  const txId = str(body, 'transaction_id', { max: 32, optional: true });
  const outRefundNo = str(body, 'out_refund_no', { max: 64, pattern: /^[A-Za-z0-9_\-|*@]{1,64}$/ });
  const reason = str(body, 'reason', { max: 80, optional: true });
  const notifyUrl = str(body, 'notify_url', { max: 256, pattern: NOTIFY_URL, optional: true });
  for (const check of [outTradeNo, txId, outRefundNo, reason, notifyUrl]) if (!check.ok) return check.error;
  if (!outTradeNo.ok || !txId.ok || !outRefundNo.ok || !reason.ok || !notifyUrl.ok) throw new Error('unreachable');
  if (!outTradeNo.value && !txId.value) {
    return payError('PARAM_ERROR', 'transaction_id和out_trade_no必须二选一进行传参');
  }
  const amount = obj(body, 'amount');
  if (!amount.ok) return amount.error;
  const refundFen = positiveInt(amount.value, 'refund', 'amount/refund');
  if (!refundFen.ok) return refundFen.error;
  const totalFen = positiveInt(amount.value, 'total', 'amount/total');
  if (!totalFen.ok) return totalFen.error;
  if (amount.value.currency !== 'CNY')
    return payError('PARAM_ERROR', '输入源“/body/amount/currency”为必填字段，仅支持CNY');

  const order = txId.value
    ? ctx.state.orderByTransaction(merchant.mchid, txId.value)
    : ctx.state.order(merchant.mchid, outTradeNo.value ?? '');
  if (!order) return payError('RESOURCE_NOT_EXISTS', '订单不存在');

  const existing = ctx.state.refund(merchant.mchid, outRefundNo.value ?? '');
  if (existing) {
    // The same refund request again is answered with the refund as it stands (idempotent by out_refund_no).
    if (existing.outTradeNo === order.outTradeNo && existing.refundFen === refundFen.value) {
      return { status: 200, body: refundResource(existing) };
    }
    return payError('INVALID_REQUEST', '商户退款单号重复，且与原退款请求参数不一致');
  }
  if (order.state !== 'SUCCESS' && order.state !== 'REFUND') return payError('INVALID_REQUEST', '订单未支付，不能退款');
  if (totalFen.value !== order.totalFen) return payError('INVALID_REQUEST', '订单金额与原订单不一致');
  if (order.refundedFen + refundFen.value > order.totalFen)
    return payError('NOT_ENOUGH', '申请退款金额超过订单可退金额');

  const now = ctx.state.now();
  const refund: SimRefund = {
    mchid: merchant.mchid,
    outRefundNo: outRefundNo.value ?? '',
    refundId: refundId(now),
    outTradeNo: order.outTradeNo,
    transactionId: order.transactionId ?? '',
    reason: reason.value,
    notifyUrl: notifyUrl.value ?? order.notifyUrl,
    refundFen: refundFen.value,
    totalFen: order.totalFen,
    createdAt: now,
    status: 'PROCESSING',
  };
  order.refundedFen += refund.refundFen;
  order.state = 'REFUND';
  ctx.state.addRefund(refund);
  const answer = refundResource(refund);
  ctx.later(() => completeRefund(ctx, refund), ctx.refundDelayMs);
  return { status: 200, body: answer };
};

export function completeRefund(ctx: SimContext, refund: SimRefund): void {
  refund.status = 'SUCCESS';
  refund.successAt = ctx.state.now();
  const record = ctx.notifier.build({
    eventType: 'REFUND.SUCCESS',
    mchid: refund.mchid,
    outTradeNo: refund.outTradeNo,
    outRefundNo: refund.outRefundNo,
    url: refund.notifyUrl,
    resource: refundNotifyResource(refund),
  });
  void ctx.notifier.send(record, { retry: true });
}

export const queryRefund =
  (outRefundNo: string): PayHandler =>
  (ctx, _req, merchant) => {
    const refund = ctx.state.refund(merchant.mchid, outRefundNo);
    if (!refund) return payError('RESOURCE_NOT_EXISTS', '退款单不存在');
    return { status: 200, body: refundResource(refund) };
  };
