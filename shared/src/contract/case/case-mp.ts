import { caseLimits } from '../../domain/case';
import { GEO_LIMITS } from '../../domain/geo';
import { normalizeMobile } from '../../domain/phone';
import { defineRoute } from '../define';
import { pageQuery, pathId } from '../fields';
import { z } from '../zod';
import { caseCategorySchema } from './case-config';
import {
  caseDescription,
  caseNote,
  casePhotoIds,
  caseReason,
  caseResult,
  caseVersion,
  nullAsAbsent,
  requiredForAction,
  whenMissing,
  whenMissingOrWrong,
} from './case-fields';
import {
  caseFollowSchema,
  caseSubscribeTemplatesSchema,
  mpCaseDetailSchema,
  mpCaseItemSchema,
  mpTaskDetailSchema,
  mpTaskItemSchema,
  nearbyCaseSchema,
} from './case-views';
import { caseNoteBodySchema } from './case-admin';

const RESIDENT = '小程序 · 随手拍';
const WORKER = '小程序 · 网格员';

/** Upper bound of the nearby radius a client may ask for (metres). */
export const nearbyMaxRadiusM = 1000;

const blank = (value: unknown) => (value === '' ? undefined : value);
const notIn = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? undefined : message),
});
/** Query text → number (a non-number stays NaN and is refused with the field's words). */
const numeric = (value: unknown) =>
  value === '' || value === undefined ? undefined : typeof value === 'string' ? Number(value) : value;

const axis = (name: '经度' | '纬度', range: readonly [number, number]) =>
  z
    .number(whenMissingOrWrong(`请提供${name}`, `${name}应为数字`))
    .min(range[0], { error: `${name}超出范围` })
    .max(range[1], { error: `${name}超出范围` });
const lng = () => axis('经度', GEO_LIMITS.lng);
const lat = () => axis('纬度', GEO_LIMITS.lat);
const categoryCode = () =>
  z
    .string(whenMissing('请选择问题类型'))
    .trim()
    .min(1, { error: '请选择问题类型', abort: true })
    .regex(/^[a-z0-9_]{1,32}$/, { error: '问题类型无效' });
const phoneMessage = '联系电话应为 11 位手机号';
const keyMessage = '提交标识无效';

/** `POST /api/mp/cases`: a resident's report (photos uploaded first through /api/mp/files). */
export const mpCaseSubmitSchema = z.strictObject({
  /** 客户端为每份草稿生成一次（如 UUID）；重复提交返回同一工单 */
  idempotencyKey: z
    .string(whenMissing('缺少提交标识'))
    .trim()
    .min(1, { error: '缺少提交标识', abort: true })
    .min(caseLimits.idempotencyKey.min, { error: keyMessage })
    .max(caseLimits.idempotencyKey.max, { error: keyMessage })
    .regex(/^[A-Za-z0-9_-]+$/, { error: keyMessage }),
  categoryCode: categoryCode(),
  description: caseDescription('请描述问题'),
  photoIds: casePhotoIds(caseLimits.photos.max).default([]),
  /** 问题位置（GCJ-02），须在本镇范围内 */
  location: z.object(
    { lng: lng(), lat: lat() },
    { error: (issue) => (issue.input === undefined ? '请选择问题位置' : '位置应包含经度和纬度') },
  ),
  address: z
    .string()
    .trim()
    .max(caseLimits.address.max, { error: `地址不能超过 ${caseLimits.address.max} 字` })
    .default(''),
  /** 匿名：村/社区工作人员看不到上报人 */
  anonymous: z.boolean(notIn('匿名选项无效')).default(false),
  /** 联系电话；不填时使用已绑定的手机号 */
  contactPhone: z
    .string()
    .trim()
    .max(20, { error: phoneMessage })
    .transform((value, ctx) => {
      if (!value) return value;
      const mobile = normalizeMobile(value);
      if (mobile === null) ctx.addIssue({ code: 'custom', message: phoneMessage, input: value });
      return mobile ?? value;
    })
    .nullable()
    .optional(),
});
/** A complete report (defaults filled), as the mini-program's drafts and outbox hold it and the BFF receives it. */
export type MpCaseSubmitBody = z.output<typeof mpCaseSubmitSchema>;

