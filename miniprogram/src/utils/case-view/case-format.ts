import {
  caseEventLabels,
  caseOutcomeLabels,
  type CaseCategoryVO,
  type CaseEventVO,
  type CaseOutcome,
  type CasePhotoVO,
  type CaseSlaState,
  type CaseStatus,
} from '@zhili/shared/client';

/** Display helpers of the case pages (resident and grid worker). Times in China Standard Time. Pure. */

const CST_OFFSET_MS = 8 * 3600_000;

/** `2026-11-22T02:00:00Z` → `2026-11-22 10:00`. */
export function formatCaseTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + CST_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/** 35 → `35米`, 1234 → `1.2公里`. */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.max(0, Math.round(metres))}米`;
  return `${(metres / 1000).toFixed(1)}公里`;
}

/** Colour family of a status chip. */
export type StatusTone = 'waiting' | 'working' | 'done' | 'bad' | 'muted';

export function statusTone(status: CaseStatus, outcome: CaseOutcome | null = null): StatusTone {
  switch (status) {
    case 'resolved':
      return 'done';
    case 'closed':
      return outcome === 'not_fixed' ? 'bad' : outcome === 'withdrawn' ? 'muted' : 'done';
    case 'rejected':
    case 'disputed':
      return 'bad';
    case 'merged':
      return 'muted';
    case 'dispatched':
    case 'processing':
    case 'escalated':
    case 'transferred':
      return 'working';
    default:
      return 'waiting';
  }
}

/** "closed" is not "fixed": the outcome words for a finished case, or null while it is open. */
export function outcomeText(status: CaseStatus, outcome: CaseOutcome | null): string | null {
  if (status !== 'closed' || !outcome) return null;
  return caseOutcomeLabels[outcome];
}

const levelLabels: Record<string, string> = { town: '镇（街道）', city: '市级平台' };

/** The lines worth showing under a timeline event (reason, result, rating…), in reading order. */
export function eventDetails(event: Pick<CaseEventVO, 'data'>): string[] {
  const d = event.data;
  const lines: string[] = [];
  const str = (key: string) => (typeof d[key] === 'string' && d[key] !== '' ? (d[key] as string) : null);
  if (str('assignee')) lines.push(`处理人：${str('assignee')}`);
  if (str('targetRegion'))
    lines.push(`转至：${str('targetRegion')}${str('department') ? `（${str('department')}）` : ''}`);
  if (str('level')) lines.push(`上报至：${levelLabels[str('level') as string] ?? str('level')}`);
  if (str('reason')) lines.push(`原因：${str('reason')}`);
  if (str('result')) lines.push(`处理结果：${str('result')}`);
  if (typeof d.rating === 'number') lines.push(`评分：${'★'.repeat(d.rating)}${'☆'.repeat(Math.max(0, 5 - d.rating))}`);
  if (str('comment')) lines.push(`评价：${str('comment')}`);
  if (str('outcome')) lines.push(`结果：${caseOutcomeLabels[str('outcome') as CaseOutcome] ?? str('outcome')}`);
  if (str('mergedInto')) lines.push(`合并至：${str('mergedInto')}`);
  return lines;
}

export function eventTitle(event: Pick<CaseEventVO, 'type'>): string {
  return caseEventLabels[event.type] ?? event.type;
}

export interface DueCountdown {
  /** e.g. 剩余 3小时20分 / 已超时 1天2小时 / 无时限 */
  text: string;
  /** The BFF's `slaState` is `overdue`. */
  overdue: boolean;
  /** The BFF's `slaState` is `warning` (即将超时) or `overdue`. */
  urgent: boolean;
}

function span(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days}天${hours > 0 ? `${hours}小时` : ''}`;
  if (hours > 0) return `${hours}小时${mins > 0 ? `${mins}分` : ''}`;
  return `${mins}分钟`;
}

/**
 * The deadline as a grid worker reads it. Whether the case is late or nearly late is the BFF's
 * `slaState` (the shared rule, computed once per case); only the wall-clock span is worked out here.
 * Between two loads a deadline may pass on screen: the text then says so without recolouring the row.
 */
export function dueCountdown(dueAt: string | null, now: number, sla: CaseSlaState): DueCountdown {
  const overdue = sla === 'overdue';
  const urgent = overdue || sla === 'warning';
  if (sla === 'done') return { text: '已办结', overdue: false, urgent: false };
  if (!dueAt) return { text: '无时限', overdue, urgent };
  const left = new Date(dueAt).getTime() - now;
  if (overdue) return { text: left < 0 ? `已超时 ${span(-left)}` : '已超时', overdue, urgent };
  return { text: left > 0 ? `剩余 ${span(left)}` : '已到期', overdue, urgent };
}

/**
 * The one line under the category choice of the report form: whether this report will be public
 * (Open311 政务公开). Anonymous reports are never published in full, whatever the category.
 */
export function publicityNote(
  category: Pick<CaseCategoryVO, 'isPublic'> | undefined,
  anonymous: boolean,
): string | null {
  if (!category) return null;
  if (!category.isPublic) return '此类问题不会公开内容，政务公开平台只显示类型、办理状态和大致区域';
  if (anonymous) return '匿名反映不会公开内容和准确位置，政务公开平台只显示类型和办理状态';
  return '此类问题将在政务公开平台公示办理情况（不含您的姓名、联系方式和原话）';
}

/**
 * Proof-of-fix photos: those the case lists as `after`, else the photos of the latest 办结 event
 * (the BFF keeps after-photos on the timeline).
 */
export function afterPhotos(record: { photos: CasePhotoVO[]; events: CaseEventVO[] }): CasePhotoVO[] {
  const listed = record.photos.filter((p) => p.phase === 'after');
  if (listed.length > 0) return listed;
  const resolves = record.events.filter((e) => e.type === 'resolve').sort((a, b) => b.seq - a.seq);
  return resolves[0]?.photos ?? [];
}
