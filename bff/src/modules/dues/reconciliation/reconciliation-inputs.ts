import { Between, DataSource, In } from 'typeorm';
import { beijingDayOf, type OurPayment, type OurRefund, type TradeBillRow } from '@zhili/shared';
import { PayOrder } from '../payments/pay-order.entity';
import { DuesRefund } from '../refunds/dues-refund.entity';

const DAY_MS = 86_400_000;
/** Orders are paid within hours of being made; refunds settle within days. The windows only bound the read. */
const ORDER_LOOKBACK_DAYS = 3;
const REFUND_LOOKBACK_DAYS = 60;
const CHUNK = 500;

/** Midnight of a Beijing day as an instant. */
function beijingMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

async function inChunks<T>(keys: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) out.push(...(await load(keys.slice(i, i + CHUNK))));
  return out;
}

/**
 * Our side of a Beijing day for reconcileDay: orders and refunds that succeeded that day by our records,
 * plus every order and refund the bill names (whatever their day or state), so the comparison can tell a
 * payment we never recorded from one we recorded wrongly.
 */
export async function ourSideOf(
  dataSource: DataSource,
  date: string,
  rows: readonly TradeBillRow[],
): Promise<{ payments: OurPayment[]; refunds: OurRefund[] }> {
  const start = beijingMidnight(date);
  const end = new Date(start.getTime() + DAY_MS);
  const orderRepo = dataSource.getRepository(PayOrder);
  const refundRepo = dataSource.getRepository(DuesRefund);
  const recent = await orderRepo.find({
    where: {
      status: In(['paid', 'refunded']),
      createdAt: Between(new Date(start.getTime() - ORDER_LOOKBACK_DAYS * DAY_MS), end),
    },
  });
  const named = await inChunks(
    [...new Set(rows.filter((r) => r.tradeState === 'SUCCESS').map((r) => r.outTradeNo))],
    (chunk) => orderRepo.findBy({ outTradeNo: In(chunk) }),
  );
  const orders = new Map([...recent, ...named].map((o) => [o.outTradeNo, o]));
  const recentRefunds = await refundRepo.find({
    where: { status: 'SUCCESS', createdAt: Between(new Date(start.getTime() - REFUND_LOOKBACK_DAYS * DAY_MS), end) },
  });
  const namedRefunds = await inChunks(
    [...new Set(rows.filter((r) => r.tradeState === 'REFUND').map((r) => r.outRefundNo))],
    (chunk) => refundRepo.findBy({ outRefundNo: In(chunk) }),
  );
  const refunds = new Map([...recentRefunds, ...namedRefunds].map((r) => [r.outRefundNo, r]));
  return {
    payments: [...orders.values()].map((o) => ({
      outTradeNo: o.outTradeNo,
      amountFen: o.amountFen,
      status: o.status,
      paidOn: o.paidAt ? beijingDayOf(o.paidAt) : null,
    })),
    refunds: [...refunds.values()].map((r) => ({
      outRefundNo: r.outRefundNo,
      outTradeNo: r.outTradeNo,
      amountFen: r.amountFen,
      status: r.status,
      succeededOn: r.successTime ? beijingDayOf(r.successTime) : null,
    })),
  };
}
