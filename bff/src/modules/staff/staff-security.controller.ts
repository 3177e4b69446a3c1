import { Body, Controller, Del, Get, Inject, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { AcceptMfaToken, AllowDuringPasswordChange } from '../../core/auth/auth-flow.decorator';
import { principalOf } from '../../core/auth/principal';
import { mfaChallengeOf } from '../../core/auth/mfa-challenge';
import { clientInfo } from '../../core/http/client-info';
import { LogoutDTO, MfaCodeDTO, MfaSetupVO, OkVO, PasswordChangeDTO, PasswordChangeVO, RecoveryCodesVO } from './staff-security.dto';
import { StaffPasswordService } from './staff-password.service';
import { EnrolmentSubject, StaffMfaService } from './staff-mfa.service';
import { StaffSessionsService } from './staff-sessions.service';

/** Account security of the signed-in staff member: password, two-factor, sessions. */
@ApiTags('管理端 · 账号安全')
@ApiBearerAuth()
@ForPrincipal('staff')
@AllowDuringPasswordChange()
@Controller('/api/admin/auth')
export class StaffSecurityController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private passwords!: StaffPasswordService;

  @Inject()
  private mfa!: StaffMfaService;

  @Inject()
  private staffSessions!: StaffSessionsService;

  @Post('/password')
  @ApiOperation({ summary: '修改密码（结束全部会话并返回新的令牌）' })
  @ApiResponse({ status: 200, type: PasswordChangeVO })
  async changePassword(@Body() body: PasswordChangeDTO): Promise<ApiSuccess<PasswordChangeVO>> {
    return { data: await this.passwords.change(principalOf(this.ctx), body.currentPassword, body.newPassword, clientInfo(this.ctx)) };
  }

  @AcceptMfaToken()
  @Get('/mfa/setup')
  @ApiOperation({ summary: '开始绑定身份验证器（登录中可用 mfaToken 作为 Bearer）' })
  @ApiResponse({ status: 200, type: MfaSetupVO })
  async beginMfaSetup(): Promise<ApiSuccess<MfaSetupVO>> {
    return { data: await this.mfa.beginSetup(this.enrolmentSubject()) };
  }

  @AcceptMfaToken()
  @Post('/mfa/setup')
  @ApiOperation({ summary: '用动态验证码确认绑定，返回一次性恢复码（仅显示一次）' })
  @ApiResponse({ status: 200, type: RecoveryCodesVO })
  async confirmMfaSetup(@Body() body: MfaCodeDTO): Promise<ApiSuccess<RecoveryCodesVO>> {
    return { data: { recoveryCodes: await this.mfa.confirmSetup(this.enrolmentSubject(), body.code, clientInfo(this.ctx)) } };
  }

  @Del('/mfa')
  @ApiOperation({ summary: '关闭双因素认证（角色要求时不可关闭）' })
  @ApiResponse({ status: 200, type: OkVO })
  async disableMfa(@Body() body: MfaCodeDTO): Promise<ApiSuccess<OkVO>> {
    await this.mfa.disable(principalOf(this.ctx), body.code, clientInfo(this.ctx));
    return { data: { ok: true } };
  }

  @Post('/logout')
  @ApiOperation({ summary: '退出登录（结束本会话）' })
  @ApiResponse({ status: 200, type: OkVO })
  async logout(@Body() body: LogoutDTO): Promise<ApiSuccess<OkVO>> {
    await this.staffSessions.logout(principalOf(this.ctx), body.refreshToken, clientInfo(this.ctx));
    return { data: { ok: true } };
  }

  @Post('/logout-all')
  @ApiOperation({ summary: '退出全部设备' })
  @ApiResponse({ status: 200, type: OkVO })
  async logoutAll(): Promise<ApiSuccess<OkVO>> {
    await this.staffSessions.logoutAll(principalOf(this.ctx), clientInfo(this.ctx));
    return { data: { ok: true } };
  }

  /** The guard set either an MfaChallenge (mfaToken) or a Principal (access token). */
  private enrolmentSubject(): EnrolmentSubject {
    const challenge = mfaChallengeOf(this.ctx);
    if (challenge) return { userId: challenge.userId, challengeJti: challenge.jti };
    return { userId: principalOf(this.ctx).id };
  }
}
