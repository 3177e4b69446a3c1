/**
 * SLA countdown shown in the inbox and on the detail page. Whether a case is late or nearly late is
 * the BFF's `slaState` (the shared rule `caseSlaState`, computed once per case — the same rule as the
 * 只看超时 filter and the map's red); only the wall-clock span to `dueAt` is worked out here.
 */
import { finishedLate, type CaseListItemVO } from '@zhili/shared';

export type SlaTone = 'ok' | 'warn' | 'overdue' | 'done' | 'late' | 'none';

export interface SlaView {
  text: string;
  tone: SlaTone;
  /**
   * The state in words (按时 / 即将超时 / 已超时 …), so it never rests on the colour alone: read out
   * before the time by screen readers and shown as the countdown's tooltip.
   */
  state: string;
}

/** The words of each tone (the colour's meaning, for whoever cannot tell the colours apart). */
export const slaStateWords: Record<SlaTone, string> = {
  ok: '按时',
  warn: '即将超时',
  overdue: '已超时',
  done: '按时办结',
  late: '超时办结',
  none: '无时限',
};

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

export type SlaInput = Pick<CaseListItemVO, 'status' | 'dueAt' | 'resolvedAt' | 'slaState'>;

/** What the countdown shows for a case at `now` (epoch ms); the colour is the BFF's verdict. */
export function slaView(item: SlaInput, now: number): SlaView {
  const view = (text: string, tone: SlaTone): SlaView => ({ text, tone, state: slaStateWords[tone] });
  if (item.slaState === 'done') {
    if (item.status !== 'resolved' && item.status !== 'closed') return view('—', 'none');
    if (!item.dueAt) return { ...view('已办结', 'done'), state: '已办结' };
    return finishedLate(item) ? view('超时办结', 'late') : view('按时办结', 'done');
  }
  if (!item.dueAt) return view('—', 'none');
  const remaining = Date.parse(item.dueAt) - now;
  if (item.slaState === 'overdue') return view(remaining < 0 ? `已超时 ${formatSpan(remaining)}` : '已超时', 'overdue');
  const tone: SlaTone = item.slaState === 'warning' ? 'warn' : 'ok';
  // The deadline may pass on screen between two loads: say so, keep the BFF's colour until it reloads.
  return view(remaining > 0 ? `剩余 ${formatSpan(remaining)}` : '已到期', tone);
}
