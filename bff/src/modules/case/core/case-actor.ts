import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { hasPermission } from '@zhili/shared';
import type { CaseActorRole } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { inScope } from '../../../core/scope/data-scope';
import { AppError } from '../../../core/errors/app-error';
import type { CaseRecord } from '../entities';

/** Who acts on a case, in the state machine's terms, and as whom (for the timeline and audit). */
export interface CaseActor {
  role: CaseActorRole;
  kind: 'mp' | 'staff' | 'system' | 'external';
  id: string | null;
  name: string;
  /** The signed-in caller (absent for jobs and connectors): data scope for staff actions. */
  principal?: Principal;
}

/** An actor for jobs and connectors, e.g. `systemActor('SLA 监控')`. */
export function systemActor(name: string, kind: 'system' | 'external' = 'system'): CaseActor {
  return { role: 'system', kind, id: null, name };
}

/**
 * Decides which state-machine role a signed-in caller plays on a case. Order matters: a staff member
 * who is also the assignee acts as dispatcher only when they hold `case:dispatch` in scope.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseActorResolver {
  /**
   * The caller's role on this case, or null when they have none (then every action is refused).
   * `name` is the caller's display name (nickname / staff display name) for the timeline; `prefer`
   * picks a role when the caller has several (e.g. a dispatcher who is also the assignee).
   */
  forPrincipal(principal: Principal, record: CaseRecord, name: string, prefer?: CaseActorRole): CaseActor | null {
    const isAssignee = record.assigneeKind === principal.kind && record.assigneeId === principal.id;
    const isReporter = principal.kind === 'mp' && record.reporterKind === 'mp' && record.reporterId === principal.id;
    const isDispatcher =
      principal.kind === 'staff' &&
      hasPermission(principal.roles, 'case:dispatch', principal.grants ?? []) &&
      inScope(principal, record.scopePath);
    const roles: CaseActorRole[] = [];
    if (isDispatcher) roles.push('dispatcher');
    if (isAssignee) roles.push('assignee');
    if (isReporter) roles.push('reporter');
    const role = prefer && roles.includes(prefer) ? prefer : roles[0];
    return role ? { role, kind: principal.kind, id: principal.id, name, principal } : null;
  }

  /** Like forPrincipal, but refuses (403 CASE_ACTION_FORBIDDEN) a caller without a role. */
  require(principal: Principal, record: CaseRecord, name: string, prefer?: CaseActorRole): CaseActor {
    const actor = this.forPrincipal(principal, record, name, prefer);
    if (!actor) throw new AppError('CASE_ACTION_FORBIDDEN');
    return actor;
  }
}
