import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { examState, type ExamInput, type ExamState, type ExamVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { Acting, AuditActorService } from '../../../core/audit';
import type { AuditAction } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { inPartyScope, PartyOrg, type PartyScope } from '../../party';
import { ExamAttempt } from '../attempts/exam-attempt.entity';
import { QuestionService } from '../bank/question.service';
import { ExamClock } from '../exam-clock';
import { ExamOrgsService } from '../exam-orgs.service';
import { readableIn, whereReadable } from '../exam-scope';
import { Exam } from './exam.entity';

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);

/** Number of questions of a paper. */
export const questionCountOf = (exam: Pick<Exam, 'paperKind' | 'questionIds' | 'sections'>) =>
  exam.paperKind === 'fixed' ? exam.questionIds.length : exam.sections.reduce((n, s) => n + s.count, 0);

export const stateOf = (exam: Exam, now: number): ExamState =>
  examState(
    {
      published: !!exam.publishedAt,
      opensAt: Date.parse(exam.opensAt),
      closesAt: exam.closesAt ? Date.parse(exam.closesAt) : null,
    },
    now,
  );

/** Exams for staff: drafts, the paper and window, publishing; a higher organisation's exams read-only. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ExamService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private orgs!: ExamOrgsService;

  @Inject()
  private questions!: QuestionService;

  @Inject()
  private clock!: ExamClock;

  @Inject()
  private audit!: AuditActorService;

  async list(
    principal: Principal,
    query: { page: number; pageSize: number; q?: string; state?: ExamState },
  ): Promise<{ items: ExamVO[]; total: number }> {
    const scope = await this.orgs.scopeOf(principal);
    const qb = whereReadable(this.dataSource.getRepository(Exam).createQueryBuilder('e'), scope, 'e.org_path');
    if (query.q) qb.andWhere('e.title LIKE :kw', { kw: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const now = this.clock.now();
    const nowIso = new Date(now).toISOString();
    if (query.state === 'draft') qb.andWhere('e.published_at IS NULL');
    else if (query.state) qb.andWhere('e.published_at IS NOT NULL');
    if (query.state === 'upcoming') qb.andWhere('e.opens_at > :now', { now: nowIso });
    if (query.state === 'open')
      qb.andWhere('e.opens_at <= :now AND (e.closes_at IS NULL OR e.closes_at > :now)', { now: nowIso });
    if (query.state === 'closed') qb.andWhere('e.closes_at IS NOT NULL AND e.closes_at <= :now', { now: nowIso });
    const [rows, total] = await qb
      .orderBy('e.opensAt', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toVOs(scope, rows), total };
  }

  async get(principal: Principal, id: string): Promise<ExamVO> {
    const scope = await this.orgs.scopeOf(principal);
    return (await this.toVOs(scope, [await this.readable(scope, id)]))[0];
  }

  /** An exam the caller may read (managed or from above); NOT_FOUND otherwise. */
  async readable(scope: PartyScope, id: string): Promise<Exam> {
    const exam = await this.dataSource.getRepository(Exam).findOneBy({ id });
    if (!exam || !readableIn(scope, exam.orgPath)) throw new AppError('NOT_FOUND', '考试不存在或不在您的负责范围内');
    return exam;
  }

  async create(acting: Acting, input: ExamInput): Promise<ExamVO> {
    const scope = await this.orgs.scopeOf(acting.actor);
    const exam = this.dataSource.getRepository(Exam).create({
      id: randomUUID(),
      publishedAt: null,
      actorId: acting.actor.id,
      ...(await this.fields(scope, input)),
    });
    await this.dataSource.getRepository(Exam).insert(exam);
    await this.record(acting, 'party.exam.save', exam.id);
    return this.get(acting.actor, exam.id);
  }

  async update(acting: Acting, id: string, input: ExamInput): Promise<ExamVO> {
    const scope = await this.orgs.scopeOf(acting.actor);
    const exam = await this.editable(scope, id);
    await this.refuseIfStarted(exam.id, '已有党员开始作答，考试不能再修改');
    await this.dataSource.getRepository(Exam).update({ id: exam.id }, await this.fields(scope, input));
    await this.record(acting, 'party.exam.save', id);
    return this.get(acting.actor, id);
  }

  async publish(acting: Acting, id: string): Promise<ExamVO> {
    const scope = await this.orgs.scopeOf(acting.actor);
    const exam = await this.editable(scope, id);
    if (!exam.publishedAt) {
      await this.dataSource
        .getRepository(Exam)
        .update({ id, publishedAt: IsNull() }, { publishedAt: new Date(this.clock.now()).toISOString() });
      await this.record(acting, 'party.exam.publish', id);
    }
    return this.get(acting.actor, id);
  }

  async remove(acting: Acting, id: string): Promise<void> {
    const scope = await this.orgs.scopeOf(acting.actor);
    const exam = await this.editable(scope, id);
    await this.refuseIfStarted(exam.id, '已有党员参加考试，不能删除');
    await this.dataSource.getRepository(Exam).delete({ id: exam.id });
    await this.record(acting, 'party.exam.delete', id);
  }

  private async editable(scope: PartyScope, id: string): Promise<Exam> {
    const exam = await this.readable(scope, id);
    if (!inPartyScope(scope, exam.orgPath))
      throw new AppError('FORBIDDEN', '这是上级党组织的考试，只能查看本支部党员的成绩，不能修改');
    return exam;
  }

  private async refuseIfStarted(examId: string, message: string): Promise<void> {
    if (await this.dataSource.getRepository(ExamAttempt).existsBy({ examId })) throw new AppError('CONFLICT', message);
  }

  /** The stored fields of a valid form: the organisations, the paper against the bank, the pass mark. */
  private async fields(scope: PartyScope, input: ExamInput) {
    const org = await this.orgs.managedOrg(scope, input.orgId);
    let audiencePaths = [org.path];
    if (input.audienceKind === 'orgs') {
      const ids = [...new Set(input.audienceOrgIds)];
      const orgs = await this.dataSource.getRepository(PartyOrg).findBy({ id: In(ids) });
      if (orgs.length !== ids.length || orgs.some((o) => !o.path.startsWith(org.path)))
        throw invalid('audienceOrgIds', '参考的党组织须是本组织或其下级组织');
      audiencePaths = orgs.map((o) => o.path);
    }
    const bank = await this.questions.bankAt(org.path);
    if (input.paperKind === 'fixed') {
      const ids = new Set(bank.map((q) => q.id));
      if (input.questionIds.some((id) => !ids.has(id)))
        throw invalid('questionIds', '有试题不存在或不能用于本组织的考试');
    } else {
      for (const s of input.sections) {
        const have = bank.filter((q) => q.category === s.category).length;
        if (have < s.count) throw invalid('sections', `分类「${s.category}」只有 ${have} 道题，试卷需要 ${s.count} 道`);
      }
      if (new Set(input.sections.map((s) => s.category)).size !== input.sections.length)
        throw invalid('sections', '抽题分类重复');
    }
    const paper = {
      paperKind: input.paperKind,
      questionIds: input.paperKind === 'fixed' ? input.questionIds : [],
      sections:
        input.paperKind === 'drawn' ? input.sections.map((s) => ({ category: s.category, count: s.count })) : [],
    };
    const maxScore = questionCountOf(paper) * input.pointsEach;
    if (questionCountOf(paper) > 100) throw invalid('sections', '一份试卷最多 100 道题');
    if (input.passMark > maxScore) throw invalid('passMark', `及格分不能高于满分 ${maxScore} 分`);
    return {
      orgId: org.id,
      orgPath: org.path,
      title: input.title,
      description: input.description || null,
      ...paper,
      pointsEach: input.pointsEach,
      passMark: input.passMark,
      timeLimitMinutes: input.timeLimitMinutes,
      attemptsAllowed: input.attemptsAllowed,
      opensAt: new Date(input.opensAt).toISOString(),
      closesAt: input.closesAt ? new Date(input.closesAt).toISOString() : null,
      audienceKind: input.audienceKind,
      audienceOrgIds: input.audienceKind === 'orgs' ? [...new Set(input.audienceOrgIds)] : [],
      audiencePaths,
    };
  }

  async toVOs(scope: PartyScope, rows: readonly Exam[]): Promise<ExamVO[]> {
    if (rows.length === 0) return [];
    const names = await this.orgs.orgNames(rows.map((r) => r.orgId));
    const counts = await this.dataSource
      .getRepository(ExamAttempt)
      .createQueryBuilder('a')
      .select('a.exam_id', 'examId')
      .addSelect('COUNT(*)', 'n')
      .where('a.exam_id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .groupBy('a.exam_id')
      .getRawMany<{ examId: string; n: string | number }>();
    const attempts = new Map(counts.map((c) => [c.examId, Number(c.n)]));
    const now = this.clock.now();
    return rows.map((e) => ({
      id: e.id,
      orgId: e.orgId,
      orgName: names.get(e.orgId) ?? '',
      title: e.title,
      description: e.description,
      paperKind: e.paperKind,
      questionIds: e.questionIds,
      sections: e.sections,
      pointsEach: e.pointsEach,
      questionCount: questionCountOf(e),
      maxScore: questionCountOf(e) * e.pointsEach,
      passMark: e.passMark,
      timeLimitMinutes: e.timeLimitMinutes,
      attemptsAllowed: e.attemptsAllowed,
      opensAt: e.opensAt,
      closesAt: e.closesAt,
      audienceKind: e.audienceKind,
      audienceOrgIds: e.audienceOrgIds,
      state: stateOf(e, now),
      attemptCount: attempts.get(e.id) ?? 0,
      editable: inPartyScope(scope, e.orgPath),
      createdAt: e.createdAt.toISOString(),
    }));
  }

  private record(acting: Acting, action: AuditAction, id: string) {
    return this.audit.record(acting, { action, resourceType: 'exam', resourceId: id, result: 'success' });
  }
}
