import { Body, Controller, Get, Inject, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess, TokenPair } from '@zhili/shared';
import { ForPrincipal, Public } from '../../core/auth/public.decorator';
import { AllowDuringPasswordChange } from '../../core/auth/auth-flow.decorator';
import { principalOf } from '../../core/auth/principal';
import { RefreshDTO, TokenPairVO } from '../../core/auth/token.dto';
import { clientInfo } from '../../core/http/client-info';
import { RateLimit } from '../../core/http/rate-limit';
import { CaptchaVO, StaffLoginDTO, StaffLoginVO, StaffMfaLoginDTO, StaffProfileVO, StaffSessionVO } from './staff.dto';
import { StaffService } from './staff.service';
import { StaffLoginService } from './staff-login.service';
import { CaptchaService } from './captcha.service';

/** Per client IP, across BFF processes (shared rate counter): password guessing and captcha farming. */
const LOGIN_RATE = { name: 'staff.login', limit: 20, windowSec: 60, by: 'ip' } as const;
const MFA_RATE = { name: 'staff.mfa', limit: 20, windowSec: 60, by: 'ip' } as const;
const CAPTCHA_RATE = { name: 'staff.captcha', limit: 30, windowSec: 60, by: 'ip' } as const;

@ApiTags('管理端 · 登录')
@ForPrincipal('staff')
@AllowDuringPasswordChange()
@Controller('/api/admin')
export class StaffAuthController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private service!: StaffService;

  @Inject()
  private logins!: StaffLoginService;

  @Inject()
  private captchas!: CaptchaService;

  @Public()
  @Get('/auth/captcha')
  @RateLimit(CAPTCHA_RATE)
  @ApiOperation({ summary: '图形验证码（一次性，5 分钟内有效）' })
  @ApiResponse({ status: 200, type: CaptchaVO })
  async captcha(): Promise<ApiSuccess<CaptchaVO>> {
    return { data: await this.captchas.create() };
  }

  @Public()
  @Post('/auth/login')
  @RateLimit(LOGIN_RATE)
  @ApiOperation({ summary: '工作人员用户名密码登录（需要时返回 mfaToken 进行第二步验证）' })
  @ApiResponse({ status: 200, type: StaffLoginVO })
  async login(@Body() body: StaffLoginDTO): Promise<ApiSuccess<StaffLoginVO>> {
    return { data: await this.logins.login(body, clientInfo(this.ctx)) };
  }

  @Public()
  @Post('/auth/mfa')
  @RateLimit(MFA_RATE)
  @ApiOperation({ summary: '登录第二步：动态验证码或恢复码（刚完成绑定时可不填）' })
  @ApiResponse({ status: 200, type: StaffSessionVO })
  async mfa(@Body() body: StaffMfaLoginDTO): Promise<ApiSuccess<StaffSessionVO>> {
    return { data: await this.logins.completeMfa(body, clientInfo(this.ctx)) };
  }

  @Public()
  @Post('/auth/refresh')
  @ApiOperation({ summary: '刷新令牌（长时间未使用将失效：AUTH_SESSION_IDLE）' })
  @ApiResponse({ status: 200, type: TokenPairVO })
  async refresh(@Body() body: RefreshDTO): Promise<ApiSuccess<TokenPair>> {
    return { data: await this.service.refresh(body.refreshToken, clientInfo(this.ctx)) };
  }

  @ApiBearerAuth()
  @Get('/me')
  @ApiOperation({ summary: '当前工作人员资料' })
  @ApiResponse({ status: 200, type: StaffProfileVO })
  async me(): Promise<ApiSuccess<StaffProfileVO>> {
    return { data: await this.service.profile(principalOf(this.ctx).id) };
  }
}
