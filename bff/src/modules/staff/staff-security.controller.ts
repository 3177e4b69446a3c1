import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { staffSecurityRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { AcceptMfaToken, AllowDuringPasswordChange } from '../../core/auth/auth-flow.decorator';
import { principalOf } from '../../core/auth/principal';
import { mfaChallengeOf } from '../../core/auth/mfa-challenge';
import { Api } from '../../core/http/contract';
import { clientInfo } from '../../core/http/client-info';
import { StaffPasswordService } from './staff-password.service';
import { EnrolmentSubject, StaffMfaService } from './staff-mfa.service';
import { StaffSessionsService } from './staff-sessions.service';

/** Account security of the signed-in staff member: password, two-factor, sessions. */
@ForPrincipal('staff')
@AllowDuringPasswordChange()
@Controller('/')
export class StaffSecurityController {
  @Inject()
  ctx!: Context;

  @Inject()
  private passwords!: StaffPasswordService;

  @Inject()
  private mfa!: StaffMfaService;

  @Inject()
  private staffSessions!: StaffSessionsService;

  @Api(staffSecurityRoutes.changePassword)
  async changePassword({ body }: RouteInput<typeof staffSecurityRoutes.changePassword>) {
    return {
      data: await this.passwords.change(
        principalOf(this.ctx),
        body.currentPassword,
        body.newPassword,
        clientInfo(this.ctx),
      ),
    };
  }

  @AcceptMfaToken()
  @Api(staffSecurityRoutes.beginMfaSetup)
  async beginMfaSetup() {
    return { data: await this.mfa.beginSetup(this.enrolmentSubject()) };
  }

  @AcceptMfaToken()
  @Api(staffSecurityRoutes.confirmMfaSetup)
  async confirmMfaSetup({ body }: RouteInput<typeof staffSecurityRoutes.confirmMfaSetup>) {
    return {
      data: { recoveryCodes: await this.mfa.confirmSetup(this.enrolmentSubject(), body.code, clientInfo(this.ctx)) },
    };
  }

  @Api(staffSecurityRoutes.disableMfa)
  async disableMfa({ body }: RouteInput<typeof staffSecurityRoutes.disableMfa>) {
    await this.mfa.disable(principalOf(this.ctx), body.code, clientInfo(this.ctx));
    return { data: { ok: true as const } };
  }

  @Api(staffSecurityRoutes.logout)
  async logout({ body }: RouteInput<typeof staffSecurityRoutes.logout>) {
    await this.staffSessions.logout(principalOf(this.ctx), body.refreshToken, clientInfo(this.ctx));
    return { data: { ok: true as const } };
  }

  @Api(staffSecurityRoutes.logoutAll)
  async logoutAll() {
    await this.staffSessions.logoutAll(principalOf(this.ctx), clientInfo(this.ctx));
    return { data: { ok: true as const } };
  }

  /** The guard set either an MfaChallenge (mfaToken) or a Principal (access token). */
  private enrolmentSubject(): EnrolmentSubject {
    const challenge = mfaChallengeOf(this.ctx);
    if (challenge) return { userId: challenge.userId, challengeJti: challenge.jti };
    return { userId: principalOf(this.ctx).id };
  }
}
