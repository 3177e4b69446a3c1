import { duesLimits } from '../../domain/dues-bills';
import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pageQuery, pathId, qBool, qText } from '../fields';
import { z } from '../zod';
import { partyRef, requiredText } from '../party/common';
import {
  INCOME_REQUIRED_MESSAGE,
  declarationFields,
  duesBillKindField,
  duesBillSchema,
  duesBillStatusField,
  duesDay,
  duesKindField,
  duesMonth,
  duesNote,
  farmerFenField,
  fenField,
  incomeRequiredForKind,
  qDuesMonth,
  versionField,
} from './common';

const TAG = '管理端 · 党费';

const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/**
 * A member's dues base for a year as the branch sees it. The income itself is never sent to staff:
 * `incomeBracket` names its bracket in the rules' words (月税后工资收入3000元以上至5000元（含5000元）).
 */
export const duesDeclarationRowSchema = z.object({
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  /** Null: no base for the year (nor an earlier one). */
  declarationId: z.string().nullable(),
  /** The year of the base that applies (an earlier year when not re-declared yet). */
  baseYear: z.number().int().nullable(),
  /** The applying base is from an earlier year: re-declare for `year`. */
  needsRedeclaration: z.boolean(),
  kind: duesKindField.nullable(),
  kindLabel: z.string().nullable(),
  incomeBracket: z.string().nullable(),
  farmerFen: z.number().int().nullable(),
  monthlyFen: z.number().int().nullable(),
  /** The rules' sentence without the income figure (staff view). */
  explanation: z.string().nullable(),
  declaredByKind: z.enum(['member', 'branch']).nullable(),
  declaredAt: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int().nullable(),
});
export type DuesDeclarationRowVO = z.infer<typeof duesDeclarationRowSchema>;

export const duesDeclarationBodySchema = z
  .strictObject({
    ...declarationFields,
    farmerFen: farmerFenField,
    note: duesNote(),
    /** The version of the existing base for the year (absent when declaring the first time). */
    version: versionField().optional(),
  })
  .refine(incomeRequiredForKind, { error: INCOME_REQUIRED_MESSAGE, path: ['incomeFen'] });
export type DuesDeclarationBody = z.infer<typeof duesDeclarationBodySchema>;

export const duesGenerateResultSchema = z.object({
  month: z.string(),
  /** Bills this call made. */
  created: z.number().int(),
  /** Members whose bill for the month already existed (generating again makes none). */
  existing: z.number().int(),
  /** Active members without any base: not billed, listed for the branch. */
  missingDeclaration: z.number().int(),
  /** The first 100 of them. */
  missingMembers: z.array(z.object({ memberId: z.string(), name: z.string(), orgName: z.string() })),
  /** Members billed from an earlier year's base (January re-declaration not done yet). */
  needsRedeclaration: z.number().int(),
});
export type DuesGenerateResultVO = z.infer<typeof duesGenerateResultSchema>;

export const duesSpecialBodySchema = z.strictObject({
  orgId: partyRef('请选择党组织'),
  title: requiredText(duesLimits.titleMax, '请填写特殊党费名称'),
  amountFen: fenField(duesLimits.amountMinFen, duesLimits.amountMaxFen),
  /** Omitted: every active member of the organisation and its sub-organisations. */
  memberIds: z
    .array(partyRef(), { error: '党员列表无效' })
    .min(1, { error: '请至少选择一名党员' })
    .max(duesLimits.specialMembersMax)
    .refine((ids) => new Set(ids).size === ids.length, { error: '党员重复' })
    .optional(),
  /** The month it belongs to; default: this month. */
  month: duesMonth().optional(),
});
export type DuesSpecialBody = z.infer<typeof duesSpecialBodySchema>;

export const duesSpecialResultSchema = z.object({
  created: z.number().int(),
  month: z.string(),
  title: z.string(),
  totalFen: z.number().int(),
});

export const duesArrearsRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** Overdue unpaid months in a row up to last month (waived months skipped). */
  streak: z.number().int(),
  /** Every overdue unpaid month, oldest first. */
  unpaidMonths: z.array(z.string()),
  /** What the overdue unpaid monthly bills add up to. */
  outstandingFen: z.number().int(),
  /** Six or more months in a row: for the secretary's 自行脱党 review. */
  flagged: z.boolean(),
  /** Three to five months: a reminder is due. */
  reminderDue: z.boolean(),
  lastRemindedAt: z.string().nullable(),
  /** When the next reminder may be sent (null: now). */
  nextRemindAllowedAt: z.string().nullable(),
  /** The member can be reached in the mini-program (bound account). */
  reachable: z.boolean(),
});
export type DuesArrearsRowVO = z.infer<typeof duesArrearsRowSchema>;

