import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { partyOrgRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { OrgCommandService } from './org-command.service';
import { OrgQueryService } from './org-query.service';
import { OrgStaffService } from './org-staff.service';

/** 党组织: the tree of the caller's party scope, its lifecycle as dated records, who works on it. */
@ForPrincipal('staff')
@Controller('/')
export class PartyOrgController {
  @Inject()
  ctx!: Context;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private commands!: OrgCommandService;

  @Inject()
  private staff!: OrgStaffService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(partyOrgRoutes.tree)
  async tree({ query }: RouteInput<typeof partyOrgRoutes.tree>) {
    return { data: await this.orgs.tree(principalOf(this.ctx), query.includeClosed ?? false) };
  }

  @Api(partyOrgRoutes.get)
  async get({ params }: RouteInput<typeof partyOrgRoutes.get>) {
    return { data: await this.orgs.detail(principalOf(this.ctx), params.id) };
  }

  @Api(partyOrgRoutes.create)
  async create({ body }: RouteInput<typeof partyOrgRoutes.create>) {
    return { data: await this.commands.create(this.acting(), body) };
  }

  @Api(partyOrgRoutes.update)
  async update({ params, body }: RouteInput<typeof partyOrgRoutes.update>) {
    return { data: await this.commands.update(this.acting(), params.id, body) };
  }

  @Api(partyOrgRoutes.term)
  async term({ params, body }: RouteInput<typeof partyOrgRoutes.term>) {
    return { data: await this.commands.term(this.acting(), params.id, body) };
  }

  @Api(partyOrgRoutes.merge)
  async merge({ params, body }: RouteInput<typeof partyOrgRoutes.merge>) {
    return { data: await this.commands.merge(this.acting(), params.id, body) };
  }

  @Api(partyOrgRoutes.dissolve)
  async dissolve({ params, body }: RouteInput<typeof partyOrgRoutes.dissolve>) {
    return { data: await this.commands.dissolve(this.acting(), params.id, body) };
  }

  @Api(partyOrgRoutes.assignStaff)
  async assignStaff({ params, body }: RouteInput<typeof partyOrgRoutes.assignStaff>) {
    return { data: await this.staff.assignStaff(this.acting(), params.id, body.staffUserId) };
  }

  @Api(partyOrgRoutes.removeStaff)
  async removeStaff({ params }: RouteInput<typeof partyOrgRoutes.removeStaff>) {
    await this.staff.removeStaff(this.acting(), params.id, params.staffUserId);
  }
}
