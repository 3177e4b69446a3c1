import { describe, expect, it } from 'vitest';
import type { DuesMonthlyReportVO } from '@zhili/shared';
import { onTimeText, reportLines } from './report-rows';

const cell = (paidFen: number, outstandingFen: number, onTimeCount = 0, onTimeBase = 0) => ({
  memberCount: 2,
  dueFen: paidFen + outstandingFen,
  paidFen,
  outstandingFen,
  onTimeCount,
  onTimeBase,
  onTimePermille: onTimeBase ? Math.floor((onTimeCount * 1000) / onTimeBase) : 0,
  waivedCount: 0,
  waivedFen: 0,
  refundedFen: 0,
});

const report: DuesMonthlyReportVO = {
  from: '2026-11',
  to: '2026-12',
  orgId: null,
  orgName: null,
  rows: [
    { orgId: 'a', orgName: '幸福村党支部', month: '2026-11', ...cell(100, 0, 2, 2) },
    { orgId: 'b', orgName: '和平社区党支部', month: '2026-12', ...cell(20, 40, 1, 3) },
    { orgId: 'a', orgName: '幸福村党支部', month: '2026-12', ...cell(0, 100, 0, 2) },
  ],
  monthTotals: [
    { month: '2026-11', ...cell(100, 0, 2, 2) },
    { month: '2026-12', ...cell(20, 140, 1, 5) },
  ],
  total: cell(120, 140, 3, 7),
};

describe('dues report lines', () => {
  it('lists each month’s branches, newest month first, then the month’s total, then the period', () => {
    expect(reportLines(report).map((l) => [l.kind, l.orgName, l.month, l.paidFen])).toEqual([
      ['branch', '和平社区党支部', '2026-12', 20],
      ['branch', '幸福村党支部', '2026-12', 0],
      ['month', '本月合计', '2026-12', 20],
      ['branch', '幸福村党支部', '2026-11', 100],
      ['month', '本月合计', '2026-11', 100],
      ['period', '合计', '2026-11 至 2026-12', 120],
    ]);
  });

  it('keeps a month without bills as a zero total line, and keys stay unique', () => {
    const empty = { ...report, rows: [], monthTotals: [{ month: '2026-11', ...cell(0, 0) }], to: '2026-11' };
    const lines = reportLines(empty);
    expect(lines.map((l) => [l.kind, l.month])).toEqual([
      ['month', '2026-11'],
      ['period', '2026-11'],
    ]);
    const keys = reportLines(report).map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('shows the on-time rate from per mille, a dash when nothing counted', () => {
    expect(onTimeText({ onTimePermille: 428, onTimeBase: 7 })).toBe('42.8%');
    expect(onTimeText({ onTimePermille: 1000, onTimeBase: 2 })).toBe('100.0%');
    expect(onTimeText({ onTimePermille: 0, onTimeBase: 0 })).toBe('—');
  });
});
