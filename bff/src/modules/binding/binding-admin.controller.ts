import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { bindingAdminRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { Api } from '../../core/http/contract';
import { clientInfo } from '../../core/http/client-info';
import { BindingService } from './binding.service';

@ForPrincipal('staff')
@Controller('/')
export class BindingAdminController {
  @Inject()
  ctx!: Context;

  @Inject()
  private service!: BindingService;

  @Api(bindingAdminRoutes.issue)
  async issue({ body }: RouteInput<typeof bindingAdminRoutes.issue>) {
    return { data: await this.service.issue(principalOf(this.ctx), body, clientInfo(this.ctx)) };
  }

  @Api(bindingAdminRoutes.list)
  async list({ query }: RouteInput<typeof bindingAdminRoutes.list>) {
    const page = { page: query.page, pageSize: query.pageSize };
    const { items, total } = await this.service.list(principalOf(this.ctx), page, query.status);
    return { data: items, page: { ...page, total } };
  }
}
