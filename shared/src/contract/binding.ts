import { bindingRoles, Permission } from '../domain/permissions';
import { Role } from '../domain/roles';
import { defineRoute } from './define';
import { pageQuery, text } from './fields';
import { mpProfileSchema, mpRegionSchema, tokenPairSchema } from './mp-user';
import { z } from './zod';

const bindingStatuses = ['pending', 'redeemed', 'expired'] as const;
export type BindingStatus = (typeof bindingStatuses)[number];

export const bindingIssuedSchema = z.object({
  id: z.string(),
  /** 8 位绑定码，只显示这一次 */
  code: z.string(),
  expiresAt: z.string(),
  /** 二维码 PNG（data URL），内容为 ZHILI-BIND:<code> */
  qrDataUrl: z.string(),
});
export type BindingIssuedVO = z.infer<typeof bindingIssuedSchema>;

/** A binding code as listed (the code itself is shown only once, at issue time). */
export const bindingSchema = z.object({
  id: z.string(),
  role: z.enum(bindingRoles),
  regionId: z.string(),
  regionName: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(bindingStatuses),
  expiresAt: z.string(),
  createdAt: z.string(),
  /** 签发人（工作人员 id） */
  issuedBy: z.string(),
  redeemedAt: z.string().nullable(),
  /** 使用者（小程序用户 id，可查 /api/admin/residents/:id） */
  redeemedBy: z.string().nullable(),
});
export type BindingVO = z.infer<typeof bindingSchema>;

export const bindingRedeemSchema = tokenPairSchema.extend({
  /** 绑定后的资料（含新身份与所属区域） */
  profile: mpProfileSchema,
  /** 本次获得的身份 */
  role: z.enum(Object.values(Role) as [Role, ...Role[]]),
  /** 本次获得的身份所属区域（网格员为网格） */
  region: mpRegionSchema.nullable(),
});
export type BindingRedeemVO = z.infer<typeof bindingRedeemSchema>;

export const bindingIssueSchema = z.strictObject({
  /** 绑定后获得的身份：网格员或党员 */
  role: z.enum(bindingRoles),
  /** 所属区域（须在签发人管辖范围内） */
  regionId: z.string().min(1).max(36),
  /** 备注（如被绑定人姓名），最多 100 字 */
  note: text(100).optional(),
});
export type BindingIssueInput = z.output<typeof bindingIssueSchema>;

export const bindingAdminRoutes = {
  issue: defineRoute({
    method: 'POST',
    path: '/api/admin/bindings',
    summary: '签发一次性身份绑定码（网格员/党员，72 小时内有效）',
    tag: '管理端 · 身份绑定码',
    audience: 'staff',
    permission: Permission.BindingIssue,
    body: bindingIssueSchema,
    response: bindingIssuedSchema,
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/bindings',
    summary: '本人管辖范围内签发的绑定码（最新在前）',
    tag: '管理端 · 身份绑定码',
    audience: 'staff',
    permission: Permission.BindingIssue,
    query: z.object({
      ...pageQuery(20, 100),
      status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(bindingStatuses).optional()),
    }),
    response: bindingSchema,
    list: true,
  }),
};

export const bindingMpRoutes = {
  redeem: defineRoute({
    method: 'POST',
    path: '/api/mp/bindings/redeem',
    summary: '使用身份绑定码：获得网格员/党员身份，并返回带新身份的令牌',
    tag: '小程序 · 身份绑定',
    audience: 'mp',
    /** 8 位绑定码（或扫码得到的 ZHILI-BIND:<code>） */
    body: z.strictObject({ code: text(64, 1) }),
    response: bindingRedeemSchema,
  }),
};
