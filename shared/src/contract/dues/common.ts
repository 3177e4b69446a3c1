import { DuesBillKind, DuesBillStatus, DuesPaidVia, duesLimits, isDuesMonth } from '../../domain/dues-bills';
import { DuesKind, farmerDuesBoundsFen } from '../../domain/party-dues';
import { isCalendarDate } from '../../domain/party-dates';
import { enumValues } from '../registry/common';
import { z } from '../zod';

/**
 * Pieces every dues route shares (#16): money is integer fen in fields named `…Fen`, a month is `YYYY-MM`,
 * and one bill looks the same in the admin, the mini-program and the payment routes.
 */

export const duesKindField = z.enum(enumValues(DuesKind), { error: '党员类别无效' });
export const duesBillKindField = z.enum(enumValues(DuesBillKind), { error: '账单类型无效' });
export const duesBillStatusField = z.enum(enumValues(DuesBillStatus), { error: '账单状态无效' });
export const duesPaidViaField = z.enum(enumValues(DuesPaidVia));

/** A month `YYYY-MM`, with `missing` when absent. */
export const duesMonth = (missing = '请选择月份') =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : '月份格式应为 YYYY-MM') })
    .refine(isDuesMonth, { error: '月份格式应为 YYYY-MM' });

/** A month in a query string: blank is absent. */
export const qDuesMonth = () => z.preprocess((v) => (v === '' ? undefined : v), duesMonth().optional());

/** A Beijing day `YYYY-MM-DD` that exists. */
export const duesDay = (missing = '请填写日期') =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : undefined) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
    .refine(isCalendarDate, { error: '日期不存在' });

/** An amount in integer fen within `min`–`max`, with Chinese words for what is wrong. */
export const fenField = (min: number, max: number, missing = '请填写金额') =>
  z
    .number({ error: (issue) => (issue.input === undefined ? missing : '金额应为整数（单位：分）') })
    .int({ error: '金额应为整数（单位：分）' })
    .min(min, { error: `金额不能少于 ${(min / 100).toFixed(2)} 元` })
    .max(max, { error: `金额不能超过 ${(max / 100).toFixed(2)} 元` });

/** The bill's version the client saw: a change made meanwhile answers 409 instead of being overwritten. */
export const versionField = () =>
  z.number({ error: '缺少版本号，请刷新后重试' }).int({ error: '版本号无效' }).min(1, { error: '版本号无效' });

/** Optional note, '' and null mean none. */
export const duesNote = () =>
  z
    .string()
    .trim()
    .max(duesLimits.noteMax, { error: `不能超过 ${duesLimits.noteMax} 个字符` })
    .nullable()
    .optional();

/** One bill as every dues screen shows it. */
export const duesBillSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: duesBillKindField,
  /** The month it belongs to, `YYYY-MM`. */
  month: z.string(),
  /** Special dues: what for; null otherwise. */
  title: z.string().nullable(),
  amountFen: z.number().int(),
  status: duesBillStatusField,
  /** Due day (a monthly bill: the month's last day). */
  dueOn: z.string(),
  paidVia: duesPaidViaField.nullable(),
  /** ISO instant of the payment. */
  paidAt: z.string().nullable(),
  /** Paid on or before the due day (Beijing); null while not paid. */
  paidOnTime: z.boolean().nullable(),
  /** The WeChat Pay order that paid it. */
  paidOrderNo: z.string().nullable(),
  /** Who recorded the cash, proxy payment or waiver (staff name). */
  recordedByName: z.string().nullable(),
  /** Payer of a proxy payment, the cash note or the waiver's reason. */
  paidNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type DuesBillVO = z.infer<typeof duesBillSchema>;

/** Body of a dues base: kind, monthly income (employed, retired), farmers' amount. */
export const declarationFields = {
  kind: duesKindField,
  /** Monthly after-tax salary (employed) or pension (retired), fen; required for those kinds. */
  incomeFen: z
    .number({ error: '月收入应为整数（单位：分）' })
    .int({ error: '月收入应为整数（单位：分）' })
    .min(0, { error: '月收入不能为负数' })
    .max(duesLimits.incomeMaxFen, { error: '月收入过大，请核对' })
    .nullable()
    .optional(),
};

/** Farmers' monthly amount chosen by the branch (¥0.20–1.00). */
export const farmerFenField = z
  .number({ error: '农民党员月交纳额应为整数（单位：分）' })
  .int({ error: '农民党员月交纳额应为整数（单位：分）' })
  .min(farmerDuesBoundsFen.min, { error: '农民党员每月交纳 0.20–1.00 元' })
  .max(farmerDuesBoundsFen.max, { error: '农民党员每月交纳 0.20–1.00 元' })
  .nullable()
  .optional();

/** Refuses an employed or retired base without an income (the amount depends on it). */
export const incomeRequiredForKind = (body: { kind: string; incomeFen?: number | null }) =>
  !(body.kind === 'employed' || body.kind === 'retired') || typeof body.incomeFen === 'number';
export const INCOME_REQUIRED_MESSAGE = '在职和离退休党员须填写月收入';
