import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { buildingRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { BuildingService } from './building.service';

/** 楼栋 and their 单元. */
@ForPrincipal('staff')
@Controller('/')
export class BuildingsController {
  @Inject()
  ctx!: Context;

  @Inject()
  private buildings!: BuildingService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(buildingRoutes.list)
  async list({ query }: RouteInput<typeof buildingRoutes.list>) {
    const { items, total } = await this.buildings.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(buildingRoutes.create)
  async create({ body }: RouteInput<typeof buildingRoutes.create>) {
    return { data: await this.buildings.create(this.acting(), { ...body, regionId: body.regionId || undefined }) };
  }

  @Api(buildingRoutes.get)
  async get({ params }: RouteInput<typeof buildingRoutes.get>) {
    return { data: await this.buildings.get(principalOf(this.ctx), params.id) };
  }

  @Api(buildingRoutes.update)
  async update({ params, body }: RouteInput<typeof buildingRoutes.update>) {
    return { data: await this.buildings.update(this.acting(), params.id, body) };
  }

  @Api(buildingRoutes.remove)
  async remove({ params }: RouteInput<typeof buildingRoutes.remove>) {
    await this.buildings.delete(this.acting(), params.id);
  }

  @Api(buildingRoutes.units)
  async units({ params }: RouteInput<typeof buildingRoutes.units>) {
    return { data: await this.buildings.listUnits(principalOf(this.ctx), params.id) };
  }

  @Api(buildingRoutes.createUnit)
  async createUnit({ params, body }: RouteInput<typeof buildingRoutes.createUnit>) {
    return { data: await this.buildings.createUnit(this.acting(), params.id, body.name) };
  }

  @Api(buildingRoutes.removeUnit)
  async removeUnit({ params }: RouteInput<typeof buildingRoutes.removeUnit>) {
    await this.buildings.deleteUnit(this.acting(), params.id);
  }
}
