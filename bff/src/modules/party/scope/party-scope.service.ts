import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { hasPermission, Permission } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { PartyOrg } from '../org/party-org.entity';
import { PartyOrgStaff } from '../org/party-org-staff.entity';
import { inPartyScope, outermostPaths, type PartyScope } from './party-scope';

/**
 * Resolves a caller's party scope per request from their assignments (party_org_staff), so an
 * assignment made or removed takes effect at once. Mini-program principals get none here.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PartyScopeService {
  @InjectDataSource()
  private dataSource!: DataSource;

  async scopeOf(principal: Principal): Promise<PartyScope> {
    if (principal.kind !== 'staff') return { all: false, paths: [] };
    if (hasPermission(principal.roles, Permission.PartyManage, principal.grants ?? [])) return { all: true };
    const rows = await this.dataSource
      .getRepository(PartyOrgStaff)
      .createQueryBuilder('s')
      .innerJoin(PartyOrg, 'o', 'o.id = s.org_id')
      .select('o.path', 'path')
      .where('s.staff_user_id = :id', { id: principal.id })
      .getRawMany<{ path: string }>();
    return { all: false, paths: outermostPaths(rows.map((r) => r.path)) };
  }

  /** NOT_FOUND (never FORBIDDEN) outside the scope, so other branches' ids cannot be probed. */
  assertCovers(scope: PartyScope, path: string): void {
    if (!inPartyScope(scope, path)) throw new AppError('NOT_FOUND');
  }
}
