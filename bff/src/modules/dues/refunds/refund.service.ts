import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, LessThan } from 'typeorm';
import type { CreateRefundBody, DuesRefundVO, RouteInput } from '@zhili/shared';
import { duesRefundRoutes } from '@zhili/shared';
import { AuditActorService, type Acting } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { InfraService } from '../../../core/infra/infra.service';
import { PartyScopeService } from '../../party';
import { WechatPayApiError } from '../pay/wechat-pay-errors';
import type { WechatPayRefund } from '../pay/wechat-pay.types';
import { PayOrder } from '../payments/pay-order.entity';
import { WechatPayProvider } from '../payments/wechat-pay.provider';
import { DuesRefund } from './dues-refund.entity';
import { RefundSettlementService } from './refund-settlement.service';
import { RefundViewService } from './refund-view.service';

/** Refunds that still count against the order: asked for, done, or stuck (ABNORMAL: money not back yet). */
const COMMITTED = ['PROCESSING', 'SUCCESS', 'ABNORMAL'] as const;
/** A PROCESSING refund is asked about again at most this often (list reads and the job). */
export const REFUND_QUERY_AFTER_MS = 60_000;

/**
 * Refunds of paid WeChat Pay dues orders (town finance, dues:finance). The refund row is written first
 * (PROCESSING, with our out_refund_no) under the order's lock, so two clicks cannot both pass the
 * "not above the order's amount" check; then WeChat Pay is asked. Its answer, the notification and the
 * query all settle through RefundSettlementService, so a refund is applied once whichever comes first.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RefundService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private infra!: InfraService;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private wechatPay!: WechatPayProvider;

  @Inject()
  private settlement!: RefundSettlementService;

  @Inject()
  private views!: RefundViewService;

  @Inject()
  private audit!: AuditActorService;

  @Logger()
  private logger!: ILogger;

  async create(acting: Acting, outTradeNo: string, body: CreateRefundBody): Promise<DuesRefundVO> {
    const client = this.wechatPay.client();
    const scope = await this.scopes.scopeOf(acting.actor);
    const refund = await this.infra.infra.lock.withLock(`dues:pay-order:${outTradeNo}`, 15_000, 15_000, () =>
      this.dataSource.transaction(async (em) => {
        const order = await em.getRepository(PayOrder).findOneBy({ outTradeNo });
        if (!order) throw new AppError('NOT_FOUND', '订单不存在');
        this.scopes.assertCovers(scope, order.orgPath);
        if (order.status !== 'paid') throw new AppError('CONFLICT', '只能对已支付（且未全额退款）的订单退款');
        const earlier = await em.getRepository(DuesRefund).find({ where: { outTradeNo, status: In([...COMMITTED]) } });
        const committed = earlier.reduce((sum, r) => sum + r.amountFen, 0);
        if (committed + body.amountFen > order.amountFen) {
          throw new AppError('VALIDATION_FAILED', undefined, [
            {
              field: 'body.amountFen',
              message: `退款总额不能超过订单金额：订单 ${yuan(order.amountFen)}，已退及退款中 ${yuan(committed)}`,
            },
          ]);
        }
        const row = em.getRepository(DuesRefund).create({
          id: randomUUID(),
          outRefundNo: `${outTradeNo}R${earlier.length + 1}${randomUUID().slice(0, 4)}`,
          outTradeNo,
          amountFen: body.amountFen,
          reason: body.reason,
          status: 'PROCESSING',
          refundId: null,
          successTime: null,
          requestedBy: acting.actor.id,
        });
        await em.getRepository(DuesRefund).insert(row);
        return { row, totalFen: order.amountFen };
      }),
    );
    const detail = { outTradeNo, outRefundNo: refund.row.outRefundNo, amountFen: body.amountFen, reason: body.reason };
    try {
      const answer = await client.refund({
        outTradeNo,
        outRefundNo: refund.row.outRefundNo,
        refundFen: body.amountFen,
        totalFen: refund.totalFen,
        reason: body.reason,
      });
      await this.settlement.settle(reportOf(answer));
    } catch (err) {
      if (err instanceof WechatPayApiError && err.status < 500) {
        // WeChat Pay refused it: no money moved, so the refund is closed and no longer counts.
        await this.dataSource
          .getRepository(DuesRefund)
          .update({ id: refund.row.id, status: 'PROCESSING' }, { status: 'CLOSED' });
        await this.audit.record(acting, {
          action: 'party.dues.refund.request',
          resourceType: 'dues_refund',
          resourceId: refund.row.outRefundNo,
          result: 'failure',
          detail: { ...detail, wechatPay: err.code },
        });
        throw new AppError('CONFLICT', `微信支付拒绝退款：${err.code}`);
      }
      // No answer (or WeChat Pay's own 5xx): whether it acted is unknown. The refund stays PROCESSING; the query (list, job)
      // asks again with the same out_refund_no, which can never refund twice.
      this.logger.warn('[dues] refund %s sent, no answer: %s', refund.row.outRefundNo, (err as Error).message);
    }
    await this.audit.record(acting, {
      action: 'party.dues.refund.request',
      resourceType: 'dues_refund',
      resourceId: refund.row.outRefundNo,
      result: 'success',
      detail,
    });
    return this.views.one(refund.row.id);
  }

  async list(acting: Acting, query: RouteInput<typeof duesRefundRoutes.list>['query']) {
    const scope = await this.scopes.scopeOf(acting.actor);
    // On read: PROCESSING refunds of the page are asked about first, so the list is current.
    const page = await this.views.page(scope, query);
    const stale = page.items.filter((r) => r.status === 'PROCESSING');
    if (stale.length && this.wechatPay.enabled) {
      await this.refresh(stale.map((r) => r.outRefundNo));
      return this.views.page(scope, query);
    }
    return page;
  }

  /** The job: every PROCESSING refund older than a minute, asked about again. */
  async refreshProcessing(now = new Date(), limit = 50): Promise<number> {
    if (!this.wechatPay.enabled) return 0;
    const rows = await this.dataSource.getRepository(DuesRefund).find({
      where: { status: 'PROCESSING', createdAt: LessThan(new Date(now.getTime() - REFUND_QUERY_AFTER_MS)) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    return this.refresh(rows.map((r) => r.outRefundNo));
  }

  /** Queries WeChat Pay for each refund and settles what it says; one failure does not stop the rest. */
  private async refresh(outRefundNos: string[]): Promise<number> {
    const client = this.wechatPay.client();
    let settled = 0;
    for (const no of outRefundNos) {
      try {
        const result = await this.settlement.settle(reportOf(await client.queryRefund(no)));
        if (result.outcome === 'applied') settled += 1;
      } catch (err) {
        if (err instanceof WechatPayApiError && err.status === 404) await this.resend(no);
        else this.logger.warn('[dues] refund %s query failed: %s', no, (err as Error).message);
      }
    }
    return settled;
  }

  /** WeChat Pay never received the refund (our request was lost): send it again with the same number. */
  private async resend(outRefundNo: string): Promise<void> {
    const refund = await this.dataSource.getRepository(DuesRefund).findOneBy({ outRefundNo, status: 'PROCESSING' });
    if (!refund) return;
    const order = await this.dataSource.getRepository(PayOrder).findOneByOrFail({ outTradeNo: refund.outTradeNo });
    try {
      const answer = await this.wechatPay.client().refund({
        outTradeNo: refund.outTradeNo,
        outRefundNo,
        refundFen: refund.amountFen,
        totalFen: order.amountFen,
        reason: refund.reason,
      });
      await this.settlement.settle(reportOf(answer));
    } catch (err) {
      this.logger.warn('[dues] refund %s resend failed: %s', outRefundNo, (err as Error).message);
    }
  }
}

function reportOf(refund: WechatPayRefund) {
  return {
    outRefundNo: refund.out_refund_no,
    outTradeNo: refund.out_trade_no,
    status: refund.status,
    refundId: refund.refund_id ?? null,
    successTime: refund.success_time ?? null,
    refundFen: refund.amount.refund,
  };
}

function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}
