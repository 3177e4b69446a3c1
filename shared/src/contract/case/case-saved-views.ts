import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pathId } from '../fields';
import { z } from '../zod';
import { whenMissing } from './case-fields';
import { caseSavedViewSchema } from './case-views';

const TAG = '管理端 · 工单';

/** Saved inbox filters per staff member, and the longest name. */
export const savedViewLimits = { perPerson: 20, name: { max: 32 } } as const;

/** The list's query parameters a saved view may hold (paging is not part of a view). */
export const savedViewFilterKeys = [
  'status',
  'categoryCode',
  'regionId',
  'source',
  'priority',
  'q',
  'assignee',
  'overdue',
  'from',
  'to',
  'sort',
] as const;

const filterValue = z.union([z.string().max(200), z.array(z.string().max(200)).max(20)]);

export const savedViewCreateSchema = z.strictObject({
  name: z
    .string(whenMissing('请填写视图名称'))
    .trim()
    .min(1, { error: '请填写视图名称', abort: true })
    .max(savedViewLimits.name.max, { error: `视图名称不能超过 ${savedViewLimits.name.max} 字` }),
  /** 列表的查询参数（扁平对象），如 { status: ["submitted"], overdue: "true" } */
  filters: z.strictObject(
    Object.fromEntries(savedViewFilterKeys.map((key) => [key, filterValue.optional()])) as Record<
      (typeof savedViewFilterKeys)[number],
      z.ZodOptional<typeof filterValue>
    >,
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') return '不支持的筛选条件';
        return issue.input === undefined ? '请提供筛选条件' : '筛选条件应为对象';
      },
    },
  ),
});

const byId = z.object({ id: pathId() });

export const caseSavedViewRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/case-views',
    summary: '我的工单视图（保存的筛选条件）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseRead,
    response: z.array(caseSavedViewSchema),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/case-views',
    summary: '保存工单视图（每人最多 20 个，名称不超过 32 字）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseRead,
    body: savedViewCreateSchema,
    response: caseSavedViewSchema,
    status: 201,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/admin/case-views/:id',
    summary: '删除自己的工单视图',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseRead,
    params: byId,
    response: null,
    status: 204,
  }),
};
