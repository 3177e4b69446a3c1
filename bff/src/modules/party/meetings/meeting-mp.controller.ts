import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpPartyMeetingRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { MeetingCheckInService } from './meeting-check-in.service';
import { MeetingLeaveService } from './meeting-leave.service';

/** A member's side of a meeting in the mini-program (party_member role): check-in by QR or location, leave requests. */
@ForPrincipal('mp')
@RequireRole('party_member')
@Controller('/')
export class MpPartyMeetingController {
  @Inject()
  ctx!: Context;

  @Inject()
  private checkIns!: MeetingCheckInService;

  @Inject()
  private leaves!: MeetingLeaveService;

  @Api(mpPartyMeetingRoutes.checkIn)
  async checkIn({ params, body }: RouteInput<typeof mpPartyMeetingRoutes.checkIn>) {
    const acting = { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
    return { data: await this.checkIns.checkIn(acting, params.id, body) };
  }

  @Api(mpPartyMeetingRoutes.requestLeave)
  async requestLeave({ params, body }: RouteInput<typeof mpPartyMeetingRoutes.requestLeave>) {
    await this.leaves.request({ actor: principalOf(this.ctx), client: clientInfo(this.ctx) }, params.id, body.reason);
  }
}
