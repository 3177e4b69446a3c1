import type { DuesMonthlyReportVO, DuesReportTotalVO } from '@zhili/shared';

/** One line of the 党费报表 table: a branch's month, a month's total over the branches, or the period. */
export interface ReportLine extends DuesReportTotalVO {
  key: string;
  kind: 'branch' | 'month' | 'period';
  /** The organisation's name, 本月合计 or 合计. */
  orgName: string;
  /** `YYYY-MM`, or the period `YYYY-MM 至 YYYY-MM` on the total line. */
  month: string;
}

/**
 * The report as the table reads it: for each month, newest first (the month a secretary is working
 * on is on top; the chart above reads oldest first), its branches, then the month's total; the whole
 * period's total last. Months without a bill keep their total line, so a gap in collection shows as
 * a zero line instead of a missing month.
 */
export function reportLines(report: DuesMonthlyReportVO): ReportLine[] {
  const lines: ReportLine[] = [];
  for (const total of [...report.monthTotals].reverse()) {
    for (const row of report.rows.filter((r) => r.month === total.month)) {
      lines.push({ ...row, key: `${row.month}:${row.orgId}`, kind: 'branch' });
    }
    lines.push({ ...total, key: `${total.month}:total`, kind: 'month', orgName: '本月合计' });
  }
  lines.push({
    ...report.total,
    key: 'period',
    kind: 'period',
    orgName: '合计',
    month: report.from === report.to ? report.from : `${report.from} 至 ${report.to}`,
  });
  return lines;
}

/** 875 ‰ → "87.5%"; "—" when no monthly bill counted for punctuality. */
export function onTimeText(line: Pick<DuesReportTotalVO, 'onTimePermille' | 'onTimeBase'>): string {
  return line.onTimeBase > 0 ? `${(line.onTimePermille / 10).toFixed(1)}%` : '—';
}
