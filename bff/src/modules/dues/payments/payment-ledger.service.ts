import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../../../core/audit';
import { InfraService } from '../../../core/infra/infra.service';
import { DuesBill } from '../bills/dues-bill.entity';
import { markBillsPaid } from '../bills/bill-payments';
import type { WechatPayTransaction } from '../pay/wechat-pay.types';
import { PayNotification, type PayNotificationOutcome } from './pay-notification.entity';
import { PayOrder } from './pay-order.entity';

/** Where a transaction came from: WeChat Pay's notification, or our own query (member's return, jobs). */
export type PaymentSource = 'notify' | 'query';

/** What applying a transaction did; only `applied` and `bills_conflict` changed anything. */
export type ApplyOutcome = Extract<
  PayNotificationOutcome,
  'applied' | 'duplicate' | 'bills_conflict' | 'unknown_order' | 'amount_mismatch' | 'merchant_mismatch' | 'not_success'
>;

export interface ApplyResult {
  outcome: ApplyOutcome;
  detail?: string;
  /** Bills this application marked paid (0 for everything but applied / bills_conflict). */
  billsMarked: number;
}

/** How long one order's payment may hold its lock, and how long a concurrent copy waits for it. */
const ORDER_LOCK_MS = 15_000;

/** The merchant identity a transaction must carry. */
export interface Merchant {
  mchid: string;
  appid: string;
}

