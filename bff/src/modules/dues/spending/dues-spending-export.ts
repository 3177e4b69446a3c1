import type { DuesSpendingVO } from '@zhili/shared';
import { writeXlsx } from '../../registry';

/** Fen as yuan for a spreadsheet cell (a number, so the sheet can sum it). */
const yuan = (fen: number): number => fen / 100;

/** The spending records as an xlsx sheet, oldest first, with the total under them. */
export async function spendingXlsx(rows: readonly DuesSpendingVO[]): Promise<Buffer> {
  return writeXlsx(
    '党费支出',
    [
      { header: '支出日期', width: 12 },
      { header: '党组织', width: 22 },
      { header: '类别', width: 14 },
      { header: '用途', width: 36 },
      { header: '金额（元）', width: 12 },
      { header: '审批人', width: 10 },
      { header: '审批日期', width: 12 },
      { header: '附件数', width: 8 },
      { header: '登记人', width: 10 },
      { header: '备注', width: 30 },
    ],
    async (add) => {
      for (const r of rows)
        add([
          r.spentOn,
          r.orgName,
          r.category,
          r.purpose,
          yuan(r.amountFen),
          r.approverName,
          r.approvedOn,
          r.attachments.length,
          r.recordedByName ?? '',
          r.note ?? '',
        ]);
      const totalFen = rows.reduce((n, r) => n + r.amountFen, 0);
      add(['合计', `${rows.length} 笔`, null, null, yuan(totalFen), null, null, null, null, null]);
    },
  );
}
