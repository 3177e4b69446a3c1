import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { caseConfigRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { clientInfo } from '../../../core/http/client-info';
import { Api } from '../../../core/http/contract';
import type { Acting } from '../../../core/audit';
import { CaseCategoryAdminService } from './case-category.service';

const routes = caseConfigRoutes;

/** 问题类型 (managed list with SLA and responsible department): read by case staff, edited at town level. */
@ForPrincipal('staff')
@Controller('/')
export class CaseCategoryController {
  @Inject()
  ctx!: Context;

  @Inject()
  private categories!: CaseCategoryAdminService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(routes.listCategories)
  async list() {
    return { data: await this.categories.list() };
  }

  @Api(routes.createCategory)
  async create({ body }: RouteInput<typeof routes.createCategory>) {
    return { data: await this.categories.create(this.acting(), body) };
  }

  @Api(routes.updateCategory)
  async update({ params, body }: RouteInput<typeof routes.updateCategory>) {
    return { data: await this.categories.update(this.acting(), params.code, body) };
  }
}
