// The daily reconciliation of party dues against WeChat Pay's trade bill (#16), as pure functions: the bill
// file parsed into rows (amounts in integer fen, times in Beijing time as WeChat Pay prints them), and our
// payments and refunds of a Beijing day compared with those rows into a list of differences a person
// resolves. The BFF downloads the bill (hash checked) and stores what these return.

export const duesReconcileLimits = {
  /** One refund at most ¥1,000,000 (a typo guard; the order's amount is the real limit). */
  maxRefundFen: 100_000_000,
  /** WeChat Pay accepts a refund reason of up to 80 characters. */
  reasonMax: 80,
  resolutionMax: 200,
} as const;

export const reconcileRunStatuses = ['ok', 'differences', 'failed'] as const;
export type ReconcileRunStatus = (typeof reconcileRunStatuses)[number];

export const reconcileDiffKinds = [
  /** WeChat Pay has a payment we have no order for. */
  'missing_here',
  /** We think the order was paid that day; the bill has no such payment. */
  'missing_there',
  'amount_mismatch',
  /** WeChat Pay has the payment, our order is not paid (created, closed). */
  'status_mismatch',
  'refund_missing_here',
  'refund_missing_there',
  'refund_amount_mismatch',
  /** WeChat Pay has the refund as done, ours is not SUCCESS. */
  'refund_status_mismatch',
] as const;
export type ReconcileDiffKind = (typeof reconcileDiffKinds)[number];

export const reconcileDiffKindLabels: Record<ReconcileDiffKind, string> = {
  missing_here: '微信有收款、本系统无订单',
  missing_there: '本系统已收款、微信账单无此笔',
  amount_mismatch: '收款金额不一致',
  status_mismatch: '收款状态不一致',
  refund_missing_here: '微信有退款、本系统无记录',
  refund_missing_there: '本系统已退款、微信账单无此笔',
  refund_amount_mismatch: '退款金额不一致',
  refund_status_mismatch: '退款状态不一致',
};

/** One trade line of the bill: a payment (`SUCCESS`) or a refund (`REFUND`). */
export interface TradeBillRow {
  /** `YYYY-MM-DD HH:mm:ss`, Beijing time. */
  time: string;
  transactionId: string;
  outTradeNo: string;
  tradeState: string;
  /** 订单金额 of a payment (0 on a refund line). */
  orderFen: number;
  outRefundNo: string;
  refundId: string;
  /** 退款金额 of a refund line (0 on a payment line). */
  refundFen: number;
  refundStatus: string;
}

export class TradeBillFormatError extends Error {
  constructor(message: string) {
    super(`交易账单格式无法识别：${message}`);
    this.name = 'TradeBillFormatError';
  }
}

