// The JSON shapes WeChat Pay returns for a transaction and a refund: in query answers and, encrypted,
// in notifications.
import { rfc3339 } from './ids';
import type { SimOrder, SimRefund } from './types';

const TRADE_STATE_DESC: Record<SimOrder['state'], string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  REFUND: '转入退款',
};

export function transactionResource(order: SimOrder, override: { totalFen?: number } = {}): Record<string, unknown> {
  const total = override.totalFen ?? order.totalFen;
  const base: Record<string, unknown> = {
    appid: order.appid,
    mchid: order.mchid,
    out_trade_no: order.outTradeNo,
    trade_state: order.state,
    trade_state_desc: TRADE_STATE_DESC[order.state],
    ...(order.attach !== undefined ? { attach: order.attach } : {}),
  };
  if (order.state === 'NOTPAY' || order.state === 'CLOSED' || !order.transactionId) {
    return { ...base, amount: { total, currency: 'CNY' } };
  }
  return {
    ...base,
    transaction_id: order.transactionId,
    trade_type: 'JSAPI',
    bank_type: 'OTHERS',
    success_time: rfc3339(order.successAt ?? 0),
    payer: { openid: order.openid },
    amount: { total, payer_total: total, currency: 'CNY', payer_currency: 'CNY' },
  };
}

/** A paid transaction as its TRANSACTION.SUCCESS notification carries it (also for probes on unpaid orders). */
export function successResource(order: SimOrder, transactionId: string, successAt: number, totalFen?: number) {
  return transactionResource({ ...order, state: 'SUCCESS', transactionId, successAt }, { totalFen });
}

/** Query / create answer of the refund API. */
export function refundResource(refund: SimRefund): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successAt !== undefined ? { success_time: rfc3339(refund.successAt) } : {}),
    create_time: rfc3339(refund.createdAt),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
      settlement_refund: refund.refundFen,
      settlement_total: refund.totalFen,
      discount_refund: 0,
      currency: 'CNY',
    },
  };
}

/** The resource of a REFUND.SUCCESS notification (a flatter shape than the query answer). */
export function refundNotifyResource(refund: SimRefund): Record<string, unknown> {
  return {
    mchid: refund.mchid,
    out_trade_no: refund.outTradeNo,
    transaction_id: refund.transactionId,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: refund.status,
    success_time: rfc3339(refund.successAt ?? refund.createdAt),
    user_received_account: '支付用户零钱',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
    },
  };
}
