import type { DuesMonthlyReportVO, DuesReportTotalVO } from '@zhili/shared';
import { writeXlsx, type CellOut } from '../../registry';

/** Fen as yuan for a spreadsheet cell (a number, so the sheet can sum it). */
const yuan = (fen: number): number => fen / 100;

const percent = (permille: number, base: number): string => (base === 0 ? '—' : `${(permille / 10).toFixed(1)}%`);

const figures = (c: DuesReportTotalVO): CellOut[] => [
  c.memberCount,
  yuan(c.dueFen),
  yuan(c.paidFen),
  yuan(c.outstandingFen),
  c.onTimeCount,
  percent(c.onTimePermille, c.onTimeBase),
  c.waivedCount,
  yuan(c.waivedFen),
  yuan(c.refundedFen),
];

/** The monthly report as one sheet: branch rows, then each month's totals, then the whole period. */
export async function monthlyReportXlsx(report: DuesMonthlyReportVO): Promise<Buffer> {
  return writeXlsx(
    '党费收缴月报',
    [
      { header: '月份', width: 10 },
      { header: '党组织', width: 22 },
      { header: '党员数', width: 8 },
      { header: '应缴（元）', width: 12 },
      { header: '实缴（元）', width: 12 },
      { header: '欠缴（元）', width: 12 },
      { header: '按时缴纳人数', width: 12 },
      { header: '按时缴纳率', width: 10 },
      { header: '减免笔数', width: 8 },
      { header: '减免（元）', width: 10 },
      { header: '退款（元）', width: 10 },
    ],
    async (add) => {
      for (const r of report.rows) add([r.month, r.orgName, ...figures(r)]);
      const scopeName = report.orgName ?? '全部';
      for (const m of report.monthTotals) add([m.month, `${scopeName}合计`, ...figures(m)]);
      add([`${report.from} 至 ${report.to}`, `${scopeName}合计`, ...figures(report.total)]);
    },
  );
}
