import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pathId, pageQuery } from '../fields';
import { z } from '../zod';
import { qRegistryId } from '../registry/common';
import { partyRef, requiredText } from './common';

const TAG = '管理端 · 党务公开';
const MP_TAG = '小程序 · 党务公开';

/** Who a notice is for: every member of the town, one organisation's own members, or a subtree. */
export const noticeAudiences = ['all', 'org', 'subtree'] as const;
export type NoticeAudience = (typeof noticeAudiences)[number];
export const noticeAudienceLabels: Record<NoticeAudience, string> = {
  all: '全体党员',
  org: '本组织党员',
  subtree: '本组织及下级组织党员',
};

export const noticeSchema = z.object({
  id: z.string(),
  /** The publishing organisation. */
  orgId: z.string(),
  orgName: z.string(),
  audience: z.enum(noticeAudiences),
  /** The organisation addressed by `org` / `subtree` (null for `all`). */
  targetOrgId: z.string().nullable(),
  title: z.string(),
  /** Sanitised HTML (the server strips scripts, event handlers and unknown tags). */
  body: z.string(),
  pinned: z.boolean(),
  publishedAt: z.string().nullable(),
  /** A withdrawn notice is kept (with its receipts) but members no longer see it. */
  withdrawnAt: z.string().nullable(),
  /** Members addressed now, and how many of them opened it. */
  audienceCount: z.number().int(),
  readCount: z.number().int(),
});
export type NoticeVO = z.infer<typeof noticeSchema>;

export const noticeCreateSchema = z
  .object({
    orgId: partyRef('请选择发布组织'),
    audience: z.enum(noticeAudiences, { error: '请选择公开范围' }),
    targetOrgId: partyRef().nullable().optional(),
    title: requiredText(100, '请填写标题'),
    body: requiredText(20_000, '请填写正文'),
  })
  .refine((n) => n.audience === 'all' || !!n.targetOrgId, { error: '请选择公开到的组织', path: ['targetOrgId'] });
export type NoticeCreateInput = z.output<typeof noticeCreateSchema>;

/** Editing a draft: the same fields as drafting it (a published notice is refused with 409). */
export const noticeUpdateSchema = noticeCreateSchema;
export type NoticeUpdateInput = NoticeCreateInput;

/** A member's view of a notice: the same text, and whether they have opened it. */
export const myNoticeSchema = z.object({
  id: z.string(),
  orgName: z.string(),
  title: z.string(),
  body: z.string(),
  pinned: z.boolean(),
  publishedAt: z.string(),
  read: z.boolean(),
});
export type MyNoticeVO = z.infer<typeof myNoticeSchema>;

const byId = z.object({ id: pathId() });

export const partyNoticeRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/party/notices',
    summary: '党务公开列表（置顶在前，再按发布时间）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    query: z.object({ ...pageQuery(), orgId: qRegistryId() }),
    response: noticeSchema,
    list: true,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/party/notices',
    summary: '起草党务公开（正文为富文本，服务端清洗）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    body: noticeCreateSchema,
    response: noticeSchema,
    status: 201,
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/admin/party/notices/:id',
    summary: '修改草稿（发布后不能再改）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    body: noticeUpdateSchema,
    response: noticeSchema,
  }),
  publish: defineRoute({
    method: 'POST',
    path: '/api/admin/party/notices/:id/publish',
    summary: '发布（发布后党员可见）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    response: noticeSchema,
  }),
  withdraw: defineRoute({
    method: 'POST',
    path: '/api/admin/party/notices/:id/withdraw',
    summary: '撤回已发布的党务公开（党员不再可见，记录与阅读回执保留）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    response: noticeSchema,
  }),
  pin: defineRoute({
    method: 'PUT',
    path: '/api/admin/party/notices/:id/pinned',
    summary: '置顶或取消置顶',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    body: z.object({ pinned: z.boolean({ error: '请选择是否置顶' }) }),
    response: noticeSchema,
  }),
};

export const mpPartyNoticeRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/mp/party/notices',
    summary: '我的党务公开（置顶在前）',
    tag: MP_TAG,
    audience: 'mp',
    query: z.object({ ...pageQuery() }),
    response: myNoticeSchema,
    list: true,
  }),
  unread: defineRoute({
    method: 'GET',
    path: '/api/mp/party/notices/unread-count',
    summary: '未读的党务公开条数',
    tag: MP_TAG,
    audience: 'mp',
    response: z.object({ unread: z.number().int() }),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/mp/party/notices/:id',
    summary: '党务公开详情（打开即记为已读）',
    tag: MP_TAG,
    audience: 'mp',
    params: byId,
    response: myNoticeSchema,
  }),
};
