import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { partyNoticeRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { NoticeService } from './notice.service';

/** 党务公开 in the portal: drafts, publishing, pinning, read counts. */
@ForPrincipal('staff')
@Controller('/')
export class PartyNoticeController {
  @Inject()
  ctx!: Context;

  @Inject()
  private notices!: NoticeService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(partyNoticeRoutes.list)
  async list({ query }: RouteInput<typeof partyNoticeRoutes.list>) {
    const { items, total } = await this.notices.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(partyNoticeRoutes.create)
  async create({ body }: RouteInput<typeof partyNoticeRoutes.create>) {
    return { data: await this.notices.create(this.acting(), body) };
  }

  @Api(partyNoticeRoutes.update)
  async update({ params, body }: RouteInput<typeof partyNoticeRoutes.update>) {
    return { data: await this.notices.update(this.acting(), params.id, body) };
  }

  @Api(partyNoticeRoutes.publish)
  async publish({ params }: RouteInput<typeof partyNoticeRoutes.publish>) {
    return { data: await this.notices.publish(this.acting(), params.id) };
  }

  @Api(partyNoticeRoutes.withdraw)
  async withdraw({ params }: RouteInput<typeof partyNoticeRoutes.withdraw>) {
    return { data: await this.notices.withdraw(this.acting(), params.id) };
  }

  @Api(partyNoticeRoutes.pin)
  async pin({ params, body }: RouteInput<typeof partyNoticeRoutes.pin>) {
    return { data: await this.notices.pin(this.acting(), params.id, body.pinned) };
  }
}
