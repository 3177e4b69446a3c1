/**
 * SLA countdown shown in the inbox and on the detail page: wall-clock time left to `dueAt` (the
 * deadline itself is computed in working hours by the BFF; the countdown does not need to be).
 */
import { isCaseOpen, type CaseListItemVO } from '@zhili/shared';

export type SlaTone = 'ok' | 'warn' | 'overdue' | 'done' | 'late' | 'none';

export interface SlaView {
  text: string;
  tone: SlaTone;
}

const MINUTE = 60_000;

/** `3天2小时`, `3小时12分`, `2小时`, `45分`, `不足1分`. */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes < 1) return '不足1分';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分` : `${hours}小时`;
  return `${mins}分`;
}

/** Fraction of the span left under which the countdown turns orange. */
export const SLA_WARN_FRACTION = 0.25;

type SlaInput = Pick<CaseListItemVO, 'status' | 'dueAt' | 'createdAt' | 'overdue'>;

/** What the countdown shows for a case at `now` (epoch ms). */
export function slaView(item: SlaInput, now: number): SlaView {
  if (!item.dueAt) return { text: '—', tone: 'none' };
  if (!isCaseOpen(item.status)) {
    if (item.status === 'resolved' || item.status === 'closed') {
      return item.overdue ? { text: '超时办结', tone: 'late' } : { text: '按时办结', tone: 'done' };
    }
    return { text: '—', tone: 'none' };
  }
  const due = Date.parse(item.dueAt);
  const remaining = due - now;
  if (remaining <= 0 || item.overdue) return { text: `已超时 ${formatSpan(Math.min(remaining, 0))}`, tone: 'overdue' };
  const span = due - Date.parse(item.createdAt);
  const tone: SlaTone = span > 0 && remaining / span < SLA_WARN_FRACTION ? 'warn' : 'ok';
  return { text: `剩余 ${formatSpan(remaining)}`, tone };
}
