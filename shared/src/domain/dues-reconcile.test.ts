import {
  beijingDayOf,
  parseTradeBill,
  reconcileDay,
  TradeBillFormatError,
  yuanToFen,
  type OurPayment,
  type OurRefund,
  type TradeBillRow,
} from './dues-reconcile';

// A bill written out by hand in WeChat Pay's format (27 columns, every field prefixed by a backtick, CRLF):
// two payments and one refund on 2026-12-06, Beijing time. The description of the second payment holds a
// comma, which must not split the field.
const HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,' +
  '应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,' +
  '手续费,费率,订单金额,申请退款金额,费率备注';
const SUMMARY_HEADER = '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';
const row = (fields: string[]) => fields.map((f) => `\`${f}`).join(',');
const payment = (time: string, tx: string, no: string, yuan: string, desc = '党费') =>
  row([
    time,
    'wx1',
    '1900000109',
    '0',
    '',
    tx,
    no,
    'oU',
    'JSAPI',
    'SUCCESS',
    'OTHERS',
    'CNY',
    yuan,
    '0.00',
    '0',
    '0',
    '0.00',
    '0.00',
    '',
    '',
    desc,
    '',
    '0.01000',
    '0.60%',
    yuan,
    '0.00',
    '',
  ]);
const refund = (time: string, tx: string, no: string, refundNo: string, yuan: string) =>
  row([
    time,
    'wx1',
    '1900000109',
    '0',
    '',
    tx,
    no,
    'oU',
    'JSAPI',
    'REFUND',
    'OTHERS',
    'CNY',
    '0.00',
    '0.00',
    'RF1',
    refundNo,
    yuan,
    '0.00',
    'ORIGINAL',
    'SUCCESS',
    '党费',
    '',
    '-0.01000',
    '0.60%',
    '0.00',
    yuan,
    '',
  ]);

function bill(lines: string[], summary: string[]): string {
  return [HEADER, ...lines, SUMMARY_HEADER, row(summary)].join('\r\n') + '\r\n';
}

const DAY = '2026-12-06';
const CLEAN_CSV = bill(
  [
    payment('2026-12-06 00:00:05', 'T1', 'DUES001', '1.50'),
    payment('2026-12-06 23:59:59', 'T2', 'DUES002', '12.00', '党费 2026年11月,12月'),
    refund('2026-12-06 15:00:00', 'T1', 'DUES001', 'RDUES001A', '0.50'),
  ],
  ['3', '13.50', '0.50', '0.00', '0.02000', '13.50', '0.50'],
);

describe('yuanToFen', () => {
  it.each([
    ['0.00', 0],
    ['0.2', 20],
    ['1.50', 150],
    ['12.00', 1200],
    ['-0.01', -1],
    ['10000.99', 1000099],
  ])('%s yuan → %i fen', (text, fen) => expect(yuanToFen(text)).toBe(fen));

  it.each(['', '1.005', '1,00', 'abc', '1e3'])('refuses %p', (text) => {
    expect(() => yuanToFen(text)).toThrow(TradeBillFormatError);
  });
});

describe('parseTradeBill', () => {
  it('reads payments and refunds with their amounts in fen, a comma inside a field kept', () => {
    expect(parseTradeBill(CLEAN_CSV)).toEqual<TradeBillRow[]>([
      {
        time: '2026-12-06 00:00:05',
        transactionId: 'T1',
        outTradeNo: 'DUES001',
        tradeState: 'SUCCESS',
        orderFen: 150,
        outRefundNo: '',
        refundId: '',
        refundFen: 0,
        refundStatus: '',
      },
      {
        time: '2026-12-06 23:59:59',
        transactionId: 'T2',
        outTradeNo: 'DUES002',
        tradeState: 'SUCCESS',
        orderFen: 1200,
        outRefundNo: '',
        refundId: '',
        refundFen: 0,
        refundStatus: '',
      },
      {
        time: '2026-12-06 15:00:00',
        transactionId: 'T1',
        outTradeNo: 'DUES001',
        tradeState: 'REFUND',
        orderFen: 0,
        outRefundNo: 'RDUES001A',
        refundId: 'RF1',
        refundFen: 50,
        refundStatus: 'SUCCESS',
      },
    ]);
  });

  it('refuses a bill whose summary does not match its lines (a line removed or an amount changed)', () => {
    const lineRemoved = CLEAN_CSV.replace(/^.*DUES002.*\r\n/m, '');
    expect(() => parseTradeBill(lineRemoved)).toThrow('汇总行与明细不符');
    const amountChanged = CLEAN_CSV.replace('`12.00', '`1.20');
    expect(() => parseTradeBill(amountChanged)).toThrow('汇总行与明细不符');
  });

  it('refuses a file without its summary or with a missing column', () => {
    expect(() => parseTradeBill([HEADER, payment('2026-12-06 00:00:05', 'T1', 'D1', '1.00')].join('\r\n'))).toThrow(
      TradeBillFormatError,
    );
    expect(() => parseTradeBill(CLEAN_CSV.replace('商户订单号', '订单号'))).toThrow('缺少「商户订单号」列');
  });
});

