import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { duesMonthlyReport, monthsBetween, reportPeriodRefusal, shanghaiDate } from '@zhili/shared';
import type { DuesMonthlyReportVO, DuesReportQuery, ReportBill } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AuditActorService, type Acting } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { applyPartyScope, PartyOrg, PartyScopeService } from '../../party';
import { DuesBill } from '../bills/dues-bill.entity';

/** The period of a query: default January of this (Beijing) year up to this month. */
export function reportPeriod(q: DuesReportQuery, now: Date): { from: string; to: string } {
  const to = q.to ?? shanghaiDate(now).slice(0, 7);
  const from = q.from ?? `${to.slice(0, 4)}-01`;
  const refusal = reportPeriodRefusal(from, to);
  if (refusal)
    throw new AppError('VALIDATION_FAILED', refusal, [
      { field: refusal.includes('格式') ? 'from' : 'to', message: refusal },
    ]);
  return { from, to };
}

/**
 * 党费收缴月报: the bills of the caller's party scope (narrowed to an organisation's subtree when
 * asked) aggregated by the shared rule per branch and month, with the town's totals. Branches are
 * the organisation each bill was made for, so a member who moved still counts where they owed.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesReportService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private audit!: AuditActorService;

  async monthly(principal: Principal, q: DuesReportQuery, now: Date = new Date()): Promise<DuesMonthlyReportVO> {
    const { from, to } = reportPeriod(q, now);
    const scope = await this.scopes.scopeOf(principal);
    let org: PartyOrg | null = null;
    if (q.orgId) {
      org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: q.orgId });
      if (!org) throw new AppError('NOT_FOUND', '党组织不存在或不在您的负责范围内');
      this.scopes.assertCovers(scope, org.path);
    }
    const bills = await applyPartyScope(
      this.dataSource.getRepository(DuesBill).createQueryBuilder('b'),
      scope,
      'b.org_path',
      org?.path,
    )
      .select('b.org_id', 'orgId')
      .addSelect('b.member_id', 'memberId')
      .addSelect('b.month', 'month')
      .addSelect('b.kind', 'kind')
      .addSelect('b.amount_fen', 'amountFen')
      .addSelect('b.status', 'status')
      .addSelect('b.paid_at', 'paidAt')
      .addSelect('b.due_on', 'dueOn')
      .andWhere('b.month >= :from AND b.month <= :to', { from, to })
      .getRawMany<ReportBill>();
    // MariaDB may hand integers back as text from a raw select.
    const report = duesMonthlyReport(
      bills.map((b) => ({ ...b, amountFen: Number(b.amountFen) })),
      monthsBetween(from, to),
    );
    const names = await this.orgNames(report.rows.map((r) => r.orgId));
    return {
      from,
      to,
      orgId: org?.id ?? null,
      orgName: org?.name ?? null,
      rows: report.rows.map((r) => ({ ...r, orgName: names.get(r.orgId) ?? '' })),
      monthTotals: report.monthTotals,
      total: report.total,
    };
  }

  async recordExport(acting: Acting, report: DuesMonthlyReportVO): Promise<void> {
    await this.audit.record(acting, {
      action: 'party.dues.report.export',
      resourceType: 'dues_report',
      resourceId: report.orgId ?? 'scope',
      result: 'success',
      detail: { from: report.from, to: report.to, rows: String(report.rows.length) },
    });
  }

  private async orgNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const orgs = await this.dataSource.getRepository(PartyOrg).findBy({ id: In(unique) });
    return new Map(orgs.map((o) => [o.id, o.name]));
  }
}
