import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import type { Principal } from '../../core/auth/principal';
import { AppError } from '../../core/errors/app-error';
import { MpUser } from '../mp-user';

/** The signed-in grid worker as loaded from the database. */
export interface GridWorker {
  /** Principal with the worker's grid as `scopePath`: feeds ScopedRepository / applyScope. */
  principal: Principal;
  regionId: string | null;
}

/**
 * Turns a mini-program token into a grid worker's principal. Roles and region come from the
 * mp_user row on every request, not from the token: a binding code (or its revocation) changes
 * them, and the mini-program keeps its token for up to 15 minutes. The region is the grid of the
 * grid worker grant only — grants of other roles (party member) keep their region on their own row
 * and never reach this scope (MpGrantService). Anyone without the grid_worker role (residents,
 * party members) is refused with 403; a worker not yet bound to a grid gets an empty scope.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class GridWorkerResolver {
  @InjectEntityModel(MpUser)
  private users!: Repository<MpUser>;

  async resolve(token: Principal): Promise<GridWorker> {
    if (token.kind !== 'mp') throw new AppError('FORBIDDEN');
    const user = await this.users.findOne({
      where: { id: token.id },
      select: { id: true, roles: true, regionId: true, scopePath: true },
    });
    if (!user || !user.roles.includes('grid_worker')) throw new AppError('FORBIDDEN');
    return {
      principal: { kind: 'mp', id: user.id, roles: user.roles, scopePath: user.regionId ? user.scopePath : null },
      regionId: user.regionId,
    };
  }
}
