import type { HouseholdVO } from '@zhili/shared';

/**
 * How a household is named on screen: by its head (张三 户); without one, by where it lives
 * (未指定户主的户（幸福村12号）), never as "（未指定户主） 户".
 */
export function householdTitle(h: Pick<HouseholdVO, 'headName' | 'address' | 'code'>): string {
  if (h.headName) return `${h.headName} 户`;
  const where = h.address || (h.code ? `户编号 ${h.code}` : '');
  return where ? `未指定户主的户（${where}）` : '未指定户主的户';
}

/** A count for a tab badge: the real number (el-badge caps numbers at 99+), '…' while loading. */
export function badgeCount(n: number | null): string {
  return n === null ? '…' : String(n);
}
