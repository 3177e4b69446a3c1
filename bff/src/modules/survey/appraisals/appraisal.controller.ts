import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { appraisalRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { AppraisalAdminService } from './appraisal-admin.service';

/** 民主评议 in the portal. */
@ForPrincipal('staff')
@Controller('/')
export class AppraisalController {
  @Inject()
  ctx!: Context;

  @Inject()
  private appraisals!: AppraisalAdminService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(appraisalRoutes.list)
  async list({ query }: RouteInput<typeof appraisalRoutes.list>) {
    const { items, total } = await this.appraisals.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(appraisalRoutes.create)
  async create({ body }: RouteInput<typeof appraisalRoutes.create>) {
    return { data: await this.appraisals.open(this.acting(), body) };
  }

  @Api(appraisalRoutes.get)
  async get({ params }: RouteInput<typeof appraisalRoutes.get>) {
    return { data: await this.appraisals.get(principalOf(this.ctx), params.id) };
  }

  @Api(appraisalRoutes.close)
  async close({ params }: RouteInput<typeof appraisalRoutes.close>) {
    return { data: await this.appraisals.close(this.acting(), params.id) };
  }
}
