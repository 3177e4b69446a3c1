import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { studyCourseRoutes as R } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { StudyColumnService } from './column.service';
import { CourseService } from './course.service';
import { EnrolmentService } from './enrolment.service';
import { LessonService } from './lesson.service';

/** 网上党校 in the portal: columns, courses and their lessons, elective requests. */
@ForPrincipal('staff')
@Controller('/')
export class StudyCourseController {
  @Inject()
  ctx!: Context;

  @Inject()
  private columnService!: StudyColumnService;

  @Inject()
  private courses!: CourseService;

  @Inject()
  private lessons!: LessonService;

  @Inject()
  private enrolmentService!: EnrolmentService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(R.columns)
  async columns({ query }: RouteInput<typeof R.columns>) {
    const { items, total } = await this.columnService.list(query.page, query.pageSize);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(R.createColumn)
  async createColumn({ body }: RouteInput<typeof R.createColumn>) {
    return { data: await this.columnService.create(this.acting(), body) };
  }

  @Api(R.updateColumn)
  async updateColumn({ params, body }: RouteInput<typeof R.updateColumn>) {
    return { data: await this.columnService.update(this.acting(), params.id, body) };
  }

  @Api(R.removeColumn)
  async removeColumn({ params }: RouteInput<typeof R.removeColumn>) {
    await this.columnService.remove(this.acting(), params.id);
  }

  @Api(R.list)
  async list({ query }: RouteInput<typeof R.list>) {
    const { items, total } = await this.courses.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(R.get)
  async get({ params }: RouteInput<typeof R.get>) {
    return { data: await this.courses.detail(principalOf(this.ctx), params.id) };
  }

  @Api(R.create)
  async create({ body }: RouteInput<typeof R.create>) {
    return { data: await this.courses.create(this.acting(), body) };
  }

  @Api(R.update)
  async update({ params, body }: RouteInput<typeof R.update>) {
    return { data: await this.courses.update(this.acting(), params.id, body) };
  }

  @Api(R.publish)
  async publish({ params }: RouteInput<typeof R.publish>) {
    return { data: await this.courses.publish(this.acting(), params.id) };
  }

  @Api(R.close)
  async close({ params }: RouteInput<typeof R.close>) {
    return { data: await this.courses.close(this.acting(), params.id) };
  }

  @Api(R.remove)
  async remove({ params }: RouteInput<typeof R.remove>) {
    await this.courses.remove(this.acting(), params.id);
  }

  @Api(R.addLesson)
  async addLesson({ params, body }: RouteInput<typeof R.addLesson>) {
    return { data: await this.lessons.add(this.acting(), params.id, body) };
  }

  @Api(R.updateLesson)
  async updateLesson({ params, body }: RouteInput<typeof R.updateLesson>) {
    return { data: await this.lessons.update(this.acting(), params.id, params.lessonId, body) };
  }

  @Api(R.removeLesson)
  async removeLesson({ params }: RouteInput<typeof R.removeLesson>) {
    await this.lessons.remove(this.acting(), params.id, params.lessonId);
  }

  @Api(R.reorderLessons)
  async reorderLessons({ params, body }: RouteInput<typeof R.reorderLessons>) {
    return { data: await this.lessons.reorder(this.acting(), params.id, body.lessonIds) };
  }

  @Api(R.enrolments)
  async enrolments({ query }: RouteInput<typeof R.enrolments>) {
    const { items, total } = await this.enrolmentService.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(R.approveEnrolment)
  async approveEnrolment({ params }: RouteInput<typeof R.approveEnrolment>) {
    return { data: await this.enrolmentService.decide(this.acting(), params.id, 'approved', null) };
  }

  @Api(R.rejectEnrolment)
  async rejectEnrolment({ params, body }: RouteInput<typeof R.rejectEnrolment>) {
    return { data: await this.enrolmentService.decide(this.acting(), params.id, 'rejected', body.reason) };
  }
}
