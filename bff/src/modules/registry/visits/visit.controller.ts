import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { visitRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { RegionService } from '../../region';
import { VisitDueService } from './visit-due.service';
import { VisitService } from './visit.service';

/**
 * Visits in the admin portal. Recording needs only `person:read` (grid staff who may see a person
 * may note that they visited them); the person must lie in the caller's scope (404 otherwise).
 */
@ForPrincipal('staff')
@Controller('/')
export class VisitController {
  @Inject()
  ctx!: Context;

  @Inject()
  private visits!: VisitService;

  @Inject()
  private due!: VisitDueService;

  @Inject()
  private regions!: RegionService;

  private async regionPath(regionId: string | undefined): Promise<string | undefined> {
    return regionId ? (await this.regions.getInScope(principalOf(this.ctx), regionId)).path : undefined;
  }

  @Api(visitRoutes.list)
  async list({ query: q }: RouteInput<typeof visitRoutes.list>) {
    const { items, total } = await this.visits.list(principalOf(this.ctx), {
      personId: q.personId,
      regionPath: await this.regionPath(q.regionId),
      page: q.page,
      pageSize: q.pageSize,
    });
    return { data: items, page: { page: q.page, pageSize: q.pageSize, total } };
  }

  @Api(visitRoutes.due)
  async dueList({ query: q }: RouteInput<typeof visitRoutes.due>) {
    const { items, total } = await this.due.page(
      principalOf(this.ctx),
      { regionPath: await this.regionPath(q.regionId), status: q.status },
      q.page,
      q.pageSize,
    );
    return { data: items, page: { page: q.page, pageSize: q.pageSize, total } };
  }

  @Api(visitRoutes.create)
  async create({ body }: RouteInput<typeof visitRoutes.create>) {
    const acting = { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
    return { data: await this.visits.record(acting, body) };
  }
}
