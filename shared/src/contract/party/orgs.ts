import { Permission } from '../../domain/permissions';
import {
  CommitteeRole,
  PartyOrgEventKind,
  PartyOrgStatus,
  PartyOrgType,
  partyOrgLimits,
  type TermDueStatus,
} from '../../domain/party-org';
import { defineRoute } from '../define';
import { pathId, qBool } from '../fields';
import { z } from '../zod';
import { enumValues } from '../registry/common';
import { actDay, historyDetailSchema, optionalText, orgRefSchema, partyRef, requiredText } from './common';

const TAG = '管理端 · 党组织';
const TYPES = enumValues(PartyOrgType);
const ROLES = enumValues(CommitteeRole);
const termDueStatuses = ['ok', 'due', 'overdue', 'none'] as const satisfies readonly TermDueStatus[];

/** One seat of a committee: a member file or a registry person, shown by name. */
export const committeeSeatSchema = z.object({
  role: z.enum(ROLES),
  memberId: z.string().nullable(),
  personId: z.string().nullable(),
  name: z.string(),
});
export type CommitteeSeatVO = z.infer<typeof committeeSeatSchema>;

/** A node of the organisation tree (flat lists: parents before children, siblings by sort order). */
export const partyOrgSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  type: z.enum(TYPES),
  name: z.string(),
  status: z.enum(enumValues(PartyOrgStatus)),
  /** The village/community (or town) the organisation serves; null for enterprises and institutions. */
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  foundedOn: z.string(),
  sortOrder: z.number().int(),
  closedOn: z.string().nullable(),
  /** Active member files of the organisation itself (not of its subtree). */
  memberCount: z.number().int(),
  secretaryName: z.string().nullable(),
  /** Start of the current term: the last 换届, else the founding date. */
  termStartedOn: z.string(),
  termEndsOn: z.string().nullable(),
  /** Computed by the BFF from the configured term lengths (shared `termDue`). */
  termDue: z.enum(termDueStatuses),
});
export type PartyOrgVO = z.infer<typeof partyOrgSchema>;

export const partyOrgEventSchema = z.object({
  id: z.string(),
  kind: z.enum(enumValues(PartyOrgEventKind)),
  on: z.string(),
  note: z.string().nullable(),
  /** The other organisation of a merge. */
  relatedOrg: orgRefSchema.nullable(),
  detail: historyDetailSchema,
  actorName: z.string(),
  createdAt: z.string(),
});
export type PartyOrgEventVO = z.infer<typeof partyOrgEventSchema>;

export const partyOrgTermSchema = z.object({
  id: z.string(),
  startedOn: z.string(),
  note: z.string().nullable(),
  committee: z.array(committeeSeatSchema),
});
export type PartyOrgTermVO = z.infer<typeof partyOrgTermSchema>;

/** What the caller may do with the organisation now (the portal shows only these buttons). */
export const partyOrgActs = ['update', 'term', 'merge', 'dissolve', 'create_child', 'assign_staff'] as const;
export type PartyOrgAct = (typeof partyOrgActs)[number];

export const partyOrgDetailSchema = partyOrgSchema.extend({
  parent: orgRefSchema.nullable(),
  mergedInto: orgRefSchema.nullable(),
  /** The current term's committee. */
  committee: z.array(committeeSeatSchema),
  /** Every term, newest first. */
  terms: z.array(partyOrgTermSchema),
  /** The lifecycle, newest first. */
  events: z.array(partyOrgEventSchema),
  /** Staff whose party work covers this organisation's subtree. */
  staff: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
  /** Types a child of this organisation may have. */
  childTypes: z.array(z.enum(TYPES)),
  availableActs: z.array(z.enum(partyOrgActs)),
});
export type PartyOrgDetailVO = z.infer<typeof partyOrgDetailSchema>;

const seatInput = z
  .strictObject({
    role: z.enum(ROLES, { error: '请选择职务' }),
    memberId: partyRef().optional(),
    personId: partyRef().optional(),
  })
  .refine((seat) => Boolean(seat.memberId) !== Boolean(seat.personId), {
    error: '请选择一名党员或一位居民（二选一）',
  });
export type CommitteeSeatInput = z.output<typeof seatInput>;

const committee = z
  .array(seatInput)
  .max(partyOrgLimits.committee.max, { error: `班子成员最多 ${partyOrgLimits.committee.max} 人` });

const orgName = requiredText(partyOrgLimits.name.max, '请填写组织名称');
const sortOrder = z.number().int().min(partyOrgLimits.sortOrder.min).max(partyOrgLimits.sortOrder.max);

