import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { mpStudyCourseRoutes as R } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { CourseMpService } from './course-mp.service';

/** A member's party school in the mini-program (party_member role, linked member file). */
@ForPrincipal('mp')
@RequireRole('party_member')
@Controller('/')
export class MpStudyCourseController {
  @Inject()
  ctx!: Context;

  @Inject()
  private school!: CourseMpService;

  @Api(R.home)
  async home() {
    return { data: await this.school.home(principalOf(this.ctx).id) };
  }

  @Api(R.course)
  async course({ params }: RouteInput<typeof R.course>) {
    return { data: await this.school.course(principalOf(this.ctx).id, params.id) };
  }

  @Api(R.enrol)
  async enrol({ params }: RouteInput<typeof R.enrol>) {
    return { data: await this.school.enrol(principalOf(this.ctx).id, params.id) };
  }

  @Api(R.lesson)
  async lesson({ params }: RouteInput<typeof R.lesson>) {
    return { data: await this.school.lesson(principalOf(this.ctx).id, params.id) };
  }
}
