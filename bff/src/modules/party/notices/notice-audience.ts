import type { PartyNotice } from './party-notice.entity';

/** The paths a notice addressed to a subtree may carry for a member of `orgPath` (its ancestors and itself). */
export function ancestorPaths(orgPath: string): string[] {
  const parts = orgPath.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** Whether a member of the organisation (`orgId`, `orgPath`) is addressed by the notice. */
export function addresses(
  notice: Pick<PartyNotice, 'audience' | 'targetOrgId' | 'targetPath'>,
  orgId: string,
  orgPath: string,
): boolean {
  if (notice.audience === 'all') return true;
  if (notice.audience === 'org') return notice.targetOrgId === orgId;
  return !!notice.targetPath && orgPath.startsWith(notice.targetPath);
}
