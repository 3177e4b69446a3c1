// What an order says about its bills: number, description and attach are derived from the bills alone.
import { createHash, randomBytes } from 'node:crypto';

/** How long a member has to pay an order (time_expire); the close job closes it afterwards. */
export const ORDER_TTL_MS = 30 * 60_000;

/** An open order is reused only while this much time is left to pay it; otherwise a fresh one is made. */
export const REUSE_MARGIN_MS = 2 * 60_000;

interface BillTerms {
  id: string;
  kind: string;
  month: string;
  amountFen: number;
}

/**
 * A fresh out_trade_no: `D` + the Beijing time to the second + 12 random hex digits (27 characters, only
 * letters and digits): unique without a database round trip, sortable by time for a person reading it.
 */
export function newOutTradeNo(now: Date): string {
  const beijing = new Date(now.getTime() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
  return `D${beijing}${randomBytes(6).toString('hex').toUpperCase()}`;
}

/** The bills in the order they are paid and shown: by month, then by id. */
export function sortBills<T extends BillTerms>(bills: readonly T[]): T[] {
  return [...bills].sort((a, b) => a.month.localeCompare(b.month) || a.id.localeCompare(b.id));
}

/** A stable key of a set of bill ids (order-independent): reuse compares it, attach carries part of it. */
export function billSetKey(billIds: readonly string[]): string {
  return createHash('sha256')
    .update([...billIds].sort().join(','))
    .digest('hex');
}

const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/**
 * What the payer sees on the payment sheet and in WeChat's bill list: `党费 2026年12月`, a span
 * `党费 2026年10月—2026年12月`, or the kind when it is not monthly dues (特殊党费, 自愿多缴党费).
 */
export function orderDescription(bills: readonly BillTerms[]): string {
  const sorted = sortBills(bills);
  const kinds = new Set(sorted.map((b) => b.kind));
  const label =
    kinds.size === 1 && kinds.has('special')
      ? '特殊党费'
      : kinds.size === 1 && kinds.has('voluntary')
        ? '自愿多缴党费'
        : '党费';
  const first = sorted[0].month;
  const last = sorted[sorted.length - 1].month;
  return first === last ? `${label} ${monthText(first)}` : `${label} ${monthText(first)}—${monthText(last)}`;
}

/**
 * attach (≤ 128 characters, echoed by WeChat Pay in the notification and the query): the member, the
 * number of bills and the first 24 hex digits of the bill set's key — enough to tell a notification
 * that belongs to another bill set from this order's, without sending bill ids out.
 */
export function orderAttach(memberId: string, billIds: readonly string[]): string {
  return `dues|${memberId}|${billIds.length}|${billSetKey(billIds).slice(0, 24)}`;
}
