import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { partyMemberRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { PII_READ_LIMIT, RateLimit } from '../../../core/http/rate-limit';
import { MemberCommandService } from './member-command.service';
import { MemberQueryService } from './member-query.service';
import { PersonLookupService } from './person-lookup.service';

/** 党员档案: files of the caller's party scope (ID and phone masked) and their dated history. */
@ForPrincipal('staff')
@Controller('/')
export class PartyMemberController {
  @Inject()
  ctx!: Context;

  @Inject()
  private members!: MemberQueryService;

  @Inject()
  private commands!: MemberCommandService;

  @Inject()
  private lookup!: PersonLookupService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(partyMemberRoutes.list)
  async list({ query }: RouteInput<typeof partyMemberRoutes.list>) {
    const { items, total } = await this.members.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(partyMemberRoutes.get)
  async get({ params }: RouteInput<typeof partyMemberRoutes.get>) {
    return { data: await this.members.detail(principalOf(this.ctx), params.id) };
  }

  @Api(partyMemberRoutes.create)
  async create({ body }: RouteInput<typeof partyMemberRoutes.create>) {
    return { data: await this.commands.create(this.acting(), body) };
  }

  @Api(partyMemberRoutes.update)
  async update({ params, body }: RouteInput<typeof partyMemberRoutes.update>) {
    return { data: await this.commands.update(this.acting(), params.id, body) };
  }

  @Api(partyMemberRoutes.act)
  async act({ params, body }: RouteInput<typeof partyMemberRoutes.act>) {
    return { data: await this.commands.act(this.acting(), params.id, body) };
  }

  @Api(partyMemberRoutes.pii)
  @RateLimit(PII_READ_LIMIT)
  async pii({ params }: RouteInput<typeof partyMemberRoutes.pii>) {
    return { data: await this.commands.pii(this.acting(), params.id) };
  }

  @Api(partyMemberRoutes.persons)
  async persons({ query }: RouteInput<typeof partyMemberRoutes.persons>) {
    return { data: await this.lookup.search(principalOf(this.ctx), query.q) };
  }
}
