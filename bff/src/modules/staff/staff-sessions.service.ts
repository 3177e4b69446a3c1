import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import type { Principal } from '../../core/auth/principal';
import { ClientInfo, SessionService } from '../../core/auth/session.service';
import { StaffUser } from './staff-user.entity';
import { StaffAuthAudit } from './staff-auth-audit';

/** Ending staff sessions on request, with audit records. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffSessionsService {
  @InjectEntityModel(StaffUser)
  private users!: Repository<StaffUser>;

  @Inject()
  private sessions!: SessionService;

  @Inject()
  private audit!: StaffAuthAudit;

  /**
   * Ends the session of `refreshToken` (if it is the caller's) and the one the caller's access token
   * belongs to — normally the same — so neither its refresh nor its access token works afterwards.
   */
  async logout(actor: Principal, refreshToken: string, client: ClientInfo): Promise<void> {
    const ended = await this.sessions.revokeByRefreshToken('staff', actor.id, refreshToken);
    if (actor.sessionId && actor.sessionId !== ended) await this.sessions.revokeSession(actor.sessionId);
    await this.audit.record({ action: 'auth.logout', result: 'success', user: await this.userOf(actor), client });
  }

  async logoutAll(actor: Principal, client: ClientInfo): Promise<void> {
    await this.sessions.revokeAllFor('staff', actor.id);
    await this.audit.record({ action: 'auth.logout_all', result: 'success', user: await this.userOf(actor), client });
  }

  private async userOf(actor: Principal): Promise<Pick<StaffUser, 'id' | 'username' | 'roles'>> {
    const user = await this.users.findOne({
      where: { id: actor.id },
      select: { id: true, username: true, roles: true },
    });
    return user ?? { id: actor.id, username: '', roles: actor.roles };
  }
}
