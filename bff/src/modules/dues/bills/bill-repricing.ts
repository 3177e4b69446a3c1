import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In, Like } from 'typeorm';
import { InfraService } from '../../../core/infra/infra.service';
import { PayOrder } from '../payments/pay-order.entity';
import { DuesBill } from './dues-bill.entity';
import type { DuesDeclaration } from './dues-declaration.entity';

/** The lock order creation holds per member (payments/pay-order.service.ts), so no order starts mid-change. */
const memberPayLock = (memberId: string) => `dues:member-pay:${memberId}`;
const LOCK_MS = 20_000;

/**
 * A base declared or corrected for a year re-prices that member's unpaid monthly bills of the year:
 * January's bill, made on the 1st from last year's base before the member re-declared, then asks the
 * new amount. Paid and waived bills keep theirs (money moved, or a decision was made), and so do bills
 * in an open WeChat Pay order: the member is paying the amount the order was made for.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class BillRepricing {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private infra!: InfraService;

  /** Returns how many bills changed. */
  async afterDeclaration(declaration: DuesDeclaration): Promise<number> {
    return this.infra.infra.lock.withLock(memberPayLock(declaration.memberId), LOCK_MS, LOCK_MS, async () => {
      const open = await this.dataSource
        .getRepository(PayOrder)
        .findBy({ memberId: declaration.memberId, status: 'created' });
      const inOpenOrders = new Set(open.flatMap((o) => JSON.parse(o.billIds) as string[]));
      const bills = await this.dataSource.getRepository(DuesBill).findBy({
        memberId: declaration.memberId,
        kind: 'monthly',
        status: 'unpaid',
        month: Like(`${declaration.year}-%`),
      });
      const stale = bills.filter(
        (b) =>
          !inOpenOrders.has(b.id) && (b.amountFen !== declaration.monthlyFen || b.declarationId !== declaration.id),
      );
      if (stale.length === 0) return 0;
      const result = await this.dataSource
        .createQueryBuilder()
        .update(DuesBill)
        .set({ amountFen: declaration.monthlyFen, declarationId: declaration.id, version: () => 'version + 1' })
        .where({ id: In(stale.map((b) => b.id)), status: 'unpaid' })
        .execute();
      return result.affected ?? 0;
    });
  }
}