export const duesReminderResultSchema = z.object({
  sentAt: z.string(),
  nextAllowedAt: z.string(),
  streak: z.number().int(),
  outstandingFen: z.number().int(),
});

const billParams = z.object({ id: pathId() });

/** The branch's dues work: bases, bills, cash and proxy payments, waivers, arrears. Party-scoped. */
export const duesBillRoutes = {
  declarations: defineRoute({
    method: 'GET',
    path: '/api/admin/dues/declarations',
    summary: '党员党费基数（按年度；收入只显示所在档次）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    query: z.object({
      ...pageQuery(),
      orgId: blankIsAbsent(pathId()),
      year: z.preprocess(
        (v) => (v === '' ? undefined : v),
        z.coerce.number({ error: '年度无效' }).int({ error: '年度无效' }).min(2000).max(2100).optional(),
      ),
      q: qText(32),
      /** Only members without a base for the year. */
      missing: qBool(),
    }),
    response: duesDeclarationRowSchema,
    list: true,
  }),
  declare: defineRoute({
    method: 'PUT',
    path: '/api/admin/dues/declarations/:memberId/:year',
    summary: '支部申报或更正党员的年度党费基数（记入审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    params: z.object({
      memberId: pathId(),
      year: z.coerce
        .number({ error: '年度无效' })
        .int({ error: '年度无效' })
        .min(2000, { error: '年度无效' })
        .max(2100, { error: '年度无效' }),
    }),
    body: duesDeclarationBodySchema,
    response: duesDeclarationRowSchema,
  }),
  bills: defineRoute({
    method: 'GET',
    path: '/api/admin/dues/bills',
    summary: '党费账单（按组织、月份、状态、类型）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    query: z.object({
      ...pageQuery(),
      orgId: blankIsAbsent(pathId()),
      month: qDuesMonth(),
      status: blankIsAbsent(duesBillStatusField),
      kind: blankIsAbsent(duesBillKindField),
      q: qText(32),
    }),
    response: duesBillSchema,
    list: true,
  }),
  generate: defineRoute({
    method: 'POST',
    path: '/api/admin/dues/bills/generate',
    summary: '生成当月党费账单（可重复执行，已有的不再生成；未申报基数的列出）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    body: z.strictObject({ month: duesMonth() }),
    response: duesGenerateResultSchema,
    status: 200,
  }),
  special: defineRoute({
    method: 'POST',
    path: '/api/admin/dues/bills/special',
    summary: '发起特殊党费（向组织内党员生成账单）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    body: duesSpecialBodySchema,
    response: duesSpecialResultSchema,
    status: 201,
  }),
  cash: defineRoute({
    method: 'POST',
    path: '/api/admin/dues/bills/:id/cash',
    summary: '登记现金收缴（记录经手人与时间）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    params: billParams,
    body: z.strictObject({ paidOn: duesDay('请填写收缴日期'), note: duesNote(), version: versionField() }),
    response: duesBillSchema,
    status: 200,
  }),
  proxy: defineRoute({
    method: 'POST',
    path: '/api/admin/dues/bills/:id/proxy',
    summary: '登记代缴（记录代缴人、经手人与时间）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    params: billParams,
    body: z.strictObject({
      paidOn: duesDay('请填写代缴日期'),
      payerName: requiredText(duesLimits.payerNameMax, '请填写代缴人'),
      note: duesNote(),
      version: versionField(),
    }),
    response: duesBillSchema,
    status: 200,
  }),
  waive: defineRoute({
    method: 'POST',
    path: '/api/admin/dues/bills/:id/waive',
    summary: '减免账单（须写明正当理由，不计入欠缴）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    params: billParams,
    body: z.strictObject({ reason: requiredText(duesLimits.noteMax, '请填写减免理由'), version: versionField() }),
    response: duesBillSchema,
    status: 200,
  }),
  arrears: defineRoute({
    method: 'GET',
    path: '/api/admin/dues/arrears',
    summary: '欠缴党费的党员（连续未缴月数；连续 6 个月标记待处理）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    query: z.object({
      ...pageQuery(),
      orgId: blankIsAbsent(pathId()),
      /** Only flagged members (≥ 6 months in a row). */
      flagged: qBool(),
    }),
    response: duesArrearsRowSchema,
    list: true,
  }),
  remind: defineRoute({
    method: 'POST',
    path: '/api/admin/dues/arrears/:memberId/remind',
    summary: '发送交纳党费提醒（订阅消息；每人 7 天内最多一次）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    params: z.object({ memberId: pathId() }),
    response: duesReminderResultSchema,
    status: 202,
  }),
};
