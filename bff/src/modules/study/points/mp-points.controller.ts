import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpStudyRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { MpPointsService } from './mp-points.service';

/** My points, my ledger and the ranking in the mini-program (party_member role). */
@ForPrincipal('mp')
@RequireRole('party_member')
@Controller('/')
export class MpStudyPointsController {
  @Inject()
  ctx!: Context;

  @Inject()
  private points!: MpPointsService;

  @Api(mpStudyRoutes.me)
  async me() {
    return { data: await this.points.me(principalOf(this.ctx).id) };
  }

  @Api(mpStudyRoutes.points)
  async ledger({ query }: RouteInput<typeof mpStudyRoutes.points>) {
    const { items, total } = await this.points.ledger(principalOf(this.ctx).id, query.page, query.pageSize);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(mpStudyRoutes.ranking)
  async ranking({ query }: RouteInput<typeof mpStudyRoutes.ranking>) {
    return { data: await this.points.ranking(principalOf(this.ctx).id, query.scope, query.period) };
  }
}
