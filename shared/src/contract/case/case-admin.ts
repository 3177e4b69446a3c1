import { caseLimits, CasePriority, casePriorityInvalidMessage, CaseSource } from '../../domain/case';
import type { CaseOutcome as Outcome, EscalationLevel } from '../../domain/case';
import { CaseOutcome } from '../../domain/case';
import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pageQuery, pathId, qBool, qList } from '../fields';
import { z } from '../zod';
import { regionWorkerSchema } from '../region';
import {
  caseDescription,
  caseId,
  caseNote,
  casePhotoIds,
  noRepeats,
  nullAsAbsent,
  caseReason,
  caseResult,
  caseVersion,
  requiredForAction,
  staffLocation,
  whenMissing,
} from './case-fields';
import {
  caseActionSchema,
  caseBatchResultSchema,
  caseDetailSchema,
  caseListItemSchema,
  caseMapPointSchema,
  casePiiSchema,
  caseStatsSchema,
} from './case-views';

const TAG = '管理端 · 工单';
const PRIORITIES = Object.values(CasePriority) as [CasePriority, ...CasePriority[]];
const SOURCES = Object.values(CaseSource) as [CaseSource, ...CaseSource[]];
const OUTCOMES = Object.values(CaseOutcome) as [Outcome, ...Outcome[]];
const LEVELS: [EscalationLevel, ...EscalationLevel[]] = ['town', 'city'];
export const caseSorts = ['dueAt', '-createdAt', 'createdAt', '-updatedAt'] as const;
export type CaseSort = (typeof caseSorts)[number];

const blank = (value: unknown) => (value === '' ? undefined : value);
/** A message for a value outside the list (a missing one is fine where optional). */
const notIn = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? undefined : message),
});
const qChoice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.preprocess(blank, z.enum(values, notIn(message)).optional());
const qShort = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());
/** `YYYY-MM-DD` (a whole day in Asia/Shanghai) or an ISO-8601 instant; blank = none. */
const dayOrInstant = () =>
  z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, {
        error: '日期格式应为 YYYY-MM-DD 或 ISO 8601 时间',
      })
      .optional(),
  );

/**
 * Filters of the case inbox, shared by the list, the map and saved views (so a saved view replays
 * exactly what the list selected). Unknown status names are reported by the BFF by name.
 */
export const caseFilterQuery = z.object({
  /** 状态，可重复或逗号分隔 */
  status: qList(z.string().max(200), 20),
  categoryCode: qShort(32),
  /** 区域（含下级，须在本人管辖范围内） */
  regionId: qShort(36),
  source: qChoice(SOURCES, '来源无效'),
  priority: qChoice(PRIORITIES, casePriorityInvalidMessage),
  /** 工单编号或描述关键字 */
  q: qShort(64),
  /** 处理人：me（本人）或处理人 id */
  assignee: qShort(36),
  /** true = 未办结且已超过时限 */
  overdue: qBool(),
  /** 提交时间起（YYYY-MM-DD 或 ISO 8601） */
  from: dayOrInstant(),
  /** 提交时间止（含当天） */
  to: dayOrInstant(),
  /** 默认 -createdAt（最新在前） */
  sort: qChoice(caseSorts, '排序方式无效'),
});
export type CaseFilterQuery = z.output<typeof caseFilterQuery>;

export const caseListQuery = caseFilterQuery.extend(pageQuery());

export const caseStatsQuery = z.object({
  /** 区域（含下级，须在本人管辖范围内）；默认本人管辖范围 */
  regionId: qShort(36),
  /** 起始日期，默认 30 天前 */
  from: dayOrInstant(),
  /** 截止日期（含当天），默认今天；跨度不超过 366 天 */
  to: dayOrInstant(),
});

const assignee = z.object(
  {
    kind: z.enum(['mp', 'staff'], {
      error: (issue) => (issue.input === undefined ? '请选择处理人' : '处理人类型无效'),
    }),
    id: z.string(whenMissing('请选择处理人')).trim().min(1, { error: '请选择处理人' }).max(36),
  },
  { error: (issue) => (issue.input === undefined ? undefined : '请选择处理人') },
);

