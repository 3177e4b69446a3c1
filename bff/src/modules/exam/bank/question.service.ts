import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In, IsNull, type SelectQueryBuilder } from 'typeorm';
import { keyOfDraft, questionProblem } from '@zhili/shared';
import type { BankQuestionInput, BankQuestionVO, ExamCategoryCountVO, QuestionType, Difficulty } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { inPartyScope, type PartyScope } from '../../party';
import { ExamOrgsService } from '../exam-orgs.service';
import { readableIn, whereReadable } from '../exam-scope';
import { ExamQuestion } from './exam-question.entity';
import { storedOptions, toBankQuestionVO } from './question-views';

export interface QuestionQuery {
  page: number;
  pageSize: number;
  q?: string;
  category?: string;
  type?: QuestionType;
  difficulty?: Difficulty;
  orgId?: string;
}

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);

/** The question bank for staff: their organisations' questions to edit, higher ones' to read and use. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class QuestionService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private orgs!: ExamOrgsService;

  @Inject()
  private audit!: AuditActorService;

  /** Live questions a caller with `scope` may read (alias `q`). */
  readable(scope: PartyScope): SelectQueryBuilder<ExamQuestion> {
    const qb = this.dataSource.getRepository(ExamQuestion).createQueryBuilder('q').where('q.deleted_at IS NULL');
    return whereReadable(qb, scope, 'q.org_path');
  }

  /** Live questions usable at an organisation: its own and those of every organisation above it. */
  async bankAt(orgPath: string, categories?: readonly string[]): Promise<ExamQuestion[]> {
    const parts = orgPath.split('/').filter(Boolean);
    const paths = parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
    return this.dataSource.getRepository(ExamQuestion).find({
      where: {
        orgPath: In(paths),
        deletedAt: IsNull(),
        ...(categories ? { category: In([...categories]) } : {}),
      },
    });
  }

  async list(principal: Principal, query: QuestionQuery): Promise<{ items: BankQuestionVO[]; total: number }> {
    const scope = await this.orgs.scopeOf(principal);
    const qb = this.readable(scope);
    if (query.q) qb.andWhere('q.stem LIKE :kw', { kw: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (query.category) qb.andWhere('q.category = :category', { category: query.category });
    if (query.type) qb.andWhere('q.type = :type', { type: query.type });
    if (query.difficulty) qb.andWhere('q.difficulty = :difficulty', { difficulty: query.difficulty });
    if (query.orgId) qb.andWhere('q.org_id = :orgId', { orgId: query.orgId });
    const [rows, total] = await qb
      .orderBy('q.category', 'ASC')
      .addOrderBy('q.createdAt', 'DESC')
      .addOrderBy('q.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toVOs(scope, rows), total };
  }

  async categories(principal: Principal): Promise<ExamCategoryCountVO[]> {
    const scope = await this.orgs.scopeOf(principal);
    const rows = await this.readable(scope)
      .select('q.category', 'category')
      .addSelect('COUNT(*)', 'count')
      .groupBy('q.category')
      .orderBy('q.category', 'ASC')
      .getRawMany<{ category: string; count: string | number }>();
    return rows.map((r) => ({ category: r.category, count: Number(r.count) }));
  }

  async get(principal: Principal, id: string): Promise<BankQuestionVO> {
    const scope = await this.orgs.scopeOf(principal);
    const question = await this.readableOne(scope, id);
    return (await this.toVOs(scope, [question]))[0];
  }

  async create(acting: Acting, input: BankQuestionInput): Promise<BankQuestionVO> {
    const scope = await this.orgs.scopeOf(acting.actor);
    const org = await this.orgs.managedOrg(scope, input.orgId);
    const question = this.dataSource.getRepository(ExamQuestion).create({
      id: randomUUID(),
      orgId: org.id,
      orgPath: org.path,
      deletedAt: null,
      actorId: acting.actor.id,
      ...this.fields(input),
    });
    await this.dataSource.getRepository(ExamQuestion).insert(question);
    await this.record(acting, 'party.exam.question.save', question.id);
    return this.get(acting.actor, question.id);
  }

  async update(acting: Acting, id: string, input: BankQuestionInput): Promise<BankQuestionVO> {
    const scope = await this.orgs.scopeOf(acting.actor);
    const question = await this.editableOne(scope, id);
    const org = await this.orgs.managedOrg(scope, input.orgId);
    await this.dataSource
      .getRepository(ExamQuestion)
      .update({ id: question.id }, { orgId: org.id, orgPath: org.path, ...this.fields(input) });
    await this.record(acting, 'party.exam.question.save', id);
    return this.get(acting.actor, id);
  }

  async remove(acting: Acting, id: string, now = new Date()): Promise<void> {
    const scope = await this.orgs.scopeOf(acting.actor);
    const question = await this.editableOne(scope, id);
    await this.dataSource.getRepository(ExamQuestion).update({ id: question.id }, { deletedAt: now.toISOString() });
    await this.record(acting, 'party.exam.question.delete', id);
  }

  /** The stored fields of a valid form (400 naming the field otherwise). */
  fields(input: BankQuestionInput) {
    const draft = { ...input, truth: input.truth ?? null };
    const problem = questionProblem(draft);
    if (problem) throw invalid(problem.field, problem.message);
    return {
      category: input.category,
      difficulty: input.difficulty,
      type: input.type,
      stem: input.stem,
      options: storedOptions(input),
      answerKey: keyOfDraft(draft),
      explanation: input.explanation || null,
    };
  }

  private async readableOne(scope: PartyScope, id: string): Promise<ExamQuestion> {
    const question = await this.dataSource.getRepository(ExamQuestion).findOneBy({ id, deletedAt: IsNull() });
    if (!question || !readableIn(scope, question.orgPath))
      throw new AppError('NOT_FOUND', '题目不存在或不在您的负责范围内');
    return question;
  }

  private async editableOne(scope: PartyScope, id: string): Promise<ExamQuestion> {
    const question = await this.readableOne(scope, id);
    if (!inPartyScope(scope, question.orgPath))
      throw new AppError('FORBIDDEN', '这是上级党组织共享的题目，只能查看和使用，不能修改');
    return question;
  }

  private async toVOs(scope: PartyScope, rows: readonly ExamQuestion[]): Promise<BankQuestionVO[]> {
    const names = await this.orgs.orgNames(rows.map((r) => r.orgId));
    return rows.map((r) => toBankQuestionVO(r, names.get(r.orgId) ?? '', inPartyScope(scope, r.orgPath)));
  }

  private record(acting: Acting, action: 'party.exam.question.save' | 'party.exam.question.delete', id: string) {
    return this.audit.record(acting, { action, resourceType: 'exam_question', resourceId: id, result: 'success' });
  }
}
