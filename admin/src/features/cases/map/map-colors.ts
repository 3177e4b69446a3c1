import type { CaseMapPointVO } from '@zhili/shared';
import { caseStatusColors, overdueColor } from '../common/case-labels';

/** Red exactly for the BFF's `overdue` slaState — the cases 只看超时 in the inbox finds (never a finished one). */
export const isOverduePoint = (p: Pick<CaseMapPointVO, 'slaState'>): boolean => p.slaState === 'overdue';

/** Marker colour: red when overdue, else the status colour. */
export function pointColor(p: Pick<CaseMapPointVO, 'status' | 'slaState'>): string {
  return isOverduePoint(p) ? overdueColor : caseStatusColors[p.status];
}

/** Cluster colour: red when any member is overdue, else the colour of its most common status. */
export function clusterColor(members: readonly CaseMapPointVO[]): string {
  if (members.some(isOverduePoint)) return overdueColor;
  const status = dominant(members, (m) => m.status);
  return status ? caseStatusColors[status] : '#1a66c9';
}

/** Bubble radius (px) growing with the member count, bounded. */
export function clusterRadius(count: number): number {
  return Math.min(30, 13 + Math.log2(count) * 3);
}

/** The most frequent value of `pick` among `items` (first seen wins a tie). */
export function dominant<T, K>(items: readonly T[], pick: (item: T) => K): K | undefined {
  const counts = new Map<K, number>();
  let best: K | undefined;
  let bestCount = 0;
  for (const item of items) {
    const k = pick(item);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > bestCount) {
      best = k;
      bestCount = n;
    }
  }
  return best;
}
