import { ILogger, Init, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { JobRunner } from '../../../core/jobs';
import { WechatPayProvider } from '../payments/wechat-pay.provider';
import { RefundService } from './refund.service';

/**
 * `dues.refund.query` (every 5 minutes, one node): refunds still PROCESSING a minute after they were asked
 * for are queried, so a lost refund notification never leaves one hanging.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RefundJobs {
  @Inject()
  private jobs!: JobRunner;

  @Inject()
  private wechatPay!: WechatPayProvider;

  @Inject()
  private refunds!: RefundService;

  @Logger()
  private logger!: ILogger;

  @Init()
  init(): void {
    if (!this.wechatPay.enabled) return;
    this.jobs.register({
      name: 'dues.refund.query',
      intervalMs: 5 * 60_000,
      exclusive: true,
      run: async (now) => {
        const settled = await this.refunds.refreshProcessing(now);
        if (settled) this.logger.info('[dues] refund query settled %d', settled);
      },
    });
  }
}
