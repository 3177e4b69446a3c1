import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { examRoutes as R } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import type { Acting } from '../../../core/audit';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { RateLimit } from '../../../core/http/rate-limit';
import { attachmentHeader, XLSX_MIME } from '../../registry';
import { ExamResultsService } from './exam-results.service';
import { ExamService } from './exam.service';

/** 考试: exams, their results, score distribution and item analysis, the xlsx of results. */
@ForPrincipal('staff')
@Controller('/')
export class ExamController {
  @Inject()
  ctx!: Context;

  @Inject()
  private exams!: ExamService;

  @Inject()
  private results!: ExamResultsService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(R.list)
  async list({ query }: RouteInput<typeof R.list>) {
    const { items, total } = await this.exams.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(R.get)
  async get({ params }: RouteInput<typeof R.get>) {
    return { data: await this.exams.get(principalOf(this.ctx), params.id) };
  }

  @Api(R.create)
  async create({ body }: RouteInput<typeof R.create>) {
    return { data: await this.exams.create(this.acting(), body) };
  }

  @Api(R.update)
  async update({ params, body }: RouteInput<typeof R.update>) {
    return { data: await this.exams.update(this.acting(), params.id, body) };
  }

  @Api(R.publish)
  async publish({ params }: RouteInput<typeof R.publish>) {
    return { data: await this.exams.publish(this.acting(), params.id) };
  }

  @Api(R.remove)
  async remove({ params }: RouteInput<typeof R.remove>) {
    await this.exams.remove(this.acting(), params.id);
  }

  @Api(R.results)
  async resultList({ params, query }: RouteInput<typeof R.results>) {
    const { items, total } = await this.results.results(principalOf(this.ctx), params.id, query.page, query.pageSize);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(R.analysis)
  async analysis({ params }: RouteInput<typeof R.analysis>) {
    return { data: await this.results.analysis(principalOf(this.ctx), params.id) };
  }

  @Api(R.exportResults)
  @RateLimit({ name: 'exam.export', limit: 20, windowSec: 600 })
  async exportResults({ params }: RouteInput<typeof R.exportResults>) {
    const { buffer, title } = await this.results.exportXlsx(this.acting(), params.id);
    this.ctx.set('Content-Type', XLSX_MIME);
    this.ctx.set('Content-Disposition', attachmentHeader(`${title}-成绩.xlsx`, 'exam-results.xlsx'));
    this.ctx.set('Cache-Control', 'no-store');
    this.ctx.body = buffer;
  }
}
