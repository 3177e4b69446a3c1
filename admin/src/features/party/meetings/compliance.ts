import { meetingTypeLabels, type MeetingComplianceRowVO, type MeetingType, type PartyOrgVO } from '@zhili/shared';

/** What the compliance card shows for one required meeting type in the period running now. */
export interface CurrentCompliance {
  type: MeetingType;
  typeLabel: string;
  /** 本月 / 本季度 / 本年 */
  periodLabel: string;
  status: MeetingComplianceRowVO['status'];
  /** 已开 1/1, 待开 0/1, 未开 0/1 */
  text: string;
  /** Earlier periods of this year that ended without the meeting. */
  missedEarlier: string[];
}

export const complianceStatusLabels: Record<MeetingComplianceRowVO['status'], string> = {
  held: '已开',
  due: '待开',
  missing: '未开',
};

/** Element Plus tag type per status: held green, still due amber, missed red. */
export const complianceStatusTags: Record<MeetingComplianceRowVO['status'], 'success' | 'warning' | 'danger'> = {
  held: 'success',
  due: 'warning',
  missing: 'danger',
};

/** `2026-11` → 2026年11月, `2026-Q4` → 2026年第4季度, `2026` → 2026年. */
export function periodText(period: string): string {
  const year = period.slice(0, 4);
  if (period.includes('-Q')) return `${year}年第${period.slice(6)}季度`;
  if (period.length === 7) return `${year}年${Number(period.slice(5, 7))}月`;
  return `${year}年`;
}

function currentPeriodLabel(period: string): string {
  if (period.includes('-Q')) return '本季度';
  return period.length === 7 ? '本月' : '本年';
}

/**
 * The BFF's compliance rows (each required type, period by period from 1 January to today) folded
 * into one line per type: the period running now (the type's last row) and the earlier ones missed.
 */
export function currentCompliance(rows: readonly MeetingComplianceRowVO[]): CurrentCompliance[] {
  const byType = new Map<MeetingType, MeetingComplianceRowVO[]>();
  for (const row of rows) byType.set(row.type, [...(byType.get(row.type) ?? []), row]);
  return [...byType.entries()].map(([type, list]) => {
    const now = list.reduce((a, b) => (b.period > a.period ? b : a));
    return {
      type,
      typeLabel: meetingTypeLabels[type],
      periodLabel: currentPeriodLabel(now.period),
      status: now.status,
      text: `${complianceStatusLabels[now.status]} ${now.held}/${now.required}`,
      missedEarlier: list.filter((r) => r !== now && r.status === 'missing').map((r) => periodText(r.period)),
    };
  });
}

/** The branch's headline: what is still owed in the running periods, or that all is in order. */
export function complianceSummary(items: readonly CurrentCompliance[]): string {
  const owed = items.filter((i) => i.status !== 'held').map((i) => `${i.periodLabel}${i.typeLabel}`);
  const missed = items.reduce((n, i) => n + i.missedEarlier.length, 0);
  const parts = [owed.length ? `待开：${owed.join('、')}` : '本期要求的会议均已召开'];
  if (missed) parts.push(`今年此前缺开 ${missed} 次`);
  return parts.join('；');
}

/** At most this many branches get a compliance line at once (one request each). */
export const COMPLIANCE_BRANCHES_MAX = 30;

/**
 * The active branches (党支部) the compliance card covers: those within `rootId` (itself included),
 * else every branch of the caller's tree; in tree order, at most `COMPLIANCE_BRANCHES_MAX`.
 */
export function complianceBranches(orgs: readonly PartyOrgVO[], rootId?: string): PartyOrgVO[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const within = (org: PartyOrgVO): boolean => {
    if (!rootId) return true;
    for (let o: PartyOrgVO | undefined = org; o; o = o.parentId ? byId.get(o.parentId) : undefined)
      if (o.id === rootId) return true;
    return false;
  };
  return orgs
    .filter((o) => o.type === 'branch' && o.status === 'active' && within(o))
    .slice(0, COMPLIANCE_BRANCHES_MAX);
}
