import { duesLimits } from '../../domain/dues-bills';
import { defineRoute } from '../define';
import { z } from '../zod';
import {
  INCOME_REQUIRED_MESSAGE,
  declarationFields,
  duesBillSchema,
  duesKindField,
  fenField,
  incomeRequiredForKind,
} from './common';

const MP_TAG = '小程序 · 党费';

/** The member's own base: the income is shown to the member themself only. */
export const myDuesDeclarationSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  kind: duesKindField,
  kindLabel: z.string(),
  /** Own monthly income or pension in fen (employed, retired); null for the other kinds. */
  incomeFen: z.number().int().nullable(),
  farmerFen: z.number().int().nullable(),
  monthlyFen: z.number().int(),
  declaredByKind: z.enum(['member', 'branch']),
  declaredAt: z.string(),
  version: z.number().int(),
});
export type MyDuesDeclarationVO = z.infer<typeof myDuesDeclarationSchema>;

/** The member's dues screen, one call: this month, the base, what is owed, what was paid. */
export const myDuesSchema = z.object({
  name: z.string(),
  orgName: z.string(),
  /** This Beijing month, `YYYY-MM`. */
  month: z.string(),
  /** This month's dues from the applying base; null when no base was ever declared. */
  thisMonth: z
    .object({
      amountFen: z.number().int(),
      /** How it was computed, in the rules' words (the member sees their own income here). */
      explanation: z.string(),
      /** This month's bill once generated, and its status. */
      billId: z.string().nullable(),
      status: z.string().nullable(),
    })
    .nullable(),
  /** The base that applies this month (an earlier year's until re-declared). */
  declaration: myDuesDeclarationSchema.nullable(),
  /** The applying base is from an earlier year: declare this year's. */
  needsRedeclaration: z.boolean(),
  /** The member may declare now (January, or no base for this year yet). */
  canDeclare: z.boolean(),
  /** Unpaid bills, oldest first. */
  unpaid: z.array(duesBillSchema),
  unpaidTotalFen: z.number().int(),
  /** The last 12 paid bills, newest first. */
  recentPaid: z.array(duesBillSchema),
  /** Overdue unpaid months in a row. */
  arrearsStreak: z.number().int(),
  /** WeChat Pay is configured: the screen offers 微信支付; otherwise it says to pay the branch. */
  paymentAvailable: z.boolean(),
});
export type MyDuesVO = z.infer<typeof myDuesSchema>;

export const myDuesDeclarationBodySchema = z
  .strictObject({ ...declarationFields })
  .refine(incomeRequiredForKind, { error: INCOME_REQUIRED_MESSAGE, path: ['incomeFen'] });
export type MyDuesDeclarationBody = z.infer<typeof myDuesDeclarationBodySchema>;

/** Prepaying: the monthly bills of the coming months, made now so they can be paid together. */
export const duesPrepayBodySchema = z.strictObject({
  months: z
    .number({ error: '请选择预缴月数' })
    .int({ error: '预缴月数应为整数' })
    .min(1, { error: '至少预缴 1 个月' })
    .max(duesLimits.prepayMonthsMax, { error: `最多预缴 ${duesLimits.prepayMonthsMax} 个月` }),
});

export const duesPrepayResultSchema = z.object({
  /** The unpaid monthly bills from next month on (made now or already there), oldest first. */
  bills: z.array(duesBillSchema),
  totalFen: z.number().int(),
});
export type DuesPrepayResultVO = z.infer<typeof duesPrepayResultSchema>;

/** A party member's dues in the mini-program (own member file only). */
export const mpDuesRoutes = {
  me: defineRoute({
    method: 'GET',
    path: '/api/mp/dues',
    summary: '我的党费：本月应缴与计算方法、党费基数、未缴账单、最近缴费记录',
    tag: MP_TAG,
    audience: 'mp',
    response: myDuesSchema,
  }),
  declare: defineRoute({
    method: 'PUT',
    path: '/api/mp/dues/declaration',
    summary: '申报本年度党费基数（每年一月，或本年尚未申报时）',
    tag: MP_TAG,
    audience: 'mp',
    body: myDuesDeclarationBodySchema,
    response: myDuesSchema,
  }),
  voluntary: defineRoute({
    method: 'POST',
    path: '/api/mp/dues/voluntary',
    summary: '自愿多交党费（生成一笔账单，随后支付）',
    tag: MP_TAG,
    audience: 'mp',
    body: z.strictObject({ amountFen: fenField(duesLimits.amountMinFen, duesLimits.amountMaxFen) }),
    response: duesBillSchema,
    status: 201,
  }),
  prepay: defineRoute({
    method: 'POST',
    path: '/api/mp/dues/prepay',
    summary: '预缴党费：生成今后几个月的月度账单（已有的不重复生成），随后一并支付',
    tag: MP_TAG,
    audience: 'mp',
    body: duesPrepayBodySchema,
    response: duesPrepayResultSchema,
    status: 200,
  }),
};
