import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpConsultationRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { RateLimit } from '../../../core/http/rate-limit';
import { SurveyAnswerService } from '../surveys/survey-answer.service';

/** Residents' 议事协商 of their village or community, for any signed-in user. */
@ForPrincipal('mp')
@Controller('/')
export class MpConsultationController {
  @Inject()
  ctx!: Context;

  @Inject()
  private answers!: SurveyAnswerService;

  private me() {
    return this.answers.asResident(principalOf(this.ctx).id);
  }

  @Api(mpConsultationRoutes.list)
  async list({ query }: RouteInput<typeof mpConsultationRoutes.list>) {
    const { items, total } = await this.answers.list(await this.me(), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(mpConsultationRoutes.get)
  async get({ params }: RouteInput<typeof mpConsultationRoutes.get>) {
    return { data: await this.answers.get(await this.me(), params.id) };
  }

  @Api(mpConsultationRoutes.answer)
  @RateLimit({ name: 'survey.answer', limit: 30, windowSec: 60 })
  async respond({ params, body }: RouteInput<typeof mpConsultationRoutes.answer>) {
    await this.answers.answer(await this.me(), params.id, body);
    return { data: { submitted: true as const } };
  }
}
