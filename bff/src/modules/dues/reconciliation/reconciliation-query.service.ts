import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { ReconciliationDayVO, ReconciliationDiffVO, ReconciliationVO } from '@zhili/shared';
import { AuditActorService, type Acting } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { PartyScopeService } from '../../party';
import { StaffUser } from '../../staff';
import { DuesReconciliationDiff } from './dues-reconciliation-diff.entity';
import { DuesReconciliation } from './dues-reconciliation.entity';

/**
 * Reading the reconciliation and resolving its differences. The trade bill is the whole merchant's, so
 * only a town-wide party scope may see it (dues:finance is the town admin's anyway).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ReconciliationQueryService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private audit!: AuditActorService;

  async assertTownWide(acting: Acting): Promise<void> {
    const scope = await this.scopes.scopeOf(acting.actor);
    if (!scope.all) throw new AppError('FORBIDDEN', '对账涉及全镇的收款，需要全镇范围的党务权限');
  }

  async page(acting: Acting, page: number, pageSize: number): Promise<{ items: ReconciliationVO[]; total: number }> {
    await this.assertTownWide(acting);
    const [runs, total] = await this.dataSource.getRepository(DuesReconciliation).findAndCount({
      order: { date: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const open = await this.unresolvedByDate(runs.map((r) => r.date));
    return { items: runs.map((r) => toVO(r, open.get(r.date) ?? 0)), total };
  }

  async day(acting: Acting, date: string): Promise<ReconciliationDayVO> {
    await this.assertTownWide(acting);
    const run = await this.dataSource.getRepository(DuesReconciliation).findOneBy({ date });
    if (!run) throw new AppError('NOT_FOUND', '该日尚未对账');
    const diffs = await this.dataSource
      .getRepository(DuesReconciliationDiff)
      .find({ where: { date }, order: { kind: 'ASC', outTradeNo: 'ASC', id: 'ASC' } });
    const unresolved = diffs.filter((d) => !d.resolvedAt).length;
    return { run: toVO(run, unresolved), differences: await this.diffVOs(diffs) };
  }

  async resolve(acting: Acting, date: string, id: string, resolution: string): Promise<ReconciliationDiffVO> {
    await this.assertTownWide(acting);
    const repo = this.dataSource.getRepository(DuesReconciliationDiff);
    const diff = await repo.findOneBy({ id, date });
    if (!diff) throw new AppError('NOT_FOUND', '差异不存在');
    const resolvedAt = new Date().toISOString();
    const changed = await repo.update(
      { id, resolvedAt: IsNull() },
      { resolvedBy: acting.actor.id, resolvedAt, resolution },
    );
    if (!changed.affected) throw new AppError('CONFLICT', '这条差异已经处理过了');
    await this.audit.record(acting, {
      action: 'party.dues.reconcile.resolve',
      resourceType: 'dues_reconciliation_diff',
      resourceId: id,
      result: 'success',
      detail: { date, kind: diff.kind, outTradeNo: diff.outTradeNo, resolution },
    });
    return (await this.diffVOs([await repo.findOneByOrFail({ id })]))[0];
  }

  private async unresolvedByDate(dates: string[]): Promise<Map<string, number>> {
    if (!dates.length) return new Map();
    const rows = await this.dataSource
      .getRepository(DuesReconciliationDiff)
      .createQueryBuilder('d')
      .select('d.date', 'date')
      .addSelect('COUNT(*)', 'n')
      .where({ date: In(dates), resolvedAt: IsNull() })
      .groupBy('d.date')
      .getRawMany<{ date: string; n: string | number }>();
    return new Map(rows.map((r) => [r.date, Number(r.n)]));
  }

  private async diffVOs(diffs: DuesReconciliationDiff[]): Promise<ReconciliationDiffVO[]> {
    const ids = [...new Set(diffs.flatMap((d) => (d.resolvedBy ? [d.resolvedBy] : [])))];
    const names = new Map(
      ids.length
        ? (
            await this.dataSource
              .getRepository(StaffUser)
              .find({ where: { id: In(ids) }, select: { id: true, displayName: true } })
          ).map((s) => [s.id, s.displayName])
        : [],
    );
    return diffs.map((d) => ({
      id: d.id,
      date: d.date,
      kind: d.kind,
      outTradeNo: d.outTradeNo,
      outRefundNo: d.outRefundNo,
      ourFen: d.ourFen,
      theirFen: d.theirFen,
      note: d.note,
      resolvedBy: d.resolvedBy,
      resolvedByName: d.resolvedBy ? (names.get(d.resolvedBy) ?? null) : null,
      resolvedAt: d.resolvedAt,
      resolution: d.resolution,
    }));
  }
}

export function toVO(run: DuesReconciliation, unresolvedCount: number): ReconciliationVO {
  return {
    date: run.date,
    status: run.status,
    ourPaymentCount: run.ourPaymentCount,
    theirPaymentCount: run.theirPaymentCount,
    ourRefundCount: run.ourRefundCount,
    theirRefundCount: run.theirRefundCount,
    ourPaidFen: run.ourPaidFen,
    theirPaidFen: run.theirPaidFen,
    ourRefundFen: run.ourRefundFen,
    theirRefundFen: run.theirRefundFen,
    differenceCount: run.differenceCount,
    unresolvedCount,
    billHashOk: run.billHashOk === null ? null : Boolean(run.billHashOk),
    message: run.message,
    ranAt: run.ranAt,
    ranBy: run.ranBy,
  };
}
