import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { AuditAction } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';
import { Acting, AuditActorService } from '../../core/audit';

export type { Acting };

/** Audit records of account administration (resource type `staff_user`); refusals become `denied`. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffAdminAudit {
  @Inject()
  private audit!: AuditActorService;

  async record(
    acting: Acting,
    action: AuditAction,
    resourceId: string | null,
    result: 'success' | 'denied',
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(acting, { action, resourceType: 'staff_user', resourceId, result, detail });
  }

  /** Records a refused attempt, then refuses it (403 FORBIDDEN with a Chinese reason). */
  async deny(
    acting: Acting,
    action: AuditAction,
    resourceId: string | null,
    reason: string,
    message: string,
  ): Promise<never> {
    await this.record(acting, action, resourceId, 'denied', { reason });
    throw new AppError('FORBIDDEN', message);
  }
}
