import {
  admissionActLabels,
  admissionStageLabels,
  meetingTypeLabels,
  type MyAttendanceState,
  type MyMeetingVO,
  type MyPartyProgressVO,
} from '@zhili/shared/client';

/** Display helpers of the party pages. Times in China Standard Time. Pure. */

const CST_OFFSET_MS = 8 * 3600_000;

/** `2026-11-22T02:00:00Z` → `2026-11-22 10:00`. */
export function formatPartyTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + CST_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/** `2026-11-22T02:00:00Z`…`T03:30:00Z` → `2026-11-22 10:00–11:30` (the end's date when it differs). */
export function formatMeetingSpan(startsAt: string, endsAt: string): string {
  const start = formatPartyTime(startsAt);
  const end = formatPartyTime(endsAt);
  return start.slice(0, 10) === end.slice(0, 10) ? `${start}–${end.slice(11)}` : `${start} 至 ${end}`;
}

export const attendanceLabels: Record<MyAttendanceState, string> = {
  invited: '待参加',
  checked_in: '已签到',
  leave_requested: '请假待审批',
  leave_approved: '已准假',
  leave_refused: '请假未批准',
};

/** What my attendance says in a list row: an ended meeting I never came to is 未签到, not 待参加. */
export function attendanceText(meeting: Pick<MyMeetingVO, 'attendance' | 'phase'>): string {
  if (meeting.phase === 'ended' && (meeting.attendance === 'invited' || meeting.attendance === 'leave_refused'))
    return '未签到';
  return attendanceLabels[meeting.attendance];
}

/** `主题党日：学习党章` — the type names the meeting better than the topic alone. */
export function meetingTitle(meeting: Pick<MyMeetingVO, 'type' | 'topic'>): string {
  return `${meetingTypeLabels[meeting.type]}：${meeting.topic}`;
}

export const phaseLabels: Record<MyMeetingVO['phase'], string> = {
  upcoming: '未开始',
  ongoing: '进行中',
  ended: '已结束',
};

/** The progress card's lines, in words: stage, probation, next step with its dates. */
export function progressLines(p: MyPartyProgressVO): string[] {
  const lines = [`当前阶段：${admissionStageLabels[p.stage]}`];
  if (p.admittedOn) lines.push(`接收为预备党员：${p.admittedOn}`);
  if (p.probationEndsOn) {
    const postponed = p.postponedMonths ? `（已延长 ${p.postponedMonths} 个月）` : '';
    lines.push(`预备期满：${p.probationEndsOn}${postponed}`);
  }
  if (p.next) {
    const when =
      p.nextFrom && p.nextBy
        ? `，${p.nextFrom} 至 ${p.nextBy} 办理`
        : p.nextBy
          ? `，${p.nextBy} 前办理`
          : p.nextFrom
            ? `，${p.nextFrom} 起办理`
            : '';
    lines.push(`下一步：${admissionActLabels[p.next]}${when}`);
  }
  if (p.overdue) lines.push('已超过办理期限，请联系支部书记');
  return lines;
}

/** A badge number: up to 99, then `99+`; nothing for 0. */
export function badgeText(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}

/** The record id from a page's query (`?id=…`), trimmed; null when missing. */
export function pageIdFrom(params: Record<string, string | undefined>): string | null {
  const id = params.id?.trim();
  return id ? decodeURIComponent(id) : null;
}
