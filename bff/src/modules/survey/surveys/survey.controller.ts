import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { surveyRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { RateLimit } from '../../../core/http/rate-limit';
import { attachmentHeader, XLSX_MIME } from '../../registry';
import { SurveyAdminService } from './survey-admin.service';
import { SurveyResultsService } from './survey-results.service';

/** 问卷 and 议事协商 in the portal. */
@ForPrincipal('staff')
@Controller('/')
export class SurveyController {
  @Inject()
  ctx!: Context;

  @Inject()
  private surveys!: SurveyAdminService;

  @Inject()
  private results!: SurveyResultsService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(surveyRoutes.list)
  async list({ query }: RouteInput<typeof surveyRoutes.list>) {
    const { items, total } = await this.surveys.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(surveyRoutes.targets)
  async targets() {
    return { data: await this.surveys.targets(principalOf(this.ctx)) };
  }

  @Api(surveyRoutes.create)
  async create({ body }: RouteInput<typeof surveyRoutes.create>) {
    return { data: await this.surveys.create(this.acting(), body) };
  }

  @Api(surveyRoutes.get)
  async get({ params }: RouteInput<typeof surveyRoutes.get>) {
    return { data: await this.surveys.toVO(await this.surveys.getInScope(principalOf(this.ctx), params.id)) };
  }

  @Api(surveyRoutes.update)
  async update({ params, body }: RouteInput<typeof surveyRoutes.update>) {
    return { data: await this.surveys.update(this.acting(), params.id, body) };
  }

  @Api(surveyRoutes.publish)
  async publish({ params }: RouteInput<typeof surveyRoutes.publish>) {
    return { data: await this.surveys.publish(this.acting(), params.id) };
  }

  @Api(surveyRoutes.close)
  async close({ params }: RouteInput<typeof surveyRoutes.close>) {
    return { data: await this.surveys.close(this.acting(), params.id) };
  }

  @Api(surveyRoutes.results)
  async resultsOf({ params }: RouteInput<typeof surveyRoutes.results>) {
    return { data: await this.results.results(principalOf(this.ctx), params.id) };
  }

  @Api(surveyRoutes.exportResults)
  @RateLimit({ name: 'survey.export', limit: 20, windowSec: 600 })
  async exportResults({ params }: RouteInput<typeof surveyRoutes.exportResults>) {
    const { buffer } = await this.results.export(this.acting(), params.id);
    const stamp = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    this.ctx.set('Content-Type', XLSX_MIME);
    this.ctx.set('Content-Disposition', attachmentHeader(`问卷结果-${stamp}.xlsx`, `survey-results-${stamp}.xlsx`));
    this.ctx.set('Cache-Control', 'no-store');
    this.ctx.body = buffer;
  }
}
