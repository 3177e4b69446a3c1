import { caseOutcomeLabels, caseStatusLabels, openCaseStatuses } from '@zhili/shared';
import type { CaseStatus } from '@zhili/shared';

export type Open311Status = 'open' | 'closed';

/**
 * Our statuses seen from outside. The spec's `closed` means "it has been resolved", so `resolved`
 * (fixed, waiting only for the reporter's rating) is closed too; if the reporter disputes it, the
 * case becomes `disputed` and is open again. closed / rejected / merged are closed; every other
 * status is open. `pending_review` (held by content security) is never shown at all.
 */
export function open311StatusOf(status: CaseStatus): Open311Status {
  return openCaseStatuses.includes(status) ? 'open' : 'closed';
}

/** Statuses selected by a `status=open|closed` filter (never pending_review). */
export function caseStatusesFor(status: Open311Status): CaseStatus[] {
  const closed: CaseStatus[] = ['resolved', 'closed', 'rejected', 'merged'];
  if (status === 'closed') return closed;
  return openCaseStatuses.filter((s) => s !== 'pending_review');
}

export interface StatusNoteFacts {
  status: CaseStatus;
  outcome: keyof typeof caseOutcomeLabels | null;
  rejectReason: string | null;
  resolution: string | null;
  mergedIntoNo: string | null;
}

/**
 * `status_notes`: our status label, plus the public part of why it is so — the rejection reason or
 * the resolution, both written by staff for the reporter (publishable cases only). Internal reasons
 * (transfer, return, escalation notes between staff) are not published.
 */
export function statusNotesOf(facts: StatusNoteFacts, withStaffText = true): string {
  // Cases that are not publishable (non-public category, anonymous report) get no free text at all:
  // a resolution of a 邻里纠纷 names the neighbours.
  const f = withStaffText ? facts : { ...facts, rejectReason: null, resolution: null };
  const label = caseStatusLabels[f.status];
  if (f.status === 'rejected' && f.rejectReason) return `${label}：${f.rejectReason}`;
  if (f.status === 'merged') return f.mergedIntoNo ? `${label}：与工单 ${f.mergedIntoNo} 重复` : label;
  if (f.status === 'resolved' && f.resolution) return `${label}：${f.resolution}`;
  if (f.status === 'closed') {
    const outcome = f.outcome ? `（${caseOutcomeLabels[f.outcome]}）` : '';
    return f.resolution ? `${label}${outcome}：${f.resolution}` : `${label}${outcome}`;
  }
  return label;
}
