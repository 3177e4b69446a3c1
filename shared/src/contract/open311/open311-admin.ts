import { caseLimits } from '../../domain/case';
import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pathId } from '../fields';
import { z } from '../zod';

/**
 * The portal's side of Open311 (政务公开): the public text of a case and the api keys of outside
 * clients. The GeoReport v2 routes themselves are described in their own file.
 */

/**
 * What Open311 publishes of one case. The resident's own text is never published: only
 * `publicDescription`, written (or approved) by staff.
 */
export const casePublicationSchema = z.object({
  /** The category is public and the report is not anonymous: text, address and exact position go out. */
  publishable: z.boolean(),
  categoryPublic: z.boolean(),
  anonymous: z.boolean(),
  /** The staff-reviewed text Open311 shows as `description`; null = none (description empty). */
  publicDescription: z.string().nullable(),
});
export type CasePublicationVO = z.infer<typeof casePublicationSchema>;

export const open311KeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** First characters of the key, for recognition; the full key is shown once at creation. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Open311KeyVO = z.infer<typeof open311KeySchema>;

/** The answer to issuing a key: the full key, shown exactly once. */
export const issuedOpen311KeySchema = open311KeySchema.extend({ key: z.string() });
export type IssuedOpen311KeyVO = z.infer<typeof issuedOpen311KeySchema>;

const maxText = caseLimits.description.max;

export const casePublicationUpdateSchema = z.strictObject({
  /** Written or reviewed by staff, no names, phones or house numbers; null or '' = publish no text. */
  publicDescription: z
    .string({ error: (issue) => (issue.input === undefined ? '请填写公开说明（不公示文字时传 null）' : undefined) })
    .trim()
    .max(maxText, { error: `公开说明不能超过 ${maxText} 字` })
    .nullable(),
});

export const open311KeyCreateSchema = z.strictObject({
  /** What the key is for, or the client's name (1–64 characters). */
  name: z.string().trim().min(1, { error: '请填写名称' }).max(64, { error: '名称不能超过 64 个字' }),
});

const byId = z.object({ id: pathId() });

export const casePublicationRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/cases/:id/publication',
    summary: '工单的公开信息：是否公示全文（类型公开且非匿名）与公开说明',
    tag: '管理端 · 工单',
    audience: 'staff',
    permission: Permission.CaseRead,
    params: byId,
    response: casePublicationSchema,
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/admin/cases/:id/publication',
    summary: '设置公开说明（工作人员审核后的文字，政务公开平台只显示它，不显示居民原文）；记审计',
    tag: '管理端 · 工单',
    audience: 'staff',
    permission: Permission.CaseDispatch,
    params: byId,
    body: casePublicationUpdateSchema,
    response: casePublicationSchema,
  }),
};

export const open311KeyRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/open311/keys',
    summary: 'Open311 密钥列表（本人管辖范围内签发的，不含密钥本身）',
    tag: '管理端 · 工单配置',
    audience: 'staff',
    permission: Permission.CaseManage,
    response: z.array(open311KeySchema),
  }),
  issue: defineRoute({
    method: 'POST',
    path: '/api/admin/open311/keys',
    summary: '签发 Open311 密钥：key 只在此时显示一次',
    tag: '管理端 · 工单配置',
    audience: 'staff',
    permission: Permission.CaseManage,
    body: open311KeyCreateSchema,
    response: issuedOpen311KeySchema,
    status: 201,
  }),
  revoke: defineRoute({
    method: 'DELETE',
    path: '/api/admin/open311/keys/:id',
    summary: '吊销 Open311 密钥（立即生效）',
    tag: '管理端 · 工单配置',
    audience: 'staff',
    permission: Permission.CaseManage,
    params: byId,
    response: null,
    status: 204,
  }),
};
