import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { staffAuthRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal, Public } from '../../core/auth/public.decorator';
import { AllowDuringPasswordChange } from '../../core/auth/auth-flow.decorator';
import { principalOf } from '../../core/auth/principal';
import { Api } from '../../core/http/contract';
import { clientInfo } from '../../core/http/client-info';
import { RateLimit } from '../../core/http/rate-limit';
import { StaffService } from './staff.service';
import { StaffLoginService } from './staff-login.service';
import { CaptchaService } from './captcha.service';

/** Per client IP, across BFF processes (shared rate counter): password guessing and captcha farming. */
const LOGIN_RATE = { name: 'staff.login', limit: 20, windowSec: 60, by: 'ip' } as const;
const MFA_RATE = { name: 'staff.mfa', limit: 20, windowSec: 60, by: 'ip' } as const;
const CAPTCHA_RATE = { name: 'staff.captcha', limit: 30, windowSec: 60, by: 'ip' } as const;

@ForPrincipal('staff')
@AllowDuringPasswordChange()
@Controller('/')
export class StaffAuthController {
  @Inject()
  ctx!: Context;

  @Inject()
  private service!: StaffService;

  @Inject()
  private logins!: StaffLoginService;

  @Inject()
  private captchas!: CaptchaService;

  @Public()
  @Api(staffAuthRoutes.captcha)
  @RateLimit(CAPTCHA_RATE)
  async captcha() {
    return { data: await this.captchas.create() };
  }

  @Public()
  @Api(staffAuthRoutes.login)
  @RateLimit(LOGIN_RATE)
  async login({ body }: RouteInput<typeof staffAuthRoutes.login>) {
    return { data: await this.logins.login(body, clientInfo(this.ctx)) };
  }

  @Public()
  @Api(staffAuthRoutes.mfa)
  @RateLimit(MFA_RATE)
  async mfa({ body }: RouteInput<typeof staffAuthRoutes.mfa>) {
    return { data: await this.logins.completeMfa(body, clientInfo(this.ctx)) };
  }

  @Public()
  @Api(staffAuthRoutes.refresh)
  async refresh({ body }: RouteInput<typeof staffAuthRoutes.refresh>) {
    return { data: await this.service.refresh(body.refreshToken, clientInfo(this.ctx)) };
  }

  @Api(staffAuthRoutes.me)
  async me() {
    return { data: await this.service.profile(principalOf(this.ctx).id) };
  }
}
