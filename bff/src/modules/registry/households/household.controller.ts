import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { householdRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { HouseholdCommandService } from './household-command.service';
import { HouseholdQueryService } from './household-query.service';

/** 户 (rural households: 常住户 / 流动户 / 空壳户) with their members. */
@ForPrincipal('staff')
@Controller('/')
export class HouseholdController {
  @Inject()
  ctx!: Context;

  @Inject()
  private households!: HouseholdQueryService;

  @Inject()
  private commands!: HouseholdCommandService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(householdRoutes.list)
  async list({ query }: RouteInput<typeof householdRoutes.list>) {
    const { items, total } = await this.households.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(householdRoutes.create)
  async create({ body }: RouteInput<typeof householdRoutes.create>) {
    return { data: await this.commands.create(this.acting(), body) };
  }

  @Api(householdRoutes.get)
  async get({ params }: RouteInput<typeof householdRoutes.get>) {
    return { data: await this.households.detail(principalOf(this.ctx), params.id) };
  }

  @Api(householdRoutes.update)
  async update({ params, body }: RouteInput<typeof householdRoutes.update>) {
    return { data: await this.commands.update(this.acting(), params.id, body) };
  }

  @Api(householdRoutes.remove)
  async remove({ params }: RouteInput<typeof householdRoutes.remove>) {
    await this.commands.remove(this.acting(), params.id);
  }

  @Api(householdRoutes.addMember)
  async addMember({ params, body }: RouteInput<typeof householdRoutes.addMember>) {
    return { data: await this.commands.addMember(this.acting(), params.id, body.personId, body.relationToHead) };
  }

  @Api(householdRoutes.removeMember)
  async removeMember({ params }: RouteInput<typeof householdRoutes.removeMember>) {
    await this.commands.removeMember(this.acting(), params.id, params.personId);
  }
}
