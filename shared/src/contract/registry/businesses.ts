import { Permission } from '../../domain/permissions';
import { checkCreditCode } from '../../domain/credit-code';
import { normalizeMobile } from '../../domain/phone';
import { BusinessStatus, BusinessType, registryLimits } from '../../domain/registry';
import { defineRoute } from '../define';
import { pageQuery, pathId, qText, text } from '../fields';
import { z } from '../zod';
import { enumValues, lngLat, optionalAddress, qEnum, qRegistryId, registryId } from './common';

const TAG = '管理端 · 经营单位';
const TYPES = enumValues(BusinessType);
const STATUSES = enumValues(BusinessStatus);

/** A 经营单位 as lists and detail show it; the contact phone is masked. */
export const businessSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** 统一社会信用代码 (public information, not masked). */
  creditCode: z.string(),
  legalRepresentative: z.string().nullable(),
  /** Masked contact phone. */
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  type: z.enum(TYPES),
  status: z.enum(STATUSES),
  regionId: z.string(),
  regionName: z.string(),
  /** GCJ-02 `[lng, lat]`. */
  location: z.tuple([z.number(), z.number()]).nullable(),
});
export type BusinessVO = z.infer<typeof businessSchema>;

/**
 * 统一社会信用代码 per shared's GB 32100 check, upper-cased. A wrong check character alone is
 * accepted (some early codes fail it, see credit-code.ts); a malformed code is refused.
 */
const creditCode = z
  .string()
  .trim()
  .min(1, { error: '请填写统一社会信用代码' })
  .refine((value) => value === '' || checkCreditCode(value).valid, {
    error: '统一社会信用代码格式不正确（18 位数字或大写字母）',
  })
  .transform((value) => value.toUpperCase());

/** Mainland mobile, stored normalized (11 digits); '' or null clears it. */
const contactPhone = z
  .string()
  .trim()
  .max(20)
  .refine((value) => value === '' || normalizeMobile(value) !== null, { error: '联系电话应为 11 位手机号' })
  .transform((value) => (value === '' ? value : (normalizeMobile(value) ?? value)))
  .nullable();

const name = text(registryLimits.businessName.max, registryLimits.businessName.min);
const legal = z.string().trim().max(32).nullable();

export const businessCreateSchema = z.strictObject({
  name,
  creditCode,
  legalRepresentative: legal.optional(),
  /** Stored sealed, shown masked in lists. */
  contactPhone: contactPhone.optional(),
  address: optionalAddress().optional(),
  type: z.enum(TYPES),
  status: z.enum(STATUSES).default('open'),
  /** 所在社区/村或网格（须在本人管辖范围内） */
  regionId: registryId(),
  /** GCJ-02 [经度, 纬度] */
  location: lngLat().optional(),
});

export const businessUpdateSchema = z.strictObject({
  name: name.optional(),
  creditCode: creditCode.optional(),
  legalRepresentative: legal.optional(),
  /** null 或空串表示清除 */
  contactPhone: contactPhone.optional(),
  address: optionalAddress().optional(),
  type: z.enum(TYPES).optional(),
  status: z.enum(STATUSES).optional(),
  /** 移到管辖范围内的另一社区/村或网格 */
  regionId: registryId().optional(),
  location: lngLat().optional(),
});

export const businessListQuerySchema = z.object({
  ...pageQuery(),
  /** 区域（含下级） */
  regionId: qRegistryId(),
  type: qEnum(TYPES),
  status: qEnum(STATUSES),
  /** 名称包含 */
  q: qText(64),
});

const byId = z.object({ id: pathId() });

export const businessRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/businesses',
    summary: '经营单位列表（按区域、类型、状态、名称筛选）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonRead,
    query: businessListQuerySchema,
    response: businessSchema,
    list: true,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/businesses',
    summary: '登记经营单位（统一社会信用代码唯一：409 BUSINESS_DUPLICATE）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    body: businessCreateSchema,
    response: businessSchema,
    status: 201,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/businesses/:id',
    summary: '经营单位详情（联系电话脱敏）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonRead,
    params: byId,
    response: businessSchema,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/admin/businesses/:id',
    summary: '修改经营单位',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    params: byId,
    body: businessUpdateSchema,
    response: businessSchema,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/admin/businesses/:id',
    summary: '删除经营单位',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    params: byId,
    response: null,
    status: 204,
  }),
  pii: defineRoute({
    method: 'GET',
    path: '/api/admin/businesses/:id/pii',
    summary: '查看未脱敏联系电话（每次查看均记入审计日志）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PiiRead,
    params: byId,
    response: z.object({ contactPhone: z.string().nullable() }),
  }),
};

export type BusinessCreateInput = z.output<typeof businessCreateSchema>;
export type BusinessUpdateInput = z.output<typeof businessUpdateSchema>;
export type BusinessListQuery = z.output<typeof businessListQuerySchema>;
