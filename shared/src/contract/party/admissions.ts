import { Permission } from '../../domain/permissions';
import { Gender } from '../../domain/registry';
import { AdmissionStage, type AdmissionActKind, type AdmissionDueStatus } from '../../domain/party-admission';
import { partyMemberLimits as L } from '../../domain/party-member';
import { defineRoute } from '../define';
import { pageQuery, pathId, qText } from '../fields';
import { z } from '../zod';
import { storedFileSchema } from '../file';
import { enumValues, qEnum, qRegistryId } from '../registry/common';
import { actDay, historyDetailSchema, optionalText, partyRef } from './common';

const TAG = '管理端 · 发展党员';
const STAGES = enumValues(AdmissionStage);
const actKinds = [
  'talk',
  'make_activist',
  'make_candidate',
  'political_review',
  'training',
  'branch_vote',
  'higher_approval',
  'conversion_vote',
  'postpone',
  'disqualify',
  'end',
] as const satisfies readonly AdmissionActKind[];
const dueStatuses = ['overdue', 'due', 'waiting'] as const satisfies readonly AdmissionDueStatus[];

/** The next step of a record and whether it is late (shared `admissionDue`, computed by the BFF). */
export const admissionDueSchema = z.object({
  next: z.enum(actKinds),
  /** The earliest day the step may happen (null: any time). */
  from: z.string().nullable(),
  /** The day by which it should have happened (null: no deadline). */
  by: z.string().nullable(),
  status: z.enum(dueStatuses),
});

/** An applicant's record in the pipeline: every date so far, what is due, what may be recorded. */
export const admissionSchema = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  gender: z.enum(enumValues(Gender)).nullable(),
  age: z.number().int().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  stage: z.enum(STAGES),
  appliedOn: z.string(),
  talkedOn: z.string().nullable(),
  activistOn: z.string().nullable(),
  candidateOn: z.string().nullable(),
  politicalReviewOn: z.string().nullable(),
  trainingOn: z.string().nullable(),
  admittedOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  probationEndsOn: z.string().nullable(),
  postponedMonths: z.number().int().nullable(),
  convertedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  /** The member file, once admitted as probationary. */
  memberId: z.string().nullable(),
  due: admissionDueSchema.nullable(),
  availableActs: z.array(z.enum(actKinds)),
});
export type AdmissionVO = z.infer<typeof admissionSchema>;

export const admissionStepSchema = z.object({
  id: z.string(),
  kind: z.enum(actKinds),
  on: z.string(),
  stageAfter: z.enum(STAGES),
  /** Vote counts, passed / approved, months of a postponement. */
  detail: historyDetailSchema,
  reason: z.string().nullable(),
  /** Who approved (the meeting, the committee, the person who talked). */
  approver: z.string().nullable(),
  note: z.string().nullable(),
  attachments: z.array(storedFileSchema),
  actorName: z.string(),
  createdAt: z.string(),
});
export type AdmissionStepVO = z.infer<typeof admissionStepSchema>;

export const admissionDetailSchema = admissionSchema.extend({
  /** Every recorded step, oldest first. */
  steps: z.array(admissionStepSchema),
});
export type AdmissionDetailVO = z.infer<typeof admissionDetailSchema>;

/** Per organisation: records by stage, what is due and what is overdue (the board's header). */
export const admissionSummarySchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  byStage: z.record(z.enum(STAGES), z.number().int()),
  due: z.number().int(),
  overdue: z.number().int(),
});
export type AdmissionSummaryVO = z.infer<typeof admissionSummarySchema>;

export const admissionCreateSchema = z.strictObject({
  personId: partyRef('请选择申请人'),
  orgId: partyRef('请选择党支部'),
  appliedOn: actDay('请填写申请日期'),
});
export type AdmissionCreateInput = z.output<typeof admissionCreateSchema>;

const count = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(10000);
const vote = z.strictObject({
  eligible: count('应到人数'),
  present: count('实到人数'),
  inFavour: count('赞成人数'),
});

