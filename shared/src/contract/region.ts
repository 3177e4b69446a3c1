import { GEO_LIMITS } from '../domain/geo';
import { Permission } from '../domain/permissions';
import { HouseholdType } from '../domain/registry';
import type { BoundaryGeometry, LngLat, RegionLevelName } from '../api/registry';
import { defineRoute } from './define';
import { pathId, qNumber, qRequiredNumber, qText, text } from './fields';
import { z } from './zod';

const TAG = '管理端 · 区域网格';
const levels = ['town', 'community', 'village', 'grid'] as const satisfies readonly RegionLevelName[];

const lngLat = z.tuple([z.number(), z.number()]) as unknown as z.ZodType<LngLat>;
/** A boundary as stored and sent (GeoJSON Polygon / MultiPolygon, GCJ-02). */
const boundaryGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(lngLat)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(lngLat))) }),
]) as unknown as z.ZodType<BoundaryGeometry>;

export const regionWorkerSchema = z.object({
  id: z.string(),
  /** `staff` = admin account, `mp` = mini-program grid worker. */
  kind: z.enum(['staff', 'mp']),
  name: z.string(),
  /** grid_leader | grid_worker | village_admin | community_admin … */
  role: z.string(),
  /** Masked mobile, when known. */
  phone: z.string().nullable(),
});
export type RegionWorkerVO = z.infer<typeof regionWorkerSchema>;

/** One node of the region tree (flat lists: parents before children). */
export const regionSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(levels),
  parentId: z.string().nullable(),
  /** Materialised path `/<rootId>/…/<id>/`. */
  path: z.string(),
  code: z.string().nullable(),
  /** [lng, lat] GCJ-02. */
  center: lngLat.nullable(),
  hasBoundary: z.boolean(),
});
export type RegionVO = z.infer<typeof regionSchema>;

export const regionDetailSchema = regionSchema.extend({
  boundary: boundaryGeometry.nullable(),
  workers: z.array(regionWorkerSchema),
  /** Number of direct children. */
  childCount: z.number().int(),
});
export type RegionDetailVO = z.infer<typeof regionDetailSchema>;

export const regionCountsSchema = z.object({
  persons: z.number().int(),
  households: z.number().int(),
  houses: z.number().int(),
  businesses: z.number().int(),
});
export type RegionCounts = z.infer<typeof regionCountsSchema>;

const householdsByType = z.object(
  Object.fromEntries(Object.values(HouseholdType).map((t) => [t, z.number().int()])) as Record<
    HouseholdType,
    z.ZodNumber
  >,
);

export const regionFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: boundaryGeometry,
      properties: z.object({
        id: z.string(),
        name: z.string(),
        level: z.enum(levels),
        parentId: z.string().nullable(),
        code: z.string().nullable(),
        center: lngLat.nullable(),
        counts: regionCountsSchema,
        workers: z.array(regionWorkerSchema.pick({ name: true, role: true })),
      }),
    }),
  ),
});
export type RegionFeatureCollection = z.infer<typeof regionFeatureCollectionSchema>;
export type RegionFeature = RegionFeatureCollection['features'][number];
export type RegionFeatureProperties = RegionFeature['properties'];

export const regionResolveSchema = z.object({
  /** The grid containing the point, or the nearest within tolerance; null when none. */
  regionId: z.string().nullable(),
  name: z.string().nullable(),
  path: z.string().nullable(),
  /** true = inside the boundary (edges count as inside); false = nearest within tolerance. */
  exact: z.boolean(),
  /** Distance in metres to the boundary (0 when exact). */
  distanceM: z.number(),
});
export type RegionResolveVO = z.infer<typeof regionResolveSchema>;

export const regionOverviewSchema = z.object({
  region: regionSchema,
  counts: regionCountsSchema,
  householdsByType,
  /** Active persons per tag code. */
  personsByTag: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
  floatingPersons: z.number().int(),
  /** The same counts per direct child region (grids of a village). */
  children: z.array(z.object({ region: regionSchema, counts: regionCountsSchema, householdsByType })),
});
export type RegionOverviewVO = z.infer<typeof regionOverviewSchema>;

export const boundaryImportReportSchema = z.object({
  dryRun: z.boolean(),
  /** Features matched to an existing region (by properties.id, then code, then name under parentId). */
  matched: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ feature: z.number().int(), message: z.string() })),
});
export type BoundaryImportReport = z.infer<typeof boundaryImportReportSchema>;

// ---- input ----

const name = text(64, 1);
const code = z
  .string()
  .trim()
  .regex(/^(\d{12})?$/, { error: '区划代码应为 12 位数字' })
  .nullable()
  .optional();
/** Structure only: the geometry itself is checked by validateGeometry (GEOMETRY_INVALID with the first problem). */
const anyObject = (error: Parameters<typeof z.record>[2]) =>
  z.record(z.string(), z.unknown(), error) as unknown as z.ZodType<object>;
