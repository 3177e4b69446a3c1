import { Permission } from '../../domain/permissions';
import { registryLimits } from '../../domain/registry';
import type { StoredFileVO } from '../../api/registry';
import { defineRoute } from '../define';
import { pageQuery } from '../fields';
import { z } from '../zod';
import { qEnum, qRegistryId, registryId } from './common';

const TAG = '管理端 · 走访';
const { visitNote, visitPhotos } = registryLimits;

const visitDueStatus = z.enum(['overdue', 'due', 'upcoming', 'ok']);

/** An uploaded photo with a short-lived signed URL (`/api/files/:id?exp=&sig=`). */
export const visitPhotoSchema = z.object({
  id: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  url: z.string(),
}) satisfies z.ZodType<StoredFileVO>;

/** A recorded visit (走访). */
export const visitSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  householdId: z.string().nullable(),
  visitorName: z.string(),
  /** ISO 8601 */
  visitedAt: z.string(),
  note: z.string(),
  /** Usable in <img>/<Image> for a few minutes. */
  photos: z.array(visitPhotoSchema),
});
export type VisitVO = z.infer<typeof visitSchema>;

/** A person with care tags whose next visit is due; status and dates computed by the BFF. */
export const visitDueSchema = z.object({
  personId: z.string(),
  name: z.string(),
  /** Masked. */
  phone: z.string().nullable(),
  address: z.string().nullable(),
  regionId: z.string(),
  regionName: z.string(),
  householdId: z.string().nullable(),
  tags: z.array(z.object({ code: z.string(), name: z.string(), color: z.string() })),
  status: visitDueStatus,
  dueAt: z.string(),
  overdueDays: z.number().int(),
  lastVisitedAt: z.string().nullable(),
});
export type VisitDueVO = z.infer<typeof visitDueSchema>;

/** Filters of the 走访待办 list: a status, `pending` (overdue + due + upcoming, the default) or `all`. */
export const visitDueFilters = ['pending', 'all', 'overdue', 'due', 'upcoming', 'ok'] as const;
export type VisitDueFilter = (typeof visitDueFilters)[number];

const missingOr = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? message : undefined;

/** ISO 8601 as Joi's isoDate took it: a date, optionally with a time and an offset. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const visitCreateSchema = z.strictObject({
  /** 被走访人员 id */
  personId: z
    .string({ error: missingOr('请选择走访对象') })
    .trim()
    .min(1, { error: '请选择走访对象' })
    .max(36),
  /** 走访时间（ISO 8601），默认当前时间；不能晚于现在，最多补录 30 天 */
  visitedAt: z
    .string()
    .refine((v) => v === '' || (ISO_TIME.test(v) && !Number.isNaN(Date.parse(v))), { error: '走访时间格式不正确' })
    .nullable()
    .optional(),
  /** 走访情况 */
  note: z
    .string({ error: missingOr('请填写走访情况') })
    .trim()
    .min(visitNote.min, { error: '请填写走访情况' })
    .max(visitNote.max, { error: `走访情况不能超过 ${visitNote.max} 字` }),
  /** 先上传得到的图片 id */
  photoIds: z
    .array(registryId())
    .max(visitPhotos.max, { error: `最多 ${visitPhotos.max} 张照片` })
    .refine((ids) => new Set(ids).size === ids.length, { error: '图片重复' })
    .default([]),
});
export type VisitCreateInput = z.output<typeof visitCreateSchema>;

export const visitRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/visits',
    summary: '走访记录（本人管辖范围内，按走访时间倒序）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonRead,
    query: z.object({
      ...pageQuery(),
      personId: qRegistryId(),
      /** 区域（含下级，须在本人管辖范围内） */
      regionId: qRegistryId(),
    }),
    response: visitSchema,
    list: true,
  }),
  due: defineRoute({
    method: 'GET',
    path: '/api/admin/visits/due',
    summary: '待走访（按应走访日期排序）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonRead,
    query: z.object({
      ...pageQuery(),
      /** 区域（含下级，须在本人管辖范围内） */
      regionId: qRegistryId(),
      /** 默认 pending：逾期、到期和即将到期 */
      status: qEnum(visitDueFilters),
    }),
    response: visitDueSchema,
    list: true,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/visits',
    summary: '登记走访（照片先通过 /api/admin/files 上传）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonRead,
    body: visitCreateSchema,
    response: visitSchema,
    status: 201,
  }),
};
