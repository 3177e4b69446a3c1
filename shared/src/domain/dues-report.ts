import { shanghaiDate } from './work-calendar';

/**
 * Party dues reports (#16): what each branch was due and collected per month, and the rules of the
 * branch's dues spending (党费支出). Pure, integer fen everywhere — the BFF reads the bills and hands
 * them here, the admin shows the numbers as sent.
 */

/** A report covers at most two years of months, so one request stays a bounded read. */
export const DUES_REPORT_MAX_MONTHS = 24;

export const duesSpendingCategories = ['慰问困难党员', '表彰', '教育培训', '订阅学习资料', '其他'] as const;
export type DuesSpendingCategory = (typeof duesSpendingCategories)[number];

export const duesSpendingLimits = {
  /** One spending record never exceeds 1 000 000 yuan; a larger figure is a typing error. */
  amountFen: { min: 1, max: 100_000_000 },
  purpose: { max: 200 },
  approverName: { max: 32 },
  note: { max: 500 },
  attachments: { max: 9 },
} as const;

/** A month `YYYY-MM` with a real month number. */
export const isReportMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** Months from `from` to `to`, both included, oldest first (empty when `to` is before `from`). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  while (year < toYear || (year === toYear && month <= toMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Why a report period is refused, in the words the admin shows; null when it is fine. */
export function reportPeriodRefusal(from: string, to: string): string | null {
  if (!isReportMonth(from) || !isReportMonth(to)) return '月份格式应为 YYYY-MM';
  if (to < from) return '结束月份不能早于开始月份';
  if (monthsBetween(from, to).length > DUES_REPORT_MAX_MONTHS) return `统计区间最多 ${DUES_REPORT_MAX_MONTHS} 个月`;
  return null;
}

/** The bill facts a report needs; `status` and `kind` are the bill's own words. */
export interface ReportBill {
  orgId: string;
  memberId: string;
  month: string;
  kind: 'monthly' | 'special' | 'voluntary' | string;
  amountFen: number;
  status: 'unpaid' | 'paid' | 'waived' | 'refunded' | string;
  /** ISO instant of the payment (null when unpaid). */
  paidAt: string | null;
  /** `YYYY-MM-DD`, Beijing day the bill was due. */
  dueOn: string;
}

export interface DuesReportCell {
  /** Members with at least one bill of the month (any kind, waived included). */
  memberCount: number;
  /**
   * What the month asked for: monthly + special + voluntary bills that were not waived or refunded
   * (a waiver takes the amount off; a refund hands a payment back, so neither is owed). Always
   * paidFen + outstandingFen.
   */
  dueFen: number;
  paidFen: number;
  outstandingFen: number;
  /** Monthly bills paid by their due day (Beijing day of the payment ≤ dueOn). */
  onTimeCount: number;
  /** Monthly bills that counted for punctuality: paid or still unpaid (waived and refunded left out). */
  onTimeBase: number;
  /** onTimeCount / onTimeBase in per mille, rounded down; 0 when nothing was due. */
  onTimePermille: number;
  waivedCount: number;
  waivedFen: number;
  refundedFen: number;
}

export interface DuesReportRow extends DuesReportCell {
  orgId: string;
  month: string;
}

export interface DuesReport {
  /** One row per branch and month that has bills, ordered by month then branch id. */
  rows: DuesReportRow[];
  /** Per month, the sum over every branch in the report (months without bills have zeros). */
  monthTotals: (DuesReportCell & { month: string })[];
  /** The whole period over every branch; memberCount counts each member once. */
  total: DuesReportCell;
}

interface Tally extends Omit<DuesReportCell, 'memberCount' | 'onTimePermille'> {
  members: Set<string>;
}

const emptyTally = (): Tally => ({
  members: new Set(),
  dueFen: 0,
  paidFen: 0,
  outstandingFen: 0,
  onTimeCount: 0,
  onTimeBase: 0,
  waivedCount: 0,
  waivedFen: 0,
  refundedFen: 0,
});

/** Beijing day of an ISO instant; the due day is a Beijing day too. */
const paidDay = (paidAt: string): string => shanghaiDate(new Date(paidAt));

function count(tally: Tally, bill: ReportBill): void {
  tally.members.add(bill.memberId);
  const monthly = bill.kind === 'monthly';
  switch (bill.status) {
    case 'paid':
      tally.dueFen += bill.amountFen;
      tally.paidFen += bill.amountFen;
      if (monthly) {
        tally.onTimeBase += 1;
        if (bill.paidAt && paidDay(bill.paidAt) <= bill.dueOn) tally.onTimeCount += 1;
      }
      return;
    case 'unpaid':
      tally.dueFen += bill.amountFen;
      tally.outstandingFen += bill.amountFen;
      if (monthly) tally.onTimeBase += 1;
      return;
    case 'waived':
      tally.waivedCount += 1;
      tally.waivedFen += bill.amountFen;
      return;
    case 'refunded':
      tally.refundedFen += bill.amountFen;
      return;
    default:
      // An unknown status is not money owed or received; leaving it out keeps due = paid + outstanding.
      return;
  }
}

function cell(tally: Tally): DuesReportCell {
  const { members, ...sums } = tally;
  return {
    memberCount: members.size,
    ...sums,
    onTimePermille: sums.onTimeBase === 0 ? 0 : Math.floor((sums.onTimeCount * 1000) / sums.onTimeBase),
  };
}

/**
 * Aggregates bills into the monthly report: per branch and month, per month for all branches, and
 * overall. Bills outside `months` are ignored, so the caller may over-fetch safely.
 */
export function duesMonthlyReport(bills: readonly ReportBill[], months: readonly string[]): DuesReport {
  const inPeriod = new Set(months);
  const byBranchMonth = new Map<string, Tally>();
  const byMonth = new Map<string, Tally>(months.map((m) => [m, emptyTally()]));
  const total = emptyTally();
  for (const bill of bills) {
    if (!inPeriod.has(bill.month)) continue;
    const key = `${bill.month}\u0000${bill.orgId}`;
    let tally = byBranchMonth.get(key);
    if (!tally) byBranchMonth.set(key, (tally = emptyTally()));
    count(tally, bill);
    count(byMonth.get(bill.month)!, bill);
    count(total, bill);
  }
  const rows = [...byBranchMonth.entries()]
    .map(([key, tally]) => {
      const [month, orgId] = key.split('\u0000') as [string, string];
      return { orgId, month, ...cell(tally) };
    })
    .sort((a, b) => (a.month === b.month ? a.orgId.localeCompare(b.orgId) : a.month.localeCompare(b.month)));
  return {
    rows,
    monthTotals: months.map((month) => ({ month, ...cell(byMonth.get(month)!) })),
    total: cell(total),
  };
}

/** Why a spending record is refused (dates against today, Beijing); null when it is fine. */
export function spendingDateRefusal(spentOn: string, approvedOn: string, today: string): string | null {
  if (spentOn > today) return '支出日期不能晚于今天';
  if (approvedOn > today) return '审批日期不能晚于今天';
  return null;
}
