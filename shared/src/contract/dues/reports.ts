import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pathId } from '../fields';
import { z } from '../zod';

const TAG = '管理端 · 党费';

/** An optional query field where an empty text means absent. */
const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** A month `YYYY-MM` (the span, at most 24 months, is checked by the BFF with the shared rule). */
const reportMonth = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM' });

/** What a branch (or all of them) was due and collected in a month; money in integer fen. */
const reportCellShape = {
  /** Members with at least one bill of the month. */
  memberCount: z.number().int(),
  /** Monthly + special + voluntary bills not waived or refunded; always paidFen + outstandingFen. */
  dueFen: z.number().int(),
  paidFen: z.number().int(),
  outstandingFen: z.number().int(),
  /** Monthly bills paid by their due day (Beijing time). */
  onTimeCount: z.number().int(),
  /** Monthly bills that count for punctuality (paid or unpaid). */
  onTimeBase: z.number().int(),
  /** onTimeCount / onTimeBase in per mille. */
  onTimePermille: z.number().int(),
  waivedCount: z.number().int(),
  waivedFen: z.number().int(),
  refundedFen: z.number().int(),
};

export const duesReportRowSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  month: z.string(),
  ...reportCellShape,
});
export type DuesReportRowVO = z.infer<typeof duesReportRowSchema>;

export const duesReportMonthTotalSchema = z.object({ month: z.string(), ...reportCellShape });
export type DuesReportMonthTotalVO = z.infer<typeof duesReportMonthTotalSchema>;

export const duesReportTotalSchema = z.object(reportCellShape);
export type DuesReportTotalVO = z.infer<typeof duesReportTotalSchema>;

export const duesMonthlyReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The organisation the report was asked for (null: the caller's whole scope). */
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  /** Per branch and month with bills, by month then branch. */
  rows: z.array(duesReportRowSchema),
  /** Per month: the sum over all branches of the report (every month of the period). */
  monthTotals: z.array(duesReportMonthTotalSchema),
  /** The whole period (members counted once). */
  total: duesReportTotalSchema,
});
export type DuesMonthlyReportVO = z.infer<typeof duesMonthlyReportSchema>;

export const duesReportQuerySchema = z.object({
  /** A party organisation in the caller's scope; absent: all of it. */
  orgId: blankIsAbsent(pathId()),
  /** First and last month, both included; default: January of this year up to this month. */
  from: blankIsAbsent(reportMonth()),
  to: blankIsAbsent(reportMonth()),
});
export type DuesReportQuery = z.infer<typeof duesReportQuerySchema>;

/** Dues reports by branch and month (dues:manage, within the caller's party scope). */
export const duesReportRoutes = {
  monthly: defineRoute({
    method: 'GET',
    path: '/api/admin/dues/reports/monthly',
    summary: '党费收缴月报：各支部每月应缴、实缴、欠缴、按时缴纳人数与全镇合计（最多 24 个月）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    query: duesReportQuerySchema,
    response: duesMonthlyReportSchema,
  }),
  monthlyExport: defineRoute({
    method: 'GET',
    path: '/api/admin/dues/reports/monthly/export',
    summary: '导出党费收缴月报（.xlsx；记审计）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.DuesManage,
    query: duesReportQuerySchema,
    response: null,
    responseKind: 'file',
  }),
};
