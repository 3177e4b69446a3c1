import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpPartyMeetingListRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { PartyMpMeetingsService } from './party-mp-meetings.service';

/** A member's meetings in the mini-program (party_member role): the list and one meeting's detail. */
@ForPrincipal('mp')
@RequireRole('party_member')
@Controller('/')
export class MpPartyMyMeetingsController {
  @Inject()
  ctx!: Context;

  @Inject()
  private meetings!: PartyMpMeetingsService;

  @Api(mpPartyMeetingListRoutes.list)
  async list() {
    return { data: await this.meetings.list(principalOf(this.ctx).id) };
  }

  @Api(mpPartyMeetingListRoutes.get)
  async get({ params }: RouteInput<typeof mpPartyMeetingListRoutes.get>) {
    return { data: await this.meetings.detail(principalOf(this.ctx).id, params.id) };
  }
}
