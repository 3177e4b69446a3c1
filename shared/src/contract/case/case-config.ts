import { caseCategoryIcons } from '../../domain/case';
import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { noRepeats } from './case-fields';
import { pathId, qInt } from '../fields';
import { z } from '../zod';

const TAG = '管理端 · 工单配置';

/** Limits of a category (the code is also the Open311 `service_code`, so it stays URL- and XML-safe). */
export const caseCategoryLimits = {
  code: /^[a-z][a-z0-9_]{1,31}$/,
  name: { max: 32 },
  description: { max: 200 },
  department: { max: 64 },
  slaHours: { min: 1, max: 720 },
  acceptHours: { min: 1, max: 72 },
  sortOrder: { min: 0, max: 9999 },
} as const;

export const holidayLimits = { name: { max: 32 }, daysPerYear: 366, year: { min: 2000, max: 2100 } } as const;

/** A category of problem (问题类型) with its SLA and responsible department. */
export const caseCategorySchema = z.object({
  code: z.string(),
  name: z.string(),
  /** Icon key understood by both front ends (`caseCategoryIcons`), e.g. 'road'. */
  icon: z.string(),
  description: z.string().nullable(),
  /** Responsible department (责任部门) shown to staff. */
  department: z.string().nullable(),
  /** Resolution SLA in working hours for normal priority. */
  slaHours: z.number().int(),
  /** Acceptance SLA in working hours. */
  acceptHours: z.number().int(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  /**
   * Whether cases of this category are published on Open311 (政务公开) with their position and the
   * staff-reviewed public text. Non-public ones are listed without any text, address or photo and
   * with the position snapped to a ~500 m grid. Shown to residents in the report form.
   */
  isPublic: z.boolean(),
});
export type CaseCategoryVO = z.infer<typeof caseCategorySchema>;

/** One exception of the working-time calendar (Asia/Shanghai). */
export const holidaySchema = z.object({
  /** YYYY-MM-DD (Asia/Shanghai). */
  date: z.string(),
  /** `holiday` = day off on a weekday; `workday` = 调休 working weekend day. */
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
});
export type HolidayVO = z.infer<typeof holidaySchema>;

const L = caseCategoryLimits;
const ICONS = Object.keys(caseCategoryIcons) as [string, ...string[]];

const name = z
  .string()
  .trim()
  .min(1)
  .max(L.name.max, { error: `名称不能超过 ${L.name.max} 个字` });
const icon = z.enum(ICONS, {
  error: (issue) => (issue.input === undefined ? undefined : `图标须为以下之一：${ICONS.join('、')}`),
});
const description = z.string().trim().max(L.description.max).nullable();
const department = z
  .string()
  .trim()
  .max(L.department.max, { error: `责任部门不能超过 ${L.department.max} 个字` })
  .nullable();
const hours = (range: { min: number; max: number }, label: string) => {
  const message = `${label}应为 ${range.min}–${range.max} 个工作小时`;
  return z.number().int().min(range.min, { error: message }).max(range.max, { error: message });
};
const sortOrder = z.number().int().min(L.sortOrder.min).max(L.sortOrder.max);
const isPublic = z.boolean({
  error: (issue) => (issue.input === undefined ? undefined : '是否公开须为 true 或 false'),
});

export const caseCategoryCreateSchema = z.strictObject({
  /** 小写字母开头，2–32 位小写字母、数字或下划线；创建后不可修改（也是 Open311 的 service_code） */
  code: z.string().trim().regex(L.code, { error: '类型代码须以小写字母开头，由 2–32 位小写字母、数字或下划线组成' }),
  name,
  icon,
  description: description.optional(),
  department: department.optional(),
  /** 办结时限（工作小时，普通优先级） */
  slaHours: hours(L.slaHours, '办结时限'),
  /** 受理时限（工作小时） */
  acceptHours: hours(L.acceptHours, '受理时限'),
  active: z.boolean().optional(),
  /** 排序（小的在前）；默认排在最后 */
  sortOrder: sortOrder.optional(),
  /** 是否在政务公开（Open311）公示；新建默认不公开 */
  isPublic: isPublic.optional(),
});

export const caseCategoryUpdateSchema = z.strictObject({
  name: name.optional(),
  icon: icon.optional(),
  description: description.optional(),
  department: department.optional(),
  slaHours: hours(L.slaHours, '办结时限').optional(),
  acceptHours: hours(L.acceptHours, '受理时限').optional(),
  /** 停用后居民不能再选择该类型，已有工单不受影响 */
  active: z.boolean().optional(),
  sortOrder: sortOrder.optional(),
  isPublic: isPublic.optional(),
});

export const holidayDaySchema = z.strictObject({
  /** YYYY-MM-DD（北京时间），须在该年份内 */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' }),
  kind: z.enum(['holiday', 'workday'], {
    error: (issue) => (issue.input === undefined ? undefined : '类型应为 holiday（放假）或 workday（调休上班）'),
  }),
  name: z
    .string()
    .trim()
    .min(1)
    .max(holidayLimits.name.max, { error: `名称不能超过 ${holidayLimits.name.max} 个字` }),
});

export const holidaysReplaceSchema = z.strictObject({
  /** 该年份的全部例外日期（整年替换） */
  days: z
    .array(holidayDaySchema)
    .max(holidayLimits.daysPerYear, { error: `一年最多 ${holidayLimits.daysPerYear} 天` })
    .superRefine(noRepeats<HolidayDayInput>('日期重复', (day) => day.date)),
});

const yearMessage = '年份应为 2000–2100 的四位数字';

export const caseConfigRoutes = {
  listCategories: defineRoute({
    method: 'GET',
    path: '/api/admin/case-categories',
    summary: '问题类型列表（含停用的）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseRead,
    response: z.array(caseCategorySchema),
  }),
  createCategory: defineRoute({
    method: 'POST',
    path: '/api/admin/case-categories',
    summary: '新建问题类型（镇级）；代码重复 409',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseManage,
    body: caseCategoryCreateSchema,
    response: caseCategorySchema,
    status: 201,
  }),
  updateCategory: defineRoute({
    method: 'PATCH',
    path: '/api/admin/case-categories/:code',
    summary: '修改问题类型（名称、图标、部门、时限、启用、排序、是否公开）；停用不影响已有工单',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseManage,
    params: z.object({ code: pathId() }),
    body: caseCategoryUpdateSchema,
    response: caseCategorySchema,
  }),
  listHolidays: defineRoute({
    method: 'GET',
    path: '/api/admin/holidays',
    summary: '某年的节假日与调休上班日（默认今年）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseRead,
    query: z.object({
      /** 年份，默认今年（北京时间） */
      year: qInt(holidayLimits.year.min, holidayLimits.year.max).describe('年份，默认今年（北京时间）'),
    }),
    response: z.array(holidaySchema),
  }),
  replaceHolidays: defineRoute({
    method: 'PUT',
    path: '/api/admin/holidays/:year',
    summary: '整年替换节假日（镇级；之后计算的时限立即采用）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.CaseManage,
    params: z.object({
      year: z.coerce
        .number({ error: yearMessage })
        .int({ error: yearMessage })
        .min(holidayLimits.year.min, { error: yearMessage })
        .max(holidayLimits.year.max, { error: yearMessage }),
    }),
    body: holidaysReplaceSchema,
    response: z.array(holidaySchema),
  }),
};

export type CaseCategoryCreateInput = z.output<typeof caseCategoryCreateSchema>;
export type CaseCategoryUpdateInput = z.output<typeof caseCategoryUpdateSchema>;
export type HolidayDayInput = z.output<typeof holidayDaySchema>;
