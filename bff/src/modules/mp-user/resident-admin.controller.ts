import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { residentRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { Api } from '../../core/http/contract';
import { clientInfo } from '../../core/http/client-info';
import { ResidentAdminService } from './resident-admin.service';

@ForPrincipal('staff')
@Controller('/')
export class ResidentAdminController {
  @Inject()
  ctx!: Context;

  @Inject()
  private service!: ResidentAdminService;

  @Api(residentRoutes.get)
  async get({ params }: RouteInput<typeof residentRoutes.get>) {
    return { data: await this.service.get(principalOf(this.ctx), params.id) };
  }

  @Api(residentRoutes.pii)
  async pii({ params }: RouteInput<typeof residentRoutes.pii>) {
    return { data: await this.service.pii(principalOf(this.ctx), params.id, clientInfo(this.ctx)) };
  }
}
