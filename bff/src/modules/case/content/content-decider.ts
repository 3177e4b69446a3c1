import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { checkCaseTransition } from '@zhili/shared';
import type { CaseStatus } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { systemActor } from '../core/case-actor';
import { CaseWorkflowService } from '../core/case-workflow.service';
import type { CaseContentCheck } from '../entities';

export const CONTENT_ACTOR_NAME = '内容安全';
export const RISKY_IMAGE_REASON = '图片含违规内容，不予受理';

export type CombinedVerdict = 'risky' | 'waiting' | 'pass';

/** Any risky check rejects; any pending or review check keeps waiting (for WeChat or for staff). */
export function combinedVerdict(rows: Pick<CaseContentCheck, 'status'>[]): CombinedVerdict {
  if (rows.some((row) => row.status === 'risky')) return 'risky';
  if (rows.some((row) => row.status === 'pending' || row.status === 'review')) return 'waiting';
  return 'pass';
}

/**
 * Turns the content checks of a case into a workflow action taken by the system: reject on risky
 * content (even after staff let the case through: illegal images must not stay on show), approve a
 * held case once everything passed. Review verdicts are left to staff in the admin.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseContentDecider {
  @Inject()
  private workflow!: CaseWorkflowService;

  @Logger()
  private logger!: ILogger;

  async decide(record: { id: string; status: CaseStatus }, rows: Pick<CaseContentCheck, 'status'>[]): Promise<void> {
    const verdict = combinedVerdict(rows);
    if (verdict === 'risky') return this.act(record, 'reject', { reason: RISKY_IMAGE_REASON });
    if (verdict === 'pass' && record.status === 'pending_review') return this.act(record, 'approve', {});
  }

  private async act(
    record: { id: string; status: CaseStatus },
    action: 'approve' | 'reject',
    input: { reason?: string },
  ): Promise<void> {
    // Already decided (e.g. rejected by a dispatcher, or further along than reject allows): nothing to do.
    if (!checkCaseTransition(record.status, action, 'system').ok) {
      if (action === 'reject' && record.status !== 'rejected') {
        this.logger.warn('[content] case %s has risky content but is %s; left to staff', record.id, record.status);
      }
      return;
    }
    try {
      await this.workflow.apply(record.id, action, systemActor(CONTENT_ACTOR_NAME), input);
    } catch (err) {
      // A concurrent staff decision won the race; theirs stands.
      if (err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'CASE_TRANSITION_INVALID')) return;
      throw err;
    }
  }
}
