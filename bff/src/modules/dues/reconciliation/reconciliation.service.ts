import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, Not } from 'typeorm';
import {
  beijingDayOf,
  parseTradeBill,
  reconcileDay,
  TradeBillFormatError,
  type ReconcileDiff,
  type ReconcileTotals,
  type TradeBillRow,
} from '@zhili/shared';
import { AuditService } from '../../../core/audit';
import type { Acting } from '../../../core/audit';
import { AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { InfraService } from '../../../core/infra/infra.service';
import { WechatPayApiError, WechatPayBillHashError } from '../pay/wechat-pay-errors';
import { WechatPayProvider } from '../payments/wechat-pay.provider';
import { DuesReconciliationDiff } from './dues-reconciliation-diff.entity';
import { DuesReconciliation } from './dues-reconciliation.entity';
import { ourSideOf } from './reconciliation-inputs';

/** What the bill download gave: rows to compare, or why there is nothing to compare with. */
type BillOutcome =
  | { ok: true; rows: TradeBillRow[]; hashOk: boolean | null; sha1: string | null; message: string | null }
  | { ok: false; hashOk: boolean | null; message: string };

const ZERO: ReconcileTotals = {
  ourPaymentCount: 0,
  theirPaymentCount: 0,
  ourRefundCount: 0,
  theirRefundCount: 0,
  ourPaidFen: 0,
  theirPaidFen: 0,
  ourRefundFen: 0,
  theirRefundFen: 0,
};

/** Identity of a difference across re-runs: a resolved one found again keeps who resolved it. */
const keyOf = (d: Pick<ReconcileDiff, 'kind' | 'outTradeNo' | 'outRefundNo'>) =>
  `${d.kind}|${d.outTradeNo}|${d.outRefundNo ?? ''}`;

/**
 * Reconciles a Beijing day against WeChat Pay's trade bill: download (SHA1 checked by the client), parse
 * (summary must match the lines), compare with our records (shared reconcileDay), store the run and one row
 * per difference. Re-running a day replaces its result under a lock, so two runs never interleave. A bill
 * that fails its hash or cannot be read is a `failed` run with the reason, never an `ok` one.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ReconciliationService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private infra!: InfraService;

  @Inject()
  private wechatPay!: WechatPayProvider;

  @Inject()
  private audit!: AuditService;

  @Inject()
  private actorAudit!: AuditActorService;

  @Logger()
  private logger!: ILogger;

  /** Runs (or re-runs) a day. `acting` null: the daily job. */
  async run(date: string, acting: Acting | null, now = new Date()): Promise<DuesReconciliation> {
    if (date > beijingDayOf(now)) {
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'body.date', message: '不能对未来的日期对账' }]);
    }
    const client = this.wechatPay.client();
    const saved = await this.infra.infra.lock.withLock(`dues:reconcile:${date}`, 120_000, 5_000, async () => {
      const bill = await this.download(client, date);
      const rows = bill.ok ? bill.rows : [];
      const result = bill.ok ? reconcileDay(date, await ourSideOf(this.dataSource, date, rows), rows) : null;
      return this.store(date, bill, result, acting?.actor.id ?? null, now);
    });
    const entry = {
      action: 'party.dues.reconcile.run' as const,
      resourceType: 'dues_reconciliation',
      resourceId: date,
      result: saved.status === 'failed' ? ('failure' as const) : ('success' as const),
      detail: { status: saved.status, differences: saved.differenceCount, message: saved.message },
    };
    if (acting) await this.actorAudit.record(acting, entry);
    else await this.audit.record({ actor: null, actorName: '每日对账', ...entry });
    if (saved.status !== 'ok')
      this.logger.warn('[dues] reconciliation %s: %s %s', date, saved.status, saved.message ?? '');
    return saved;
  }

  private async download(client: ReturnType<WechatPayProvider['client']>, date: string): Promise<BillOutcome> {
    let csv: string;
    let sha1: string;
    try {
      ({ csv, sha1 } = await client.tradeBill(date, 'ALL'));
    } catch (err) {
      if (err instanceof WechatPayBillHashError) {
        return {
          ok: false,
          hashOk: false,
          message: '账单文件的 SHA1 与微信支付给出的不符（文件可能被篡改或下载不完整），本次对账无效，请重新对账',
        };
      }
      if (err instanceof WechatPayApiError && err.code === 'NO_STATEMENT_EXIST') {
        return { ok: true, rows: [], hashOk: null, sha1: null, message: '微信支付当日无交易账单' };
      }
      const reason = err instanceof WechatPayApiError ? `${err.code} ${err.message}` : (err as Error).message;
      return { ok: false, hashOk: null, message: `下载交易账单失败：${reason}`.slice(0, 300) };
    }
    try {
      return { ok: true, rows: parseTradeBill(csv), hashOk: true, sha1, message: null };
    } catch (err) {
      if (!(err instanceof TradeBillFormatError)) throw err;
      return { ok: false, hashOk: true, message: err.message.slice(0, 300) };
    }
  }

  private store(
    date: string,
    bill: BillOutcome,
    result: { differences: ReconcileDiff[]; totals: ReconcileTotals } | null,
    ranBy: string | null,
    now: Date,
  ): Promise<DuesReconciliation> {
    return this.dataSource.transaction(async (em) => {
      const diffs = em.getRepository(DuesReconciliationDiff);
      await diffs.delete({ date, resolvedAt: IsNull() });
      const resolved = new Set((await diffs.findBy({ date, resolvedAt: Not(IsNull()) })).map(keyOf));
      const differences = result?.differences ?? [];
      for (const d of differences.filter((x) => !resolved.has(keyOf(x)))) {
        await diffs.insert({ id: randomUUID(), date, ...d, resolvedBy: null, resolvedAt: null, resolution: null });
      }
      const run = em.getRepository(DuesReconciliation).create({
        date,
        status: !bill.ok ? 'failed' : differences.length ? 'differences' : 'ok',
        ...(result?.totals ?? ZERO),
        differenceCount: differences.length,
        billHashOk: bill.hashOk,
        billSha1: bill.ok ? bill.sha1 : null,
        message: bill.message,
        ranAt: now.toISOString(),
        ranBy,
      });
      await em.getRepository(DuesReconciliation).delete({ date });
      await em.getRepository(DuesReconciliation).insert(run);
      return run;
    });
  }
}
