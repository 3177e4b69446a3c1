import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpSurveyRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { RateLimit } from '../../../core/http/rate-limit';
import { AppraisalVoteService } from '../appraisals/appraisal-vote.service';

/**
 * Voting in a democratic appraisal: open to any signed-in user, since residents (群众) vote too; the
 * service decides per request whether, and in which group, the caller votes (404 otherwise).
 */
@ForPrincipal('mp')
@Controller('/')
export class MpAppraisalController {
  @Inject()
  ctx!: Context;

  @Inject()
  private votes!: AppraisalVoteService;

  @Api(mpSurveyRoutes.appraisals)
  async list() {
    return { data: await this.votes.list(principalOf(this.ctx).id) };
  }

  @Api(mpSurveyRoutes.appraisal)
  async get({ params }: RouteInput<typeof mpSurveyRoutes.appraisal>) {
    return { data: await this.votes.get(principalOf(this.ctx).id, params.id) };
  }

  @Api(mpSurveyRoutes.vote)
  @RateLimit({ name: 'survey.answer', limit: 30, windowSec: 60 })
  async vote({ params, body }: RouteInput<typeof mpSurveyRoutes.vote>) {
    return { data: await this.votes.vote(principalOf(this.ctx).id, params.id, body) };
  }
}
