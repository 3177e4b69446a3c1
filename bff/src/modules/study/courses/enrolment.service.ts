import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In } from 'typeorm';
import type { EnrolmentStatus, StudyEnrolmentVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import {
  applyPartyScope,
  inPartyScope,
  MemberPeopleService,
  PartyMember,
  PartyOrg,
  PartyScopeService,
} from '../../party';
import { conflict } from './course-errors';
import { StudyCourse } from './study-course.entity';
import { StudyEnrolment } from './study-enrolment.entity';

/**
 * Elective requests (选课): a member asks for an elective that needs approval; the staff of the
 * member's organisation (their secretary, or the town committee) approve or refuse with a reason.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class EnrolmentService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private people!: MemberPeopleService;

  @Inject()
  private audit!: AuditActorService;

  async list(
    principal: Principal,
    q: { page: number; pageSize: number; status?: EnrolmentStatus; courseId?: string },
  ): Promise<{ items: StudyEnrolmentVO[]; total: number }> {
    const scope = await this.scopes.scopeOf(principal);
    const qb = applyPartyScope(
      this.dataSource.getRepository(StudyEnrolment).createQueryBuilder('e'),
      scope,
      'e.org_path',
    );
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    if (q.courseId) qb.andWhere('e.course_id = :courseId', { courseId: q.courseId });
    const [rows, total] = await qb
      .orderBy('e.requestedAt', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.toVOs(rows), total };
  }

  async decide(
    acting: Acting,
    id: string,
    status: 'approved' | 'rejected',
    reason: string | null,
    now: Date = new Date(),
  ): Promise<StudyEnrolmentVO> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const row = await this.dataSource.getRepository(StudyEnrolment).findOneBy({ id });
    if (!row || !inPartyScope(scope, row.orgPath))
      throw new AppError('NOT_FOUND', '选课申请不存在或不在您的负责范围内');
    if (row.status !== 'pending') throw conflict('该申请已审核过了');
    const fields = { status, reason, decidedAt: now.toISOString(), decidedBy: acting.actor.id };
    // Conditional on still pending: two reviewers at once cannot both decide.
    const result = await this.dataSource
      .getRepository(StudyEnrolment)
      .createQueryBuilder()
      .update(StudyEnrolment)
      .set(fields)
      .where("id = :id AND status = 'pending'", { id })
      .execute();
    if (result.affected === 0) throw conflict('该申请已审核过了');
    Object.assign(row, fields);
    await this.audit.record(acting, {
      action: 'party.study.enrolment.decide',
      resourceType: 'study_enrolment',
      resourceId: id,
      result: 'success',
      detail: { status },
    });
    return (await this.toVOs([row]))[0];
  }

  /**
   * A member asks to study an elective that needs approval. Asking again after a refusal reopens the
   * request; asking while pending or approved changes nothing.
   */
  async request(member: PartyMember, course: StudyCourse, now: Date = new Date()): Promise<StudyEnrolment> {
    if (course.required || !course.needsApproval) throw conflict('这门课程不需要申请，可以直接学习');
    const repo = this.dataSource.getRepository(StudyEnrolment);
    const existing = await repo.findOneBy({ courseId: course.id, memberId: member.id });
    if (existing && existing.status !== 'rejected') return existing;
    if (existing) {
      Object.assign(existing, {
        status: 'pending',
        requestedAt: now.toISOString(),
        decidedAt: null,
        decidedBy: null,
        reason: null,
        orgPath: member.orgPath,
      });
      await repo.save(existing);
      return existing;
    }
    const row = repo.create({
      id: randomUUID(),
      courseId: course.id,
      memberId: member.id,
      orgPath: member.orgPath,
      status: 'pending',
      requestedAt: now.toISOString(),
      decidedAt: null,
      decidedBy: null,
      reason: null,
    });
    try {
      await repo.insert(row);
    } catch {
      // A double tap: the other request won; answer with it.
      const won = await repo.findOneBy({ courseId: course.id, memberId: member.id });
      if (won) return won;
      throw conflict('申请未能提交，请稍后再试');
    }
    return row;
  }

  private async toVOs(rows: readonly StudyEnrolment[]): Promise<StudyEnrolmentVO[]> {
    if (rows.length === 0) return [];
    const courses = await this.dataSource
      .getRepository(StudyCourse)
      .findBy({ id: In([...new Set(rows.map((r) => r.courseId))]) });
    const members = await this.dataSource
      .getRepository(PartyMember)
      .findBy({ id: In([...new Set(rows.map((r) => r.memberId))]) });
    const orgs = await this.dataSource
      .getRepository(PartyOrg)
      .findBy({ id: In([...new Set(members.map((m) => m.orgId))]) });
    const people = await this.people.namesOf(members);
    const titles = new Map(courses.map((c) => [c.id, c.title]));
    const byMember = new Map(members.map((m) => [m.id, m]));
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    return rows.map((r) => {
      const m = byMember.get(r.memberId);
      return {
        id: r.id,
        courseId: r.courseId,
        courseTitle: titles.get(r.courseId) ?? '',
        memberId: r.memberId,
        memberName: people.get(r.memberId) ?? '',
        orgName: m ? (orgNames.get(m.orgId) ?? '') : '',
        status: r.status,
        requestedAt: r.requestedAt,
        decidedAt: r.decidedAt,
        reason: r.reason,
      };
    });
  }
}
