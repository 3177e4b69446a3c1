import { Permission } from '../../domain/permissions';
import { normalizeMobile } from '../../domain/phone';
import { Gender } from '../../domain/registry';
import {
  Education,
  MemberCategory,
  MemberStatus,
  partyMemberLimits as L,
  type MemberActKind,
  type MemberEventKind,
} from '../../domain/party-member';
import { defineRoute } from '../define';
import { pageQuery, pathId, qBool, qText } from '../fields';
import { z } from '../zod';
import { enumValues, qEnum, qRegistryId } from '../registry/common';
import { actDay, historyDetailSchema, optionalText, partyRef, requiredText } from './common';

const TAG = '管理端 · 党员档案';
const memberActKinds = [
  'transfer_within',
  'transfer_out',
  'flow_out',
  'flow_back',
  'expel',
  'stop',
  'death',
] as const satisfies readonly MemberActKind[];
const memberEventKinds = [
  ...memberActKinds,
  'create',
  'transfer_in',
  'join',
  'convert',
  'postpone',
  'disqualify',
  'org_merged',
] as const satisfies readonly MemberEventKind[];

export const memberFlowSchema = z.object({ place: z.string(), since: z.string(), contactOrg: z.string() });

/** A member file as lists show it: ID and phone masked, name and age from the registry when linked. */
export const partyMemberSchema = z.object({
  id: z.string(),
  /** The registry person (lives in the town), or null for a member living elsewhere. */
  personId: z.string().nullable(),
  name: z.string(),
  gender: z.enum(enumValues(Gender)).nullable(),
  age: z.number().int().nullable(),
  /** Masked. */
  phone: z.string().nullable(),
  /** Masked; linked members only. */
  idNumber: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  category: z.enum(enumValues(MemberCategory)),
  status: z.enum(enumValues(MemberStatus)),
  /** 入党日期 (the branch meeting that accepted the member). */
  joinedOn: z.string(),
  /** 转正日期. */
  convertedOn: z.string().nullable(),
  position: z.string().nullable(),
  education: z.enum(enumValues(Education)).nullable(),
  workUnit: z.string().nullable(),
  /** 流动党员: away from home. */
  flow: memberFlowSchema.nullable(),
});
export type PartyMemberVO = z.infer<typeof partyMemberSchema>;

export const partyMemberEventSchema = z.object({
  id: z.string(),
  kind: z.enum(memberEventKinds),
  on: z.string(),
  /** The organisation the member belonged to at the time (the one left, for a move). */
  orgName: z.string(),
  /** The organisation moved to (transfers within the town, merges). */
  toOrgName: z.string().nullable(),
  detail: historyDetailSchema,
  actorName: z.string(),
  createdAt: z.string(),
});
export type PartyMemberEventVO = z.infer<typeof partyMemberEventSchema>;

export const partyMemberDetailSchema = partyMemberSchema.extend({
  birthDate: z.string().nullable(),
  /** Where a linked member lives (registry region), null otherwise. */
  regionName: z.string().nullable(),
  admissionId: z.string().nullable(),
  /** The whole history, oldest first. */
  events: z.array(partyMemberEventSchema),
  /** Status changes the file allows now. */
  availableActs: z.array(z.enum(memberActKinds)),
});
export type PartyMemberDetailVO = z.infer<typeof partyMemberDetailSchema>;

/** Mainland mobile, stored normalized (11 digits). */
const mobile = z
  .string()
  .trim()
  .max(20)
  .refine((value) => value === '' || normalizeMobile(value) !== null, { error: '手机号应为 11 位数字' })
  .transform((value) => (value === '' ? null : (normalizeMobile(value) ?? value)));

const standaloneSchema = z.strictObject({
  name: requiredText(L.name.max, '请填写姓名'),
  gender: z.enum(enumValues(Gender), { error: '请选择性别' }),
  birthDate: actDay().nullable().optional(),
  phone: mobile.nullable().optional(),
});

const profileFields = {
  position: optionalText(L.position.max),
  education: z.enum(enumValues(Education)).nullable().optional(),
  workUnit: optionalText(L.workUnit.max),
};

export const partyMemberCreateSchema = z
  .strictObject({
    /** 本镇居民：人口库中的人员 */
    personId: partyRef().optional(),
    /** 居住在外的党员：姓名、手机号加密保存 */
    standalone: standaloneSchema.optional(),
    orgId: partyRef('请选择所在党组织'),
    category: z.enum(enumValues(MemberCategory), { error: '请选择党员类别' }),
    joinedOn: actDay('请填写入党日期'),
    convertedOn: actDay().nullable().optional(),
    ...profileFields,
    /** 从镇外转入：介绍信编号、转出单位、转入日期 */
    transferIn: z
      .strictObject({
        on: actDay('请填写转入日期'),
        letterNo: requiredText(L.letterNo.max, '请填写介绍信编号'),
        from: requiredText(L.destination.max, '请填写转出单位'),
      })
      .nullable()
      .optional(),
  })
  .refine((input) => Boolean(input.personId) !== Boolean(input.standalone), {
    error: '请从人口库选择人员，或填写镇外党员的姓名（二选一）',
    path: ['personId'],
  });
