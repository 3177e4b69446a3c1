import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import type { CreatedPayOrderVO, MpPayOrderVO } from '@zhili/shared';
import { DataSource, In } from 'typeorm';
import { AppError } from '../../../core/errors/app-error';
import { InfraService } from '../../../core/infra/infra.service';
import { LockTimeoutError } from '../../../core/infra/types';
import { MpUser } from '../../mp-user';
import { MemberAccountService } from '../../party';
import { DuesBill } from '../bills/dues-bill.entity';
import { WechatPayApiError } from '../pay/wechat-pay-errors';
import type { WechatPayClient } from '../pay/wechat-pay.client';
import {
  billSetKey,
  newOutTradeNo,
  ORDER_TTL_MS,
  orderAttach,
  orderDescription,
  REUSE_MARGIN_MS,
  sortBills,
} from './pay-order-terms';
import { PayOrder } from './pay-order.entity';
import { PaymentLedgerService } from './payment-ledger.service';
import { WechatPayProvider } from './wechat-pay.provider';

/** One member's order writes take turns (two taps on 去缴费 must not make two prepays). */
const MEMBER_LOCK_MS = 20_000;

const UNREACHABLE = '微信支付暂时不可用，请稍后再试';

export const mpOrderView = (o: PayOrder): MpPayOrderVO => ({
  outTradeNo: o.outTradeNo,
  status: o.status as MpPayOrderVO['status'],
  amountFen: o.amountFen,
  description: o.description,
  billIds: JSON.parse(o.billIds) as string[],
  paidAt: o.paidAt,
  expiresAt: o.expiresAt,
});

