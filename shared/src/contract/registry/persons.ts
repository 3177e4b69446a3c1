import { Permission } from '../../domain/permissions';
import { Gender, HeadRelation, HukouType, PermitStatus, PersonStatus, registryLimits } from '../../domain/registry';
import { defineRoute } from '../define';
import { pageQuery, pathId, qInt, qList, qText, text } from '../fields';
import { z } from '../zod';
import { enumValues, qEnum, qRegistryId, registryId } from './common';
import { personDetailSchema, personPiiSchema, personSchema } from './person-views';

const TAG = '管理端 · 人口';
const GENDERS = enumValues(Gender);
const HUKOU_TYPES = enumValues(HukouType);
const PERSON_STATUSES = enumValues(PersonStatus);

/** The person list's filters and order: the same for the list (with paging) and the Excel export. */
export const personFilterQuery = {
  /** 区域（含下级，须在本人管辖范围内） */
  regionId: qRegistryId(),
  /** 标签代码，可重复或逗号分隔；须同时具有 */
  tag: qList(z.string().max(400), 32),
  /** 姓名前缀；完整身份证号或手机号时精确匹配 */
  q: qText(32),
  gender: qEnum(GENDERS),
  hukouType: qEnum(HUKOU_TYPES),
  /** 默认 active（在册） */
  status: qEnum([...PERSON_STATUSES, 'all'] as const),
  householdId: qRegistryId(),
  /** 最小年龄（周岁） */
  ageMin: qInt(0, 150),
  /** 最大年龄（周岁） */
  ageMax: qInt(0, 150),
  sort: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['name', 'birthDate', 'createdAt']).default('name')),
  order: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['asc', 'desc']).default('asc')),
};

/** '' or null clears an optional text. */
const clearable = (max: number) => z.string().trim().max(max).nullable();
const day = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, { error: '日期格式应为 YYYY-MM-DD' })
  .nullable();
const tagCodes = z
  .array(z.string().regex(registryLimits.tagCode.pattern, { error: '标签代码格式不正确' }))
  .max(32)
  .refine((codes) => new Set(codes).size === codes.length, { error: '标签重复' });
const name = text(registryLimits.personName.max, registryLimits.personName.min);

/** Fields create and update share. Formats of ID number and phone are checked by the BFF, with precise messages. */
const personFields = {
  /** 有身份证号时由号码推出，填写则须一致 */
  birthDate: day.optional(),
  /** 18 位身份证号（GB 11643 校验），加密存储 */
  idNumber: clearable(32).optional(),
  /** 手机号，加密存储 */
  phone: clearable(20).optional(),
  /** 户籍地址 */
  hukouAddress: clearable(registryLimits.address.max).optional(),
  /** 现居住地址 */
  address: clearable(registryLimits.address.max).optional(),
  /** 流动人口：来源地 */
  origin: clearable(64).optional(),
  /** 流动人口：来本地日期 */
  arrivalDate: day.optional(),
  /** 流动人口：居住证状态 */
  permitStatus: z.enum(enumValues(PermitStatus)).nullable().optional(),
  /** 流动人口：居住证有效期至 */
  permitExpiry: day.optional(),
  /** 所属户（一人只能属于一户） */
  householdId: z
    .union([z.literal(''), registryId()])
    .nullable()
    .optional(),
  relationToHead: z.enum(enumValues(HeadRelation)).nullable().optional(),
  status: z.enum(PERSON_STATUSES).optional(),
  note: clearable(registryLimits.note.max).optional(),
};

export const personCreateSchema = z.strictObject({
  ...personFields,
  name,
  /** 有身份证号时可省略（由号码推出） */
  gender: z.enum(GENDERS).optional(),
  hukouType: z.enum(HUKOU_TYPES),
  /** 所在村（社区）或网格，须在本人管辖范围内 */
  regionId: registryId(),
  /** 标签代码（须为启用的标签） */
  tags: tagCodes.optional(),
});

export const personUpdateSchema = z.strictObject({
  ...personFields,
  name: name.optional(),
  gender: z.enum(GENDERS).optional(),
  hukouType: z.enum(HUKOU_TYPES).optional(),
  regionId: registryId().optional(),
  tags: tagCodes.optional(),
});

const byId = z.object({ id: pathId() });

export const personRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/persons',
    summary: '人员列表：区域（含下级）、标签、姓名前缀或完整证件号/手机号、性别、户籍类型、状态、户、年龄筛选',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonRead,
    query: z.object({ ...pageQuery(), ...personFilterQuery }),
    response: personSchema,
    list: true,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/persons',
    summary: '登记人员（身份证号校验并推出出生日期和性别；重复证件号 409 PERSON_DUPLICATE）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    body: personCreateSchema,
    response: personDetailSchema,
    status: 201,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/persons/:id',
    summary: '人员详情：房屋、户、标签、走访记录与下次走访',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonRead,
    params: byId,
    response: personDetailSchema,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/admin/persons/:id',
    summary: '修改人员（改区域时其标签和走访记录随之移动）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    params: byId,
    body: personUpdateSchema,
    response: personDetailSchema,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/admin/persons/:id',
    summary: '删除人员及其标签、人房关系和走访记录（户主须先更换：409 RECORD_IN_USE）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    params: byId,
    response: null,
    status: 204,
  }),
  pii: defineRoute({
    method: 'GET',
    path: '/api/admin/persons/:id/pii',
    summary: '查看未脱敏的身份证号和手机号（记录审计日志）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PiiRead,
    params: byId,
    response: personPiiSchema,
  }),
  setTags: defineRoute({
    method: 'PUT',
    path: '/api/admin/persons/:id/tags',
    summary: '设置人员标签（新增的须为启用的标签；保留的标签不改变打标时间）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    params: byId,
    body: z.strictObject({ codes: tagCodes }),
    response: personDetailSchema,
  }),
};

export type PersonCreateInput = z.output<typeof personCreateSchema>;
export type PersonUpdateInput = z.output<typeof personUpdateSchema>;