/** `POST /api/admin/cases/:id/actions`. */
export const caseActionBodySchema = z
  .strictObject({
    action: z.enum(caseActionSchema.options, {
      error: (issue) => (issue.input === undefined ? '请选择操作' : '不支持的操作'),
    }),
    /** 附言（回复模板可编辑后发送） */
    note: caseNote().nullable().transform(nullAsAbsent).optional(),
    /** 不予受理 / 退回 / 转办 / 上报 / 重启的原因 */
    reason: caseReason().optional(),
    /** 派单对象（须在本人管辖范围内） */
    assignee: assignee.optional(),
    /** 转办目标区域（须在本人管辖范围内） */
    targetRegionId: caseId().optional(),
    /** 转办的责任部门 */
    department: z.string().trim().max(64).nullable().transform(nullAsAbsent).optional(),
    /** 上报层级：镇 / 市级平台 */
    level: z.enum(LEVELS, notIn('上报层级无效')).optional(),
    /** 办结的处理结果 */
    result: caseResult().optional(),
    /** 关闭时的结果：已解决 / 未解决 / 已撤回 */
    outcome: z.enum(OUTCOMES, notIn('关闭结果无效')).optional(),
    /** 合并到的工单 id */
    mergeIntoId: caseId().optional(),
    /** 办结后照片等（先上传） */
    photoIds: casePhotoIds(caseLimits.afterPhotos.max).optional(),
    priority: z.enum(PRIORITIES, notIn(casePriorityInvalidMessage)).optional(),
    /** 详情中的 version：已被他人修改时 409 CONFLICT */
    version: caseVersion().optional(),
  })
  .superRefine(
    requiredForAction([
      { field: 'reason', input: 'reason', message: '请填写原因' },
      { field: 'assignee', input: 'assignee', message: '请选择处理人' },
      { field: 'targetRegionId', input: 'targetRegion', message: '请选择转办区域' },
      { field: 'level', input: 'level', message: '请选择上报层级' },
      { field: 'result', input: 'result', message: '请填写处理结果' },
      { field: 'outcome', input: 'outcome', message: '请选择关闭结果' },
      { field: 'mergeIntoId', input: 'mergeInto', message: '请选择要合并到的工单' },
    ]),
  );
export type CaseActionBody = z.output<typeof caseActionBodySchema>;

/** `POST /api/admin/cases/:id/notes` (also the grid worker's notes). */
export const caseNoteBodySchema = z.strictObject({
  note: z
    .string(whenMissing('请填写进展说明'))
    .trim()
    .min(1, { error: '请填写进展说明', abort: true })
    .max(caseLimits.note.max, { error: `说明不能超过 ${caseLimits.note.max} 字` }),
  photoIds: casePhotoIds(caseLimits.photos.max).optional(),
});

export const caseBatchDispatchSchema = z.strictObject({
  /** 最多 100 个工单 */
  caseIds: z
    .array(caseId(), whenMissing('请选择工单'))
    .min(1, { error: '请选择工单' })
    .max(100, { error: '一次最多派发 100 个工单' })
    .superRefine(noRepeats<string>('工单重复')),
  /** 派单对象（须在本人管辖范围内） */
  assignee: z.object({ kind: z.enum(['mp', 'staff']), id: caseId() }, whenMissing('请选择处理人')),
});

/** `POST /api/admin/cases`: a report taken by phone (or at the counter) and entered by staff. */
export const caseCreateBodySchema = z.strictObject({
  categoryCode: z.string(whenMissing('请选择问题类型')).trim().min(1, { error: '请选择问题类型' }).max(32),
  description: caseDescription('请填写问题描述'),
  /** 位置（GCJ-02）；不填时须选择所属区域 */
  location: staffLocation().nullable().optional(),
  /** 所属区域（没有位置时必填，须在本人管辖范围内） */
  regionId: z.string().trim().max(36).nullable().optional(),
  address: z
    .string(whenMissing('请填写地址'))
    .trim()
    .min(1, { error: '请填写地址' })
    .max(caseLimits.address.max, { error: `地址不能超过 ${caseLimits.address.max} 字` }),
  /** 默认 normal */
  priority: z.enum(PRIORITIES, notIn(casePriorityInvalidMessage)).optional(),
  /** 来电人姓名 */
  contactName: z.string().trim().max(32, { error: '姓名不能超过 32 字' }).nullable().optional(),
  /** 来电号码（手机或座机），加密存储 */
  contactPhone: z
    .string()
    .trim()
    .refine((phone) => phone === '' || /^\+?[0-9][0-9-]{4,19}$/.test(phone), { error: '联系电话格式不正确' })
    .nullable()
    .optional(),
  /** 照片（先上传） */
  photoIds: casePhotoIds(caseLimits.photos.max).optional(),
  /** 幂等键：重复提交同一个键只生成一个工单；不填则每次新建 */
  idempotencyKey: z
    .string()
    .trim()
    .min(caseLimits.idempotencyKey.min, { error: '幂等键长度不正确' })
    .max(caseLimits.idempotencyKey.max, { error: '幂等键长度不正确' })
    .optional(),
});
export type CaseCreateInput = z.output<typeof caseCreateBodySchema>;

/** `POST /api/admin/cases/:id/location` (更正位置): a new point and/or grid, and why. */
export const caseRelocateBodySchema = z.strictObject({
  /** 新位置（GCJ-02）；只给位置时按位置重新确定网格 */
  location: staffLocation().optional(),
  /** 新的所属网格（须在本人管辖范围内） */
  regionId: caseId().optional(),
  /** 新地址（可选） */
  address: z
    .string()
    .trim()
    .max(caseLimits.address.max, { error: `地址不能超过 ${caseLimits.address.max} 字` })
    .optional(),
  /** 更正原因 */
  reason: caseReason('请填写更正原因'),
  version: caseVersion().optional(),
});
export type CaseRelocateBody = z.output<typeof caseRelocateBodySchema>;

