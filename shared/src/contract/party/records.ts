import { Permission } from '../../domain/permissions';
import {
  appraisalResults,
  fulfilmentStatuses,
  honourActs,
  honourKinds,
  honourLevels,
  honourStatuses,
  partyRecordLimits as L,
  planKinds,
} from '../../domain/party-records';
import { defineRoute } from '../define';
import { pageQuery, pathId, qInt } from '../fields';
import { storedFileSchema } from '../file';
import { z } from '../zod';
import { qEnum, qRegistryId } from '../registry/common';
import { actDay, optionalText, partyRef, requiredText } from './common';

const TAG = '管理端 · 党建记录';
const MP_TAG = '小程序 · 党建记录';

const byId = z.object({ id: pathId() });

/** A record's year: a whole number (the range against today is the BFF's, from the shared rule). */
const recordYear = () =>
  z
    .number({ error: (issue) => (issue.input === undefined ? '请填写年度' : '年度应为整数') })
    .int({ error: '年度应为整数' })
    .min(L.firstYear, { error: `年度不能早于 ${L.firstYear} 年` })
    .max(2100, { error: '年度无效' });

/** Stored-file ids uploaded first through /api/admin/party/files (certificate photos, scans). */
const attachmentIds = () =>
  z
    .array(partyRef())
    .max(L.attachments.max, { error: `最多 ${L.attachments.max} 个附件` })
    .refine((ids) => new Set(ids).size === ids.length, { error: '附件重复' })
    .default([]);

// ——— Honours ———

export const honourSchema = z.object({
  id: z.string(),
  kind: z.enum(honourKinds),
  orgId: z.string(),
  orgName: z.string(),
  /** The member honoured (kind `member`), with the registry name. */
  memberId: z.string().nullable(),
  memberName: z.string().nullable(),
  title: z.string(),
  level: z.enum(honourLevels),
  awardingBody: z.string(),
  awardedOn: z.string(),
  status: z.enum(honourStatuses),
  /** Why the secretary sent it back (status `rejected`). */
  rejectReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  attachments: z.array(storedFileSchema),
  /** What the caller may do now (shared `allowedHonourActs`). */
  availableActs: z.array(z.enum(honourActs)),
});
export type HonourVO = z.infer<typeof honourSchema>;

export const honourInputSchema = z
  .strictObject({
    kind: z.enum(honourKinds, { error: '请选择荣誉类别' }),
    orgId: partyRef('请选择党组织'),
    memberId: partyRef().nullable().optional(),
    title: requiredText(L.title.max, '请填写荣誉名称'),
    level: z.enum(honourLevels, { error: '请选择荣誉级别' }),
    awardingBody: requiredText(L.awardingBody.max, '请填写授予单位'),
    awardedOn: actDay('请填写授予日期'),
    attachmentIds: attachmentIds(),
  })
  .refine((h) => h.kind === 'org' || !!h.memberId, { error: '请选择获得荣誉的党员', path: ['memberId'] });
export type HonourInput = z.output<typeof honourInputSchema>;

export const honourReviewSchema = z
  .strictObject({
    decision: z.enum(['approve', 'reject'], { error: '请选择审批结果' }),
    reason: optionalText(L.reason.max),
  })
  .refine((r) => r.decision === 'approve' || !!r.reason, { error: '退回时请填写原因', path: ['reason'] });
export type HonourReviewInput = z.output<typeof honourReviewSchema>;

/** A published honour as members see it. */
export const publishedHonourSchema = honourSchema.pick({
  id: true,
  kind: true,
  orgName: true,
  memberName: true,
  title: true,
  level: true,
  awardingBody: true,
  awardedOn: true,
  publishedAt: true,
  attachments: true,
});
export type PublishedHonourVO = z.infer<typeof publishedHonourSchema>;

// ——— Plans and summaries ———

