import {
  duesBillKindLabels,
  duesComputation,
  duesKindNeedsIncome,
  duesPaidViaLabels,
  type DuesBillVO,
  type DuesComputation,
  type DuesKind,
} from '@zhili/shared/client';

/**
 * Display helpers of the member's 党费 pages. Money travels as integer fen (分) and becomes yuan only
 * here, as text; typed yuan become fen by string arithmetic, never through a float.
 */

/** 4500 → `¥45.00`, 450000 → `¥4,500.00`. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Largest amount a member types (¥1,000,000.00): the BFF has the real limits and says so if exceeded. */
const MAX_TYPED_FEN = 100_000_000;

/** `'4500'`, `'4,500.5'`, `'4500.05'` → fen; null for anything that is not a plain yuan amount. */
export function fenFromYuan(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_TYPED_FEN ? fen : null;
}

/** `'2026-03'` → `2026年3月`. */
export function monthText(month: string): string {
  const [year, m] = month.split('-');
  return `${year}年${Number(m)}月`;
}

const CST_OFFSET_MS = 8 * 3600_000;

/** An ISO instant as a Beijing time `2026-12-07 10:05`. */
export function beijingTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + CST_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/** The short words of the kind picker (the rules' full names are in duesKindLabels). */
export const duesKindChoices: { value: DuesKind; label: string }[] = [
  { value: 'employed', label: '在职' },
  { value: 'retired', label: '离退休' },
  { value: 'farmer', label: '农民' },
  { value: 'student', label: '学生' },
  { value: 'unemployed', label: '失业' },
  { value: 'subsistence', label: '低保' },
];

/** What the income field is called for a kind that needs one. */
export function incomeLabel(kind: DuesKind): string {
  return kind === 'retired' ? '每月离退休费（元）' : '每月税后工资收入（元）';
}

export const paidViaLabels: Record<string, string> = { wechat: '微信支付', cash: '现金', proxy: '代缴' };

export const billKindLabels: Record<string, string> = {
  monthly: '月度党费',
  special: '特殊党费',
  voluntary: '自愿多交',
};

/**
 * The amount a declaration would give, shown before saving (the BFF computes the real one with the
 * same rule). Null while a needed income is missing or not an amount.
 */
export function duesPreview(kind: DuesKind, incomeText: string, farmerFen?: number): DuesComputation | null {
  if (!duesKindNeedsIncome(kind)) return duesComputation(kind, 0, farmerFen ? { farmerFen } : {});
  const incomeFen = fenFromYuan(incomeText);
  return incomeFen === null ? null : duesComputation(kind, incomeFen);
}

/** A bill's line title: `2026年11月党费`, the special dues' own title, or 自愿多交. */
export function billTitle(bill: Pick<DuesBillVO, 'kind' | 'month' | 'title'>): string {
  if (bill.kind === 'monthly') return `${monthText(bill.month)}党费`;
  if (bill.kind === 'special') return bill.title ? `特殊党费：${bill.title}` : duesBillKindLabels.special;
  return `${duesBillKindLabels.voluntary}（${monthText(bill.month)}）`;
}

/** How a paid bill was paid, with when: `微信支付 · 2026-12-07 10:05`. */
export function paidHow(bill: Pick<DuesBillVO, 'paidVia' | 'paidAt'>): string {
  const via = bill.paidVia ? duesPaidViaLabels[bill.paidVia] : '已缴';
  return bill.paidAt ? `${via} · ${beijingTime(bill.paidAt)}` : via;
}

/** Total of the chosen bills, in fen. */
export function totalFen(bills: { id: string; amountFen: number }[], chosen: ReadonlySet<string>): number {
  return bills.reduce((sum, bill) => (chosen.has(bill.id) ? sum + bill.amountFen : sum), 0);
}
