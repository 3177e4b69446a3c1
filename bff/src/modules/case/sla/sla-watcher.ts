import { Config, ILogger, Init, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { caseLimits, checkCaseTransition, openCaseStatuses } from '@zhili/shared';
import type { CaseEnv } from '../case.config';
import { JobRunner } from '../../../core/jobs';
import { CaseRecord, CaseWorkflowService, systemActor } from '../index';

const DAY_MS = 86_400_000;
/** Cases handled per step and tick: a backlog drains over a few ticks instead of one long one. */
export const SLA_BATCH_SIZE = 200;
export const SLA_ACTOR_NAME = 'SLA 监控';
export const AUTO_ESCALATE_REASON = '超时未办结，自动上报';

/** What one tick did (for logs and tests). */
export interface SlaTickResult {
  warned: number;
  overdue: number;
  escalated: number;
  closed: number;
}

/**
 * Watches deadlines (an exclusive job: one node per tick): open cases past `warn_at` get an
 * `sla_warning`, past `due_at` an `overdue` event and — once, when not escalated yet — escalation to
 * the town; resolved cases nobody rated close themselves as fixed after `caseLimits.autoCloseDays`.
 * Each case is its own transaction through the workflow, so one failure never blocks the rest, and
 * the marks (`warned_at`, `overdue_at`) make every step happen once.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class SlaWatcher {
  @InjectEntityModel(CaseRecord)
  private cases!: Repository<CaseRecord>;

  @Inject()
  private workflow!: CaseWorkflowService;

  @Inject()
  private jobs!: JobRunner;

  @Config('zhili.modules.case')
  private env!: CaseEnv;

  @Logger()
  private logger!: ILogger;

  @Init()
  init(): void {
    this.jobs.register({
      name: 'case.sla',
      intervalMs: this.env.SLA_WATCH_INTERVAL_MS,
      exclusive: true,
      run: async (now) => {
        const result = await this.tick(now);
        if (result.warned + result.overdue + result.closed > 0) this.logger.info('[sla] %j', result);
      },
    });
  }

  async tick(now: Date = new Date()): Promise<SlaTickResult> {
    const result: SlaTickResult = { warned: 0, overdue: 0, escalated: 0, closed: 0 };
    // Overdue first: a case past both marks gets one `overdue` event, not a late warning as well.
    await this.markOverdue(now, result);
    await this.warn(now, result);
    await this.autoClose(now, result);
    return result;
  }

  private async markOverdue(now: Date, result: SlaTickResult): Promise<void> {
    const due = await this.cases.find({
      where: { status: In([...openCaseStatuses]), dueAt: LessThanOrEqual(now), overdueAt: IsNull() },
      order: { dueAt: 'ASC' },
      take: SLA_BATCH_SIZE,
    });
    for (const record of due) {
      await this.step(record, 'overdue', async () => {
        const updated = await this.workflow.recordEvent(
          record.id,
          { type: 'overdue', data: { dueAt: record.dueAt ? new Date(record.dueAt).toISOString() : null } },
          systemActor(SLA_ACTOR_NAME),
          { overdueAt: now, warnedAt: record.warnedAt ?? now },
          now,
        );
        result.overdue += 1;
        if (updated.escalationLevel === null && checkCaseTransition(updated.status, 'escalate', 'system').ok) {
          await this.workflow.apply(
            record.id,
            'escalate',
            systemActor(SLA_ACTOR_NAME),
            { level: 'town', reason: AUTO_ESCALATE_REASON },
            updated.version,
            now,
          );
          result.escalated += 1;
        }
      });
    }
  }

  private async warn(now: Date, result: SlaTickResult): Promise<void> {
    const soon = await this.cases.find({
      where: { status: In([...openCaseStatuses]), warnAt: LessThanOrEqual(now), warnedAt: IsNull() },
      order: { warnAt: 'ASC' },
      take: SLA_BATCH_SIZE,
    });
    for (const record of soon) {
      await this.step(record, 'sla_warning', async () => {
        await this.workflow.recordEvent(
          record.id,
          { type: 'sla_warning', data: { dueAt: record.dueAt ? new Date(record.dueAt).toISOString() : null } },
          systemActor(SLA_ACTOR_NAME),
          { warnedAt: now },
          now,
        );
        result.warned += 1;
      });
    }
  }

  private async autoClose(now: Date, result: SlaTickResult): Promise<void> {
    const cutoff = new Date(now.getTime() - caseLimits.autoCloseDays * DAY_MS);
    const stale = await this.cases.find({
      where: { status: 'resolved', resolvedAt: LessThanOrEqual(cutoff) },
      order: { resolvedAt: 'ASC' },
      take: SLA_BATCH_SIZE,
    });
    for (const record of stale) {
      await this.step(record, 'auto-close', async () => {
        await this.workflow.apply(
          record.id,
          'close',
          systemActor(SLA_ACTOR_NAME),
          { outcome: 'fixed' },
          record.version,
          now,
        );
        result.closed += 1;
      });
    }
  }

  /** Runs one case's step; a failure (e.g. someone changed the case meanwhile) waits for the next tick. */
  private async step(record: CaseRecord, what: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.logger.warn('[sla] %s of case %s skipped: %s', what, record.no, (err as Error).message);
    }
  }
}
