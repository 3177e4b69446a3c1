/** Display helpers of the grid pages (times are shown in China Standard Time, UTC+8, no DST). */

import type { VisitDueCounts } from '@zhili/shared';

const CST_OFFSET_MS = 8 * 3600_000;

/** `2026-11-22T02:00:00Z` → `2026-11-22 10:00`. */
export function formatDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + CST_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/** `2026-11-22T02:00:00Z` → `2026-11-22`. */
export function formatDate(iso: string): string {
  return new Date(new Date(iso).getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in China as YYYY-MM-DD (the default of the visit date picker). */
export function todayCst(now: Date = new Date()): string {
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The instant to send for a visit on `day` (YYYY-MM-DD, China): now when it is today, otherwise noon
 * of that day — the BFF refuses future times, and noon keeps the date stable in any display zone.
 */
export function visitInstant(day: string, now: Date = new Date()): string {
  if (day === todayCst(now)) return now.toISOString();
  return new Date(`${day}T12:00:00+08:00`).toISOString();
}

/**
 * The 走访待办 row: the BFF's `total` (the length of the due list the row opens), never a sum made
 * here — the page once added overdue + due and said "0 项待走访" next to "即将到期 2".
 */
export function visitsToDoText(counts: VisitDueCounts): string {
  if (counts.total === 0) return '暂无待走访';
  return counts.overdue > 0 ? `${counts.total} 项待走访（${counts.overdue} 项逾期）` : `${counts.total} 项待走访`;
}
