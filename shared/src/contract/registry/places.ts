import { Permission } from '../../domain/permissions';
import { HouseRelation, HouseUse, registryLimits } from '../../domain/registry';
import { defineRoute } from '../define';
import { pageQuery, pathId, qText } from '../fields';
import { z } from '../zod';
import { dayOrNull, enumValues, optionalAddress, qEnum, qRegistryId, registryId } from './common';

const TAG = '管理端 · 实有房屋';
const USES = enumValues(HouseUse);
const RELATIONS = enumValues(HouseRelation);

/** 小区 with what is registered under it. */
export const estateSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  regionId: z.string(),
  regionName: z.string(),
  buildingCount: z.number().int(),
  houseCount: z.number().int(),
});
export type EstateVO = z.infer<typeof estateSchema>;

export const buildingSchema = z.object({
  id: z.string(),
  estateId: z.string(),
  estateName: z.string(),
  name: z.string(),
  floors: z.number().int().nullable(),
  regionId: z.string(),
  regionName: z.string(),
  unitCount: z.number().int(),
  houseCount: z.number().int(),
});
export type BuildingVO = z.infer<typeof buildingSchema>;

export const buildingUnitSchema = z.object({
  id: z.string(),
  buildingId: z.string(),
  name: z.string(),
  houseCount: z.number().int(),
});
export type BuildingUnitVO = z.infer<typeof buildingUnitSchema>;

export const houseSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  estateId: z.string().nullable(),
  buildingId: z.string().nullable(),
  unitId: z.string().nullable(),
  /** e.g. 阳光小区 3号楼 1单元 302, or 幸福村 12号 for rural houses. */
  address: z.string(),
  roomNo: z.string().nullable(),
  use: z.enum(USES),
  areaM2: z.number().nullable(),
  residentCount: z.number().int(),
});
export type HouseVO = z.infer<typeof houseSchema>;

export const houseDetailSchema = houseSchema.extend({
  /** 人房关系; 证件号 and 手机号 masked. */
  residents: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      relation: z.enum(RELATIONS),
      since: z.string().nullable(),
      idNumber: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
});
export type HouseDetailVO = z.infer<typeof houseDetailSchema>;

const placeName = (max: number) => z.string().trim().min(1).max(max);
/** An optional id a form may send blank for a cleared select: '' = not given. */
const blankOrId = () => z.union([z.literal(''), registryId()]).optional();
/** The same where the portal sends null for "not in an estate" (a rural house's 小区/楼栋/单元). */
const placeId = () =>
  z
    .union([z.literal(''), registryId()])
    .nullable()
    .optional();
const floors = z.number().int().min(1).max(200).nullable();
const roomNo = z.string().trim().max(16).nullable();
const areaM2 = z.number().min(0).max(100000).nullable();
const byId = z.object({ id: pathId() });

export const estateCreateSchema = z.strictObject({
  name: placeName(64),
  /** 所在社区/村或网格（须在本人管辖范围内） */
  regionId: registryId(),
  address: optionalAddress().optional(),
});
export const estateUpdateSchema = z.strictObject({
  name: placeName(64).optional(),
  address: optionalAddress().optional(),
});

export const buildingCreateSchema = z.strictObject({
  estateId: registryId(),
  name: placeName(32),
  floors: floors.optional(),
  /** 所在网格（须位于小区所在区域内）；不填则与小区相同 */
  regionId: blankOrId(),
});
export const buildingUpdateSchema = z.strictObject({
  name: placeName(32).optional(),
  floors: floors.optional(),
});
export const unitCreateSchema = z.strictObject({ name: placeName(32) });

export const houseCreateSchema = z.strictObject({
  /** 农村房屋必填：所在村或网格；小区房屋可不填（随单元/楼栋/小区） */
  regionId: blankOrId(),
  estateId: placeId(),
  buildingId: placeId(),
  unitId: placeId(),
  roomNo: roomNo.optional(),
  /** 不填则由小区、楼栋、单元和房号组成 */
  address: optionalAddress().optional(),
  use: z.enum(USES),
  areaM2: areaM2.optional(),
});
export const houseUpdateSchema = z.strictObject({
  /** 仅农村房屋（不属于小区）可改所在区域 */
  regionId: registryId().optional(),
  roomNo: roomNo.optional(),
  address: optionalAddress().optional(),
  use: z.enum(USES).optional(),
  areaM2: areaM2.optional(),
});
export const houseResidentSchema = z.strictObject({
  personId: registryId(),
  /** 产权人 / 租户 / 居住人 */
  relation: z.enum(RELATIONS),
  since: dayOrNull().optional(),
});

const staffRead = { tag: TAG, audience: 'staff', permission: Permission.PersonRead } as const;
const staffManage = { tag: TAG, audience: 'staff', permission: Permission.PersonManage } as const;

