import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { DuesRefundVO, RouteInput } from '@zhili/shared';
import { duesRefundRoutes } from '@zhili/shared';
import { applyPartyScope, MemberPeopleService, PartyMember, type PartyScope } from '../../party';
import { StaffUser } from '../../staff';
import { PayOrder } from '../payments/pay-order.entity';
import { DuesRefund } from './dues-refund.entity';

/** Refund rows as the finance page lists them: with the order, the member's name and who asked. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RefundViewService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private people!: MemberPeopleService;

  /** A page of refunds whose orders lie in the caller's party scope, newest first. */
  async page(
    scope: PartyScope,
    query: RouteInput<typeof duesRefundRoutes.list>['query'],
  ): Promise<{ items: DuesRefundVO[]; total: number }> {
    const qb = this.dataSource
      .getRepository(DuesRefund)
      .createQueryBuilder('r')
      .innerJoin(PayOrder, 'o', 'o.out_trade_no = r.out_trade_no')
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    applyPartyScope(qb, scope, 'o.org_path');
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.outTradeNo) qb.andWhere('r.out_trade_no = :no', { no: query.outTradeNo });
    const [rows, total] = await qb.getManyAndCount();
    return { items: await this.toVOs(rows), total };
  }

  async one(id: string): Promise<DuesRefundVO> {
    const row = await this.dataSource.getRepository(DuesRefund).findOneByOrFail({ id });
    return (await this.toVOs([row]))[0];
  }

  private async toVOs(rows: DuesRefund[]): Promise<DuesRefundVO[]> {
    if (!rows.length) return [];
    const orders = new Map(
      (
        await this.dataSource
          .getRepository(PayOrder)
          .findBy({ outTradeNo: In([...new Set(rows.map((r) => r.outTradeNo))]) })
      ).map((o) => [o.outTradeNo, o]),
    );
    const members = await this.dataSource
      .getRepository(PartyMember)
      .findBy({ id: In([...new Set([...orders.values()].map((o) => o.memberId))]) });
    const names = await this.people.namesOf(members);
    const staff = new Map(
      (
        await this.dataSource.getRepository(StaffUser).find({
          where: { id: In([...new Set(rows.map((r) => r.requestedBy))]) },
          select: { id: true, displayName: true },
        })
      ).map((s) => [s.id, s.displayName]),
    );
    return rows.map((r) => {
      const order = orders.get(r.outTradeNo)!;
      return {
        id: r.id,
        outRefundNo: r.outRefundNo,
        outTradeNo: r.outTradeNo,
        memberId: order.memberId,
        memberName: names.get(order.memberId) ?? null,
        orgPath: order.orgPath,
        amountFen: r.amountFen,
        orderAmountFen: order.amountFen,
        orderRefundedFen: order.refundedFen,
        reason: r.reason,
        status: r.status,
        refundId: r.refundId,
        successTime: r.successTime,
        requestedBy: r.requestedBy,
        requestedByName: staff.get(r.requestedBy) ?? null,
        createdAt: new Date(r.createdAt).toISOString(),
        updatedAt: new Date(r.updatedAt).toISOString(),
      };
    });
  }
}
