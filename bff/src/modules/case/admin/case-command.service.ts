import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { caseTransitions, errorCatalogue } from '@zhili/shared';
import type { CaseAction, CaseActionBody, CaseActorRole, CaseBatchResult, CaseDetailVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { inScope } from '../../../core/scope/data-scope';
import { Acting, AuditActorService } from '../../../core/audit';
import { MpUser } from '../../mp-user';
import { RegionService } from '../../region';
import { StaffUser } from '../../staff';
import { CaseActorResolver } from '../core/case-actor';
import { CaseViewsService } from '../core/case-views.service';
import { CaseWorkflowService } from '../core/case-workflow.service';
import type { CaseRecord } from '../entities';
import { CaseAdminQueryService } from './case-query.service';

/** Actions recorded in the audit log (they end, move or re-open a case outside the normal line). */
const AUDITED_ACTIONS: ReadonlySet<CaseAction> = new Set([
  'reject',
  'close',
  'reopen',
  'merge',
  'transfer',
  'escalate',
]);

/**
 * The role a staff member plays for `action`: dispatcher where the table allows it, else assignee
 * (a staff worker starting or returning a case dispatched to them).
 */
function preferredRole(action: CaseAction): CaseActorRole {
  return caseTransitions[action]?.actors.includes('dispatcher') ? 'dispatcher' : 'assignee';
}

/** Staff actions on cases: state changes, notes, batch dispatch. Everything is scoped first. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseAdminCommandService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private query!: CaseAdminQueryService;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private actors!: CaseActorResolver;

  @Inject()
  private workflow!: CaseWorkflowService;

  @Inject()
  private views!: CaseViewsService;

  @Inject()
  private audit!: AuditActorService;

  @Logger()
  private logger!: ILogger;

  /** The staff member's display name, as the timeline shows it. */
  async displayName(principal: Principal): Promise<string> {
    const user = await this.dataSource
      .getRepository(StaffUser)
      .findOne({ where: { id: principal.id }, select: { id: true, displayName: true } });
    return user?.displayName ?? '工作人员';
  }

  /** Takes `body.action` on an in-scope case and answers the fresh detail. */
  async act(acting: Acting, id: string, body: CaseActionBody): Promise<CaseDetailVO> {
    const principal = acting.actor;
    const record = await this.query.getInScope(principal, id);
    await this.checkTargets(principal, body);
    const actor = this.actors.require(principal, record, await this.displayName(principal), preferredRole(body.action));
    const { action, version, ...inputs } = body;
    const updated = await this.workflow.apply(record.id, action, actor, inputs, version);
    if (AUDITED_ACTIONS.has(action)) await this.auditAction(acting, record, updated, body);
    return this.views.detail(updated, principal);
  }

  /** Appends a progress note (with photos) as the staff member. */
  async note(acting: Acting, id: string, note: string, photoIds: string[] = []): Promise<CaseDetailVO> {
    const principal = acting.actor;
    const record = await this.query.getInScope(principal, id);
    const actor = this.actors.require(principal, record, await this.displayName(principal), 'dispatcher');
    const updated = await this.workflow.addNote(record.id, actor, note, photoIds);
    return this.views.detail(updated, principal);
  }

  /**
   * Dispatches each case on its own (sequentially, one transaction each): a case that cannot be
   * dispatched (out of scope, wrong status, changed meanwhile) is reported and the rest go on.
   */
  async batchDispatch(
    acting: Acting,
    caseIds: readonly string[],
    assignee: { kind: 'mp' | 'staff'; id: string },
  ): Promise<CaseBatchResult> {
    const result: CaseBatchResult = { succeeded: [], failed: [] };
    // Checked once up front: a worker outside the scope is a bad request as a whole (404), not per case.
    await this.checkTargets(acting.actor, { action: 'dispatch', assignee });
    for (const id of caseIds) {
      try {
        await this.act(acting, id, { action: 'dispatch', assignee });
        result.succeeded.push(id);
      } catch (err) {
        if (err instanceof AppError) {
          result.failed.push({ id, code: err.code, message: err.message });
        } else {
          this.logger.error('batch dispatch of case %s failed: %s', id, err);
          result.failed.push({ id, code: 'INTERNAL', message: errorCatalogue.INTERNAL.message });
        }
      }
    }
    return result;
  }

  /**
   * A transfer target and a dispatch assignee must lie in the caller's scope (404 like every
   * out-of-scope id). The workflow checks again inside its transaction; this answers before any work.
   */
  private async checkTargets(
    principal: Principal,
    body: Pick<CaseActionBody, 'action' | 'assignee' | 'targetRegionId'>,
  ): Promise<void> {
    if (body.action === 'transfer' && body.targetRegionId)
      await this.regions.getInScope(principal, body.targetRegionId);
    if (body.action === 'dispatch' && body.assignee) {
      const path = await this.assigneePath(body.assignee);
      if (!path || !inScope(principal, path)) throw new AppError('NOT_FOUND', '处理人不存在或不在您的管辖范围内');
    }
  }

  private async assigneePath(ref: { kind: 'mp' | 'staff'; id: string }): Promise<string | null> {
    if (ref.kind === 'mp') {
      const user = await this.dataSource
        .getRepository(MpUser)
        .findOne({ where: { id: ref.id }, select: { id: true, roles: true, scopePath: true, regionId: true } });
      return user && user.regionId && user.roles.includes('grid_worker') ? user.scopePath : null;
    }
    const staff = await this.dataSource
      .getRepository(StaffUser)
      .findOne({ where: { id: ref.id }, select: { id: true, status: true, scopePath: true } });
    return staff?.status === 'active' ? staff.scopePath : null;
  }

  private async auditAction(
    acting: Acting,
    before: CaseRecord,
    after: CaseRecord,
    body: CaseActionBody,
  ): Promise<void> {
    const detail: Record<string, unknown> = { no: before.no, from: before.status, to: after.status };
    if (body.reason) detail.reason = body.reason.trim();
    if (body.action === 'transfer')
      Object.assign(detail, {
        fromRegionId: before.regionId,
        toRegionId: after.regionId,
        department: after.department,
      });
    if (body.action === 'escalate') detail.level = body.level;
    if (body.action === 'close') detail.outcome = body.outcome;
    if (body.action === 'merge') detail.mergeIntoId = body.mergeIntoId;
    await this.audit.record(acting, {
      action: `case.${body.action}`,
      resourceType: 'case',
      resourceId: before.id,
      result: 'success',
      detail,
    });
  }
}