export const dispatchCandidateSchema = regionWorkerSchema.extend({
  /** The region the worker is bound to (shown next to the name outside the case's own grid). */
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  selectable: z.boolean(),
  /** Why not, in plain words (see `dispatchBlockReasons`); null when selectable. */
  reason: z.string().nullable(),
});
export type DispatchCandidateVO = z.infer<typeof dispatchCandidateSchema>;

/** One header of the picker: the case's grid first, then the rest of its village, then of its town. */
export const dispatchCandidateGroupSchema = z.object({
  /** The case's own region is `own`; wider rings follow outwards. */
  ring: z.enum(['own', 'parent', 'town']),
  regionId: z.string(),
  regionName: z.string(),
  level: z.enum(['town', 'community', 'village', 'grid']),
  /** Header text, e.g. 本网格 · 幸福村一网格. */
  label: z.string(),
  candidates: z.array(dispatchCandidateSchema),
});
export type DispatchCandidateGroupVO = z.infer<typeof dispatchCandidateGroupSchema>;

export const dispatchCandidatesSchema = z.object({
  groups: z.array(dispatchCandidateGroupSchema),
  /** The name filter applied ('' = none). */
  q: z.string(),
  /** More workers matched than were returned: narrow the name. */
  truncated: z.boolean(),
});
export type DispatchCandidatesVO = z.infer<typeof dispatchCandidatesSchema>;

const byId = z.object({ id: pathId() });

export const caseAdminRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/cases',
    summary: '工单列表：状态（可多选）、类型、区域（含下级）、来源、优先级、编号或描述、处理人、超时、提交时间筛选',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseRead,
    query: caseListQuery,
    response: caseListItemSchema,
    list: true,
  }),
  map: defineRoute({
    method: 'GET',
    path: '/api/admin/cases/map',
    summary: '地图点位：与列表相同的筛选，有位置的工单，最新的 5000 个',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseRead,
    query: caseFilterQuery,
    response: z.array(caseMapPointSchema),
  }),
  stats: defineRoute({
    method: 'GET',
    path: '/api/admin/cases/stats',
    summary: '工单统计：状态、类型、下级区域、来源、按时办结率、平均办理时长、满意度、每日趋势（默认近 30 天）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseRead,
    query: caseStatsQuery,
    response: caseStatsSchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/cases',
    summary: '录入工单（电话、来访），来源为后台录入；位置或区域须在本人管辖范围内',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseDispatch,
    body: caseCreateBodySchema,
    response: caseDetailSchema,
    status: 201,
  }),
  batchDispatch: defineRoute({
    method: 'POST',
    path: '/api/admin/cases/batch-dispatch',
    summary: '批量派单：逐个派发，失败的不影响其他工单',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseDispatch,
    body: caseBatchDispatchSchema,
    response: caseBatchResultSchema,
  }),
  detail: defineRoute({
    method: 'GET',
    path: '/api/admin/cases/:id',
    summary: '工单详情：时间线、照片、可执行的操作（联系电话已脱敏）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseRead,
    params: byId,
    response: caseDetailSchema,
  }),
  pii: defineRoute({
    method: 'GET',
    path: '/api/admin/cases/:id/pii',
    summary: '查看未脱敏的联系电话和上报人姓名（记录审计日志）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PiiRead,
    params: byId,
    response: casePiiSchema,
  }),
  assignees: defineRoute({
    method: 'GET',
    path: '/api/admin/cases/:id/assignees',
    summary: '可派单对象：工单所在网格及其村（社区）的工作人员和网格员',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseRead,
    params: byId,
    response: z.array(regionWorkerSchema),
  }),
  dispatchCandidates: defineRoute({
    method: 'GET',
    path: '/api/admin/cases/:id/dispatch-candidates',
    summary:
      '派单候选人：本网格、本村（社区）、本镇分组，可按姓名查找；不能选择的注明原因（已停用、不在管辖范围、未绑定网格）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseDispatch,
    params: byId,
    query: z.object({
      /** 按姓名（昵称）查找 */
      q: z.preprocess(blank, z.string().trim().max(32, { error: '姓名关键字不能超过 32 个字' }).optional()),
    }),
    response: dispatchCandidatesSchema,
  }),
  relocate: defineRoute({
    method: 'POST',
    path: '/api/admin/cases/:id/location',
    summary: '更正位置：新位置和/或所属网格（只给位置时按位置确定网格），须填写原因；记入时间线和审计日志',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseDispatch,
    params: byId,
    body: caseRelocateBodySchema,
    response: caseDetailSchema,
  }),
  act: defineRoute({
    method: 'POST',
    path: '/api/admin/cases/:id/actions',
    summary: '办理工单：受理、不予受理、派单、办结、转办、上报、关闭、重启、合并（带 version 防止重复操作）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseDispatch,
    params: byId,
    body: caseActionBodySchema,
    response: caseDetailSchema,
  }),
  note: defineRoute({
    method: 'POST',
    path: '/api/admin/cases/:id/notes',
    summary: '添加进展说明（可附照片）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseDispatch,
    params: byId,
    body: caseNoteBodySchema,
    response: caseDetailSchema,
  }),
};
