import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpSurveyRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { RateLimit } from '../../../core/http/rate-limit';
import { SurveyAnswerService } from '../surveys/survey-answer.service';

/** A member's surveys in the mini-program (party_member role; the member file is re-read each time). */
@ForPrincipal('mp')
@RequireRole('party_member')
@Controller('/')
export class MpMemberSurveyController {
  @Inject()
  ctx!: Context;

  @Inject()
  private answers!: SurveyAnswerService;

  private me() {
    return this.answers.asMember(principalOf(this.ctx).id);
  }

  @Api(mpSurveyRoutes.list)
  async list({ query }: RouteInput<typeof mpSurveyRoutes.list>) {
    const { items, total } = await this.answers.list(await this.me(), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(mpSurveyRoutes.get)
  async get({ params }: RouteInput<typeof mpSurveyRoutes.get>) {
    return { data: await this.answers.get(await this.me(), params.id) };
  }

  @Api(mpSurveyRoutes.answer)
  @RateLimit({ name: 'survey.answer', limit: 30, windowSec: 60 })
  async respond({ params, body }: RouteInput<typeof mpSurveyRoutes.answer>) {
    await this.answers.answer(await this.me(), params.id, body);
    return { data: { submitted: true as const } };
  }
}
