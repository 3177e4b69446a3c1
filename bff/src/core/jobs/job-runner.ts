import { Config, ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { CoreEnv } from '../config/core-env';
import { InfraService } from '../infra/infra.service';
import { JobDefinition, JobScheduler } from './job-scheduler';

/**
 * The process's background job runner. Features `register` their jobs at start-up (typically in an
 * `@Init()`); `configuration.ts` calls `start()` once the server listens and `stop()` on shutdown.
 * With `JOBS_ENABLED=false` (tests) nothing runs on its own; tests call the job's service directly.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class JobRunner {
  @Inject()
  private infraService!: InfraService;

  @Config('zhili.env')
  private env!: CoreEnv;

  @Logger()
  private logger!: ILogger;

  private scheduler?: JobScheduler;
  private readonly pending: JobDefinition[] = [];

  register(job: JobDefinition): void {
    if (this.scheduler) this.scheduler.register(job);
    else this.pending.push(job);
  }

  start(): void {
    if (!this.env.JOBS_ENABLED) {
      this.logger.info('[jobs] JOBS_ENABLED=false: background jobs are off');
      return;
    }
    this.scheduler ??= this.createScheduler();
    this.scheduler.start();
    this.logger.info('[jobs] started');
  }

  async stop(): Promise<void> {
    await this.scheduler?.stop();
  }

  /** Runs one tick of a registered job now (with its lock when exclusive); false when skipped. */
  runOnce(name: string, now?: Date): Promise<boolean> {
    this.scheduler ??= this.createScheduler();
    return this.scheduler.runOnce(name, now);
  }

  private createScheduler(): JobScheduler {
    const scheduler = new JobScheduler(this.infraService.infra.lock, this.logger);
    for (const job of this.pending.splice(0)) scheduler.register(job);
    return scheduler;
  }
}