describe('reconcileDay', () => {
  const ourPayments: OurPayment[] = [
    { outTradeNo: 'DUES001', amountFen: 150, status: 'paid', paidOn: DAY },
    { outTradeNo: 'DUES002', amountFen: 1200, status: 'paid', paidOn: DAY },
  ];
  const ourRefunds: OurRefund[] = [
    { outRefundNo: 'RDUES001A', outTradeNo: 'DUES001', amountFen: 50, status: 'SUCCESS', succeededOn: DAY },
  ];
  const rows = parseTradeBill(CLEAN_CSV);

  it('a clean day: no difference, both sides counted', () => {
    expect(reconcileDay(DAY, { payments: ourPayments, refunds: ourRefunds }, rows)).toEqual({
      differences: [],
      totals: {
        ourPaymentCount: 2,
        theirPaymentCount: 2,
        ourRefundCount: 1,
        theirRefundCount: 1,
        ourPaidFen: 1350,
        theirPaidFen: 1350,
        ourRefundFen: 50,
        theirRefundFen: 50,
      },
    });
  });

  // Each case plants one difference into our side; the expected kind and amounts are written by hand.
  const cases: [string, OurPayment[], OurRefund[], string, string | null, number | null, number | null][] = [
    ['a payment we never recorded', [ourPayments[1]], ourRefunds, 'missing_here', 'DUES001', null, 150],
    [
      'our order still created although WeChat Pay took the money',
      [{ ...ourPayments[0], status: 'created', paidOn: null }, ourPayments[1]],
      ourRefunds,
      'status_mismatch',
      'DUES001',
      150,
      150,
    ],
    [
      'an amount changed in our records',
      [ourPayments[0], { ...ourPayments[1], amountFen: 1100 }],
      ourRefunds,
      'amount_mismatch',
      'DUES002',
      1100,
      1200,
    ],
    [
      'an order we think paid that WeChat Pay never took',
      [...ourPayments, { outTradeNo: 'DUES003', amountFen: 20, status: 'paid', paidOn: DAY }],
      ourRefunds,
      'missing_there',
      'DUES003',
      20,
      null,
    ],
    ['a refund we never recorded', ourPayments, [], 'refund_missing_here', 'DUES001', null, 50],
    [
      'our refund still processing',
      ourPayments,
      [{ ...ourRefunds[0], status: 'PROCESSING', succeededOn: null }],
      'refund_status_mismatch',
      'DUES001',
      50,
      50,
    ],
    [
      'a refund amount changed',
      ourPayments,
      [{ ...ourRefunds[0], amountFen: 60 }],
      'refund_amount_mismatch',
      'DUES001',
      60,
      50,
    ],
    [
      'a refund we think done that WeChat Pay does not have',
      ourPayments,
      [
        ...ourRefunds,
        { outRefundNo: 'RDUES002A', outTradeNo: 'DUES002', amountFen: 1200, status: 'SUCCESS', succeededOn: DAY },
      ],
      'refund_missing_there',
      'DUES002',
      1200,
      null,
    ],
  ];

  it.each(cases)('%s → one difference', (_name, payments, refunds, kind, outTradeNo, ourFen, theirFen) => {
    const { differences } = reconcileDay(DAY, { payments, refunds }, rows);
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatchObject({ kind, outTradeNo, ourFen, theirFen });
    expect(differences[0].note).not.toBe('');
  });

  it('a payment of another day is not missing from this day, and a refunded order still counts as paid', () => {
    const payments = [
      { ...ourPayments[0], status: 'refunded' },
      ourPayments[1],
      { outTradeNo: 'DUES009', amountFen: 20, status: 'paid', paidOn: '2026-12-05' },
    ];
    expect(reconcileDay(DAY, { payments, refunds: ourRefunds }, rows).differences).toEqual([]);
  });

  it('a day WeChat Pay has no bill for (no rows) lists everything we recorded', () => {
    const { differences, totals } = reconcileDay(DAY, { payments: ourPayments, refunds: ourRefunds }, []);
    expect(differences.map((d) => d.kind)).toEqual(['missing_there', 'missing_there', 'refund_missing_there']);
    expect(totals).toMatchObject({ theirPaymentCount: 0, ourPaidFen: 1350, theirPaidFen: 0 });
  });
});

describe('beijingDayOf', () => {
  it.each([
    ['2026-12-06T15:59:59Z', '2026-12-06'],
    ['2026-12-06T16:00:00Z', '2026-12-07'],
    ['2026-12-07T00:00:00+08:00', '2026-12-07'],
    ['2026-12-06T23:59:59+08:00', '2026-12-06'],
  ])('%s → %s', (iso, day) => expect(beijingDayOf(iso)).toBe(day));
});
