import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpDuesPayRoutes, type RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { PayOrderService } from './pay-order.service';

type Routes = typeof mpDuesPayRoutes;

/** A party member pays their own bills with WeChat Pay in the mini-program. */
@ForPrincipal('mp')
@RequireRole('party_member')
@Controller('/')
export class MpPayController {
  @Inject()
  ctx!: Context;

  @Inject()
  private orders!: PayOrderService;

  @Api(mpDuesPayRoutes.createOrder)
  async createOrder({ body }: RouteInput<Routes['createOrder']>) {
    return { data: await this.orders.create(principalOf(this.ctx).id, body.billIds) };
  }

  @Api(mpDuesPayRoutes.order)
  async order({ params }: RouteInput<Routes['order']>) {
    return { data: await this.orders.ownOrder(principalOf(this.ctx).id, params.outTradeNo) };
  }
}
