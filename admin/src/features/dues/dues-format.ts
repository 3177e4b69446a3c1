import { duesComputation, duesKindNeedsIncome, type DuesComputation, type DuesKind } from '@zhili/shared';

/**
 * Display helpers of the 党费 pages. Money travels as integer fen (分) and is only turned into yuan
 * text here, at the edge of the screen; amounts typed in yuan are turned back into fen exactly
 * (string arithmetic, never a float multiplication that would make ¥0.29 into 28 fen).
 */

const grouping = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 123456 → "¥1,234.56"; negatives keep their sign in front of ¥ ("-¥0.20"). */
export function yuan(fen: number): string {
  const text = `¥${grouping.format(Math.abs(fen) / 100)}`;
  return fen < 0 ? `-${text}` : text;
}

/**
 * Yuan as typed ("12", "12.3", "12.34", " 1,234.5 ") → fen; null for anything else (letters, three
 * decimals, negative). Used by the amount fields of dialogs, so a wrong entry is refused, not rounded.
 */
export function fenFromYuan(text: string): number | null {
  const clean = text.trim().replace(/,/g, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(clean);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen → the plain yuan text a field starts from ("12.30"); empty for null. */
export const yuanInput = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '' : (fen / 100).toFixed(2);

const beijing = (now: Date): string => new Date(now.getTime() + 8 * 3600_000).toISOString();

/** The current month in Beijing, `YYYY-MM` (bills are per Beijing calendar month). */
export const beijingMonth = (now: Date = new Date()): string => beijing(now).slice(0, 7);

/** Today in Beijing, `YYYY-MM-DD`. */
export const beijingDate = (now: Date = new Date()): string => beijing(now).slice(0, 10);

/** An ISO instant → Beijing "YYYY-MM-DD HH:mm"; "—" when absent. */
export const beijingTime = (iso: string | null | undefined): string =>
  iso ? beijing(new Date(iso)).slice(0, 16).replace('T', ' ') : '—';

/** "2026-12" → "2026年12月". */
export function monthText(month: string): string {
  const [year, mm] = month.split('-');
  return mm ? `${year}年${Number(mm)}月` : month;
}

/** `part` of `whole` as a percentage with one decimal ("87.5%"); "—" when there is nothing to count. */
export function rateText(part: number, whole: number): string {
  if (whole <= 0) return '—';
  return `${(Math.round((part * 1000) / whole) / 10).toFixed(1)}%`;
}

/**
 * The amount a declaration would give, for the edit dialog's preview only (the BFF computes the bill).
 * Null while the income a kind needs is missing or not a valid amount.
 */
export function duesPreview(kind: DuesKind, incomeText: string, farmerFen?: number): DuesComputation | null {
  if (!duesKindNeedsIncome(kind)) return duesComputation(kind, 0, { farmerFen });
  const income = fenFromYuan(incomeText);
  return income === null ? null : duesComputation(kind, income, { farmerFen });
}