export const planSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  kind: z.enum(planKinds),
  title: z.string(),
  /** Sanitised HTML, as 党务公开. */
  body: z.string(),
  attachments: z.array(storedFileSchema),
  updatedAt: z.string(),
});
export type PlanVO = z.infer<typeof planSchema>;

export const planInputSchema = z.strictObject({
  orgId: partyRef('请选择党组织'),
  year: recordYear(),
  kind: z.enum(planKinds, { error: '请选择计划或总结' }),
  title: requiredText(L.title.max, '请填写标题'),
  body: requiredText(L.body.max, '请填写正文'),
  attachmentIds: attachmentIds(),
});
export type PlanInput = z.output<typeof planInputSchema>;

// ——— Pledges ———

export const pledgeSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  text: z.string(),
  fulfilment: z.enum(fulfilmentStatuses).nullable(),
  fulfilmentNote: z.string().nullable(),
  assessedOn: z.string().nullable(),
  /** Whether the year-end fulfilment may be recorded now (shared `fulfilmentRefusal`). */
  fulfilmentOpen: z.boolean(),
});
export type PledgeVO = z.infer<typeof pledgeSchema>;

export const pledgeCreateSchema = z.strictObject({
  memberId: partyRef('请选择党员'),
  year: recordYear(),
  text: requiredText(L.pledge.max, '请填写承诺内容'),
});
export type PledgeCreateInput = z.output<typeof pledgeCreateSchema>;

export const pledgeFulfilSchema = z.strictObject({
  fulfilment: z.enum(fulfilmentStatuses, { error: '请选择践诺情况' }),
  note: optionalText(L.fulfilment.max),
});

// ——— Democratic appraisal ———

export const appraisalSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  result: z.enum(appraisalResults),
  note: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type AppraisalVO = z.infer<typeof appraisalSchema>;

export const appraisalCreateSchema = z.strictObject({
  memberId: partyRef('请选择党员'),
  year: recordYear(),
  result: z.enum(appraisalResults, { error: '请选择评议结果' }),
  note: optionalText(L.note.max),
});
export type AppraisalCreateInput = z.output<typeof appraisalCreateSchema>;

export const appraisalUpdateSchema = z.strictObject({
  result: z.enum(appraisalResults, { error: '请选择评议结果' }),
  note: optionalText(L.note.max),
});

/** A member's own published appraisal. */
export const myAppraisalSchema = appraisalSchema.pick({ id: true, year: true, result: true, publishedAt: true });
export type MyAppraisalVO = z.infer<typeof myAppraisalSchema>;

const listQuery = { ...pageQuery(), orgId: qRegistryId(), year: qInt(L.firstYear, 2100) };

