import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { houseRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { HouseResidentsService } from './house-residents.service';
import { HouseService } from './house.service';

/** Empty strings (and nulls) of optional id fields mean "not given" (forms send them for cleared selects). */
const orUndefined = (value: string | null | undefined): string | undefined => value || undefined;

/** 房屋 with filters, and their residents (人房关系). */
@ForPrincipal('staff')
@Controller('/')
export class HousesController {
  @Inject()
  ctx!: Context;

  @Inject()
  private houses!: HouseService;

  @Inject()
  private residents!: HouseResidentsService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(houseRoutes.list)
  async list({ query }: RouteInput<typeof houseRoutes.list>) {
    const { items, total } = await this.houses.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(houseRoutes.create)
  async create({ body }: RouteInput<typeof houseRoutes.create>) {
    const house = await this.houses.create(this.acting(), {
      ...body,
      regionId: orUndefined(body.regionId),
      estateId: orUndefined(body.estateId),
      buildingId: orUndefined(body.buildingId),
      unitId: orUndefined(body.unitId),
    });
    return { data: await this.residents.detailOf(house) };
  }

  @Api(houseRoutes.get)
  async get({ params }: RouteInput<typeof houseRoutes.get>) {
    return { data: await this.residents.detail(principalOf(this.ctx), params.id) };
  }

  @Api(houseRoutes.update)
  async update({ params, body }: RouteInput<typeof houseRoutes.update>) {
    return { data: await this.residents.detailOf(await this.houses.update(this.acting(), params.id, body)) };
  }

  @Api(houseRoutes.remove)
  async remove({ params }: RouteInput<typeof houseRoutes.remove>) {
    await this.houses.delete(this.acting(), params.id);
  }

  @Api(houseRoutes.addResident)
  async addResident({ params, body }: RouteInput<typeof houseRoutes.addResident>) {
    return { data: await this.residents.add(this.acting(), params.id, body) };
  }

  @Api(houseRoutes.removeResident)
  async removeResident({ params }: RouteInput<typeof houseRoutes.removeResident>) {
    await this.residents.remove(this.acting(), params.id, params.personId);
  }
}
