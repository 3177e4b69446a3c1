import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { estateRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { EstateService } from './estate.service';

/** 小区 (estates) of the caller's subtree. */
@ForPrincipal('staff')
@Controller('/')
export class EstatesController {
  @Inject()
  ctx!: Context;

  @Inject()
  private estates!: EstateService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(estateRoutes.list)
  async list({ query }: RouteInput<typeof estateRoutes.list>) {
    const { items, total } = await this.estates.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(estateRoutes.create)
  async create({ body }: RouteInput<typeof estateRoutes.create>) {
    return { data: await this.estates.create(this.acting(), body) };
  }

  @Api(estateRoutes.get)
  async get({ params }: RouteInput<typeof estateRoutes.get>) {
    return { data: await this.estates.get(principalOf(this.ctx), params.id) };
  }

  @Api(estateRoutes.update)
  async update({ params, body }: RouteInput<typeof estateRoutes.update>) {
    return { data: await this.estates.update(this.acting(), params.id, body) };
  }

  @Api(estateRoutes.remove)
  async remove({ params }: RouteInput<typeof estateRoutes.remove>) {
    await this.estates.delete(this.acting(), params.id);
  }
}
