import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpPartyNoticeRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { NoticeMpService } from './notice-mp.service';

/** A member's 党务公开 in the mini-program (party_member role). */
@ForPrincipal('mp')
@RequireRole('party_member')
@Controller('/')
export class MpPartyNoticeController {
  @Inject()
  ctx!: Context;

  @Inject()
  private notices!: NoticeMpService;

  @Api(mpPartyNoticeRoutes.list)
  async list({ query }: RouteInput<typeof mpPartyNoticeRoutes.list>) {
    const { items, total } = await this.notices.list(principalOf(this.ctx).id, query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(mpPartyNoticeRoutes.unread)
  async unread() {
    return { data: { unread: await this.notices.unread(principalOf(this.ctx).id) } };
  }

  @Api(mpPartyNoticeRoutes.get)
  async get({ params }: RouteInput<typeof mpPartyNoticeRoutes.get>) {
    return { data: await this.notices.open(principalOf(this.ctx).id, params.id) };
  }
}