export const estateRoutes = {
  list: defineRoute({
    ...staffRead,
    method: 'GET',
    path: '/api/admin/estates',
    summary: '小区列表（可按区域、名称筛选）',
    /** regionId: 区域（含下级）; q: 名称包含 */
    query: z.object({ ...pageQuery(), regionId: qRegistryId(), q: qText(64) }),
    response: estateSchema,
    list: true,
  }),
  create: defineRoute({
    ...staffManage,
    method: 'POST',
    path: '/api/admin/estates',
    summary: '新建小区',
    body: estateCreateSchema,
    response: estateSchema,
    status: 201,
  }),
  get: defineRoute({
    ...staffRead,
    method: 'GET',
    path: '/api/admin/estates/:id',
    summary: '小区详情',
    params: byId,
    response: estateSchema,
  }),
  update: defineRoute({
    ...staffManage,
    method: 'PATCH',
    path: '/api/admin/estates/:id',
    summary: '修改小区',
    params: byId,
    body: estateUpdateSchema,
    response: estateSchema,
  }),
  remove: defineRoute({
    ...staffManage,
    method: 'DELETE',
    path: '/api/admin/estates/:id',
    summary: '删除小区（仍有楼栋或房屋时拒绝：409 RECORD_IN_USE）',
    params: byId,
    response: null,
    status: 204,
  }),
};

export const buildingRoutes = {
  list: defineRoute({
    ...staffRead,
    method: 'GET',
    path: '/api/admin/buildings',
    summary: '楼栋列表（可按小区筛选）',
    query: z.object({ ...pageQuery(), estateId: qRegistryId() }),
    response: buildingSchema,
    list: true,
  }),
  create: defineRoute({
    ...staffManage,
    method: 'POST',
    path: '/api/admin/buildings',
    summary: '新建楼栋（默认与小区同一区域，可指定小区所在区域内的网格）',
    body: buildingCreateSchema,
    response: buildingSchema,
    status: 201,
  }),
  get: defineRoute({
    ...staffRead,
    method: 'GET',
    path: '/api/admin/buildings/:id',
    summary: '楼栋详情',
    params: byId,
    response: buildingSchema,
  }),
  update: defineRoute({
    ...staffManage,
    method: 'PATCH',
    path: '/api/admin/buildings/:id',
    summary: '修改楼栋',
    params: byId,
    body: buildingUpdateSchema,
    response: buildingSchema,
  }),
  remove: defineRoute({
    ...staffManage,
    method: 'DELETE',
    path: '/api/admin/buildings/:id',
    summary: '删除楼栋（仍有房屋时拒绝：409 RECORD_IN_USE）',
    params: byId,
    response: null,
    status: 204,
  }),
  units: defineRoute({
    ...staffRead,
    method: 'GET',
    path: '/api/admin/buildings/:id/units',
    summary: '楼栋的单元',
    params: byId,
    response: z.array(buildingUnitSchema),
  }),
  createUnit: defineRoute({
    ...staffManage,
    method: 'POST',
    path: '/api/admin/buildings/:id/units',
    summary: '新建单元',
    params: byId,
    body: unitCreateSchema,
    response: buildingUnitSchema,
    status: 201,
  }),
  removeUnit: defineRoute({
    ...staffManage,
    method: 'DELETE',
    path: '/api/admin/units/:id',
    summary: '删除单元（仍有房屋时拒绝：409 RECORD_IN_USE）',
    params: byId,
    response: null,
    status: 204,
  }),
};

export const houseRoutes = {
  list: defineRoute({
    ...staffRead,
    method: 'GET',
    path: '/api/admin/houses',
    summary: '房屋列表（按区域、小区、楼栋、单元、用途、地址筛选，按地址或登记时间排序）',
    query: z.object({
      ...pageQuery(),
      /** 区域（含下级） */
      regionId: qRegistryId(),
      estateId: qRegistryId(),
      buildingId: qRegistryId(),
      unitId: qRegistryId(),
      use: qEnum(USES),
      /** 地址包含 */
      q: qText(registryLimits.address.max),
      sort: z.enum(['address', 'createdAt']).default('address'),
      order: z.enum(['asc', 'desc']).default('asc'),
    }),
    response: houseSchema,
    list: true,
  }),
  create: defineRoute({
    ...staffManage,
    method: 'POST',
    path: '/api/admin/houses',
    summary: '登记房屋（小区房屋随单元/楼栋所在区域；未填地址时由小区、楼栋、单元、房号组成）',
    body: houseCreateSchema,
    response: houseDetailSchema,
    status: 201,
  }),
  get: defineRoute({
    ...staffRead,
    method: 'GET',
    path: '/api/admin/houses/:id',
    summary: '房屋详情与居住人员（证件号、手机号脱敏）',
    params: byId,
    response: houseDetailSchema,
  }),
  update: defineRoute({
    ...staffManage,
    method: 'PATCH',
    path: '/api/admin/houses/:id',
    summary: '修改房屋',
    params: byId,
    body: houseUpdateSchema,
    response: houseDetailSchema,
  }),
  remove: defineRoute({
    ...staffManage,
    method: 'DELETE',
    path: '/api/admin/houses/:id',
    summary: '删除房屋（仍有居住人员或住户时拒绝：409 RECORD_IN_USE）',
    params: byId,
    response: null,
    status: 204,
  }),
  addResident: defineRoute({
    ...staffManage,
    method: 'POST',
    path: '/api/admin/houses/:id/residents',
    summary: '登记人房关系（产权人/租户/居住人；人员和房屋都须在管辖范围内）',
    params: byId,
    body: houseResidentSchema,
    response: houseDetailSchema,
    status: 201,
  }),
  removeResident: defineRoute({
    ...staffManage,
    method: 'DELETE',
    path: '/api/admin/houses/:id/residents/:personId',
    summary: '解除人房关系',
    params: z.object({ id: pathId(), personId: pathId() }),
    response: null,
    status: 204,
  }),
};
