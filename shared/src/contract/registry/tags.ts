import { Permission } from '../../domain/permissions';
import { registryLimits } from '../../domain/registry';
import { defineRoute } from '../define';
import { pathId, text } from '../fields';
import { z } from '../zod';

const { tagCode, tagName, visitIntervalDays } = registryLimits;
const TAG = '管理端 · 人员标签';

/** A person tag (人员标签) as the portal shows it. */
export const tagDefinitionSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** Days between care visits; null = no visits needed. */
  visitIntervalDays: z.number().int().nullable(),
  color: z.string(),
  builtin: z.boolean(),
  active: z.boolean(),
  /** Active persons with the tag, within the caller's scope. */
  personCount: z.number().int(),
});
export type TagDefinitionVO = z.infer<typeof tagDefinitionSchema>;

const name = text(tagName.max, tagName.min);
const interval = z.number().int().min(visitIntervalDays.min).max(visitIntervalDays.max).nullable();
const color = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, { error: '颜色应为 #RRGGBB 格式' });

export const tagCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(tagCode.pattern, { error: '标签代码须以小写字母开头，由 2–32 位小写字母、数字或下划线组成' }),
  name,
  visitIntervalDays: interval,
  color,
  active: z.boolean().optional(),
});

export const tagUpdateSchema = z.strictObject({
  name: name.optional(),
  visitIntervalDays: interval.optional(),
  color: color.optional(),
  /** 停用后不能再给人员打该标签，已有的保留 */
  active: z.boolean().optional(),
});

const byCode = z.object({ code: pathId() });

export const tagRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/tags',
    summary: '标签列表（含停用的），人数为本人管辖范围内在册人员',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonRead,
    response: z.array(tagDefinitionSchema),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/tags',
    summary: '新建自定义标签（仅限镇级管理人员）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    body: tagCreateSchema,
    response: tagDefinitionSchema,
    status: 201,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/admin/tags/:code',
    summary: '修改标签名称、走访周期、颜色或启用状态（仅限镇级管理人员）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    params: byCode,
    body: tagUpdateSchema,
    response: tagDefinitionSchema,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/admin/tags/:code',
    summary: '删除未被使用的自定义标签（内置标签只能停用）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    params: byCode,
    response: null,
    status: 204,
  }),
};

export type TagCreateInput = z.output<typeof tagCreateSchema>;
export type TagUpdateInput = z.output<typeof tagUpdateSchema>;
