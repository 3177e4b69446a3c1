// The trade bill file in WeChat Pay's CSV format: a header line, one line per trade with every field
// prefixed by a backtick, then the summary header and summary line. Amounts in yuan (2 decimals).
import { beijingDate, billTime } from './ids';
import type { PayState } from './state';

export type BillType = 'ALL' | 'SUCCESS' | 'REFUND';

/** The fee rate the simulator charges (0.6 %, the common rate for mini-program payments). */
export const FEE_RATE = 0.006;

const HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,' +
  '应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,' +
  '手续费,费率,订单金额,申请退款金额,费率备注';
const SUMMARY_HEADER = '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';

const yuan = (fen: number): string => (fen / 100).toFixed(2);
/** Fee in yuan with 5 decimals, as the bill prints it; rounded to the fen first. */
const feeFen = (fen: number): number => Math.round(fen * FEE_RATE);
const fee = (fen: number): string => (fen / 100).toFixed(5);
const line = (fields: (string | number)[]): string => fields.map((f) => `\`${f}`).join(',');

export interface BillFile {
  text: string;
  rows: number;
}

/** null when the merchant has no trade of that kind that day (WeChat Pay: NO_STATEMENT_EXIST). */
export function buildTradeBill(state: PayState, mchid: string, billDate: string, type: BillType): BillFile | null {
  const lines: string[] = [];
  let count = 0;
  let settledFen = 0;
  let refundFen = 0;
  let feeTotalFen = 0;
  let orderFen = 0;
  const orders = [...state.orders.values()].filter((o) => o.mchid === mchid && o.successAt !== undefined);
  if (type !== 'REFUND') {
    for (const order of orders.filter((o) => beijingDate(o.successAt ?? 0) === billDate)) {
      const orderFee = feeFen(order.totalFen);
      lines.push(
        line([
          billTime(order.successAt ?? 0),
          order.appid,
          order.mchid,
          0,
          '',
          order.transactionId ?? '',
          order.outTradeNo,
          order.openid,
          'JSAPI',
          'SUCCESS',
          'OTHERS',
          'CNY',
          yuan(order.totalFen),
          '0.00',
          0,
          0,
          '0.00',
          '0.00',
          '',
          '',
          order.description,
          order.attach ?? '',
          fee(orderFee),
          '0.60%',
          yuan(order.totalFen),
          '0.00',
          '',
        ]),
      );
      count += 1;
      settledFen += order.totalFen;
      orderFen += order.totalFen;
      feeTotalFen += orderFee;
    }
  }
  if (type !== 'SUCCESS') {
    const refunds = [...state.refunds.values()].filter(
      (r) => r.mchid === mchid && r.successAt !== undefined && beijingDate(r.successAt) === billDate,
    );
    for (const refund of refunds) {
      const order = state.order(mchid, refund.outTradeNo);
      const refundFee = -feeFen(refund.refundFen);
      lines.push(
        line([
          billTime(refund.successAt ?? 0),
          order?.appid ?? '',
          mchid,
          0,
          '',
          refund.transactionId,
          refund.outTradeNo,
          order?.openid ?? '',
          'JSAPI',
          'REFUND',
          'OTHERS',
          'CNY',
          '0.00',
          '0.00',
          refund.refundId,
          refund.outRefundNo,
          yuan(refund.refundFen),
          '0.00',
          'ORIGINAL',
          'SUCCESS',
          order?.description ?? '',
          order?.attach ?? '',
          fee(refundFee),
          '0.60%',
          '0.00',
          yuan(refund.refundFen),
          '',
        ]),
      );
      count += 1;
      refundFen += refund.refundFen;
      feeTotalFen += refundFee;
    }
  }
  if (count === 0) return null;
  const summary = line([
    count,
    yuan(settledFen),
    yuan(refundFen),
    '0.00',
    fee(feeTotalFen),
    yuan(orderFen),
    yuan(refundFen),
  ]);
  return { text: [HEADER, ...lines, SUMMARY_HEADER, summary].join('\r\n') + '\r\n', rows: count };
}
