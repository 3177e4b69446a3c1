import { In, type EntityManager } from 'typeorm';
import { DuesBill } from './dues-bill.entity';

/** How a bill got paid: WeChat Pay, cash to the branch, or by someone on the member's behalf (代缴). */
export type BillPaidVia = 'wechat' | 'cash' | 'proxy';

export interface BillPayment {
  via: BillPaidVia;
  /** ISO time the money moved (WeChat's success_time, or when the branch received the cash). */
  paidAt: string;
  /** The WeChat Pay order (out_trade_no) for `wechat`. */
  orderNo?: string | null;
  /** Staff user who recorded a cash or proxy payment. */
  recordedBy?: string | null;
  note?: string | null;
}

/**
 * Marks the given bills paid, inside the caller's transaction, and only those still `unpaid`: the
 * conditional UPDATE is what makes a duplicate notification, a concurrent cash entry or a retried job
 * a no-op. Returns how many bills this call changed; the caller compares it with what it expected
 * (a WeChat payment for bills already paid in cash is a difference to refund, never a second credit).
 */
export async function markBillsPaid(
  manager: EntityManager,
  billIds: readonly string[],
  payment: BillPayment,
): Promise<number> {
  if (billIds.length === 0) return 0;
  const result = await manager
    .createQueryBuilder()
    .update(DuesBill)
    .set({
      status: 'paid',
      paidVia: payment.via,
      paidAt: payment.paidAt,
      paidOrderNo: payment.orderNo ?? null,
      recordedBy: payment.recordedBy ?? null,
      paidNote: payment.note ?? null,
      version: () => 'version + 1',
    })
    .where({ id: In([...billIds]), status: 'unpaid' })
    .execute();
  return result.affected ?? 0;
}
