import { roleLabels, type RegionCounts } from '@zhili/shared';

/** Subtree counts in display order. */
export const countLabels: { key: keyof RegionCounts; label: string; unit: string }[] = [
  { key: 'persons', label: '人口', unit: '人' },
  { key: 'households', label: '户数', unit: '户' },
  { key: 'houses', label: '房屋', unit: '间' },
  { key: 'businesses', label: '经营单位', unit: '家' },
];

/** Staff and grid roles as shown next to a responsible worker (unknown roles as they come). */
export function workerRoleLabel(role: string): string {
  return (roleLabels as Record<string, string | undefined>)[role] ?? role;
}
