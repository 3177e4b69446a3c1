import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { Brackets, DataSource, In } from 'typeorm';
import { toTenths } from '@zhili/shared';
import type { CourseStatus, StudyCourseDetailVO, StudyCourseInput, StudyCourseVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { Acting, AuditActorService } from '../../../core/audit';
import type { AuditAction } from '@zhili/shared';
import { likeEscape, needsPrefixRange, prefixCondition } from '../../../core/scope/data-scope';
import { inPartyScope, PartyOrg, PartyScopeService, scopePrefixesOf } from './course-scope';
import type { PartyScope } from '../../party';
import { conflict, courseNotFound, invalid } from './course-errors';
import { CourseViewsService } from './course-views.service';
import { StudyColumn } from './study-column.entity';
import { StudyCourse } from './study-course.entity';
import { StudyEnrolment } from './study-enrolment.entity';
import { StudyLessonEntity } from './study-lesson.entity';

export interface CourseListQuery {
  page: number;
  pageSize: number;
  columnId?: string;
  status?: CourseStatus;
  required?: boolean;
  q?: string;
}

/**
 * Courses in the portal. A course belongs to an organisation (`orgPath`): staff of that subtree edit
 * it, the town committee (`party:manage`) all of them; a branch also sees the town-wide courses
 * (audience `all`, once published) read-only. Everything else answers 404.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CourseService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private views!: CourseViewsService;

  @Inject()
  private audit!: AuditActorService;

  async list(principal: Principal, q: CourseListQuery): Promise<{ items: StudyCourseVO[]; total: number }> {
    const scope = await this.scopes.scopeOf(principal);
    const qb = this.dataSource.getRepository(StudyCourse).createQueryBuilder('c');
    const prefixes = scopePrefixesOf(scope);
    if (prefixes !== null) {
      const range = needsPrefixRange(this.dataSource);
      qb.andWhere(
        new Brackets((or) => {
          prefixes.forEach((p, i) => or.orWhere(...prefixCondition('c.org_path', p, `scope${i}`, range)));
          or.orWhere("(c.audience = 'all' AND c.status <> 'draft')");
        }),
      );
    }
    if (q.columnId) qb.andWhere('c.column_id = :columnId', { columnId: q.columnId });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.required !== undefined) qb.andWhere('c.required = :required', { required: q.required ? 1 : 0 });
    if (q.q) qb.andWhere("c.title LIKE :kw ESCAPE '!'", { kw: `%${likeEscape(q.q)}%` });
    const [courses, total] = await qb
      .orderBy('c.createdAt', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.views.courses(scope, courses), total };
  }

  /** A course the caller may see (their own subtree's, or a published town-wide one). */
  async visible(principal: Principal, id: string): Promise<{ course: StudyCourse; scope: PartyScope }> {
    const scope = await this.scopes.scopeOf(principal);
    const course = await this.dataSource.getRepository(StudyCourse).findOneBy({ id });
    if (!course) throw courseNotFound();
    const townWide = course.audience === 'all' && course.status !== 'draft';
    if (!inPartyScope(scope, course.orgPath) && !townWide) throw courseNotFound();
    return { course, scope };
  }

  /** A course the caller may change: in their subtree (a town-wide course of the town is read-only to a branch). */
  async editable(principal: Principal, id: string): Promise<{ course: StudyCourse; scope: PartyScope }> {
    const found = await this.visible(principal, id);
    if (!inPartyScope(found.scope, found.course.orgPath)) throw courseNotFound();
    return found;
  }

  async detail(principal: Principal, id: string): Promise<StudyCourseDetailVO> {
    const { course, scope } = await this.visible(principal, id);
    const lessons = await this.dataSource
      .getRepository(StudyLessonEntity)
      .find({ where: { courseId: id }, order: { sortOrder: 'ASC', createdAt: 'ASC' } });
    const [vo] = await this.views.courses(scope, [course]);
    return { ...vo, lessons: lessons.map((l) => this.views.lesson(l)) };
  }

  async create(acting: Acting, input: StudyCourseInput): Promise<StudyCourseVO> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const course = this.dataSource.getRepository(StudyCourse).create({
      id: randomUUID(),
      ...(await this.fieldsOf(scope, input)),
      status: 'draft',
      publishedAt: null,
      closedAt: null,
      actorId: acting.actor.id,
    });
    await this.dataSource.getRepository(StudyCourse).insert(course);
    await this.record(acting, 'party.study.course.save', course.id);
    return (await this.views.courses(scope, [course]))[0];
  }

  /** Drafts and published courses can be changed (a typo, a later closing day); closed ones are kept as they were. */
  async update(acting: Acting, id: string, input: StudyCourseInput): Promise<StudyCourseVO> {
    const { course, scope } = await this.editable(acting.actor, id);
    if (course.status === 'closed') throw conflict('课程已结束，不能再修改');
    const fields = await this.fieldsOf(scope, input);
    if (course.status === 'published' && fields.required !== !!course.required)
      throw invalid('required', '已发布的课程不能改变必修或选修，请另建课程');
    Object.assign(course, fields);
    await this.dataSource.getRepository(StudyCourse).update({ id }, fields);
    await this.record(acting, 'party.study.course.save', id);
    return (await this.views.courses(scope, [course]))[0];
  }

  async publish(acting: Acting, id: string, now: Date = new Date()): Promise<StudyCourseVO> {
    const { course, scope } = await this.editable(acting.actor, id);
    if (course.status === 'closed') throw conflict('课程已结束，不能再发布；如需再次开课请新建课程');
    if (course.status === 'draft') {
      const lessons = await this.dataSource.getRepository(StudyLessonEntity).countBy({ courseId: id });
      if (lessons === 0) throw conflict('课程还没有课时，请先添加至少一个课时再发布');
      course.status = 'published';
      course.publishedAt = now.toISOString();
      await this.dataSource
        .getRepository(StudyCourse)
        .update({ id }, { status: course.status, publishedAt: course.publishedAt });
      await this.record(acting, 'party.study.course.publish', id);
    }
    return (await this.views.courses(scope, [course]))[0];
  }

  async close(acting: Acting, id: string, now: Date = new Date()): Promise<StudyCourseVO> {
    const { course, scope } = await this.editable(acting.actor, id);
    if (course.status === 'draft') throw conflict('草稿尚未发布，不需要结束；不需要的草稿可以删除');
    if (course.status === 'published') {
      course.status = 'closed';
      course.closedAt = now.toISOString();
      await this.dataSource.getRepository(StudyCourse).update({ id }, { status: 'closed', closedAt: course.closedAt });
      await this.record(acting, 'party.study.course.close', id);
    }
    return (await this.views.courses(scope, [course]))[0];
  }

  /** Only a draft can be deleted: once published, members may have studied it. */
  async remove(acting: Acting, id: string): Promise<void> {
    const { course } = await this.editable(acting.actor, id);
    if (course.status !== 'draft') throw conflict('已发布的课程有学习记录，不能删除；不再需要时请“结束课程”');
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(StudyLessonEntity).delete({ courseId: id });
      await m.getRepository(StudyEnrolment).delete({ courseId: id });
      await m.getRepository(StudyCourse).delete({ id });
    });
    await this.record(acting, 'party.study.course.delete', id);
  }

  /** The stored fields of an input, checked against the caller's scope. */
  private async fieldsOf(scope: PartyScope, input: StudyCourseInput) {
    if (!(await this.dataSource.getRepository(StudyColumn).existsBy({ id: input.columnId })))
      throw invalid('columnId', '栏目不存在，请重新选择');
    const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: input.orgId });
    if (!org || !inPartyScope(scope, org.path)) throw invalid('orgId', '党组织不存在或不在您的负责范围内');
    let audienceOrgs: PartyOrg[] = [];
    if (input.audience === 'all') {
      if (!scope.all) throw invalid('audience', '只有镇党委可以面向全体党员开课');
    } else {
      const ids = [...new Set(input.audienceOrgIds)];
      audienceOrgs = await this.dataSource.getRepository(PartyOrg).findBy({ id: In(ids) });
      if (audienceOrgs.length !== ids.length || audienceOrgs.some((o) => !inPartyScope(scope, o.path)))
        throw invalid('audienceOrgIds', '学习的党组织不存在或不在您的负责范围内');
    }
    return {
      columnId: input.columnId,
      orgId: org.id,
      orgPath: org.path,
      title: input.title,
      summary: input.summary?.trim() || null,
      required: input.required,
      hoursTenths: toTenths(input.hours),
      creditsTenths: toTenths(input.credits),
      opensOn: input.opensOn ?? null,
      closesOn: input.closesOn ?? null,
      audience: input.audience,
      audienceOrgIds: audienceOrgs.map((o) => o.id),
      audiencePaths: audienceOrgs.map((o) => o.path),
      // A required course is for everyone addressed: approval only makes sense for electives.
      needsApproval: !input.required && input.needsApproval,
    };
  }

  private async record(acting: Acting, action: AuditAction, id: string) {
    await this.audit.record(acting, { action, resourceType: 'study_course', resourceId: id, result: 'success' });
  }
}
