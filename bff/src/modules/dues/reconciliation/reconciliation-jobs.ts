import { ILogger, Init, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { beijingDayOf } from '@zhili/shared';
import { JobRunner } from '../../../core/jobs';
import { WechatPayProvider } from '../payments/wechat-pay.provider';
import { DuesReconciliation } from './dues-reconciliation.entity';
import { ReconciliationService } from './reconciliation.service';

/** WeChat Pay publishes a day's trade bill from 10:00 Beijing time the next day. */
export const RECONCILE_FROM_BEIJING_HOUR = 10;
/** A failed daily run (WeChat Pay unreachable, bill not ready) is tried again after this long. */
export const RECONCILE_RETRY_MS = 60 * 60_000;

/**
 * `dues.reconcile.daily` (every 15 minutes, one node): from 10:00 Beijing time, yesterday is reconciled
 * once; a failed run is retried hourly. Runs by staff (POST) count as done.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ReconciliationJobs {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private jobs!: JobRunner;

  @Inject()
  private wechatPay!: WechatPayProvider;

  @Inject()
  private reconciliation!: ReconciliationService;

  @Logger()
  private logger!: ILogger;

  @Init()
  init(): void {
    if (!this.wechatPay.enabled) return;
    this.jobs.register({
      name: 'dues.reconcile.daily',
      intervalMs: 15 * 60_000,
      exclusive: true,
      run: async (now) => {
        const date = await this.due(now);
        if (date) await this.reconciliation.run(date, null, now);
      },
    });
  }

  /** The day to reconcile now, if any: yesterday (Beijing) after 10:00, unless done or failed recently. */
  async due(now: Date): Promise<string | null> {
    const beijingHour = new Date(now.getTime() + 8 * 3600_000).getUTCHours();
    if (beijingHour < RECONCILE_FROM_BEIJING_HOUR) return null;
    const yesterday = beijingDayOf(new Date(now.getTime() - 86_400_000));
    const last = await this.dataSource.getRepository(DuesReconciliation).findOneBy({ date: yesterday });
    if (!last) return yesterday;
    if (last.status === 'failed' && now.getTime() - Date.parse(last.ranAt) >= RECONCILE_RETRY_MS) {
      this.logger.info('[dues] reconciliation of %s failed before, retrying', yesterday);
      return yesterday;
    }
    return null;
  }
}
