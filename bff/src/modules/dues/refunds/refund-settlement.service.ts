import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../../core/audit';
import { InfraService } from '../../../core/infra/infra.service';
import { DuesBill } from '../bills/dues-bill.entity';
import { PayOrder } from '../payments/pay-order.entity';
import type { RefundStatus } from '../pay/wechat-pay.types';
import { DuesRefund } from './dues-refund.entity';

/** What WeChat Pay says became of a refund (from its notification, the refund answer, or our query). */
export interface RefundReport {
  outRefundNo: string;
  outTradeNo: string;
  status: RefundStatus;
  refundId: string | null;
  successTime: string | null;
  refundFen: number;
}

export type SettleOutcome = 'applied' | 'duplicate' | 'unknown_order' | 'amount_mismatch' | 'not_success';

/**
 * The same lock the payment ledger takes for an order (`dues:pay-order:<no>`): a refund's settlement and
 * a late payment notification of the same order take turns, in every BFF process.
 */
const orderLock = (outTradeNo: string) => `dues:pay-order:${outTradeNo}`;
const LOCK_MS = 15_000;

/**
 * The one place a refund's outcome is applied — for the notification, the refund API's answer and the
 * query alike — exactly once: under the order's lock and in one transaction, a conditional UPDATE moves
 * the refund out of PROCESSING/ABNORMAL; only that UPDATE's winner adds the amount to the order. A full
 * refund (refunded = amount) makes the order `refunded` and its WeChat-paid bills `refunded`; a partial
 * one keeps the bills paid (the refund list shows it).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RefundSettlementService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private infra!: InfraService;

  @Inject()
  private audit!: AuditService;

  @Logger()
  private logger!: ILogger;

  async settle(report: RefundReport): Promise<{ outcome: SettleOutcome; detail?: string }> {
    const result = await this.infra.infra.lock.withLock(orderLock(report.outTradeNo), LOCK_MS, LOCK_MS, () =>
      this.dataSource.transaction(async (em) => {
        const refund = await em.getRepository(DuesRefund).findOneBy({ outRefundNo: report.outRefundNo });
        if (!refund || refund.outTradeNo !== report.outTradeNo) {
          return { outcome: 'unknown_order' as const, detail: `未知退款单 ${report.outRefundNo}` };
        }
        if (refund.amountFen !== report.refundFen) {
          return {
            outcome: 'amount_mismatch' as const,
            detail: `退款金额不符：本系统 ${refund.amountFen} 分，微信支付 ${report.refundFen} 分`,
          };
        }
        if (report.status === 'PROCESSING') {
          if (report.refundId && !refund.refundId) {
            await em.getRepository(DuesRefund).update({ id: refund.id }, { refundId: report.refundId });
          }
          return { outcome: 'not_success' as const, detail: 'PROCESSING' };
        }
        const moved = await em
          .createQueryBuilder()
          .update(DuesRefund)
          .set({ status: report.status, refundId: report.refundId ?? refund.refundId, successTime: report.successTime })
          .where({ id: refund.id, status: In(['PROCESSING', 'ABNORMAL']) })
          .execute();
        // ABNORMAL → ABNORMAL again is not news; SUCCESS and CLOSED are final.
        if (!moved.affected || (refund.status === 'ABNORMAL' && report.status === 'ABNORMAL')) {
          return { outcome: 'duplicate' as const, detail: `已是 ${refund.status}` };
        }
        if (report.status !== 'SUCCESS') return { outcome: 'applied' as const, detail: report.status };
        await em
          .createQueryBuilder()
          .update(PayOrder)
          .set({ refundedFen: () => `refunded_fen + ${Number(refund.amountFen)}`, version: () => 'version + 1' })
          .where({ outTradeNo: refund.outTradeNo })
          .execute();
        const order = await em.getRepository(PayOrder).findOneByOrFail({ outTradeNo: refund.outTradeNo });
        if (order.refundedFen >= order.amountFen) {
          await em
            .getRepository(PayOrder)
            .update({ outTradeNo: order.outTradeNo, status: 'paid' }, { status: 'refunded' });
          const billIds = JSON.parse(order.billIds) as string[];
          if (billIds.length) {
            // Only the bills this order paid: one paid in cash meanwhile is not this refund's business.
            await em
              .createQueryBuilder()
              .update(DuesBill)
              .set({ status: 'refunded', version: () => 'version + 1' })
              .where({ id: In(billIds), paidOrderNo: order.outTradeNo, status: 'paid' })
              .execute();
          }
          return { outcome: 'applied' as const, detail: 'SUCCESS（全额）' };
        }
        return { outcome: 'applied' as const, detail: 'SUCCESS（部分）' };
      }),
    );
    if (result.outcome === 'applied') {
      await this.audit.record({
        actor: null,
        action: 'party.dues.refund.settle',
        resourceType: 'dues_refund',
        resourceId: report.outRefundNo,
        result: report.status === 'SUCCESS' ? 'success' : 'failure',
        detail: { outTradeNo: report.outTradeNo, status: report.status, refundFen: report.refundFen },
      });
    } else if (result.outcome === 'amount_mismatch' || result.outcome === 'unknown_order') {
      this.logger.error('[dues] refund %s not applied: %s', report.outRefundNo, result.detail);
    }
    return result;
  }
}
