import {
  duesMonthlyReport,
  monthsBetween,
  reportPeriodRefusal,
  spendingDateRefusal,
  type ReportBill,
} from './dues-report';

const bill = (over: Partial<ReportBill>): ReportBill => ({
  orgId: 'a',
  memberId: 'm1',
  month: '2026-11',
  kind: 'monthly',
  amountFen: 100,
  status: 'unpaid',
  paidAt: null,
  dueOn: '2026-11-30',
  ...over,
});

describe('monthsBetween', () => {
  it.each([
    ['2026-11', '2026-11', ['2026-11']],
    ['2026-11', '2027-02', ['2026-11', '2026-12', '2027-01', '2027-02']],
    ['2026-12', '2026-11', []],
  ])('%s … %s', (from, to, months) => {
    expect(monthsBetween(from, to)).toEqual(months);
  });
});

describe('reportPeriodRefusal', () => {
  it.each([
    ['2026-01', '2026-12', null],
    ['2025-01', '2026-12', null],
    ['2024-12', '2026-12', '统计区间最多 24 个月'],
    ['2026-12', '2026-11', '结束月份不能早于开始月份'],
    ['2026-13', '2026-12', '月份格式应为 YYYY-MM'],
    ['2026-1', '2026-12', '月份格式应为 YYYY-MM'],
  ])('%s … %s → %s', (from, to, refusal) => {
    expect(reportPeriodRefusal(from, to)).toBe(refusal);
  });
});

describe('duesMonthlyReport', () => {
  // Branch a, November: on time (Beijing 30th, 23:30), late (UTC 30th 16:30 = Beijing 1 Dec), unpaid,
  // waived, a paid special bill and a refunded voluntary one; branch b: one on-time bill.
  const bills: ReportBill[] = [
    bill({ memberId: 'm1', status: 'paid', paidAt: '2026-11-30T15:30:00.000Z' }),
    bill({ memberId: 'm2', status: 'paid', paidAt: '2026-11-30T16:30:00.000Z' }),
    bill({ memberId: 'm3', status: 'unpaid', amountFen: 250 }),
    bill({ memberId: 'm4', status: 'waived', amountFen: 40 }),
    bill({ memberId: 'm1', kind: 'special', amountFen: 5000, status: 'paid', paidAt: '2026-12-05T02:00:00.000Z' }),
    bill({ memberId: 'm2', kind: 'voluntary', amountFen: 800, status: 'refunded', paidAt: '2026-11-02T02:00:00Z' }),
    bill({ orgId: 'b', memberId: 'm9', status: 'paid', paidAt: '2026-11-10T02:00:00.000Z', amountFen: 60 }),
    bill({ orgId: 'b', memberId: 'm9', month: '2026-12', dueOn: '2026-12-31', amountFen: 60 }),
    // Outside the period: ignored.
    bill({ memberId: 'm1', month: '2026-10', dueOn: '2026-10-31', status: 'paid', paidAt: '2026-10-01T00:00:00Z' }),
  ];
  const report = duesMonthlyReport(bills, ['2026-11', '2026-12']);

  it('counts a branch month: due = paid + outstanding; waived and refunded are not owed', () => {
    expect(report.rows[0]).toEqual({
      orgId: 'a',
      month: '2026-11',
      memberCount: 4,
      dueFen: 100 + 100 + 250 + 5000,
      paidFen: 100 + 100 + 5000,
      outstandingFen: 250,
      onTimeCount: 1,
      onTimeBase: 3,
      onTimePermille: 333,
      waivedCount: 1,
      waivedFen: 40,
      refundedFen: 800,
    });
  });

  it('orders rows by month then branch and leaves out branch months without bills', () => {
    expect(report.rows.map((r) => `${r.month}/${r.orgId}`)).toEqual(['2026-11/a', '2026-11/b', '2026-12/b']);
  });

  it('sums every branch per month, months without bills included', () => {
    expect(report.monthTotals.map((m) => [m.month, m.memberCount, m.dueFen, m.paidFen, m.onTimeCount])).toEqual([
      ['2026-11', 5, 5510, 5260, 2],
      ['2026-12', 1, 60, 0, 0],
    ]);
    expect(duesMonthlyReport([], ['2026-01']).monthTotals).toEqual([
      {
        month: '2026-01',
        memberCount: 0,
        dueFen: 0,
        paidFen: 0,
        outstandingFen: 0,
        onTimeCount: 0,
        onTimeBase: 0,
        onTimePermille: 0,
        waivedCount: 0,
        waivedFen: 0,
        refundedFen: 0,
      },
    ]);
  });

  it('totals the period, counting a member once', () => {
    expect(report.total).toMatchObject({
      memberCount: 5,
      dueFen: 5570,
      paidFen: 5260,
      outstandingFen: 310,
      onTimeCount: 2,
      onTimeBase: 5,
      onTimePermille: 400,
    });
  });

  it('special and voluntary bills add money but never count for punctuality', () => {
    const only = duesMonthlyReport(
      [bill({ kind: 'special', status: 'paid', paidAt: '2027-01-01T00:00:00Z', amountFen: 300 })],
      ['2026-11'],
    );
    expect(only.total).toMatchObject({ dueFen: 300, paidFen: 300, onTimeBase: 0, onTimePermille: 0 });
  });
});

describe('spendingDateRefusal', () => {
  it.each([
    ['2026-12-07', '2026-12-07', null],
    ['2026-12-08', '2026-12-01', '支出日期不能晚于今天'],
    ['2026-12-01', '2026-12-08', '审批日期不能晚于今天'],
  ])('spent %s, approved %s → %s', (spentOn, approvedOn, refusal) => {
    expect(spendingDateRefusal(spentOn, approvedOn, '2026-12-07')).toBe(refusal);
  });
});
