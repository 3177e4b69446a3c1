import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { bindingRoleRules, bindingRoles, type BindingRole } from '@zhili/shared';
import type { Principal } from '../../core/auth/principal';
import { applyScope } from '../../core/scope/data-scope';
import { InfraService } from '../../core/infra/infra.service';
import { Region } from '../region';
import { MpRoleGrant } from './mp-role-grant.entity';
import { MpUser } from './mp-user.entity';
import type { MpGrantVO } from '@zhili/shared';

export interface GrantResult {
  /** The region granted. */
  region: { id: string; name: string };
  /** Region of the same role's grant this one replaced (a worker moved to another grid), if any. */
  previousRegionId: string | null;
}

/**
 * The one writer of role grants. A grant is (user, role) → region: granting a role replaces only
 * that role's region, never another's. Where the role's rule gives registry scope (the grid worker),
 * the region is also written to mp_user.region_id/scope_path, in the same transaction — that pair is
 * the grid worker's grid for every reader (grid desk, case routing, registry scope).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpGrantService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private infraService!: InfraService;

  async grant(userId: string, role: BindingRole, region: Region, bindingCodeId: string | null): Promise<GrantResult> {
    // roles is read-modify-write: one writer per user at a time, on every node.
    return this.infraService.infra.lock.withLock(`mp-user:roles:${userId}`, 5000, 5000, () =>
      this.dataSource.transaction(async (m) => {
        const user = await m.findOneByOrFail(MpUser, { id: userId });
        const previous = await m.findOneBy(MpRoleGrant, { userId, role });
        if (previous) await m.delete(MpRoleGrant, { userId, role });
        await m.insert(MpRoleGrant, { userId, role, regionId: region.id, scopePath: region.path, bindingCodeId });
        const roles = user.roles.includes(role) ? user.roles : [...user.roles, role];
        const scope = bindingRoleRules[role].registryScope ? { regionId: region.id, scopePath: region.path } : {};
        await m.update(MpUser, { id: userId }, { roles, ...scope });
        return { region: { id: region.id, name: region.name }, previousRegionId: previous?.regionId ?? null };
      }),
    );
  }

  /** The user's grants in the order of the binding roles, with region names, for the profile. */
  async grantsOf(userId: string): Promise<MpGrantVO[]> {
    const grants = await this.dataSource.getRepository(MpRoleGrant).findBy({ userId });
    if (grants.length === 0) return [];
    const regions = await this.dataSource
      .getRepository(Region)
      .find({ where: { id: In(grants.map((g) => g.regionId)) }, select: { id: true, name: true } });
    const names = new Map(regions.map((r) => [r.id, r.name]));
    return bindingRoles.flatMap((role) => {
      const grant = grants.find((g) => g.role === role);
      if (!grant) return [];
      const name = names.get(grant.regionId);
      return [
        {
          role,
          region: name === undefined ? null : { id: grant.regionId, name },
          registryScope: bindingRoleRules[role].registryScope,
        },
      ];
    });
  }

  /** Whether any of the user's grants lies in the principal's scope (staff may then see the user). */
  async hasGrantInScope(principal: Principal, userId: string): Promise<boolean> {
    const qb = this.dataSource
      .getRepository(MpRoleGrant)
      .createQueryBuilder('g')
      .where('g.user_id = :userId', { userId });
    return (await applyScope(qb, principal, 'g.scope_path').getCount()) > 0;
  }
}
