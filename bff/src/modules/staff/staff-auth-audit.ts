import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { limits, type AuditAction } from '@zhili/shared';
import type { ClientInfo } from '../../core/auth/session.service';
import { AuditService, type AuditResult } from '../../core/audit';
import type { StaffUser } from './staff-user.entity';

/** Authentication events of staff accounts: the `auth.*` codes of the one audit action table. */
export type StaffAuthAction = Extract<AuditAction, `auth.${string}`>;

export interface StaffAuthEvent {
  action: StaffAuthAction;
  result: AuditResult;
  /** The account, when one exists under the attempted name. */
  user: Pick<StaffUser, 'id' | 'username' | 'roles'> | null;
  /** The name typed at the login (recorded for unknown accounts too; never the password). */
  attemptedUsername?: string;
  client: ClientInfo;
  /** Context such as `reason`; never secrets (AuditService redacts secret-looking keys anyway). */
  detail?: Record<string, unknown>;
}

/** Records staff authentication events in the hash-chained audit log. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffAuthAudit {
  @Inject()
  private audit!: AuditService;

  async record(event: StaffAuthEvent): Promise<void> {
    const { user } = event;
    await this.audit.record({
      actor: user ? { kind: 'staff', id: user.id, roles: user.roles } : null,
      actorName: user?.username || (event.attemptedUsername?.trim().slice(0, limits.username.max) ?? null),
      client: event.client,
      action: event.action,
      resourceType: 'staff_user',
      resourceId: user?.id ?? null,
      result: event.result,
      detail: event.detail,
    });
  }
}