const boundaryInput = anyObject({ error: '边界应为 GeoJSON 几何对象' }).nullable().optional();
const coordinate = (range: readonly [number, number], what: string) =>
  z
    .number({ error: `中心点${what}应为数字` })
    .min(range[0], { error: `中心点${what}超出范围` })
    .max(range[1], { error: `中心点${what}超出范围` });
const centerInput = z
  .tuple([coordinate(GEO_LIMITS.lng, '经度'), coordinate(GEO_LIMITS.lat, '纬度')], { error: '中心点应为 [经度, 纬度]' })
  .nullable()
  .optional();

export const regionCreateSchema = z.strictObject({
  name,
  /** 镇下可建社区或村，社区和村下可建网格 */
  level: z.enum(levels),
  /** 上级区域（须在本人管辖范围内） */
  parentId: text(36, 1),
  code,
  boundary: boundaryInput,
  center: centerInput,
});
export type RegionCreateInput = z.output<typeof regionCreateSchema>;

export const regionUpdateSchema = z.strictObject({
  name: name.optional(),
  code,
  boundary: boundaryInput,
  center: centerInput,
});
export type RegionUpdateInput = z.output<typeof regionUpdateSchema>;

const rootQuery = z.object({ rootId: qText(36) });
const byId = z.object({ id: pathId() });

export const regionRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/regions',
    summary: '本人管辖范围内的区域（平铺列表，上级在前）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.RegionRead,
    response: z.array(regionSchema),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/regions',
    summary: '在本人管辖范围内新建下级区域（可同时提供边界与中心点）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.RegionManage,
    body: regionCreateSchema,
    response: regionSchema,
    status: 201,
  }),
  geojson: defineRoute({
    method: 'GET',
    path: '/api/admin/regions/geojson',
    summary: '有边界的区域（GeoJSON FeatureCollection，属性含统计数与负责人）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.RegionRead,
    query: rootQuery,
    response: regionFeatureCollectionSchema,
  }),
  exportGeojson: defineRoute({
    method: 'GET',
    path: '/api/admin/regions/export.geojson',
    // Boundaries are administrative geography, not personal data: whoever may see them on the map
    // may download them (still audited).
    summary: '导出区域边界（GeoJSON 文件下载，记入审计日志）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.RegionRead,
    query: rootQuery,
    response: null,
    responseKind: 'file',
  }),
  import: defineRoute({
    method: 'POST',
    path: '/api/admin/regions/import',
    summary: '导入区域边界（GeoJSON）：先试运行报告错误，正式导入全部成功才写入',
    tag: TAG,
    audience: 'staff',
    permission: Permission.RegionManage,
    body: z.strictObject({
      featureCollection: anyObject({
        error: (i) => (i.input === undefined ? '请提供要导入的 GeoJSON' : '应为 GeoJSON FeatureCollection'),
      }),
      /** true 仅校验并报告，不写入 */
      dryRun: z.boolean(),
    }),
    response: boundaryImportReportSchema,
  }),
  resolve: defineRoute({
    method: 'GET',
    path: '/api/admin/regions/resolve',
    summary: '坐标所在网格（GCJ-02；不在任何网格内时取容差内最近的网格），限本人管辖范围',
    tag: TAG,
    audience: 'staff',
    permission: Permission.RegionRead,
    query: z.object({
      lng: qRequiredNumber(-180, 180, '请提供经度', '经度应为数字'),
      lat: qRequiredNumber(-90, 90, '请提供纬度', '纬度应为数字'),
      /** 容差（米），点不在任何网格内时取此距离内最近的网格 */
      toleranceM: qNumber(0, 5000).transform((v) => v ?? 200),
    }),
    response: regionResolveSchema,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/regions/:id',
    summary: '区域详情：边界、负责人（手机号脱敏）、下级数量',
    tag: TAG,
    audience: 'staff',
    permission: Permission.RegionRead,
    params: byId,
    response: regionDetailSchema,
  }),
  overview: defineRoute({
    method: 'GET',
    path: '/api/admin/regions/:id/overview',
    summary: '村/社区概况：人口、户（按类型）、房屋、经营单位、标签人群，以及各下级网格',
    tag: TAG,
    audience: 'staff',
    permission: Permission.RegionRead,
    params: byId,
    response: regionOverviewSchema,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/admin/regions/:id',
    summary: '修改名称、区划代码、边界或中心点（边界修改记入审计日志）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.RegionManage,
    params: byId,
    body: regionUpdateSchema,
    response: regionDetailSchema,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/admin/regions/:id',
    summary: '删除区域：有下级区域、登记数据或绑定账号时拒绝（REGION_NOT_EMPTY）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.RegionManage,
    params: byId,
    response: null,
    status: 204,
  }),
};
