import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { duesPayAdminRoutes, type RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { PayOrderAdminService } from './pay-order-admin.service';

/** The admin's payments page (dues:manage, party scope). */
@ForPrincipal('staff')
@Controller('/')
export class PayOrderAdminController {
  @Inject()
  ctx!: Context;

  @Inject()
  private admin!: PayOrderAdminService;

  @Api(duesPayAdminRoutes.orders)
  async orders({ query }: RouteInput<typeof duesPayAdminRoutes.orders>) {
    const { rows, total } = await this.admin.list(principalOf(this.ctx), query);
    return { data: rows, page: { page: query.page, pageSize: query.pageSize, total } };
  }
}