export const partyOrgCreateSchema = z.strictObject({
  /** 上级组织；镇党委为 null */
  parentId: partyRef().nullable(),
  type: z.enum(TYPES, { error: '请选择组织类型' }),
  name: orgName,
  /** 服务的村/社区（企业、机关支部可不填） */
  regionId: partyRef().nullable().optional(),
  foundedOn: actDay('请填写成立日期'),
  sortOrder: sortOrder.default(0),
  /** 首届班子（可稍后通过换届录入） */
  committee: committee.default([]),
});
export type PartyOrgCreateInput = z.output<typeof partyOrgCreateSchema>;

export const partyOrgUpdateSchema = z
  .strictObject({
    name: orgName.optional(),
    regionId: partyRef().nullable().optional(),
    sortOrder: sortOrder.optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), { error: '没有要修改的内容' });
export type PartyOrgUpdateInput = z.output<typeof partyOrgUpdateSchema>;

export const partyOrgTermInputSchema = z.strictObject({
  /** 换届选举日期 */
  on: actDay('请填写换届日期'),
  committee: committee.min(1, { error: '请录入新一届班子成员' }),
  note: optionalText(partyOrgLimits.note.max),
});
export type PartyOrgTermInput = z.output<typeof partyOrgTermInputSchema>;

export const partyOrgMergeSchema = z.strictObject({
  /** 并入的党组织 */
  targetId: partyRef('请选择并入的党组织'),
  on: actDay('请填写合并日期'),
  note: optionalText(partyOrgLimits.note.max),
});
export type PartyOrgMergeInput = z.output<typeof partyOrgMergeSchema>;

export const partyOrgDissolveSchema = z.strictObject({
  on: actDay('请填写撤销日期'),
  reason: requiredText(partyOrgLimits.note.max, '请填写撤销原因'),
});
export type PartyOrgDissolveInput = z.output<typeof partyOrgDissolveSchema>;

const byId = z.object({ id: pathId() });

export const partyOrgRoutes = {
  tree: defineRoute({
    method: 'GET',
    path: '/api/admin/party/orgs',
    summary: '党组织树（本人负责的党组织及其下级；上级在前）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgRead,
    query: z.object({
      /** 含已合并、已撤销的组织 */
      includeClosed: qBool(),
    }),
    response: z.array(partyOrgSchema),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/party/orgs/:id',
    summary: '党组织详情（班子、历届、沿革、管理人员）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgRead,
    params: byId,
    response: partyOrgDetailSchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/party/orgs',
    summary: '成立党组织（镇党委须有全镇党务权限）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgManage,
    body: partyOrgCreateSchema,
    response: partyOrgDetailSchema,
    status: 201,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/admin/party/orgs/:id',
    summary: '修改党组织名称、服务区域、排序（记入沿革）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgManage,
    params: byId,
    body: partyOrgUpdateSchema,
    response: partyOrgDetailSchema,
  }),
  term: defineRoute({
    method: 'POST',
    path: '/api/admin/party/orgs/:id/terms',
    summary: '换届：录入新一届班子',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgManage,
    params: byId,
    body: partyOrgTermInputSchema,
    response: partyOrgDetailSchema,
    status: 201,
  }),
  merge: defineRoute({
    method: 'POST',
    path: '/api/admin/party/orgs/:id/merge',
    summary: '合并：党员和发展对象转入目标组织，沿革保留',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgManage,
    params: byId,
    body: partyOrgMergeSchema,
    response: partyOrgDetailSchema,
  }),
  dissolve: defineRoute({
    method: 'POST',
    path: '/api/admin/party/orgs/:id/dissolve',
    summary: '撤销党组织（仍有党员或下级组织时拒绝）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgManage,
    params: byId,
    body: partyOrgDissolveSchema,
    response: partyOrgDetailSchema,
  }),
  assignStaff: defineRoute({
    method: 'POST',
    path: '/api/admin/party/orgs/:id/staff',
    summary: '指定负责该党组织（含下级）的管理人员',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgManage,
    params: byId,
    body: z.strictObject({ staffUserId: partyRef('请选择人员') }),
    response: partyOrgDetailSchema,
  }),
  removeStaff: defineRoute({
    method: 'DELETE',
    path: '/api/admin/party/orgs/:id/staff/:staffUserId',
    summary: '取消管理人员对该党组织的负责',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyOrgManage,
    params: z.object({ id: pathId(), staffUserId: pathId() }),
    response: null,
    status: 204,
  }),
};