/**
 * A member's WeChat Pay orders: created from the member's own unpaid bills (amount = their sum,
 * payer openid from the member's mini-program account), reused while open for the same bills,
 * and completed by a query when the notification is late.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PayOrderService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private infra!: InfraService;

  @Inject()
  private wechatPay!: WechatPayProvider;

  @Inject()
  private accounts!: MemberAccountService;

  @Inject()
  private ledger!: PaymentLedgerService;

  @Logger()
  private logger!: ILogger;

  async create(mpUserId: string, billIds: readonly string[], now = new Date()): Promise<CreatedPayOrderVO> {
    const client = this.wechatPay.client();
    const member = await this.accounts.memberOf(mpUserId);
    try {
      return await this.infra.infra.lock.withLock(`dues:member-pay:${member.id}`, MEMBER_LOCK_MS, MEMBER_LOCK_MS, () =>
        this.createLocked(client, member.id, member.orgPath, mpUserId, [...new Set(billIds)], now),
      );
    } catch (err) {
      if (err instanceof LockTimeoutError) throw new AppError('CONFLICT', '正在为您下单，请稍后再试');
      throw err;
    }
  }

  private async createLocked(
    client: WechatPayClient,
    memberId: string,
    orgPath: string,
    mpUserId: string,
    billIds: string[],
    now: Date,
  ): Promise<CreatedPayOrderVO> {
    const found = await this.dataSource.getRepository(DuesBill).findBy({ id: In(billIds), memberId });
    // Another member's bill is as absent as a bill that does not exist.
    if (found.length !== billIds.length) throw new AppError('NOT_FOUND', '账单不存在');
    if (found.some((b) => b.status !== 'unpaid'))
      throw new AppError('CONFLICT', '所选账单已缴纳或已减免，请刷新后重试');
    const bills = sortBills(found);
    const key = billSetKey(billIds);

    const open = await this.dataSource.getRepository(PayOrder).findBy({ memberId, status: 'created' });
    for (const order of open) {
      const ids = JSON.parse(order.billIds) as string[];
      const reusable =
        billSetKey(ids) === key && order.prepayId && Date.parse(order.expiresAt) - now.getTime() > REUSE_MARGIN_MS;
      if (reusable) return this.payable(client, order);
      const overlaps = billSetKey(ids) === key || ids.some((id) => billIds.includes(id));
      if (overlaps && (await this.closeOpen(client, order)) === 'paid')
        throw new AppError('CONFLICT', '所选账单刚刚已支付成功，请刷新后查看');
    }

    const openid = (await this.dataSource.getRepository(MpUser).findOneBy({ id: mpUserId }))?.openid;
    if (!openid) throw new AppError('NOT_FOUND', '未找到您的微信账号');
    const order = this.dataSource.getRepository(PayOrder).create({
      outTradeNo: newOutTradeNo(now),
      memberId,
      orgPath,
      mpUserId,
      billIds: JSON.stringify(bills.map((b) => b.id)),
      amountFen: bills.reduce((sum, b) => sum + b.amountFen, 0),
      description: orderDescription(bills),
      status: 'created',
      prepayId: null,
      transactionId: null,
      paidAt: null,
      expiresAt: new Date(now.getTime() + ORDER_TTL_MS).toISOString(),
      refundedFen: 0,
      conflictFen: 0,
    });
    // The row exists before WeChat Pay hears of the order: a notification can never find it missing.
    await this.dataSource.getRepository(PayOrder).insert(order);
    try {
      order.prepayId = await client.createJsapiOrder({
        outTradeNo: order.outTradeNo,
        description: order.description,
        amountFen: order.amountFen,
        openid,
        attach: orderAttach(
          memberId,
          bills.map((b) => b.id),
        ),
        expiresAt: new Date(order.expiresAt),
      });
    } catch (err) {
      // A refusal means WeChat Pay made no order; no answer means it may have: the jobs query it later.
      if (err instanceof WechatPayApiError)
        await this.dataSource
          .getRepository(PayOrder)
          .update({ outTradeNo: order.outTradeNo, status: 'created' }, { status: 'closed' });
      this.logger.error('[dues] order %s not created at WeChat Pay: %s', order.outTradeNo, (err as Error).message);
      throw new AppError('SERVICE_UNAVAILABLE', UNREACHABLE);
    }
    await this.dataSource
      .getRepository(PayOrder)
      .update({ outTradeNo: order.outTradeNo }, { prepayId: order.prepayId });
    return this.payable(client, order);
  }

  /** requestPayment parameters, signed afresh (no second prepay for a reused order). */
  private payable(client: WechatPayClient, order: PayOrder): CreatedPayOrderVO {
    return {
      outTradeNo: order.outTradeNo,
      amountFen: order.amountFen,
      expiresAt: order.expiresAt,
      payment: client.jsapiPayParams(order.prepayId!),
    };
  }

  /**
   * Closes an open order at WeChat Pay, then here. Paid meanwhile (ORDERPAID): the payment is applied
   * through the ledger and the member is told the bills are paid; never closed locally while WeChat
   * may still take the money.
   */
  async closeOpen(client: WechatPayClient, order: PayOrder): Promise<'closed' | 'paid'> {
    try {
      await client.close(order.outTradeNo);
    } catch (err) {
      const notThere = err instanceof WechatPayApiError && err.code === 'ORDER_NOT_EXIST';
      if (err instanceof WechatPayApiError && err.code === 'ORDERPAID') {
        await this.ledger.applyQueried(client.settings, await client.queryByOutTradeNo(order.outTradeNo));
        return 'paid';
      }
      if (!notThere) {
        this.logger.error('[dues] cannot close order %s: %s', order.outTradeNo, (err as Error).message);
        throw new AppError('SERVICE_UNAVAILABLE', UNREACHABLE);
      }
    }
    await this.dataSource
      .getRepository(PayOrder)
      .update({ outTradeNo: order.outTradeNo, status: 'created' }, { status: 'closed' });
    return 'closed';
  }

  /** The member's own order; still `created`: WeChat Pay is asked, and a payment it reports is applied. */
  async ownOrder(mpUserId: string, outTradeNo: string): Promise<MpPayOrderVO> {
    const client = this.wechatPay.client();
    const member = await this.accounts.memberOf(mpUserId);
    const repo = this.dataSource.getRepository(PayOrder);
    const order = await repo.findOneBy({ outTradeNo, memberId: member.id });
    if (!order) throw new AppError('NOT_FOUND', '订单不存在');
    if (order.status !== 'created') return mpOrderView(order);
    try {
      await this.ledger.applyQueried(client.settings, await client.queryByOutTradeNo(outTradeNo));
    } catch (err) {
      // The member still sees the order as it stands here; the jobs ask again.
      this.logger.warn('[dues] query of order %s failed: %s', outTradeNo, (err as Error).message);
    }
    return mpOrderView((await repo.findOneBy({ outTradeNo }))!);
  }
}
