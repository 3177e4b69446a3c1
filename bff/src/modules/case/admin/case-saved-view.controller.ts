import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { caseSavedViewRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { CaseSavedViewService } from './case-saved-view.service';

const routes = caseSavedViewRoutes;

/** 工单视图: the caller's own saved inbox filters. */
@ForPrincipal('staff')
@Controller('/')
export class CaseSavedViewController {
  @Inject()
  ctx!: Context;

  @Inject()
  private views!: CaseSavedViewService;

  @Api(routes.list)
  async list() {
    return { data: await this.views.list(principalOf(this.ctx)) };
  }

  @Api(routes.create)
  async create({ body }: RouteInput<typeof routes.create>) {
    return { data: await this.views.create(principalOf(this.ctx), body.name, body.filters) };
  }

  @Api(routes.remove)
  async remove({ params }: RouteInput<typeof routes.remove>) {
    await this.views.remove(principalOf(this.ctx), params.id);
  }
}
