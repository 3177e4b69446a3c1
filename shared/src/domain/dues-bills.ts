import { duesComputation, duesKindNeedsIncome, type DuesKind } from './party-dues';

/**
 * Rules of party dues bills (党费账单, issue #16) that the BFF applies and the clients only display:
 * a month's due day, month arithmetic, "paid on time", the arrears streak with its 6-month flag (the 2008
 * rules: a member who has not paid for six months in a row without good reason is reviewed as having left
 * the party, 自行脱党), when a reminder is due, and which yearly dues base applies to a month.
 *
 * Months are `YYYY-MM`, days `YYYY-MM-DD`, both Beijing calendar (Asia/Shanghai, UTC+8, no daylight saving).
 */

/** Kinds of bill: the month's dues, special dues (特殊党费), a voluntary extra. */
export const DuesBillKind = { Monthly: 'monthly', Special: 'special', Voluntary: 'voluntary' } as const;
export type DuesBillKind = (typeof DuesBillKind)[keyof typeof DuesBillKind];
export const duesBillKindLabels: Record<DuesBillKind, string> = {
  monthly: '月度党费',
  special: '特殊党费',
  voluntary: '自愿多交',
};

export const DuesBillStatus = { Unpaid: 'unpaid', Paid: 'paid', Waived: 'waived', Refunded: 'refunded' } as const;
export type DuesBillStatus = (typeof DuesBillStatus)[keyof typeof DuesBillStatus];
export const duesBillStatusLabels: Record<DuesBillStatus, string> = {
  unpaid: '未缴',
  paid: '已缴',
  waived: '已减免',
  refunded: '已退款',
};

export const DuesPaidVia = { Wechat: 'wechat', Cash: 'cash', Proxy: 'proxy' } as const;
export type DuesPaidVia = (typeof DuesPaidVia)[keyof typeof DuesPaidVia];
export const duesPaidViaLabels: Record<DuesPaidVia, string> = { wechat: '微信支付', cash: '现金', proxy: '代缴' };

/** Limits shared by the forms and the BFF. */
export const duesLimits = {
  /** A special-dues title (抗洪救灾特殊党费). */
  titleMax: 100,
  /** Notes, reasons, payer names: the bill's note column holds 200 characters. */
  noteMax: 200,
  payerNameMax: 20,
  /** One special or voluntary bill: ¥0.01 – ¥100,000. */
  amountMinFen: 1,
  amountMaxFen: 10_000_000,
  /** A declared monthly income: up to ¥10,000,000. */
  incomeMaxFen: 1_000_000_000,
  /** Members one special-dues call may name. */
  specialMembersMax: 2000,
  /** Months a member may prepay ahead (next month on). */
  prepayMonthsMax: 12,
} as const;

/** Unpaid months in a row at which a member is flagged for the secretary (自行脱党 review). */
export const ARREARS_FLAG_STREAK = 6;
/** Streaks that get a reminder: after three months, before the flag. */
export const ARREARS_REMIND_STREAKS = [3, 4, 5] as const;
/** At most one reminder per member in this many days. */
export const DUES_REMINDER_INTERVAL_DAYS = 7;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a month `YYYY-MM`. */
export function isDuesMonth(value: string): boolean {
  return MONTH_RE.test(value);
}

