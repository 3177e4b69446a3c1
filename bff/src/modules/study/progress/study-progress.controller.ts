import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpStudyRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { StudyProgressService } from './study-progress.service';

/** A member's lesson progress and heartbeats in the mini-program (party_member role, own file only). */
@ForPrincipal('mp')
@RequireRole('party_member')
@Controller('/')
export class MpStudyProgressController {
  @Inject()
  ctx!: Context;

  @Inject()
  private progress!: StudyProgressService;

  @Api(mpStudyRoutes.lessonProgress)
  async lessonProgress({ params }: RouteInput<typeof mpStudyRoutes.lessonProgress>) {
    return { data: await this.progress.progressOf(principalOf(this.ctx).id, params.id) };
  }

  @Api(mpStudyRoutes.heartbeat)
  async heartbeat({ params, body }: RouteInput<typeof mpStudyRoutes.heartbeat>) {
    return { data: await this.progress.heartbeat(principalOf(this.ctx).id, params.id, body) };
  }
}