export type PartyMemberCreateInput = z.output<typeof partyMemberCreateSchema>;

export const partyMemberUpdateSchema = z
  .strictObject({
    ...profileFields,
    /** 仅镇外党员：手机号 */
    phone: mobile.nullable().optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), { error: '没有要修改的内容' });
export type PartyMemberUpdateInput = z.output<typeof partyMemberUpdateSchema>;

const note = optionalText(L.reason.max);

/** A status change: the body is the act (shared `MemberAct`) with an optional note. */
export const partyMemberActSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('transfer_within'), on: actDay(), toOrgId: partyRef('请选择转入的党组织'), note }),
    z.strictObject({
      kind: z.literal('transfer_out'),
      on: actDay(),
      letterNo: requiredText(L.letterNo.max, '请填写介绍信编号'),
      destination: requiredText(L.destination.max, '请填写转往单位'),
      note,
    }),
    z.strictObject({
      kind: z.literal('flow_out'),
      on: actDay('请填写外出日期'),
      place: requiredText(L.place.max, '请填写外出地点'),
      contactOrg: requiredText(L.contactOrg.max, '请填写流入地联系党组织'),
      note,
    }),
    z.strictObject({ kind: z.literal('flow_back'), on: actDay(), note }),
    z.strictObject({ kind: z.literal('expel'), on: actDay(), reason: requiredText(L.reason.max, '请填写原因'), note }),
    z.strictObject({ kind: z.literal('stop'), on: actDay(), reason: requiredText(L.reason.max, '请填写原因'), note }),
    z.strictObject({ kind: z.literal('death'), on: actDay(), note }),
  ],
  { error: '请选择变更类型' },
);
export type PartyMemberActInput = z.output<typeof partyMemberActSchema>;

/** A registry person as the party forms pick them (masked ID), with any member file or admission. */
export const partyPersonOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(enumValues(Gender)),
  age: z.number().int().nullable(),
  idNumber: z.string().nullable(),
  regionName: z.string(),
  memberId: z.string().nullable(),
  admissionId: z.string().nullable(),
});
export type PartyPersonOptionVO = z.infer<typeof partyPersonOptionSchema>;

export const memberListFilters = ['active', 'closed', 'all'] as const;

const byId = z.object({ id: pathId() });

export const partyMemberRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/party/members',
    summary: '党员档案（本人负责的党组织，含下级）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    query: z.object({
      ...pageQuery(),
      /** 党组织（含下级） */
      orgId: qRegistryId(),
      category: qEnum(enumValues(MemberCategory)),
      /** 默认 active：正常党员；closed：已转出、出党、去世等；all */
      state: qEnum(memberListFilters),
      /** 仅流动党员 */
      flowing: qBool(),
      /** 姓名（本镇居民按姓名开头，镇外党员按完整姓名） */
      q: qText(L.search.max),
    }),
    response: partyMemberSchema,
    list: true,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/admin/party/members/:id',
    summary: '党员档案详情（全部历史）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberRead,
    params: byId,
    response: partyMemberDetailSchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/admin/party/members',
    summary: '建立党员档案（本镇居民关联人口库；镇外党员单独登记）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    body: partyMemberCreateSchema,
    response: partyMemberDetailSchema,
    status: 201,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/admin/party/members/:id',
    summary: '修改党员档案（职务、学历、工作单位；镇外党员的手机号）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    body: partyMemberUpdateSchema,
    response: partyMemberDetailSchema,
  }),
  act: defineRoute({
    method: 'POST',
    path: '/api/admin/party/members/:id/events',
    summary: '组织关系转接与状态变更（记入历史）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    params: byId,
    body: partyMemberActSchema,
    response: partyMemberDetailSchema,
    status: 201,
  }),
  pii: defineRoute({
    method: 'GET',
    path: '/api/admin/party/members/:id/pii',
    summary: '查看未脱敏的手机号、身份证号（记入审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PiiRead,
    params: byId,
    response: z.object({ phone: z.string().nullable(), idNumber: z.string().nullable() }),
  }),
  persons: defineRoute({
    method: 'GET',
    path: '/api/admin/party/persons',
    summary: '从人口库选择人员（本人管辖区域内，最多 20 人）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.PartyMemberManage,
    query: z.object({
      /** 姓名开头，或完整身份证号/手机号 */
      q: z.preprocess(
        (v) => (v === '' ? undefined : v),
        z.string({ error: '请输入姓名或证件号' }).trim().min(1).max(L.search.max),
      ),
    }),
    response: z.array(partyPersonOptionSchema),
  }),
};
