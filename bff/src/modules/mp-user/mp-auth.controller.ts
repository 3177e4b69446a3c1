import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpAuthRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { Public } from '../../core/auth/public.decorator';
import { Api } from '../../core/http/contract';
import { clientInfo } from '../../core/http/client-info';
import { MP_LOGIN_LIMIT, RateLimit } from '../../core/http/rate-limit';
import { MpUserService } from './mp-user.service';

@Controller('/')
export class MpAuthController {
  @Inject()
  ctx!: Context;

  @Inject()
  private service!: MpUserService;

  @Public()
  @Api(mpAuthRoutes.login)
  @RateLimit(MP_LOGIN_LIMIT)
  async login({ body }: RouteInput<typeof mpAuthRoutes.login>) {
    return { data: await this.service.login(body.code, body.nickname, clientInfo(this.ctx)) };
  }

  @Public()
  @Api(mpAuthRoutes.refresh)
  async refresh({ body }: RouteInput<typeof mpAuthRoutes.refresh>) {
    return { data: await this.service.refresh(body.refreshToken, clientInfo(this.ctx)) };
  }
}