export const mpNearbyQuery = z.object({
  lng: z.preprocess(numeric, lng()),
  lat: z.preprocess(numeric, lat()),
  categoryCode: categoryCode(),
  /** 半径（米），默认按配置 */
  radiusM: z.preprocess(
    numeric,
    z
      .number({ error: '半径应为整数' })
      .int({ error: '半径应为整数' })
      .min(1, { error: '半径至少 1 米' })
      .max(nearbyMaxRadiusM, { error: `半径不能超过 ${nearbyMaxRadiusM} 米` })
      .optional(),
  ),
});
export type MpNearbyQuery = z.output<typeof mpNearbyQuery>;

export const mpCaseStatusFilters = ['open', 'resolved', 'closed'] as const;
export type MpCaseStatusFilter = (typeof mpCaseStatusFilters)[number];

export const mpCaseListQuery = z.object({
  /** 我上报的（默认）/ 我附议的 */
  scope: z.preprocess(blank, z.enum(['mine', 'following'], notIn('范围只能是 mine 或 following')).default('mine')),
  /** 处理中 / 已办结待评价 / 已结束 */
  status: z.preprocess(blank, z.enum(mpCaseStatusFilters, notIn('状态只能是 open、resolved 或 closed')).optional()),
  ...pageQuery(20, 50),
});
export type MpCaseListQuery = z.output<typeof mpCaseListQuery>;

const ratingMessage = '评分应为 1-5 的整数';
export const mpCaseRateSchema = z.strictObject({
  rating: z
    .number(whenMissingOrWrong('请选择评分', ratingMessage))
    .int({ error: ratingMessage })
    .min(1, { error: ratingMessage })
    .max(5, { error: ratingMessage }),
  /** 评价内容 */
  comment: z
    .string()
    .trim()
    .max(caseLimits.ratingComment.max, { error: `评价内容不能超过 ${caseLimits.ratingComment.max} 字` })
    .nullable()
    .optional(),
});

export const mpCaseDisputeSchema = z.strictObject({
  /** 问题仍未解决的说明 */
  reason: z
    .string(whenMissing('请说明未解决的情况'))
    .trim()
    .min(1, { error: '请说明未解决的情况', abort: true })
    .min(caseLimits.reason.min, { error: `说明至少 ${caseLimits.reason.min} 个字` })
    .max(caseLimits.reason.max, { error: `说明不能超过 ${caseLimits.reason.max} 字` }),
  /** 现场照片（先上传） */
  photoIds: casePhotoIds(caseLimits.photos.max).optional(),
});

export const mpCaseSubscriptionsSchema = z.strictObject({
  /** 用户在订阅弹窗中同意的模板 id */
  templateIds: z
    .array(z.string().trim().min(1).max(64), whenMissingOrWrong('请提供订阅的模板', '模板应为列表'))
    .max(10, { error: '模板过多' }),
});

/** What a grid worker may do with a task (the rest is the dispatchers'). */
export const workerActions = ['start', 'return', 'resolve'] as const;
export type WorkerAction = (typeof workerActions)[number];

export const mpTaskQuery = z.object({
  /** todo = 待办（已派单、处理中，按时限排序）；done = 已办（本人办结或退回的） */
  status: z.preprocess(blank, z.enum(['todo', 'done'], notIn('状态应为 todo 或 done')).default('todo')),
  ...pageQuery(20, 100),
});
export type MpTaskListQuery = z.output<typeof mpTaskQuery>;

export const mpTaskActionSchema = z
  .strictObject({
    /** start 接单、return 退回、resolve 办结 */
    action: z.enum(workerActions, { error: (issue) => (issue.input === undefined ? '请选择操作' : '不支持的操作') }),
    /** 退回原因 */
    reason: caseReason().optional(),
    /** 办结的处理结果 */
    result: caseResult().optional(),
    /** 附言 */
    note: caseNote().nullable().transform(nullAsAbsent).optional(),
    /** 处理后照片（先通过 /api/mp/files 上传） */
    photoIds: casePhotoIds(caseLimits.afterPhotos.max).optional(),
    /** 详情中的 version：已被他人修改时 409 CONFLICT */
    version: caseVersion().optional(),
  })
  .superRefine(
    requiredForAction([
      { field: 'reason', input: 'reason', message: '请填写退回原因' },
      { field: 'result', input: 'result', message: '请填写处理结果' },
    ]),
  );
export type MpTaskActionInput = z.output<typeof mpTaskActionSchema>;

const byId = z.object({ id: pathId() });
const resident = { tag: RESIDENT, audience: 'mp' } as const;
const worker = { tag: WORKER, audience: 'mp' } as const;

