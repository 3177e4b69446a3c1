import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { hasPermission, Permission, type PartyOrgDetailVO } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { StaffUser } from '../../staff';
import { invalid } from '../party-errors';
import { PartyScopeService } from '../scope/party-scope.service';
import { OrgQueryService } from './org-query.service';
import { PartyOrgStaff } from './party-org-staff.entity';

/** Who works on which part of the tree: a staff member assigned to an organisation has its subtree as party scope. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OrgStaffService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private query!: OrgQueryService;

  @Inject()
  private audit!: AuditActorService;

  /** Gives a staff member party work on the organisation's subtree (they must hold party permissions). */
  async assignStaff(
    acting: Acting,
    id: string,
    staffUserId: string,
    now: Date = new Date(),
  ): Promise<PartyOrgDetailVO> {
    const org = await this.query.activeInScope(await this.scopes.scopeOf(acting.actor), id);
    const user = await this.dataSource.getRepository(StaffUser).findOneBy({ id: staffUserId });
    if (!user || user.status !== 'active') throw invalid('staffUserId', '人员不存在或已停用');
    if (!hasPermission(user.roles, Permission.PartyOrgRead, user.grants ?? []))
      throw invalid('staffUserId', '该人员没有党务权限（如党组织书记角色），指定后也无法办理党务');
    const repo = this.dataSource.getRepository(PartyOrgStaff);
    if (!(await repo.existsBy({ orgId: org.id, staffUserId }))) {
      await repo.insert({ orgId: org.id, staffUserId, assignedBy: acting.actor.id });
      await this.audit.record(acting, {
        action: 'party.org.staff.assign',
        resourceType: 'party_org',
        resourceId: org.id,
        result: 'success',
        detail: { staffUserId, username: user.username },
      });
    }
    return this.query.detail(acting.actor, org.id, now);
  }

  async removeStaff(acting: Acting, id: string, staffUserId: string): Promise<void> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const org = await this.query.getInScope(scope, id);
    const result = await this.dataSource.getRepository(PartyOrgStaff).delete({ orgId: org.id, staffUserId });
    if (!result.affected) throw new AppError('NOT_FOUND', '该人员未负责此党组织');
    await this.audit.record(acting, {
      action: 'party.org.staff.remove',
      resourceType: 'party_org',
      resourceId: org.id,
      result: 'success',
      detail: { staffUserId },
    });
  }
}
