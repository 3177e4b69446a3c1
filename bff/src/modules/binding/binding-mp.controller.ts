import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { bindingMpRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { Api } from '../../core/http/contract';
import { clientInfo } from '../../core/http/client-info';
import { BindingRedeemService } from './binding-redeem.service';

@ForPrincipal('mp')
@Controller('/')
export class BindingMpController {
  @Inject()
  ctx!: Context;

  @Inject()
  private service!: BindingRedeemService;

  @Api(bindingMpRoutes.redeem)
  async redeem({ body }: RouteInput<typeof bindingMpRoutes.redeem>) {
    return { data: await this.service.redeem(principalOf(this.ctx), body.code, clientInfo(this.ctx)) };
  }
}
