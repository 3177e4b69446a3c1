import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { regionRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { Api } from '../../core/http/contract';
import { clientInfo } from '../../core/http/client-info';
import type { Acting } from '../../core/audit';
import { RegionService } from './region.service';
import { RegionViewsService } from './region-views.service';
import { toRegionVO } from './region-view';

/** The region tree (镇 → 村/社区 → 网格) as far as the caller's scope reaches: list, create, edit, delete. */
@ForPrincipal('staff')
@Controller('/')
export class RegionController {
  @Inject()
  ctx!: Context;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private views!: RegionViewsService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(regionRoutes.list)
  async list() {
    return { data: (await this.regions.listInScope(principalOf(this.ctx))).map(toRegionVO) };
  }

  @Api(regionRoutes.create)
  async create({ body }: RouteInput<typeof regionRoutes.create>) {
    const region = await this.regions.createInScope(this.acting(), {
      name: body.name,
      level: body.level,
      parentId: body.parentId,
      code: body.code || null,
      boundary: body.boundary,
      center: body.center,
    });
    return { data: toRegionVO(region) };
  }

  @Api(regionRoutes.get)
  async get({ params }: RouteInput<typeof regionRoutes.get>) {
    return { data: await this.views.detail(principalOf(this.ctx), params.id) };
  }

  @Api(regionRoutes.update)
  async update({ params, body }: RouteInput<typeof regionRoutes.update>) {
    const acting = this.acting();
    await this.regions.updateInScope(acting, params.id, body);
    return { data: await this.views.detail(acting.actor, params.id) };
  }

  @Api(regionRoutes.remove)
  async remove({ params }: RouteInput<typeof regionRoutes.remove>) {
    await this.regions.removeInScope(this.acting(), params.id);
  }
}
