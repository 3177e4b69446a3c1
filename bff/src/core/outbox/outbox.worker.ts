import { Config, Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { CoreEnv } from '../config/core-env';
import { JobRunner } from '../jobs/job-runner';
import { OutboxService } from './outbox.service';

/**
 * Delivers the outbox in the background: a poll every OUTBOX_POLL_MS (retries, other nodes' rows,
 * messages enqueued with a delay) plus immediate passes on `OutboxService.kick()` while running.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OutboxWorker {
  @Inject()
  private jobs!: JobRunner;

  @Inject()
  private outbox!: OutboxService;

  @Config('zhili.env')
  private env!: CoreEnv;

  @Init()
  init(): void {
    this.jobs.register({
      name: 'outbox',
      intervalMs: this.env.OUTBOX_POLL_MS,
      // Not exclusive: rows are claimed one by one, so every node can deliver in parallel.
      run: () => this.outbox.runInBackground(),
      onStart: () => {
        this.outbox.setAutoDelivery(true);
        this.outbox.kick();
      },
      onStop: async () => {
        this.outbox.setAutoDelivery(false);
        await this.outbox.idle();
      },
    });
  }
}
