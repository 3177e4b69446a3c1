import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { examLimits as L, keyOfDraft, optionId, questionProblem } from '@zhili/shared';
import type { QuestionDraft, QuestionImportJobVO } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import {
  ImportJobStore,
  loadSheetGrid,
  newImportJob,
  readSheet,
  RowErrors,
  RowReader,
  runImportJobLater,
  writeTemplate,
} from '../../registry';
import type { SheetRow } from '../../registry';
import { ExamOrgsService } from '../exam-orgs.service';
import { ExamQuestion } from './exam-question.entity';
import {
  difficultyByLabel,
  OPTION_KEYS,
  questionColumns,
  typeByLabel,
  type QuestionColumnKey,
} from './question-import-columns';

export interface QuestionUpload {
  dryRun: boolean;
  fileName: string;
  buffer: Buffer;
  orgId: string;
}

/** The draft of one answer cell, read by the question's type; a message when it cannot be read. */
function readAnswer(type: QuestionDraft['type'], text: string, optionCount: number): Partial<QuestionDraft> | string {
  if (type === 'true_false') {
    if (['对', '正确', '√', '是', 'T', 'TRUE'].includes(text.toUpperCase())) return { truth: true };
    if (['错', '错误', '×', '否', 'F', 'FALSE'].includes(text.toUpperCase())) return { truth: false };
    return '判断题的答案应为 对 或 错';
  }
  if (type === 'fill')
    return {
      blanks: text.split(/[；;]/).map((b) =>
        b
          .split('|')
          .map((a) => a.trim())
          .filter(Boolean),
      ),
    };
  const letters = text.toUpperCase().replace(/[\s,，、]/g, '');
  if (!/^[A-F]+$/.test(letters)) return '选择题的答案应为选项字母，如 B 或 ACD';
  const chosen = new Set(letters.split(''));
  for (const letter of chosen) if (letter.charCodeAt(0) - 65 >= optionCount) return `答案 ${letter} 没有对应的选项`;
  return { chosen: [...chosen] } as unknown as Partial<QuestionDraft>;
}

/**
 * Excel import of bank questions on the registry's engine (same parse worker, job runner and store,
 * all-or-nothing): a dry run lists each bad row with a Chinese reason; a commit writes every row.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class QuestionImportService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private jobs!: ImportJobStore;

  @Inject()
  private orgs!: ExamOrgsService;

  @Inject()
  private audit!: AuditActorService;

  @Logger()
  private logger!: ILogger;

  template(): Promise<Buffer> {
    return writeTemplate('题目', questionColumns, null, { maxRows: L.importRows.max, maxBytes: L.importBytes.max });
  }

  async start(acting: Acting, upload: QuestionUpload): Promise<QuestionImportJobVO> {
    const org = await this.orgs.managedOrg(await this.orgs.scopeOf(acting.actor), upload.orgId);
    const rows = readSheet(await loadSheetGrid(upload.buffer), questionColumns);
    if (rows.length > L.importRows.max)
      throw new AppError('IMPORT_FILE_INVALID', `单个文件最多 ${L.importRows.max} 行，请拆分后再导入`);
    const job: QuestionImportJobVO = newImportJob(randomUUID(), 'exam_questions', upload, rows.length);
    await this.jobs.save(acting.actor.id, job);
    runImportJobLater({ dataSource: this.dataSource, jobs: this.jobs, logger: this.logger }, acting.actor.id, job, {
      label: 'exam question import',
      check: async (onProgress) => {
        const errors = new RowErrors();
        const drafts: ExamQuestion[] = [];
        for (const [i, row] of rows.entries()) {
          const draft = this.readRow(row, errors);
          if (draft)
            drafts.push(
              this.dataSource.getRepository(ExamQuestion).create({
                ...draft,
                id: randomUUID(),
                orgId: org.id,
                orgPath: org.path,
                deletedAt: null,
                actorId: acting.actor.id,
              }),
            );
          if (i % 200 === 199) await onProgress(i + 1);
        }
        return {
          errors,
          rows: drafts.length,
          write: async (tx) => {
            for (let i = 0; i < drafts.length; i += 100)
              await tx.getRepository(ExamQuestion).insert(drafts.slice(i, i + 100));
            return { questions: drafts.length };
          },
        };
      },
      record: (result, counts) =>
        this.audit.record(acting, {
          action: 'party.exam.question.import',
          resourceType: 'exam_question',
          resourceId: job.id,
          result,
          detail: { rows: job.totalRows, ...counts },
        }),
      conflictMessage: () => null,
    });
    return job;
  }

  async get(acting: Acting, id: string): Promise<QuestionImportJobVO> {
    const job = await this.jobs.get<QuestionImportJobVO>(acting.actor.id, id);
    if (job.kind !== 'exam_questions') throw new AppError('NOT_FOUND', '导入任务不存在或已过期');
    return job;
  }

  /** One row as the stored fields of a question, or null (its problems recorded). */
  private readRow(row: SheetRow<QuestionColumnKey>, errors: RowErrors) {
    const r = new RowReader(row, questionColumns, errors);
    const category = r.text('category', L.category.max, true);
    const type = r.choice('type', typeByLabel, true);
    const difficulty = r.choice('difficulty', difficultyByLabel) ?? 'medium';
    const stem = r.text('stem', L.stem.max, true);
    const optionTexts = OPTION_KEYS.map((k) => r.text(k, L.option.max)).filter((t): t is string => !!t);
    const answerText = r.text('answer', 200, true);
    const explanation = r.text('explanation', L.explanation.max);
    if (r.failed || !category || !type || !stem || !answerText) return null;
    const read = readAnswer(type, answerText, optionTexts.length);
    if (typeof read === 'string') {
      r.fail('answer', read);
      return null;
    }
    const chosen = new Set((read as { chosen?: string[] }).chosen ?? []);
    const draft: QuestionDraft = {
      type,
      options:
        type === 'single' || type === 'multiple'
          ? optionTexts.map((text, i) => ({ text, correct: chosen.has(optionId(i)) }))
          : [],
      truth: read.truth ?? null,
      blanks: read.blanks ?? [],
    };
    const problem = questionProblem(draft);
    if (problem) {
      r.fail(
        problem.field === 'options' && type !== 'true_false' && type !== 'fill' ? 'answer' : 'answer',
        problem.message,
      );
      return null;
    }
    return {
      category,
      difficulty,
      type,
      stem,
      options: (draft.options ?? []).map((o, i) => ({ id: optionId(i), text: o.text, correct: o.correct })),
      answerKey: keyOfDraft(draft),
      explanation,
    };
  }
}
