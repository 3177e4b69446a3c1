import { randomUUID } from 'crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  beijingDay,
  beijingMonth,
  billDueOn,
  duesBillStatusLabels,
  duesLimits,
  duesPaidViaLabels,
  type DuesBillStatus,
  type DuesBillVO,
  type DuesPaidVia,
  type DuesSpecialBody,
} from '@zhili/shared';
import type { Acting } from '../../../core/audit';
import { AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { applyPartyScope, inPartyScope, PartyMember, type PartyScope } from '../../party';
import { markBillsPaid } from './bill-payments';
import { DuesBill } from './dues-bill.entity';
import { DuesNamesService } from './dues-names.service';
import { DuesScopeService } from './dues-scope.service';

/** Noon Beijing of a day: the instant a cash or proxy payment recorded "on" that day is stored at. */
const noonBeijing = (day: string) => new Date(`${day}T12:00:00+08:00`).toISOString();

/** Why a bill can no longer be settled, in the words the branch reads. */
export function notUnpaidMessage(bill: DuesBill): string {
  if (bill.status === 'paid') {
    const via = bill.paidVia ? duesPaidViaLabels[bill.paidVia as DuesPaidVia] : '';
    const on = bill.paidAt ? beijingDay(bill.paidAt) : '';
    return `该账单已于 ${on} 通过${via}缴纳，不能重复登记`;
  }
  return `该账单${duesBillStatusLabels[bill.status as DuesBillStatus] ?? bill.status}，不能再登记`;
}

const STALE = '账单已被他人修改，请刷新后重试';

/**
 * The branch's work on bills: list them, launch special dues, record cash or a payment on the
 * member's behalf (代缴) through `markBillsPaid`, waive a bill with its reason — each within the
 * caller's party scope, at the version the caller saw, audited with who and when.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesBillActionsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scope!: DuesScopeService;

  @Inject()
  private names!: DuesNamesService;

  @Inject()
  private audit!: AuditActorService;

  async list(
    acting: Acting,
    q: { orgId?: string; month?: string; status?: string; kind?: string; q?: string; page: number; pageSize: number },
  ): Promise<{ items: DuesBillVO[]; total: number }> {
    const scope = await this.scope.scopeOf(acting.actor);
    const within = await this.scope.withinOf(q.orgId);
    const qb = applyPartyScope(
      this.dataSource.getRepository(DuesBill).createQueryBuilder('b'),
      scope,
      'b.org_path',
      within,
    );
    if (q.month) qb.andWhere('b.month = :month', { month: q.month });
    if (q.status) qb.andWhere('b.status = :status', { status: q.status });
    if (q.kind) qb.andWhere('b.kind = :kind', { kind: q.kind });
    const text = q.q?.trim();
    if (text) {
      const [sql, params] = this.names.nameCondition('pm', text);
      qb.andWhere(`b.member_id IN (SELECT pm.id FROM party_member pm WHERE ${sql})`, params);
    }
    const [bills, total] = await qb
      .orderBy('b.month', 'DESC')
      .addOrderBy('b.org_path', 'ASC')
      .addOrderBy('b.member_id', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.names.billViews(bills), total };
  }

  async special(acting: Acting, body: DuesSpecialBody, now: Date = new Date()) {
    const scope = await this.scope.scopeOf(acting.actor);
    const org = await this.scope.orgInScope(scope, body.orgId);
    const members = await this.specialMembers(scope, org.path, body.memberIds);
    const month = body.month ?? beijingMonth(now);
    const bills = members.map((m) => {
      const id = randomUUID();
      return {
        id,
        memberId: m.id,
        orgId: m.orgId,
        orgPath: m.orgPath,
        kind: 'special',
        month,
        period: id,
        amountFen: body.amountFen,
        declarationId: null,
        title: body.title,
        status: 'unpaid',
        dueOn: billDueOn(month),
        version: 1,
      };
    });
    await this.dataSource.transaction(async (em) => {
      for (const bill of bills) await em.getRepository(DuesBill).insert(bill);
    });
    await this.audit.record(acting, {
      action: 'party.dues.special.create',
      resourceType: 'party_org',
      resourceId: org.id,
      result: 'success',
      detail: { title: body.title, amountFen: body.amountFen, month, members: bills.length },
    });
    return { created: bills.length, month, title: body.title, totalFen: bills.length * body.amountFen };
  }

  /** The members a special-dues call names (each active, in the organisation's subtree), or all of them. */
  private async specialMembers(scope: PartyScope, orgPath: string, memberIds?: string[]): Promise<PartyMember[]> {
    const qb = applyPartyScope(
      this.dataSource.getRepository(PartyMember).createQueryBuilder('m'),
      scope,
      'm.org_path',
      orgPath,
    ).andWhere('m.status = :active', { active: 'active' });
    if (memberIds) qb.andWhere({ id: In(memberIds) });
    const members = await qb.orderBy('m.id', 'ASC').getMany();
    if (memberIds && members.length !== memberIds.length)
      throw new AppError('VALIDATION_FAILED', '所选党员中有人不在该组织或已不是正常状态的党员', [
        { field: 'memberIds', message: '所选党员中有人不在该组织或已不是正常状态的党员' },
      ]);
    if (members.length === 0) throw new AppError('CONFLICT', '该组织没有可生成特殊党费的党员');
    return members;
  }

  /** A bill in the caller's scope at the version they saw, still unpaid; 404 / 409 otherwise. */
  private async unpaidBill(acting: Acting, id: string, version: number): Promise<DuesBill> {
    const scope = await this.scope.scopeOf(acting.actor);
    const bill = await this.dataSource.getRepository(DuesBill).findOneBy({ id });
    if (!bill || !(await this.inScope(scope, bill))) throw new AppError('NOT_FOUND', '账单不存在或不在您的负责范围内');
    if (bill.status !== 'unpaid') throw new AppError('CONFLICT', notUnpaidMessage(bill));
    if (bill.version !== version) throw new AppError('CONFLICT', STALE);
    return bill;
  }

  /** The bill's branch when it was made, or the member's branch now (after a transfer). */
  private async inScope(scope: PartyScope, bill: DuesBill): Promise<boolean> {
    if (inPartyScope(scope, bill.orgPath)) return true;
    const member = await this.dataSource.getRepository(PartyMember).findOneBy({ id: bill.memberId });
    return !!member && inPartyScope(scope, member.orgPath);
  }

  /** Cash received by the branch, or paid on the member's behalf by `payerName` (代缴). */
  async recordPayment(
    acting: Acting,
    id: string,
    input: { via: 'cash' | 'proxy'; paidOn: string; payerName?: string; note?: string | null; version: number },
    now: Date = new Date(),
  ): Promise<DuesBillVO> {
    if (input.paidOn > beijingDay(now))
      throw new AppError('VALIDATION_FAILED', '日期不能晚于今天', [{ field: 'paidOn', message: '日期不能晚于今天' }]);
    const bill = await this.unpaidBill(acting, id, input.version);
    const note = [input.payerName ? `代缴人：${input.payerName}` : '', input.note?.trim() ?? '']
      .filter(Boolean)
      .join('；')
      .slice(0, duesLimits.noteMax);
    const changed = await this.dataSource.transaction((em) =>
      markBillsPaid(em, [bill.id], {
        via: input.via,
        paidAt: noonBeijing(input.paidOn),
        recordedBy: acting.actor.id,
        note: note || null,
      }),
    );
    const after = await this.dataSource.getRepository(DuesBill).findOneByOrFail({ id });
    // Paid meanwhile (WeChat Pay, another secretary): the conditional update changed nothing.
    if (changed === 0) throw new AppError('CONFLICT', notUnpaidMessage(after));
    await this.audit.record(acting, {
      action: input.via === 'cash' ? 'party.dues.bill.cash' : 'party.dues.bill.proxy',
      resourceType: 'dues_bill',
      resourceId: bill.id,
      result: 'success',
      detail: {
        memberId: bill.memberId,
        month: bill.month,
        amountFen: bill.amountFen,
        paidOn: input.paidOn,
        ...(input.payerName ? { payerName: input.payerName } : {}),
      },
    });
    return (await this.names.billViews([after]))[0];
  }

  /** A waiver (减免) for a good reason: the month no longer counts as arrears. */
  async waive(acting: Acting, id: string, input: { reason: string; version: number }): Promise<DuesBillVO> {
    const bill = await this.unpaidBill(acting, id, input.version);
    const result = await this.dataSource
      .createQueryBuilder()
      .update(DuesBill)
      .set({ status: 'waived', recordedBy: acting.actor.id, paidNote: input.reason, version: () => 'version + 1' })
      .where({ id: bill.id, status: 'unpaid', version: input.version })
      .execute();
    const after = await this.dataSource.getRepository(DuesBill).findOneByOrFail({ id });
    if ((result.affected ?? 0) === 0)
      throw new AppError('CONFLICT', after.status === 'unpaid' ? STALE : notUnpaidMessage(after));
    await this.audit.record(acting, {
      action: 'party.dues.bill.waive',
      resourceType: 'dues_bill',
      resourceId: bill.id,
      result: 'success',
      detail: { memberId: bill.memberId, month: bill.month, amountFen: bill.amountFen, reason: input.reason },
    });
    return (await this.names.billViews([after]))[0];
  }
}
