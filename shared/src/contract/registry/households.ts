import { Permission } from '../../domain/permissions';
import { HeadRelation, HouseholdType, registryLimits } from '../../domain/registry';
import { defineRoute } from '../define';
import { pageQuery, pathId, qText } from '../fields';
import { z } from '../zod';
import { enumValues, optionalAddress, qEnum, qRegistryId, registryId } from './common';
import { personSchema } from './person-views';

const TAG = '管理端 · 户';
const TYPES = enumValues(HouseholdType);
const RELATIONS = enumValues(HeadRelation);

/** A 户 (常住户 / 流动户 / 空壳户) in lists. */
export const householdSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  type: z.enum(TYPES),
  regionId: z.string(),
  regionName: z.string(),
  headPersonId: z.string().nullable(),
  headName: z.string().nullable(),
  address: z.string().nullable(),
  memberCount: z.number().int(),
});
export type HouseholdVO = z.infer<typeof householdSchema>;

export const householdDetailSchema = householdSchema.extend({
  houseId: z.string().nullable(),
  landNote: z.string().nullable(),
  members: z.array(personSchema),
});
export type HouseholdDetailVO = z.infer<typeof householdDetailSchema>;

const code = z
  .string()
  .trim()
  .max(32)
  .regex(/^[0-9A-Za-z-]*$/, { error: '户编号只能包含字母、数字和连字符' })
  .nullable();
const landNote = z.string().trim().max(registryLimits.note.max).nullable();
/** An id that may be cleared: '' or null = none. */
const clearableId = z.union([z.literal(''), registryId()]).nullable();

export const householdCreateSchema = z.strictObject({
  /** 常住户 / 流动户 / 空壳户 */
  type: z.enum(TYPES),
  /** 所在村（社区）或网格，须在本人管辖范围内 */
  regionId: registryId(),
  /** 户编号（全镇唯一） */
  code: code.optional(),
  address: optionalAddress().optional(),
  /** 住房（须在管辖范围内） */
  houseId: clearableId.optional(),
  /** 户主（须在管辖范围内且不属于其他户） */
  headPersonId: clearableId.optional(),
  /** 承包地、种养殖情况 */
  landNote: landNote.optional(),
});

export const householdUpdateSchema = z.strictObject({
  type: z.enum(TYPES).optional(),
  regionId: registryId().optional(),
  code: code.optional(),
  address: optionalAddress().optional(),
  houseId: clearableId.optional(),
  /** 更换户主（原户主保留为成员，关系改为“其他”）；null 表示暂无户主 */
  headPersonId: clearableId.optional(),
  landNote: landNote.optional(),
});

export const householdMemberSchema = z.strictObject({
  personId: registryId(),
  /** self = 户主（本户尚无户主时） */
  relationToHead: z.enum(RELATIONS),
});

const byId = z.object({ id: pathId() });

export const householdRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/households',
    summary: '户列表：区域（含下级）、户类型、户主姓名/地址/户编号筛选',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonRead,
    query: z.object({
      ...pageQuery(),
      /** 区域（含下级，须在本人管辖范围内） */
      regionId: qRegistryId(),
      type: qEnum(TYPES),
      /** 户主姓名前缀、地址包含或户编号 */
      q: qText(64),
    }),
    response: householdSchema,
    list: true,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/households',
    summary: '新建户（可同时指定户主，户主成为本户成员）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    body: householdCreateSchema,
    response: householdDetailSchema,
    status: 201,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/households/:id',
    summary: '户详情与成员（证件号、手机号脱敏）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonRead,
    params: byId,
    response: householdDetailSchema,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/admin/households/:id',
    summary: '修改户（含更换户主）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    params: byId,
    body: householdUpdateSchema,
    response: householdDetailSchema,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/admin/households/:id',
    summary: '删除户（成员保留在人口库中，只解除与本户的关系）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    params: byId,
    response: null,
    status: 204,
  }),
  addMember: defineRoute({
    method: 'POST',
    path: '/api/admin/households/:id/members',
    summary: '添加成员（一人只能属于一户；已属于其他户时 409，须先移出）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    params: byId,
    body: householdMemberSchema,
    response: householdDetailSchema,
    status: 201,
  }),
  removeMember: defineRoute({
    method: 'DELETE',
    path: '/api/admin/households/:id/members/:personId',
    summary: '移出成员（户主移出后本户暂无户主）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PersonManage,
    params: z.object({ id: pathId(), personId: pathId() }),
    response: null,
    status: 204,
  }),
};

export type HouseholdCreateInput = z.output<typeof householdCreateSchema>;
export type HouseholdUpdateInput = z.output<typeof householdUpdateSchema>;