export const mpCaseRoutes = {
  categories: defineRoute({
    ...resident,
    method: 'GET',
    path: '/api/mp/case-categories',
    summary: '可选的问题类型（启用的，按排序）',
    response: z.array(caseCategorySchema),
  }),
  templates: defineRoute({
    ...resident,
    method: 'GET',
    path: '/api/mp/cases/subscribe-templates',
    summary: '提交后请求订阅的消息模板 id（受理、派单、办结）',
    response: caseSubscribeTemplatesSchema,
  }),
  nearby: defineRoute({
    ...resident,
    method: 'GET',
    path: '/api/mp/cases/nearby',
    summary: '附近同类未办结问题（最多 10 条，由近到远），可附议而不重复上报',
    query: mpNearbyQuery,
    response: z.array(nearbyCaseSchema),
  }),
  submit: defineRoute({
    ...resident,
    method: 'POST',
    path: '/api/mp/cases',
    summary: '上报问题（照片先通过 /api/mp/files 上传）；新建 201，同一 idempotencyKey 重复提交返回 200 与同一工单',
    body: mpCaseSubmitSchema,
    // No fixed status: the handler answers 201 for a new case and 200 for a resend of the same key.
    response: mpCaseDetailSchema,
  }),
  list: defineRoute({
    ...resident,
    method: 'GET',
    path: '/api/mp/cases',
    summary: '我上报的 / 我附议的问题',
    query: mpCaseListQuery,
    response: mpCaseItemSchema,
    list: true,
  }),
  detail: defineRoute({
    ...resident,
    method: 'GET',
    path: '/api/mp/cases/:id',
    summary: '问题详情与办理进度（仅上报人和附议人可见）',
    params: byId,
    response: mpCaseDetailSchema,
  }),
  follow: defineRoute({
    ...resident,
    method: 'POST',
    path: '/api/mp/cases/:id/follow',
    summary: '附议（+1）他人上报的问题',
    params: byId,
    response: caseFollowSchema,
  }),
  unfollow: defineRoute({
    ...resident,
    method: 'DELETE',
    path: '/api/mp/cases/:id/follow',
    summary: '取消附议',
    params: byId,
    response: caseFollowSchema,
  }),
  rate: defineRoute({
    ...resident,
    method: 'POST',
    path: '/api/mp/cases/:id/rate',
    summary: '评价办理结果（1-5 星，仅上报人，一次）',
    params: byId,
    body: mpCaseRateSchema,
    response: mpCaseDetailSchema,
  }),
  dispute: defineRoute({
    ...resident,
    method: 'POST',
    path: '/api/mp/cases/:id/dispute',
    summary: '反馈问题未解决（办结后 7 天内，仅上报人）',
    params: byId,
    body: mpCaseDisputeSchema,
    response: mpCaseDetailSchema,
  }),
  subscribe: defineRoute({
    ...resident,
    method: 'POST',
    path: '/api/mp/cases/:id/subscriptions',
    summary: '记录用户同意订阅的消息模板（仅上报人）',
    params: byId,
    body: mpCaseSubscriptionsSchema,
    response: z.object({ ok: z.literal(true) }),
  }),
};

export const mpTaskRoutes = {
  list: defineRoute({
    ...worker,
    method: 'GET',
    path: '/api/mp/grid/tasks',
    summary: '我的任务：待办（按时限）或已办',
    query: mpTaskQuery,
    response: mpTaskItemSchema,
    list: true,
  }),
  detail: defineRoute({
    ...worker,
    method: 'GET',
    path: '/api/mp/grid/tasks/:id',
    summary: '任务详情：位置、照片、时间线、可执行的操作',
    params: byId,
    response: mpTaskDetailSchema,
  }),
  act: defineRoute({
    ...worker,
    method: 'POST',
    path: '/api/mp/grid/tasks/:id/actions',
    summary: '接单、退回（须填原因）或办结（须填结果，可附处理后照片）',
    params: byId,
    body: mpTaskActionSchema,
    response: mpTaskDetailSchema,
  }),
  note: defineRoute({
    ...worker,
    method: 'POST',
    path: '/api/mp/grid/tasks/:id/notes',
    summary: '添加进展（可附照片）',
    params: byId,
    body: caseNoteBodySchema,
    response: mpTaskDetailSchema,
  }),
};