/** What every step may carry beside the act itself. */
const stepFields = {
  /** 不予发展、未通过、延长预备期、取消资格的原因（这些步骤必填） */
  reason: optionalText(L.reason.max),
  /** 审批或谈话人、会议名称 */
  approver: optionalText(64),
  note: optionalText(L.reason.max),
  /** 先通过 /api/admin/party/files 上传的附件（如谈话记录、审批表照片） */
  attachmentIds: z
    .array(partyRef())
    .max(9, { error: '最多 9 个附件' })
    .refine((ids) => new Set(ids).size === ids.length, { error: '附件重复' })
    .default([]),
};
const step = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.strictObject({ kind: z.literal(kind), on: actDay(), ...shape, ...stepFields });

/** One step: the body is the act (shared `AdmissionAct`) with who approved, attachments and reason. */
export const admissionActSchema = z.discriminatedUnion(
  'kind',
  [
    step('talk', {}),
    step('make_activist', {}),
    step('make_candidate', {}),
    step('political_review', { passed: z.boolean({ error: '请选择是否通过' }) }),
    step('training', { passed: z.boolean({ error: '请选择是否合格' }) }),
    step('branch_vote', { vote }),
    step('higher_approval', { approved: z.boolean({ error: '请选择是否批准' }) }),
    step('conversion_vote', { vote }),
    step('postpone', { months: z.number({ error: '请填写延长月数' }).int({ error: '延长月数应为整数' }) }),
    step('disqualify', {}),
    step('end', {}),
  ],
  { error: '请选择办理的步骤' },
);
export type AdmissionActInput = z.output<typeof admissionActSchema>;

export const admissionListFilters = ['open', 'all', ...STAGES] as const;

const byId = z.object({ id: pathId() });

/**
 * `kind=document`: the upload is for the document cabinet (文件资料柜) and may be a PDF; without it
 * the upload is a photo (JPG/PNG/WebP) like every other photo route.
 */
export const partyUploadQuerySchema = z.object({
  kind: qEnum(['document']),
});

export const partyAdmissionRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/party/admissions',
    summary: '发展党员台账（逾期在前，再按下一步的日期）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyAdmissionManage,
    query: z.object({
      ...pageQuery(),
      /** 党组织（含下级） */
      orgId: qRegistryId(),
      /** 默认 open：未转正、未终止的 */
      stage: qEnum(admissionListFilters),
      due: qEnum(dueStatuses),
      /** 姓名开头 */
      q: qText(L.search.max),
    }),
    response: admissionSchema,
    list: true,
  }),
  summary: defineRoute({
    method: 'GET',
    path: '/api/admin/party/admissions/summary',
    summary: '各党组织发展党员情况（各阶段人数、待办、逾期）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyAdmissionManage,
    response: z.array(admissionSummarySchema),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/party/admissions/:id',
    summary: '发展党员档案（每一步的日期、审批人、附件）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyAdmissionManage,
    params: byId,
    response: admissionDetailSchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/party/admissions',
    summary: '登记入党申请人',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyAdmissionManage,
    body: admissionCreateSchema,
    response: admissionDetailSchema,
    status: 201,
  }),
  act: defineRoute({
    method: 'POST',
    path: '/api/admin/party/admissions/:id/steps',
    summary: '办理一步（按《发展党员工作细则》校验；接收为预备党员时建立党员档案）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyAdmissionManage,
    params: byId,
    body: admissionActSchema,
    response: admissionDetailSchema,
    status: 201,
  }),
  upload: defineRoute({
    method: 'POST',
    path: '/api/admin/party/files',
    summary:
      '上传党务材料（字段 file）：照片 JPG/PNG/WebP ≤ 5 MB；文件资料柜加 ?kind=document 时也可上传 PDF（≤ 20 MB，只能用于文件资料）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyAdmissionManage,
    query: partyUploadQuerySchema,
    bodyKind: 'multipart',
    response: storedFileSchema,
    status: 201,
  }),
};