/**
 * The one place a WeChat Pay transaction becomes a paid order and paid bills — for the notification
 * and for the query path alike. Under the order's lock (Redis in redis mode, so two BFF processes
 * take turns) and in ONE transaction: `created|closed → paid` by a conditional UPDATE, then
 * `markBillsPaid`. A second copy finds the order paid (`duplicate`); a wrong amount, merchant or
 * order never changes anything. See docs/PAYMENTS.md.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PaymentLedgerService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private infra!: InfraService;

  @Inject()
  private audit!: AuditService;

  @Logger()
  private logger!: ILogger;

  async apply(merchant: Merchant, t: WechatPayTransaction, source: PaymentSource): Promise<ApplyResult> {
    const no = t.out_trade_no;
    if (t.mchid !== merchant.mchid || t.appid !== merchant.appid) {
      this.logger.error('[dues] %s transaction %s of another merchant (%s / %s) refused', source, no, t.mchid, t.appid);
      return { outcome: 'merchant_mismatch', detail: `mchid ${t.mchid} appid ${t.appid}`, billsMarked: 0 };
    }
    if (t.trade_state !== 'SUCCESS') return { outcome: 'not_success', detail: t.trade_state, billsMarked: 0 };
    const result = await this.infra.infra.lock.withLock(`dues:pay-order:${no}`, ORDER_LOCK_MS, ORDER_LOCK_MS, () =>
      this.dataSource.transaction((manager) => this.applyLocked(manager, t)),
    );
    if (result.outcome === 'amount_mismatch') await this.reportAmountMismatch(t, result.detail ?? '', source);
    if (result.outcome === 'bills_conflict') await this.reportConflict(t, result.detail ?? '', source);
    return result;
  }

  private async applyLocked(manager: EntityManager, t: WechatPayTransaction): Promise<ApplyResult> {
    const order = await manager.getRepository(PayOrder).findOneBy({ outTradeNo: t.out_trade_no });
    if (!order) return { outcome: 'unknown_order', billsMarked: 0 };
    if (t.amount.total !== order.amountFen) {
      return {
        outcome: 'amount_mismatch',
        detail: `订单 ${order.amountFen} 分，通知 ${t.amount.total} 分`,
        billsMarked: 0,
      };
    }
    if (order.status === 'paid' || order.status === 'refunded') return { outcome: 'duplicate', billsMarked: 0 };
    return this.commitPayment(manager, order, t);
  }

  /**
   * The writes of a payment, inside the caller's transaction (tests make this throw to play "the BFF
   * died between verification and commit": nothing is written, WeChat Pay is asked to retry).
   */
  async commitPayment(manager: EntityManager, order: PayOrder, t: WechatPayTransaction): Promise<ApplyResult> {
    const paidAt = t.success_time ? new Date(t.success_time).toISOString() : new Date().toISOString();
    const updated = await manager
      .createQueryBuilder()
      .update(PayOrder)
      .set({
        status: 'paid',
        transactionId: t.transaction_id ?? null,
        paidAt,
        version: () => 'version + 1',
      })
      .where({ outTradeNo: order.outTradeNo, status: In(['created', 'closed']) })
      .execute();
    if ((updated.affected ?? 0) === 0) return { outcome: 'duplicate', billsMarked: 0 };
    const billIds = JSON.parse(order.billIds) as string[];
    const marked = await markBillsPaid(manager, billIds, { via: 'wechat', paidAt, orderNo: order.outTradeNo });
    if (marked === billIds.length) return { outcome: 'applied', billsMarked: marked };
    // Some bills were paid otherwise while the order was open: the money for them is owed back.
    const bills = await manager.getRepository(DuesBill).findBy({ id: In(billIds) });
    const others = bills.filter((b) => b.paidOrderNo !== order.outTradeNo);
    const conflictFen = others.reduce((sum, b) => sum + b.amountFen, 0);
    await manager.getRepository(PayOrder).update({ outTradeNo: order.outTradeNo }, { conflictFen });
    const detail = others.map((b) => `${b.month} ${b.status}${b.paidVia ? `/${b.paidVia}` : ''}`).join('，');
    return { outcome: 'bills_conflict', detail: `${conflictFen} 分重复：${detail}`.slice(0, 200), billsMarked: marked };
  }

  /**
   * The query path (the member's return, the jobs): a transaction our signed query returned goes
   * through the same `apply`; what found a payment (anything but NOTPAY & co.) is recorded as `query`.
   */
  async applyQueried(merchant: Merchant, t: WechatPayTransaction): Promise<ApplyResult> {
    const result = await this.apply(merchant, t, 'query');
    if (result.outcome !== 'not_success') {
      await this.record({
        source: 'query',
        notificationId: null,
        eventType: null,
        serial: null,
        outcome: result.outcome,
        detail: result.detail ?? null,
        outTradeNo: t.out_trade_no,
        transactionId: t.transaction_id ?? null,
        amountFen: t.amount.total,
        bodySha256: createHash('sha256').update(JSON.stringify(t)).digest('hex'),
      });
    }
    return result;
  }

  /** Appends the record of one notification (or query result); never throws into the caller's answer. */
  async record(entry: Omit<PayNotification, 'id' | 'receivedAt'> & { receivedAt?: string }): Promise<void> {
    try {
      await this.dataSource.getRepository(PayNotification).insert({
        id: randomUUID(),
        receivedAt: entry.receivedAt ?? new Date().toISOString(),
        ...entry,
        detail: entry.detail?.slice(0, 200) ?? null,
      });
    } catch (err) {
      this.logger.error('[dues] cannot record notification %s: %s', entry.notificationId, (err as Error).message);
    }
  }

  private async reportAmountMismatch(t: WechatPayTransaction, detail: string, source: PaymentSource) {
    this.logger.error('[dues] %s: order %s NOT marked paid, amount differs (%s)', source, t.out_trade_no, detail);
    await this.audit.record({
      actor: null,
      actorName: '微信支付',
      action: 'party.dues.payment.amount_mismatch',
      resourceType: 'pay_order',
      resourceId: t.out_trade_no,
      result: 'failure',
      detail: { source, amountFen: t.amount.total, transactionId: t.transaction_id ?? null, note: detail },
    });
  }

  private async reportConflict(t: WechatPayTransaction, detail: string, source: PaymentSource) {
    this.logger.warn('[dues] %s: order %s paid for bills already paid otherwise (%s)', source, t.out_trade_no, detail);
    await this.audit.record({
      actor: null,
      actorName: '微信支付',
      action: 'party.dues.payment.bills_conflict',
      resourceType: 'pay_order',
      resourceId: t.out_trade_no,
      result: 'success',
      detail: { source, transactionId: t.transaction_id ?? null, note: detail },
    });
  }
}
