import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { casePublicationRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { CasePublicationService } from './case-publication.service';

/** 政务公开: what Open311 shows of a case; the public text is written by staff who handle the case. */
@ForPrincipal('staff')
@Controller('/')
export class CasePublicationController {
  @Inject()
  ctx!: Context;

  @Inject()
  private publication!: CasePublicationService;

  @Api(casePublicationRoutes.get)
  async get({ params }: RouteInput<typeof casePublicationRoutes.get>) {
    return { data: await this.publication.get(principalOf(this.ctx), params.id) };
  }

  @Api(casePublicationRoutes.update)
  async update({ params, body }: RouteInput<typeof casePublicationRoutes.update>) {
    const acting = { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
    return { data: await this.publication.update(acting, params.id, body.publicDescription) };
  }
}
