import { limits } from '../domain/limits';
import { bindingRoles, Permission } from '../domain/permissions';
import { Role } from '../domain/roles';
import { defineRoute } from './define';
import { pathId, text } from './fields';
import { z } from './zod';

const roleSchema = z.enum(Object.values(Role) as [Role, ...Role[]]);

/** The pair every login and refresh answers. */
export const tokenPairSchema = z.object({
  /** Access JWT (Authorization: Bearer …). */
  accessToken: z.string(),
  /** Opaque refresh token, rotated on every use. */
  refreshToken: z.string(),
  /** Access token lifetime in seconds. */
  expiresIn: z.number().int(),
});

export const mpRegionSchema = z.object({ id: z.string(), name: z.string() });
export type MpRegionVO = z.infer<typeof mpRegionSchema>;

/** A role granted by a binding code, with the region it was granted for. */
export const mpGrantSchema = z.object({
  role: z.enum(bindingRoles),
  /** 该身份所属区域（网格员为网格）；区域已删除为 null */
  region: mpRegionSchema.nullable(),
  /** Only a grid worker's grid is a data scope; a party member role opens no registry data. */
  registryScope: z.boolean(),
});
export type MpGrantVO = z.infer<typeof mpGrantSchema>;

export const mpProfileSchema = z.object({
  id: z.string(),
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
  roles: z.array(roleSchema),
  /** Masked mobile (138****5678); null when none is bound. */
  phoneMasked: z.string().nullable(),
  /** 所属区域: the grid of a grid worker, else the region of another granted role; null before any. */
  region: mpRegionSchema.nullable(),
  grants: z.array(mpGrantSchema),
  createdAt: z.string(),
});
export type MpProfileVO = z.infer<typeof mpProfileSchema>;

export const mpLoginSchema = tokenPairSchema.extend({ user: mpProfileSchema });
export type MpLoginVO = z.infer<typeof mpLoginSchema>;

/** A mini-program user as staff see it: phone masked. */
export const residentSchema = z.object({
  id: z.string(),
  nickname: z.string(),
  roles: z.array(roleSchema),
  /** The grid of a grid worker, else the region of another granted role. */
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  grants: z.array(mpGrantSchema),
  phoneMasked: z.string().nullable(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type ResidentVO = z.infer<typeof residentSchema>;

/** Unmasked personal data of one resident; every read is audited. */
export const residentPiiSchema = z.object({ id: z.string(), phone: z.string().nullable() });
export type ResidentPiiVO = z.infer<typeof residentPiiSchema>;

// ---- input ----

const wechatCode = z.string().min(limits.wechatCode.min).max(limits.wechatCode.max);
const nickname = text(limits.nickname.max, limits.nickname.min);

export const mpProfileUpdateSchema = z.strictObject({
  nickname: nickname.optional(),
  /** 头像地址（https） */
  avatarUrl: z
    .url({ protocol: /^https$/ })
    .max(512)
    .nullable()
    .optional(),
});
export type MpProfileUpdateInput = z.output<typeof mpProfileUpdateSchema>;

const byId = z.object({ id: pathId() });

export const mpAuthRoutes = {
  login: defineRoute({
    method: 'POST',
    path: '/api/mp/auth/login',
    summary: '微信登录：用 wx.login 的 code 换取访问令牌',
    tag: '小程序 · 登录',
    audience: 'public',
    body: z.strictObject({
      /** wx.login() 得到的临时登录凭证（5 分钟内有效，仅可使用一次） */
      code: wechatCode,
      /** 首次登录时使用的昵称 */
      nickname: nickname.optional(),
    }),
    response: mpLoginSchema,
  }),
  refresh: defineRoute({
    method: 'POST',
    path: '/api/mp/auth/refresh',
    summary: '刷新令牌（refreshToken 一次性使用，重复使用将注销该会话族）',
    tag: '小程序 · 登录',
    audience: 'public',
    body: z.strictObject({ refreshToken: z.string().min(limits.refreshToken.min).max(limits.refreshToken.max) }),
    response: tokenPairSchema,
  }),
};

export const mpMeRoutes = {
  me: defineRoute({
    method: 'GET',
    path: '/api/mp/me',
    summary: '当前用户资料',
    tag: '小程序 · 我的',
    audience: 'mp',
    response: mpProfileSchema,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/mp/me',
    summary: '修改昵称或头像',
    tag: '小程序 · 我的',
    audience: 'mp',
    body: mpProfileUpdateSchema,
    response: mpProfileSchema,
  }),
  bindPhone: defineRoute({
    method: 'POST',
    path: '/api/mp/me/phone',
    summary: '绑定手机号：用 getPhoneNumber 按钮的 code 向微信换取并加密保存，返回脱敏手机号',
    tag: '小程序 · 我的',
    audience: 'mp',
    body: z.strictObject({ code: wechatCode }),
    response: mpProfileSchema,
  }),
};

export const residentRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/residents/:id',
    summary: '居民（小程序用户）详情，手机号脱敏；仅限本人管辖区域',
    tag: '管理端 · 居民',
    audience: 'staff',
    permission: Permission.PersonRead,
    params: byId,
    response: residentSchema,
  }),
  pii: defineRoute({
    method: 'GET',
    path: '/api/admin/residents/:id/pii',
    summary: '查看居民未脱敏手机号（记录审计日志）',
    tag: '管理端 · 居民',
    audience: 'staff',
    permission: Permission.PiiRead,
    params: byId,
    response: residentPiiSchema,
  }),
};
