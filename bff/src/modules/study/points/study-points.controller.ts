import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { studyPointsRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { StaffPointsService } from './staff-points.service';

/** The points rule table and the points ranking in the portal (study:manage, party scope). */
@ForPrincipal('staff')
@Controller('/')
export class StudyPointsController {
  @Inject()
  ctx!: Context;

  @Inject()
  private points!: StaffPointsService;

  @Api(studyPointsRoutes.rules)
  async rules() {
    return { data: await this.points.rules() };
  }

  @Api(studyPointsRoutes.saveRules)
  async saveRules({ body }: RouteInput<typeof studyPointsRoutes.saveRules>) {
    const acting = { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
    return { data: await this.points.saveRules(acting, body) };
  }

  @Api(studyPointsRoutes.ranking)
  async ranking({ query }: RouteInput<typeof studyPointsRoutes.ranking>) {
    const { items, total } = await this.points.ranking(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }
}
