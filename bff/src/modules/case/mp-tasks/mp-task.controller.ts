import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpTaskRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { Api } from '../../../core/http/contract';
import { GridWorker, GridWorkerResolver } from '../../mp-grid';
import { MpTaskService } from './mp-task.service';

const routes = mpTaskRoutes;

/**
 * The grid worker's tasks in the mini-program: cases dispatched to them. The grid_worker role is
 * checked from the token by the guard and again from the database on every request.
 */
@ForPrincipal('mp')
@RequireRole('grid_worker')
@Controller('/')
export class MpTaskController {
  @Inject()
  ctx!: Context;

  @Inject()
  private workers!: GridWorkerResolver;

  @Inject()
  private tasks!: MpTaskService;

  private worker(): Promise<GridWorker> {
    return this.workers.resolve(principalOf(this.ctx));
  }

  @Api(routes.list)
  async list({ query }: RouteInput<typeof routes.list>) {
    const { items, total } = await this.tasks.list(await this.worker(), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(routes.detail)
  async detail({ params }: RouteInput<typeof routes.detail>) {
    return { data: await this.tasks.detail(await this.worker(), params.id) };
  }

  @Api(routes.act)
  async act({ params, body }: RouteInput<typeof routes.act>) {
    return { data: await this.tasks.act(await this.worker(), params.id, body) };
  }

  @Api(routes.note)
  async note({ params, body }: RouteInput<typeof routes.note>) {
    return { data: await this.tasks.note(await this.worker(), params.id, body.note, body.photoIds ?? []) };
  }
}
