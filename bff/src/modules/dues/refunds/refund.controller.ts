import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { duesRefundRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import type { Acting } from '../../../core/audit';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { RateLimit } from '../../../core/http/rate-limit';
import { RefundService } from './refund.service';

/** 党费退款 in the portal (town finance, dues:finance): refund a paid order, list refunds. */
@ForPrincipal('staff')
@Controller('/')
export class RefundController {
  @Inject()
  ctx!: Context;

  @Inject()
  private refunds!: RefundService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(duesRefundRoutes.create)
  @RateLimit({ name: 'dues.refund', limit: 30, windowSec: 600 })
  async create({ params, body }: RouteInput<typeof duesRefundRoutes.create>) {
    return { data: await this.refunds.create(this.acting(), params.outTradeNo, body) };
  }

  @Api(duesRefundRoutes.list)
  async list({ query }: RouteInput<typeof duesRefundRoutes.list>) {
    const { items, total } = await this.refunds.list(this.acting(), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }
}
