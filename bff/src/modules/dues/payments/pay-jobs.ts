import { ILogger, Init, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, LessThan, MoreThan } from 'typeorm';
import { JobRunner } from '../../../core/jobs';
import { WechatPayApiError } from '../pay/wechat-pay-errors';
import { PayOrder } from './pay-order.entity';
import { PayOrderService } from './pay-order.service';
import { PaymentLedgerService } from './payment-ledger.service';
import { WechatPayProvider } from './wechat-pay.provider';

/** An order this long without its notification is asked about (WeChat Pay usually notifies in seconds). */
export const QUERY_AFTER_MS = 2 * 60_000;
/** Orders per tick; a backlog drains over a few minutes instead of one long tick. */
const BATCH = 100;

export interface PayJobResult {
  queried: number;
  applied: number;
  closed: number;
}

/**
 * Background work on WeChat Pay orders, every minute on one node (exclusive jobs):
 * - `dues.pay.query`: orders still `created` 2 minutes after they were made are queried — a lost or
 *   late notification is completed through the same ledger as the notification;
 * - `dues.pay.close`: orders past their expiry are queried first (they may have been paid at the last
 *   second), then closed at WeChat Pay and here.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PayJobs {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private jobs!: JobRunner;

  @Inject()
  private wechatPay!: WechatPayProvider;

  @Inject()
  private ledger!: PaymentLedgerService;

  @Inject()
  private orders!: PayOrderService;

  @Logger()
  private logger!: ILogger;

  @Init()
  init(): void {
    if (!this.wechatPay.enabled) return;
    const log = (name: string, r: PayJobResult) => {
      if (r.applied + r.closed > 0) this.logger.info('[dues] %s %j', name, r);
    };
    this.jobs.register({
      name: 'dues.pay.query',
      intervalMs: 60_000,
      exclusive: true,
      run: async (now) => log('query', await this.queryPending(now)),
    });
    this.jobs.register({
      name: 'dues.pay.close',
      intervalMs: 60_000,
      exclusive: true,
      run: async (now) => log('close', await this.closeExpired(now)),
    });
  }

  /** Unexpired orders without news for QUERY_AFTER_MS (a wrong-amount order is left to a person). */
  async queryPending(now: Date = new Date()): Promise<PayJobResult> {
    const result: PayJobResult = { queried: 0, applied: 0, closed: 0 };
    const client = this.wechatPay.client();
    const due = await this.dataSource
      .getRepository(PayOrder)
      .createQueryBuilder('o')
      .where({ status: 'created', createdAt: LessThan(new Date(now.getTime() - QUERY_AFTER_MS)) })
      .andWhere({ expiresAt: MoreThan(now.toISOString()) })
      // pay_notification (PayNotification): an order whose payment came with another amount waits for a person.
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM pay_notification n WHERE n.out_trade_no = o.out_trade_no AND n.outcome = 'amount_mismatch')`,
      )
      .orderBy('o.created_at', 'ASC')
      .take(BATCH)
      .getMany();
    for (const order of due) {
      try {
        result.queried += 1;
        const applied = await this.ledger.applyQueried(
          client.settings,
          await client.queryByOutTradeNo(order.outTradeNo),
        );
        if (applied.billsMarked > 0 || applied.outcome === 'applied') result.applied += 1;
      } catch (err) {
        this.logger.warn('[dues] query of %s failed: %s', order.outTradeNo, (err as Error).message);
      }
    }
    return result;
  }

  /** Expired orders: queried first (paid → applied), otherwise closed at WeChat Pay and here. */
  async closeExpired(now: Date = new Date()): Promise<PayJobResult> {
    const result: PayJobResult = { queried: 0, applied: 0, closed: 0 };
    const client = this.wechatPay.client();
    const expired = await this.dataSource.getRepository(PayOrder).find({
      where: { status: 'created', expiresAt: LessThan(now.toISOString()) },
      order: { expiresAt: 'ASC' },
      take: BATCH,
    });
    for (const order of expired) {
      try {
        result.queried += 1;
        const t = await client.queryByOutTradeNo(order.outTradeNo).catch((err: unknown) => {
          if (err instanceof WechatPayApiError && err.code === 'ORDER_NOT_EXIST') return null;
          throw err;
        });
        if (t?.trade_state === 'SUCCESS') {
          const applied = await this.ledger.applyQueried(client.settings, t);
          if (applied.outcome === 'applied' || applied.outcome === 'bills_conflict') result.applied += 1;
          continue;
        }
        if ((await this.orders.closeOpen(client, order)) === 'closed') result.closed += 1;
        else result.applied += 1;
      } catch (err) {
        this.logger.warn('[dues] closing %s failed: %s', order.outTradeNo, (err as Error).message);
      }
    }
    return result;
  }
}
