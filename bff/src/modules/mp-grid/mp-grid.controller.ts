import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpGridRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { RequireRole } from '../../core/auth/require-permission.decorator';
import { Api } from '../../core/http/contract';
import { clientInfo } from '../../core/http/client-info';
import { VisitDueService, VisitService } from '../registry';
import { GridWorker, GridWorkerResolver } from './grid-worker';
import { MpGridService } from './mp-grid.service';

const routes = mpGridRoutes;

/**
 * The grid worker's desk in the mini-program (grid subpackage). Only mini-program users holding the
 * grid_worker role (checked against the database on every request) get in; everything is limited
 * to their grid and masked.
 */
@ForPrincipal('mp')
@RequireRole('grid_worker')
@Controller('/')
export class MpGridController {
  @Inject()
  ctx!: Context;

  @Inject()
  private workers!: GridWorkerResolver;

  @Inject()
  private grid!: MpGridService;

  @Inject()
  private due!: VisitDueService;

  @Inject()
  private visits!: VisitService;

  private worker(): Promise<GridWorker> {
    return this.workers.resolve(principalOf(this.ctx));
  }

  @Api(routes.overview)
  async overview() {
    return { data: await this.grid.overview(await this.worker()) };
  }

  @Api(routes.households)
  async households({ query: q }: RouteInput<typeof routes.households>) {
    const { principal } = await this.worker();
    const { items, total } = await this.grid.households(principal, {
      q: q.q,
      type: q.type,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { data: items, page: { page: q.page, pageSize: q.pageSize, total } };
  }

  @Api(routes.household)
  async household({ params }: RouteInput<typeof routes.household>) {
    return { data: await this.grid.household((await this.worker()).principal, params.id) };
  }

  @Api(routes.persons)
  async persons({ query: q }: RouteInput<typeof routes.persons>) {
    const { principal } = await this.worker();
    const { items, total } = await this.grid.persons(principal, {
      q: q.q,
      tags: q.tag ?? [],
      page: q.page,
      pageSize: q.pageSize,
    });
    return { data: items, page: { page: q.page, pageSize: q.pageSize, total } };
  }

  @Api(routes.person)
  async person({ params }: RouteInput<typeof routes.person>) {
    return { data: await this.grid.person((await this.worker()).principal, params.id) };
  }

  @Api(routes.visitsDue)
  async visitsDue({ query: q }: RouteInput<typeof routes.visitsDue>) {
    const { items, total } = await this.due.page(
      (await this.worker()).principal,
      { status: q.status },
      q.page,
      q.pageSize,
    );
    return { data: items, page: { page: q.page, pageSize: q.pageSize, total } };
  }

  @Api(routes.recordVisit)
  async record({ body }: RouteInput<typeof routes.recordVisit>) {
    const { principal } = await this.worker();
    return { data: await this.visits.record({ actor: principal, client: clientInfo(this.ctx) }, body) };
  }
}