export const partyRecordRoutes = {
  honours: defineRoute({
    method: 'GET',
    path: '/api/admin/party/honours',
    summary: '组织荣誉与党员荣誉（按状态筛选）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    query: z.object({
      ...pageQuery(),
      orgId: qRegistryId(),
      status: qEnum(honourStatuses),
      kind: qEnum(honourKinds),
    }),
    response: honourSchema,
    list: true,
  }),
  createHonour: defineRoute({
    method: 'POST',
    path: '/api/admin/party/honours',
    summary: '登记荣誉（草稿；证书照片先上传为附件）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    body: honourInputSchema,
    response: honourSchema,
    status: 201,
  }),
  updateHonour: defineRoute({
    method: 'PUT',
    path: '/api/admin/party/honours/:id',
    summary: '修改荣誉（草稿或已退回）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    body: honourInputSchema,
    response: honourSchema,
  }),
  submitHonour: defineRoute({
    method: 'POST',
    path: '/api/admin/party/honours/:id/submit',
    summary: '提交书记审批（支委）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    response: honourSchema,
  }),
  reviewHonour: defineRoute({
    method: 'POST',
    path: '/api/admin/party/honours/:id/review',
    summary: '审批通过或退回（书记；退回须写原因）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyHonourApprove,
    params: byId,
    body: honourReviewSchema,
    response: honourSchema,
  }),
  publishHonour: defineRoute({
    method: 'POST',
    path: '/api/admin/party/honours/:id/publish',
    summary: '发布已审批的荣誉（发布后党员可见）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    response: honourSchema,
  }),
  plans: defineRoute({
    method: 'GET',
    path: '/api/admin/party/plans',
    summary: '年度计划与总结',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    query: z.object({ ...listQuery, kind: qEnum(planKinds) }),
    response: planSchema,
    list: true,
  }),
  createPlan: defineRoute({
    method: 'POST',
    path: '/api/admin/party/plans',
    summary: '新建年度计划或总结（每个组织每年各一份）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    body: planInputSchema,
    response: planSchema,
    status: 201,
  }),
  updatePlan: defineRoute({
    method: 'PUT',
    path: '/api/admin/party/plans/:id',
    summary: '修改年度计划或总结',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    body: planInputSchema,
    response: planSchema,
  }),
  deletePlan: defineRoute({
    method: 'DELETE',
    path: '/api/admin/party/plans/:id',
    summary: '删除年度计划或总结',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    response: null,
    status: 204,
  }),
  pledges: defineRoute({
    method: 'GET',
    path: '/api/admin/party/pledges',
    summary: '党员承诺与践诺情况',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    query: z.object(listQuery),
    response: pledgeSchema,
    list: true,
  }),
  createPledge: defineRoute({
    method: 'POST',
    path: '/api/admin/party/pledges',
    summary: '登记党员年度承诺（每人每年一份）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    body: pledgeCreateSchema,
    response: pledgeSchema,
    status: 201,
  }),
  updatePledge: defineRoute({
    method: 'PUT',
    path: '/api/admin/party/pledges/:id',
    summary: '修改承诺内容（年终评定前）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    body: z.strictObject({ text: requiredText(L.pledge.max, '请填写承诺内容') }),
    response: pledgeSchema,
  }),
  fulfilPledge: defineRoute({
    method: 'PUT',
    path: '/api/admin/party/pledges/:id/fulfilment',
    summary: '年终评定承诺践诺情况（12 月 1 日起）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    body: pledgeFulfilSchema,
    response: pledgeSchema,
  }),
  appraisals: defineRoute({
    method: 'GET',
    path: '/api/admin/party/appraisals',
    summary: '民主评议结果',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    query: z.object({ ...listQuery, result: qEnum(appraisalResults) }),
    response: appraisalSchema,
    list: true,
  }),
  createAppraisal: defineRoute({
    method: 'POST',
    path: '/api/admin/party/appraisals',
    summary: '登记民主评议结果（每人每年一条）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    body: appraisalCreateSchema,
    response: appraisalSchema,
    status: 201,
  }),
  updateAppraisal: defineRoute({
    method: 'PUT',
    path: '/api/admin/party/appraisals/:id',
    summary: '修改民主评议结果（公布前）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    body: appraisalUpdateSchema,
    response: appraisalSchema,
  }),
  publishAppraisal: defineRoute({
    method: 'POST',
    path: '/api/admin/party/appraisals/:id/publish',
    summary: '公布民主评议结果（公布后本人可见）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    response: appraisalSchema,
  }),
};

export const mpPartyRecordRoutes = {
  honours: defineRoute({
    method: 'GET',
    path: '/api/mp/party/honours',
    summary: '本支部已发布的荣誉',
    tag: MP_TAG,
    audience: 'mp',
    query: z.object({ ...pageQuery() }),
    response: publishedHonourSchema,
    list: true,
  }),
  appraisals: defineRoute({
    method: 'GET',
    path: '/api/mp/party/appraisals',
    summary: '我的民主评议结果（已公布的）',
    tag: MP_TAG,
    audience: 'mp',
    response: z.array(myAppraisalSchema),
  }),
};
