import { randomUUID } from 'crypto';
import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  addMonths,
  beijingMonth,
  billDueOn,
  declarationForMonth,
  duesComputation,
  duesKindLabels,
  type DuesBillVO,
  type DuesKind,
  type DuesPrepayResultVO,
  type MyDuesDeclarationBody,
  type MyDuesVO,
} from '@zhili/shared';
import type { Acting } from '../../../core/audit';
import { AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { PartyMember, PartyMemberAccount } from '../../party';
import { wechatPayConfigured, type DuesEnv } from '../dues.config';
import { DuesArrearsService } from '../bills/arrears.service';
import { DuesBill } from '../bills/dues-bill.entity';
import type { DuesDeclaration } from '../bills/dues-declaration.entity';
import { DuesDeclarationService } from '../bills/declaration.service';
import { DuesNamesService } from '../bills/dues-names.service';
import { beijingYear } from '../bills/dues-time';

const RECENT_PAID = 12;

/**
 * The member's own dues in the mini-program: this month's amount with how it was computed (their own
 * income shown to them only), the base, what is owed and what was paid; declaring the year's base;
 * a voluntary extra bill. Residents are refused by the role guard (403); a member account not linked
 * to a member file gets 404 saying so.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesMpService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private declarations!: DuesDeclarationService;

  @Inject()
  private names!: DuesNamesService;

  @Inject()
  private arrears!: DuesArrearsService;

  @Inject()
  private audit!: AuditActorService;

  @Config('zhili.modules.dues')
  private env!: Partial<DuesEnv>;

  /**
   * The member file behind the caller (the guard already required the party_member role); 404 with
   * what to do when the account is not linked to a member file yet.
   */
  async memberOf(mpUserId: string): Promise<PartyMember> {
    const link = await this.dataSource.getRepository(PartyMemberAccount).findOneBy({ mpUserId });
    const member = link && (await this.dataSource.getRepository(PartyMember).findOneBy({ id: link.memberId }));
    if (!member) throw new AppError('NOT_FOUND', '您的账号尚未关联党员档案，暂不能缴纳党费，请联系所在支部书记');
    return member;
  }

  async view(mpUserId: string, now: Date = new Date()): Promise<MyDuesVO> {
    const member = await this.memberOf(mpUserId);
    const month = beijingMonth(now);
    const year = beijingYear(now);
    const decls = (await this.declarations.declarationsOf([member.id])).get(member.id) ?? [];
    const applied = declarationForMonth(decls, month);
    const repo = this.dataSource.getRepository(DuesBill);
    const [thisBill, unpaid, recentPaid, arrears, orgNames] = await Promise.all([
      repo.findOneBy({ memberId: member.id, kind: 'monthly', period: month }),
      repo.find({
        where: { memberId: member.id, status: 'unpaid' },
        order: { month: 'ASC', createdAt: 'ASC', id: 'ASC' },
      }),
      repo.find({
        where: { memberId: member.id, status: 'paid' },
        order: { paidAt: 'DESC', id: 'ASC' },
        take: RECENT_PAID,
      }),
      this.arrears.arrearsOf([member.id], now),
      this.names.orgNames([member.orgId]),
    ]);
    const name = (await this.names.memberNames([member.id])).get(member.id) ?? '';
    const views = await this.names.billViews([...unpaid, ...recentPaid]);
    const byId = new Map<string, DuesBillVO>(views.map((v) => [v.id, v]));
    const computation = applied ? this.computation(applied.declaration) : null;
    return {
      name,
      orgName: orgNames.get(member.orgId) ?? '',
      month,
      thisMonth: computation
        ? {
            amountFen: thisBill?.amountFen ?? computation.dueFen,
            explanation: computation.explanation,
            billId: thisBill?.id ?? null,
            status: thisBill?.status ?? null,
          }
        : null,
      declaration: applied ? this.ownDeclaration(applied.declaration) : null,
      needsRedeclaration: applied?.needsRedeclaration ?? false,
      canDeclare: this.canDeclare(decls, year, month),
      unpaid: unpaid.map((b) => byId.get(b.id)!),
      unpaidTotalFen: unpaid.reduce((sum, b) => sum + b.amountFen, 0),
      recentPaid: recentPaid.map((b) => byId.get(b.id)!),
      arrearsStreak: arrears.get(member.id)?.streak ?? 0,
      paymentAvailable: wechatPayConfigured(this.env),
    };
  }

  /** January (the yearly re-declaration), or any time while the year has no base yet. */
  private canDeclare(decls: readonly DuesDeclaration[], year: number, month: string): boolean {
    return month.endsWith('-01') || !decls.some((d) => d.year === year);
  }

  private computation(d: DuesDeclaration) {
    return duesComputation(d.kind as DuesKind, this.declarations.incomeOf(d) ?? 0, {
      farmerFen: d.farmerFen ?? undefined,
    });
  }

  private ownDeclaration(d: DuesDeclaration): MyDuesVO['declaration'] {
    const kind = d.kind as DuesKind;
    return {
      id: d.id,
      year: d.year,
      kind,
      kindLabel: duesKindLabels[kind],
      incomeFen: this.declarations.incomeOf(d),
      farmerFen: d.farmerFen,
      monthlyFen: d.monthlyFen,
      declaredByKind: d.declaredByKind as 'member' | 'branch',
      declaredAt: new Date(d.updatedAt).toISOString(),
      version: d.version,
    };
  }

  /** The member declares this year's base (audited: income is financial data). */
  async declare(acting: Acting, body: MyDuesDeclarationBody, now: Date = new Date()): Promise<MyDuesVO> {
    const member = await this.memberOf(acting.actor.id);
    const year = beijingYear(now);
    const decls = (await this.declarations.declarationsOf([member.id])).get(member.id) ?? [];
    if (!this.canDeclare(decls, year, beijingMonth(now)))
      throw new AppError('CONFLICT', '本年度党费基数已申报；每年一月可重新申报，其间如需更正请联系支部');
    const existing = decls.find((d) => d.year === year);
    // A farmer's amount is the branch's choice: keep the one it set, if any.
    const farmerFen = body.kind === 'farmer' ? (existing?.farmerFen ?? null) : null;
    const saved = await this.declarations.save(
      member,
      year,
      { kind: body.kind, incomeFen: body.incomeFen ?? null, farmerFen, version: existing?.version },
      { kind: 'member', id: acting.actor.id },
    );
    await this.audit.record(acting, {
      action: 'party.dues.declaration.save',
      resourceType: 'party_member',
      resourceId: member.id,
      result: 'success',
      detail: { year, kind: saved.kind, monthlyFen: saved.monthlyFen, by: 'member' },
    });
    return this.view(acting.actor.id, now);
  }

  /** A voluntary extra (自愿多交): a bill of its own this month, paid like any other. */
  async voluntary(mpUserId: string, amountFen: number, now: Date = new Date()): Promise<DuesBillVO> {
    const member = await this.memberOf(mpUserId);
    const month = beijingMonth(now);
    const id = randomUUID();
    await this.dataSource.getRepository(DuesBill).insert({
      id,
      memberId: member.id,
      orgId: member.orgId,
      orgPath: member.orgPath,
      kind: 'voluntary',
      month,
      period: id,
      amountFen,
      declarationId: null,
      title: '自愿多交党费',
      status: 'unpaid',
      dueOn: billDueOn(month),
      version: 1,
    });
    const bill = await this.dataSource.getRepository(DuesBill).findOneByOrFail({ id });
    return (await this.names.billViews([bill]))[0];
  }

  /**
   * Prepaying (预缴): the monthly bills of the next `months` months from the base that applies to each,
   * inserted ignoring duplicates of (member, kind, period) — so asking twice, or the monthly job later,
   * makes no second bill. Returns every unpaid monthly bill of those months.
   */
  async prepay(mpUserId: string, months: number, now: Date = new Date()): Promise<DuesPrepayResultVO> {
    const member = await this.memberOf(mpUserId);
    const decls = (await this.declarations.declarationsOf([member.id])).get(member.id) ?? [];
    const current = beijingMonth(now);
    const ahead = Array.from({ length: months }, (_, i) => addMonths(current, i + 1));
    const repo = this.dataSource.getRepository(DuesBill);
    for (const month of ahead) {
      const applied = declarationForMonth(decls, month);
      if (!applied) throw new AppError('CONFLICT', '请先申报党费基数，再预缴党费');
      await repo
        .createQueryBuilder()
        .insert()
        .into(DuesBill)
        .values({
          id: randomUUID(),
          memberId: member.id,
          orgId: member.orgId,
          orgPath: member.orgPath,
          kind: 'monthly',
          month,
          period: month,
          amountFen: applied.declaration.monthlyFen,
          declarationId: applied.declaration.id,
          title: null,
          status: 'unpaid',
          dueOn: billDueOn(month),
          version: 1,
        })
        .orIgnore()
        .execute();
    }
    const bills = await repo.find({
      where: { memberId: member.id, kind: 'monthly', period: In(ahead), status: 'unpaid' },
      order: { month: 'ASC' },
    });
    return { bills: await this.names.billViews(bills), totalFen: bills.reduce((sum, b) => sum + b.amountFen, 0) };
  }

  /** Bills of the caller only (another member's id answers 404). */
  async ownBills(mpUserId: string, ids: readonly string[]): Promise<DuesBill[]> {
    const member = await this.memberOf(mpUserId);
    const bills = await this.dataSource.getRepository(DuesBill).findBy({ id: In([...ids]), memberId: member.id });
    if (bills.length !== new Set(ids).size) throw new AppError('NOT_FOUND', '账单不存在');
    return bills;
  }
}
