import { ILogger, Init, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { beijingMonth } from '@zhili/shared';
import { JobRunner } from '../../../core/jobs';
import { DuesArrearsService } from './arrears.service';
import { DuesBillGenerationService } from './bill-generation.service';

/** Hourly: the month's bills appear within the first hour of the 1st (Beijing), even after a restart. */
const BILL_JOB_INTERVAL_MS = 3_600_000;

/**
 * The monthly dues jobs: generate the Beijing month's bills (idempotent, so a restart or a second
 * worker repeating it is harmless) and remind members three to five months behind, once a month.
 * Each runs for a month once per process; `exclusive` keeps two workers from running it at once.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesBillJobs {
  @Inject()
  private jobs!: JobRunner;

  @Inject()
  private generation!: DuesBillGenerationService;

  @Inject()
  private arrears!: DuesArrearsService;

  @Logger()
  private logger!: ILogger;

  private generatedMonth: string | null = null;
  private remindedMonth: string | null = null;

  @Init()
  init(): void {
    this.jobs.register({
      name: 'dues.bills.monthly',
      intervalMs: BILL_JOB_INTERVAL_MS,
      exclusive: true,
      run: (now) => this.tick(now),
    });
  }

  async tick(now: Date = new Date()): Promise<void> {
    const month = beijingMonth(now);
    if (this.generatedMonth !== month) {
      const result = await this.generation.generate(month, { all: true });
      this.generatedMonth = month;
      this.logger.info('[dues] bills of %s: %j', month, { ...result, missingMembers: undefined });
    }
    if (this.remindedMonth !== month) {
      const sent = await this.arrears.remindDue(now);
      this.remindedMonth = month;
      if (sent > 0) this.logger.info('[dues] %d arrears reminders for %s', sent, month);
    }
  }
}
