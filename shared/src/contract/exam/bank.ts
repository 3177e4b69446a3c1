import { examLimits as L } from '../../domain/exam-bank';
import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pageQuery, pathId, qText } from '../fields';
import { importJobSchema } from '../registry/transfer';
import { qEnum, qRegistryId } from '../registry/common';
import { z } from '../zod';
import { answerKeySchema, examDifficulties, examRef, examQuestionTypes } from './common';

const TAG = '管理端 · 题库';

const requiredText = (max: number, missing: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : undefined) })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `不能超过 ${max} 个字符` });

/** A bank question as staff see it, with its key (staff write the keys). */
export const bankQuestionSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  category: z.string(),
  difficulty: z.enum(examDifficulties),
  type: z.enum(examQuestionTypes),
  stem: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean() })),
  truth: z.boolean().nullable(),
  blanks: z.array(z.array(z.string())),
  partialCredit: z.boolean(),
  explanation: z.string().nullable(),
  key: answerKeySchema,
  /** False for a higher organisation's question (the town's bank is shared read-only with branches). */
  editable: z.boolean(),
  updatedAt: z.string(),
});
export type BankQuestionVO = z.infer<typeof bankQuestionSchema>;

export const bankQuestionInputSchema = z.strictObject({
  orgId: examRef('请选择所属党组织'),
  category: requiredText(L.category.max, '请填写题目分类'),
  difficulty: z.enum(examDifficulties, { error: '请选择难度' }),
  type: z.enum(examQuestionTypes, { error: '请选择题型' }),
  stem: requiredText(L.stem.max, '请填写题干'),
  options: z
    .array(
      z.strictObject({
        text: z
          .string()
          .trim()
          .max(L.option.max, { error: `选项不能超过 ${L.option.max} 个字符` }),
        correct: z.boolean({ error: '请标明是否正确' }),
      }),
    )
    .max(L.options.max, { error: `最多 ${L.options.max} 个选项` })
    .default([]),
  truth: z.boolean().nullable().optional(),
  blanks: z
    .array(
      z
        .array(
          z
            .string()
            .trim()
            .max(L.acceptedText.max, { error: `答案不能超过 ${L.acceptedText.max} 个字符` }),
        )
        .max(L.accepted.max, { error: `每空最多 ${L.accepted.max} 个可接受答案` }),
    )
    .max(L.blanks.max, { error: `最多 ${L.blanks.max} 个空` })
    .default([]),
  partialCredit: z.boolean().default(false),
  explanation: z
    .string()
    .trim()
    .max(L.explanation.max, { error: `解析不能超过 ${L.explanation.max} 个字符` })
    .nullable()
    .optional(),
});
export type BankQuestionInput = z.output<typeof bankQuestionInputSchema>;

export const examCategoryCountSchema = z.object({ category: z.string(), count: z.number().int() });
export type ExamCategoryCountVO = z.infer<typeof examCategoryCountSchema>;

/** A question import job: the registry's job shape (same engine), of kind `exam_questions`. */
export const questionImportJobSchema = importJobSchema.extend({ kind: z.literal('exam_questions') });
export type QuestionImportJobVO = z.infer<typeof questionImportJobSchema>;

const byId = z.object({ id: pathId() });

export const examBankRoutes = {
  questions: defineRoute({
    method: 'GET',
    path: '/api/admin/exam/questions',
    summary: '题库（本组织及上级共享的题目）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    query: z.object({
      ...pageQuery(),
      q: qText(50),
      category: qText(L.category.max),
      type: qEnum(examQuestionTypes),
      difficulty: qEnum(examDifficulties),
      orgId: qRegistryId(),
    }),
    response: bankQuestionSchema,
    list: true,
  }),
  categories: defineRoute({
    method: 'GET',
    path: '/api/admin/exam/categories',
    summary: '题目分类及题数（本人可用的题库）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    response: z.array(examCategoryCountSchema),
  }),
  question: defineRoute({
    method: 'GET',
    path: '/api/admin/exam/questions/:id',
    summary: '题目详情',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    params: byId,
    response: bankQuestionSchema,
  }),
  createQuestion: defineRoute({
    method: 'POST',
    path: '/api/admin/exam/questions',
    summary: '新增题目（单选须且只须 1 个正确选项，多选至少 2 个）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    body: bankQuestionInputSchema,
    response: bankQuestionSchema,
    status: 201,
  }),
  updateQuestion: defineRoute({
    method: 'PUT',
    path: '/api/admin/exam/questions/:id',
    summary: '修改题目（已开考的试卷按开考时的题目评分）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    params: byId,
    body: bankQuestionInputSchema,
    response: bankQuestionSchema,
  }),
  deleteQuestion: defineRoute({
    method: 'DELETE',
    path: '/api/admin/exam/questions/:id',
    summary: '删除题目（从题库移除，已考的答卷不受影响）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    params: byId,
    response: null,
    status: 204,
  }),
  importTemplate: defineRoute({
    method: 'GET',
    path: '/api/admin/exam/import-template',
    summary: '下载题目导入模板（.xlsx，含填写说明）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    response: null,
    responseKind: 'file',
  }),
  startImport: defineRoute({
    method: 'POST',
    path: '/api/admin/exam/imports',
    summary: '上传 Excel 导入题目（multipart：file、orgId、dryRun），先试导入；有任何错误则不写入',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    bodyKind: 'multipart',
    response: questionImportJobSchema,
    status: 202,
  }),
  importJob: defineRoute({
    method: 'GET',
    path: '/api/admin/exam/imports/:id',
    summary: '题目导入任务进度与结果（仅发起人可查）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.ExamManage,
    params: byId,
    response: questionImportJobSchema,
  }),
};