/** `12.34` yuan → 1234 fen, exactly (never through a float); a refund fee may be negative. */
export function yuanToFen(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new TradeBillFormatError(`金额「${text}」`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** Fields of a bill line: each starts with a backtick, so `,\`` separates them even inside a description. */
function fieldsOf(line: string): string[] {
  if (!line.startsWith('`')) throw new TradeBillFormatError('数据行应以 ` 开头');
  return line.slice(1).split(',`');
}

const column = (header: string[], name: string): number => {
  const at = header.indexOf(name);
  if (at < 0) throw new TradeBillFormatError(`缺少「${name}」列`);
  return at;
};

/**
 * The trade bill CSV (header line, trade lines, 总交易单数 header and summary line) → its rows. The summary's
 * count and totals must agree with the rows, so a truncated or altered file is refused, not half-read.
 */
export function parseTradeBill(csv: string): TradeBillRow[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 3) throw new TradeBillFormatError('行数不足');
  const header = lines[0].replace(/^\uFEFF/, '').split(',');
  const summaryAt = lines.findIndex((l) => l.startsWith('总交易单数'));
  if (summaryAt < 1 || summaryAt !== lines.length - 2) throw new TradeBillFormatError('缺少汇总行');
  const idx = {
    time: column(header, '交易时间'),
    transactionId: column(header, '微信订单号'),
    outTradeNo: column(header, '商户订单号'),
    tradeState: column(header, '交易状态'),
    orderFen: column(header, '订单金额'),
    settledFen: column(header, '应结订单金额'),
    refundId: column(header, '微信退款单号'),
    outRefundNo: column(header, '商户退款单号'),
    refundFen: column(header, '退款金额'),
    refundStatus: column(header, '退款状态'),
  };
  let settledTotal = 0;
  const rows = lines.slice(1, summaryAt).map((line): TradeBillRow => {
    const f = fieldsOf(line);
    if (f.length !== header.length)
      throw new TradeBillFormatError(`数据行有 ${f.length} 列，表头有 ${header.length} 列`);
    const tradeState = f[idx.tradeState];
    settledTotal += yuanToFen(f[idx.settledFen]);
    return {
      time: f[idx.time],
      transactionId: f[idx.transactionId],
      outTradeNo: f[idx.outTradeNo],
      tradeState,
      orderFen: tradeState === 'REFUND' ? 0 : yuanToFen(f[idx.orderFen]),
      outRefundNo: tradeState === 'REFUND' ? f[idx.outRefundNo] : '',
      refundId: tradeState === 'REFUND' ? f[idx.refundId] : '',
      refundFen: tradeState === 'REFUND' ? yuanToFen(f[idx.refundFen]) : 0,
      refundStatus: tradeState === 'REFUND' ? f[idx.refundStatus] : '',
    };
  });
  const summaryHeader = lines[summaryAt].split(',');
  const summary = fieldsOf(lines[summaryAt + 1]);
  const count = Number(summary[column(summaryHeader, '总交易单数')]);
  const settled = yuanToFen(summary[column(summaryHeader, '应结订单总金额')]);
  const refunded = yuanToFen(summary[column(summaryHeader, '退款总金额')]);
  const refundRows = rows.reduce((sum, r) => sum + r.refundFen, 0);
  if (count !== rows.length || settled !== settledTotal || refunded !== refundRows) {
    throw new TradeBillFormatError('汇总行与明细不符');
  }
  return rows;
}

/** Our order as the comparison needs it; `paidOn` = Beijing day of its success_time. */
export interface OurPayment {
  outTradeNo: string;
  amountFen: number;
  /** created | paid | closed | refunded (a refunded order was paid). */
  status: string;
  paidOn: string | null;
}

export interface OurRefund {
  outRefundNo: string;
  outTradeNo: string;
  amountFen: number;
  /** PROCESSING | SUCCESS | CLOSED | ABNORMAL. */
  status: string;
  /** Beijing day of its success_time. */
  succeededOn: string | null;
}

export interface ReconcileDiff {
  kind: ReconcileDiffKind;
  outTradeNo: string;
  outRefundNo: string | null;
  ourFen: number | null;
  theirFen: number | null;
  note: string;
}

export interface ReconcileTotals {
  ourPaymentCount: number;
  theirPaymentCount: number;
  ourRefundCount: number;
  theirRefundCount: number;
  ourPaidFen: number;
  theirPaidFen: number;
  ourRefundFen: number;
  theirRefundFen: number;
}

export interface ReconcileResult {
  differences: ReconcileDiff[];
  totals: ReconcileTotals;
}

const PAID = new Set(['paid', 'refunded']);
const fen = (v: number) => `¥${(v / 100).toFixed(2)}`;

/**
 * Compares our side of a Beijing day with the bill's rows. `ours` holds the orders and refunds that
 * succeeded that day plus any the bill names (the caller looks those up by number, whatever their day or
 * status), so a payment we never recorded and one we recorded wrongly are told apart.
 */
export function reconcileDay(
  date: string,
  ours: { payments: readonly OurPayment[]; refunds: readonly OurRefund[] },
  theirs: readonly TradeBillRow[],
): ReconcileResult {
  const differences: ReconcileDiff[] = [];
  const ourPayments = new Map(ours.payments.map((p) => [p.outTradeNo, p]));
  const ourRefunds = new Map(ours.refunds.map((r) => [r.outRefundNo, r]));
  const theirPayments = theirs.filter((r) => r.tradeState === 'SUCCESS');
  const theirRefunds = theirs.filter((r) => r.tradeState === 'REFUND');
  const seenPayments = new Set<string>();
  const seenRefunds = new Set<string>();

  for (const row of theirPayments) {
    const diff = (kind: ReconcileDiffKind, ourFen: number | null, note: string) =>
      differences.push({ kind, outTradeNo: row.outTradeNo, outRefundNo: null, ourFen, theirFen: row.orderFen, note });
    if (seenPayments.has(row.outTradeNo)) {
      diff('amount_mismatch', null, `账单中同一订单出现多次收款（${row.time}，${fen(row.orderFen)}）`);
      continue;
    }
    seenPayments.add(row.outTradeNo);
    const our = ourPayments.get(row.outTradeNo);
    if (!our) diff('missing_here', null, `微信支付于 ${row.time} 收款 ${fen(row.orderFen)}，本系统没有这个订单`);
    else if (!PAID.has(our.status)) {
      diff('status_mismatch', our.amountFen, `微信支付于 ${row.time} 已收款，本系统订单状态为「${our.status}」`);
    } else if (our.amountFen !== row.orderFen) {
      diff('amount_mismatch', our.amountFen, `本系统 ${fen(our.amountFen)}，微信支付 ${fen(row.orderFen)}`);
    }
  }
  const ourPaidThatDay = ours.payments.filter((p) => PAID.has(p.status) && p.paidOn === date);
  for (const our of ourPaidThatDay) {
    if (seenPayments.has(our.outTradeNo)) continue;
    differences.push({
      kind: 'missing_there',
      outTradeNo: our.outTradeNo,
      outRefundNo: null,
      ourFen: our.amountFen,
      theirFen: null,
      note: `本系统记为 ${date} 已收款 ${fen(our.amountFen)}，微信支付当日账单没有这笔`,
    });
  }

  for (const row of theirRefunds) {
    const diff = (kind: ReconcileDiffKind, ourFen: number | null, note: string) =>
      differences.push({
        kind,
        outTradeNo: row.outTradeNo,
        outRefundNo: row.outRefundNo,
        ourFen,
        theirFen: row.refundFen,
        note,
      });
    seenRefunds.add(row.outRefundNo);
    const our = ourRefunds.get(row.outRefundNo);
    if (!our)
      diff('refund_missing_here', null, `微信支付于 ${row.time} 退款 ${fen(row.refundFen)}，本系统没有这笔退款`);
    else if (our.status !== 'SUCCESS') {
      diff('refund_status_mismatch', our.amountFen, `微信支付已退款，本系统退款状态为「${our.status}」`);
    } else if (our.amountFen !== row.refundFen) {
      diff('refund_amount_mismatch', our.amountFen, `本系统 ${fen(our.amountFen)}，微信支付 ${fen(row.refundFen)}`);
    }
  }
  const ourRefundedThatDay = ours.refunds.filter((r) => r.status === 'SUCCESS' && r.succeededOn === date);
  for (const our of ourRefundedThatDay) {
    if (seenRefunds.has(our.outRefundNo)) continue;
    differences.push({
      kind: 'refund_missing_there',
      outTradeNo: our.outTradeNo,
      outRefundNo: our.outRefundNo,
      ourFen: our.amountFen,
      theirFen: null,
      note: `本系统记为 ${date} 退款成功 ${fen(our.amountFen)}，微信支付当日账单没有这笔`,
    });
  }

  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    differences,
    totals: {
      ourPaymentCount: ourPaidThatDay.length,
      theirPaymentCount: theirPayments.length,
      ourRefundCount: ourRefundedThatDay.length,
      theirRefundCount: theirRefunds.length,
      ourPaidFen: sum(ourPaidThatDay.map((p) => p.amountFen)),
      theirPaidFen: sum(theirPayments.map((r) => r.orderFen)),
      ourRefundFen: sum(ourRefundedThatDay.map((r) => r.amountFen)),
      theirRefundFen: sum(theirRefunds.map((r) => r.refundFen)),
    },
  };
}

/** The Beijing calendar day (YYYY-MM-DD) of an instant; bills and reconciliation days are Beijing days. */
export function beijingDayOf(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}
