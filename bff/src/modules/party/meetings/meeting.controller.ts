import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { partyMeetingRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { MeetingCommandService } from './meeting-command.service';
import { MeetingLeaveService } from './meeting-leave.service';
import { MeetingQueryService } from './meeting-query.service';
import { MeetingUpdateService } from './meeting-update.service';

/** 三会一课 in the portal: a branch's meetings, their attendance, the host's QR, the compliance table. */
@ForPrincipal('staff')
@Controller('/')
export class PartyMeetingController {
  @Inject()
  ctx!: Context;

  @Inject()
  private meetings!: MeetingQueryService;

  @Inject()
  private commands!: MeetingCommandService;

  @Inject()
  private leaves!: MeetingLeaveService;

  @Inject()
  private updates!: MeetingUpdateService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(partyMeetingRoutes.list)
  async list({ query }: RouteInput<typeof partyMeetingRoutes.list>) {
    const { items, total } = await this.meetings.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(partyMeetingRoutes.compliance)
  async compliance({ query }: RouteInput<typeof partyMeetingRoutes.compliance>) {
    return { data: await this.meetings.compliance(principalOf(this.ctx), query.orgId) };
  }

  @Api(partyMeetingRoutes.get)
  async get({ params }: RouteInput<typeof partyMeetingRoutes.get>) {
    return { data: await this.meetings.detail(principalOf(this.ctx), params.id) };
  }

  @Api(partyMeetingRoutes.create)
  async create({ body }: RouteInput<typeof partyMeetingRoutes.create>) {
    return { data: await this.commands.create(this.acting(), body) };
  }

  @Api(partyMeetingRoutes.update)
  async update({ params, body }: RouteInput<typeof partyMeetingRoutes.update>) {
    return { data: await this.updates.update(this.acting(), params.id, body) };
  }

  @Api(partyMeetingRoutes.checkInToken)
  async checkInToken({ params }: RouteInput<typeof partyMeetingRoutes.checkInToken>) {
    return { data: await this.commands.checkInToken(this.acting(), params.id) };
  }

  @Api(partyMeetingRoutes.decideLeave)
  async decideLeave({ params, body }: RouteInput<typeof partyMeetingRoutes.decideLeave>) {
    return { data: await this.leaves.decide(this.acting(), params.id, params.memberId, body.approve) };
  }

  @Api(partyMeetingRoutes.linkAccount)
  async linkAccount({ params, body }: RouteInput<typeof partyMeetingRoutes.linkAccount>) {
    await this.commands.linkAccount(this.acting(), params.id, body.mpUserId);
  }
}
