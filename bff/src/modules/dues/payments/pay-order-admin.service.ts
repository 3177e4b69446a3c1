import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { maskName, type AdminPayOrderVO, type PayOrderStatus } from '@zhili/shared';
import { DataSource, In } from 'typeorm';
import type { Principal } from '../../../core/auth/principal';
import { applyPartyScope, MemberPeopleService, PartyMember, PartyOrg, PartyScopeService } from '../../party';
import { DuesBill } from '../bills/dues-bill.entity';
import { PayOrder } from './pay-order.entity';

export interface AdminOrderQuery {
  page: number;
  pageSize: number;
  orgId?: string;
  status?: PayOrderStatus;
}

/** The payments page: orders of members within the caller's party scope, newest first. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PayOrderAdminService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private people!: MemberPeopleService;

  async list(actor: Principal, query: AdminOrderQuery): Promise<{ rows: AdminPayOrderVO[]; total: number }> {
    const scope = await this.scopes.scopeOf(actor);
    let within: string | undefined;
    if (query.orgId) {
      const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: query.orgId });
      if (!org) return { rows: [], total: 0 };
      within = org.path;
    }
    const qb = this.dataSource.getRepository(PayOrder).createQueryBuilder('o');
    applyPartyScope(qb, scope, 'o.org_path', within);
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    const [orders, total] = await qb
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.out_trade_no', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { rows: await this.describe(orders), total };
  }

  private async describe(orders: PayOrder[]): Promise<AdminPayOrderVO[]> {
    if (orders.length === 0) return [];
    const billIds = orders.flatMap((o) => JSON.parse(o.billIds) as string[]);
    const bills = new Map(
      (await this.dataSource.getRepository(DuesBill).findBy({ id: In(billIds) })).map((b) => [b.id, b]),
    );
    const members = await this.dataSource
      .getRepository(PartyMember)
      .findBy({ id: In([...new Set(orders.map((o) => o.memberId))]) });
    const names = await this.people.namesOf(members);
    const orgIds = [...new Set(members.map((m) => m.orgId))];
    const orgs = new Map(
      (orgIds.length ? await this.dataSource.getRepository(PartyOrg).findBy({ id: In(orgIds) }) : []).map((o) => [
        o.id,
        o.name,
      ]),
    );
    const orgOf = new Map(members.map((m) => [m.id, orgs.get(m.orgId) ?? '']));
    return orders.map((o) => ({
      outTradeNo: o.outTradeNo,
      status: o.status as PayOrderStatus,
      amountFen: o.amountFen,
      refundedFen: o.refundedFen,
      description: o.description,
      memberId: o.memberId,
      memberName: maskName(names.get(o.memberId) ?? ''),
      orgName: orgOf.get(o.memberId) ?? '',
      transactionId: o.transactionId,
      paidAt: o.paidAt,
      expiresAt: o.expiresAt,
      createdAt: new Date(o.createdAt).toISOString(),
      bills: (JSON.parse(o.billIds) as string[]).flatMap((id) => {
        const b = bills.get(id);
        return b
          ? [{ id, kind: b.kind, month: b.month, amountFen: b.amountFen, status: b.status, paidVia: b.paidVia }]
          : [];
      }),
      billsConflict: o.conflictFen > 0,
    }));
  }
}
