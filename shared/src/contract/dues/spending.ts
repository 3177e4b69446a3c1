import { duesSpendingCategories, duesSpendingLimits as L } from '../../domain/dues-report';
import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pageQuery, pathId, qText } from '../fields';
import { storedFileSchema } from '../file';
import { actDay, optionalText, partyRef, requiredText } from '../party/common';
import { qEnum } from '../registry/common';
import { z } from '../zod';

const TAG = '管理端 · 党费';

const byId = z.object({ id: pathId() });

/** An optional query field where an empty text means absent. */
const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const queryDay = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });

/** One spending of party dues (党费支出), money in integer fen. */
export const duesSpendingSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  spentOn: z.string(),
  amountFen: z.number().int(),
  /** 用途 */
  purpose: z.string(),
  category: z.enum(duesSpendingCategories),
  approverName: z.string(),
  approvedOn: z.string(),
  attachments: z.array(storedFileSchema),
  recordedBy: z.string().nullable(),
  recordedByName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DuesSpendingVO = z.infer<typeof duesSpendingSchema>;

/** Create and update take the same body; dates not in the future is the BFF's check (Beijing today). */
export const duesSpendingInputSchema = z.strictObject({
  orgId: partyRef('请选择党组织'),
  spentOn: actDay('请填写支出日期'),
  amountFen: z
    .number({ error: (issue) => (issue.input === undefined ? '请填写金额' : '金额应为整数（分）') })
    .int({ error: '金额应为整数（分）' })
    .min(L.amountFen.min, { error: '金额应大于 0' })
    .max(L.amountFen.max, { error: '金额过大，请核对' }),
  purpose: requiredText(L.purpose.max, '请填写用途'),
  category: z.enum(duesSpendingCategories, { error: '请选择支出类别' }),
  approverName: requiredText(L.approverName.max, '请填写审批人'),
  approvedOn: actDay('请填写审批日期'),
  /** Stored-file ids uploaded first through POST /api/admin/party/files (receipts, approval forms). */
  attachmentIds: z
    .array(partyRef())
    .max(L.attachments.max, { error: `最多 ${L.attachments.max} 个附件` })
    .refine((ids) => new Set(ids).size === ids.length, { error: '附件重复' })
    .default([]),
  note: optionalText(L.note.max),
});
export type DuesSpendingInput = z.output<typeof duesSpendingInputSchema>;

export const duesSpendingFilterSchema = z.object({
  /** A party organisation in the caller's scope (its sub-organisations included); absent: all of it. */
  orgId: blankIsAbsent(pathId()),
  /** Spending days, both included. */
  from: blankIsAbsent(queryDay()),
  to: blankIsAbsent(queryDay()),
  category: qEnum(duesSpendingCategories),
  /** Words of the purpose or approver. */
  q: qText(32),
});
export type DuesSpendingFilter = z.infer<typeof duesSpendingFilterSchema>;

export const duesSpendingSummarySchema = z.object({
  count: z.number().int(),
  totalFen: z.number().int(),
  byCategory: z.array(
    z.object({ category: z.enum(duesSpendingCategories), count: z.number().int(), totalFen: z.number().int() }),
  ),
});
export type DuesSpendingSummaryVO = z.infer<typeof duesSpendingSummarySchema>;

/** Dues spending records (dues:manage, within the caller's party scope). */
export const duesSpendingRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/dues/spending',
    summary: '党费支出记录（按组织、日期、类别筛选，新的在前）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    query: z.object({ ...pageQuery(), ...duesSpendingFilterSchema.shape }),
    response: duesSpendingSchema,
    list: true,
  }),
  summary: defineRoute({
    method: 'GET',
    path: '/api/admin/dues/spending/summary',
    summary: '党费支出合计（与列表同样的筛选；按类别）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    query: duesSpendingFilterSchema,
    response: duesSpendingSummarySchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/dues/spending',
    summary: '登记党费支出（金额大于 0，须填审批人，日期不晚于今天；票据先上传为附件；记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    body: duesSpendingInputSchema,
    response: duesSpendingSchema,
    status: 201,
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/admin/dues/spending/:id',
    summary: '修改党费支出（记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    params: byId,
    body: duesSpendingInputSchema,
    response: duesSpendingSchema,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/admin/dues/spending/:id',
    summary: '删除党费支出（记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    params: byId,
    response: null,
    status: 204,
  }),
  export: defineRoute({
    method: 'GET',
    path: '/api/admin/dues/spending/export',
    summary: '导出党费支出（.xlsx；记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    query: duesSpendingFilterSchema,
    response: null,
    responseKind: 'file',
  }),
};
