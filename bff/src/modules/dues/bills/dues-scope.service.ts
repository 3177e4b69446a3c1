import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { PartyMember, PartyOrg, PartyScopeService, inPartyScope, type PartyScope } from '../../party';

/**
 * The party scope of dues work: a secretary sees and changes their branch's members and bills only.
 * Anything outside answers 404 (never 403), so other branches' ids cannot be probed.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DuesScopeService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  scopeOf(principal: Principal): Promise<PartyScope> {
    return this.scopes.scopeOf(principal);
  }

  /** The materialized path an `orgId` filter narrows a list to; 404 for an unknown organisation. */
  async withinOf(orgId: string | undefined): Promise<string | undefined> {
    if (!orgId) return undefined;
    const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: orgId });
    if (!org) throw new AppError('NOT_FOUND', '党组织不存在');
    return org.path;
  }

  async orgInScope(scope: PartyScope, orgId: string): Promise<PartyOrg> {
    const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: orgId });
    if (!org || !inPartyScope(scope, org.path)) throw new AppError('NOT_FOUND', '党组织不存在或不在您的负责范围内');
    return org;
  }

  async memberInScope(scope: PartyScope, memberId: string): Promise<PartyMember> {
    const member = await this.dataSource.getRepository(PartyMember).findOneBy({ id: memberId });
    if (!member || !inPartyScope(scope, member.orgPath))
      throw new AppError('NOT_FOUND', '党员档案不存在或不在您的负责范围内');
    return member;
  }
}
