import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { businessRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { PII_READ_LIMIT, RateLimit } from '../../../core/http/rate-limit';
import type { Acting } from '../../../core/audit';
import { BusinessService } from './business.service';

/** 经营单位 of the caller's subtree; contact phones masked except through the audited `/pii`. */
@ForPrincipal('staff')
@Controller('/')
export class BusinessController {
  @Inject()
  ctx!: Context;

  @Inject()
  private businesses!: BusinessService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(businessRoutes.list)
  async list({ query }: RouteInput<typeof businessRoutes.list>) {
    const { items, total } = await this.businesses.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(businessRoutes.create)
  async create({ body }: RouteInput<typeof businessRoutes.create>) {
    return { data: await this.businesses.create(this.acting(), body) };
  }

  @Api(businessRoutes.get)
  async get({ params }: RouteInput<typeof businessRoutes.get>) {
    return { data: await this.businesses.get(principalOf(this.ctx), params.id) };
  }

  @Api(businessRoutes.update)
  async update({ params, body }: RouteInput<typeof businessRoutes.update>) {
    return { data: await this.businesses.update(this.acting(), params.id, body) };
  }

  @Api(businessRoutes.remove)
  async remove({ params }: RouteInput<typeof businessRoutes.remove>) {
    await this.businesses.delete(this.acting(), params.id);
  }

  @Api(businessRoutes.pii)
  @RateLimit(PII_READ_LIMIT)
  async pii({ params }: RouteInput<typeof businessRoutes.pii>) {
    return { data: await this.businesses.pii(this.acting(), params.id) };
  }
}