function parseMonth(month: string): { year: number; month: number } {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`not a month YYYY-MM: ${month}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** `month` plus `n` months (negative: earlier): addMonths('2026-12', 1) = '2027-01'. */
export function addMonths(month: string, n: number): string {
  const p = parseMonth(month);
  const index = p.year * 12 + (p.month - 1) + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to` (positive when `to` is later). */
export function monthDiff(from: string, to: string): number {
  const a = parseMonth(from);
  const b = parseMonth(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** The day a month's dues are due: the month's last day. */
export function billDueOn(month: string): string {
  const p = parseMonth(month);
  const lastDay = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return `${month}-${String(lastDay).padStart(2, '0')}`;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day of an instant. */
export function beijingDay(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a time: ${String(at)}`);
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Beijing month of an instant. */
export function beijingMonth(at: Date | string): string {
  return beijingDay(at).slice(0, 7);
}

/** Paid on time: the payment's Beijing day is on or before the bill's due day. */
export function paidOnTime(paidAt: string | null, dueOn: string): boolean {
  return paidAt !== null && beijingDay(paidAt) <= dueOn;
}

/** A monthly bill as the arrears rules read it. */
export interface StreakBill {
  month: string;
  status: DuesBillStatus | string;
}

export interface ArrearsState {
  /** Overdue months in a row, counted back from last month (a waived month is skipped, not counted). */
  streak: number;
  /** Every overdue unpaid month, oldest first (also those before a paid one). */
  unpaidMonths: string[];
  flagged: boolean;
  reminderDue: boolean;
}

/**
 * The arrears of one member from their monthly bills, at Beijing month `currentMonth`. The current
 * month is not overdue yet (due on its last day), so counting starts at the month before. Walking back:
 * an unpaid (or refunded: the money went back) month counts, a waived month is skipped — a waiver is the
 * rules' "good reason" — and a paid month or a month without a bill (not a member yet, no base) ends the
 * streak.
 */
export function arrearsOf(bills: readonly StreakBill[], currentMonth: string): ArrearsState {
  const byMonth = new Map<string, string>();
  for (const b of bills) byMonth.set(b.month, b.status);
  let streak = 0;
  for (let month = addMonths(currentMonth, -1); ; month = addMonths(month, -1)) {
    const status = byMonth.get(month);
    if (status === 'waived') continue;
    if (status === 'unpaid' || status === 'refunded') {
      streak += 1;
      continue;
    }
    break;
  }
  const unpaidMonths = bills
    .filter((b) => b.month < currentMonth && (b.status === 'unpaid' || b.status === 'refunded'))
    .map((b) => b.month)
    .sort();
  return { streak, unpaidMonths, flagged: isArrearsFlagged(streak), reminderDue: isReminderDue(streak) };
}

/** Six or more unpaid months in a row: flagged for the secretary. */
export function isArrearsFlagged(streak: number): boolean {
  return streak >= ARREARS_FLAG_STREAK;
}

/** Three to five unpaid months in a row: remind before the flag. */
export function isReminderDue(streak: number): boolean {
  return (ARREARS_REMIND_STREAKS as readonly number[]).includes(streak);
}

/** When the next reminder to a member is allowed after one sent at `lastSentAt` (ISO), or null if now. */
export function nextReminderAllowedAt(lastSentAt: string | null, now: Date): string | null {
  if (lastSentAt === null) return null;
  const next = Date.parse(lastSentAt) + DUES_REMINDER_INTERVAL_DAYS * 86_400_000;
  return next > now.getTime() ? new Date(next).toISOString() : null;
}

/** A yearly base as the month rule reads it. */
export interface YearDeclaration {
  year: number;
}

export interface AppliedDeclaration<D extends YearDeclaration> {
  declaration: D;
  /** The base is from an earlier year: the member (or branch) must re-declare for the month's year. */
  needsRedeclaration: boolean;
}

/**
 * The base that applies to a month: that year's; for a year without one (January re-declaration not
 * done yet), the latest earlier year's, marked as needing re-declaration; null when there is none.
 */
export function declarationForMonth<D extends YearDeclaration>(
  declarations: readonly D[],
  month: string,
): AppliedDeclaration<D> | null {
  const year = parseMonth(month).year;
  let best: D | null = null;
  for (const d of declarations) {
    if (d.year <= year && (best === null || d.year > best.year)) best = d;
  }
  return best === null ? null : { declaration: best, needsRedeclaration: best.year !== year };
}

/**
 * The income bracket in the rules' words, shown instead of the income in staff lists
 * (e.g. 月税后工资收入3000元以上至5000元（含5000元）); null for kinds without an income.
 */
export function incomeBracketText(kind: DuesKind, incomeFen: number | null): string | null {
  if (!duesKindNeedsIncome(kind) || incomeFen === null) return null;
  const c = duesComputation(kind, incomeFen);
  const base = kind === 'employed' ? '月税后工资收入' : '月离退休费';
  return `${base}${c.bracket?.label ?? ''}`;
}
