import type { DistributedLock } from '../infra/types';

/** A recurring background job. */
export interface JobDefinition {
  /** Unique; also names the lock of an exclusive job. */
  name: string;
  /** Pause between the end of one tick and the start of the next. */
  intervalMs: number;
  run: (now: Date) => Promise<void>;
  /** Take a cluster-wide lock per tick, so no two nodes run this job at the same time. */
  exclusive?: boolean;
  /** Lock lifetime for exclusive jobs (must exceed the longest tick); default 5 min. */
  lockTtlMs?: number;
  /** Called when the scheduler starts / stops (e.g. to turn an on-demand trigger on and off). */
  onStart?: () => void;
  onStop?: () => Promise<void> | void;
}

export interface JobLogger {
  info(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
}

const DEFAULT_LOCK_TTL_MS = 5 * 60 * 1000;

/**
 * Runs registered jobs on timers. A job never overlaps itself in one process (the next tick is
 * scheduled after the previous finished); `exclusive` extends that across processes via the infra
 * lock. A failing tick is logged and the job keeps its schedule. Framework-free so tests can run
 * several schedulers ("nodes") against one lock.
 */
export class JobScheduler {
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<boolean>>();
  private started = false;

  constructor(
    private readonly lock: DistributedLock,
    private readonly logger: JobLogger,
    private readonly lockPrefix = 'job:',
  ) {}

  register(job: JobDefinition): void {
    if (this.jobs.has(job.name)) throw new Error(`Job ${job.name} is already registered`);
    this.jobs.set(job.name, job);
    if (this.started) this.startJob(job);
  }

  get isStarted(): boolean {
    return this.started;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs.values()) this.startJob(job);
  }

  /** Clears every timer and waits for ticks in flight; no tick starts afterwards. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running.values()]);
    for (const job of this.jobs.values()) {
      try {
        await job.onStop?.();
      } catch (err) {
        this.logger.error('[jobs] %s onStop failed: %s', job.name, (err as Error).message);
      }
    }
  }

  /**
   * One tick of a job now (also what the timer calls). Resolves false when skipped: the job is
   * already running here, or another node holds its lock. Never rejects.
   */
  runOnce(name: string, now: Date = new Date()): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`Unknown job ${name}`);
    const inFlight = this.running.get(name);
    if (inFlight) return inFlight.then(() => false);
    const tick = this.tick(job, now).finally(() => this.running.delete(name));
    this.running.set(name, tick);
    return tick;
  }

  private startJob(job: JobDefinition): void {
    try {
      job.onStart?.();
    } catch (err) {
      this.logger.error('[jobs] %s onStart failed: %s', job.name, (err as Error).message);
    }
    this.schedule(job);
  }

  private schedule(job: JobDefinition): void {
    if (!this.started) return;
    const timer = setTimeout(() => {
      this.timers.delete(job.name);
      void this.runOnce(job.name).then(() => this.schedule(job));
    }, job.intervalMs);
    // Timers alone never keep the process alive.
    timer.unref();
    this.timers.set(job.name, timer);
  }

  private async tick(job: JobDefinition, now: Date): Promise<boolean> {
    try {
      if (!job.exclusive) {
        await job.run(now);
        return true;
      }
      const handle = await this.lock.tryAcquire(`${this.lockPrefix}${job.name}`, job.lockTtlMs ?? DEFAULT_LOCK_TTL_MS);
      if (!handle) return false;
      try {
        await job.run(now);
        return true;
      } finally {
        await handle.release();
      }
    } catch (err) {
      this.logger.error(
        '[jobs] %s failed: %s',
        job.name,
        err instanceof Error ? (err.stack ?? err.message) : String(err),
      );
      return true;
    }
  }
}
