import { addCalendarMonths, addDays, type MeetingType } from '@zhili/shared';
import type { PartyMeeting } from '../modules/party/meetings/party-meeting.entity';
import type { PartyMeetingAttendee } from '../modules/party/meetings/party-meeting-attendee.entity';
import type { PartyNotice } from '../modules/party/notices/party-notice.entity';
import type { PartyNoticeRead } from '../modules/party/notices/party-notice-read.entity';
import { workingTimeOn } from './dates';
import { sanitizeNoticeHtml } from '../modules/party/notices/notice-html';
import { committeeNotices, leaveReasons, meetingMinutes, meetingTopics, themeDayNotice } from './demo-party-texts';
import type { PlannedMember } from './demo-party-people';
import type { Rng } from './prng';

/**
 * Organisational life of the demo branches: 三会一课 and 主题党日 of the last thirteen months (most
 * required meetings held, a few gaps), attendance of about 85 %, and one upcoming 主题党日 tomorrow.
 */

/** The meeting row without what the portal adds later (photos). */
export type PlannedMeeting = Omit<PartyMeeting, 'createdAt' | 'updatedAt' | 'photoIds'>;

export interface LifeBranch {
  id: string;
  path: string;
  name: string;
  place: string;
  center: [number, number] | null;
  host: string;
  /** Member ids of the current committee (支委会 invites them only). */
  committee: ReadonlySet<string>;
  /** Staff account recorded as having scheduled the branch's meetings. */
  actorId: string;
}

/** When in the month each kind of meeting usually happens: day range, start hour and minute, length in minutes. */
const SLOTS: Record<MeetingType, { days: [number, number]; at: [number, number]; minutes: number }> = {
  committee: { days: [3, 8], at: [19, 0], minutes: 90 },
  theme_day: { days: [10, 16], at: [9, 0], minutes: 150 },
  group: { days: [18, 24], at: [19, 0], minutes: 90 },
  branch_general: { days: [20, 26], at: [14, 30], minutes: 120 },
  lecture: { days: [25, 28], at: [14, 30], minutes: 90 },
  appraisal: { days: [15, 20], at: [9, 0], minutes: 180 },
};

/** The types a branch holds in a month: monthly ones, quarterly ones in their month, the appraisal in January. */
function typesOfMonth(rng: Rng, month: number, quarterMonth: number): MeetingType[] {
  const types: MeetingType[] = [];
  if (rng.chance(0.93)) types.push('committee');
  types.push('theme_day'); // 主题党日: a fixed day every month
  if (rng.chance(0.9)) types.push('group');
  const inQuarter = (month - 1) % 3;
  if (inQuarter === quarterMonth && rng.chance(0.95)) types.push('branch_general');
  if (inQuarter === 2 && rng.chance(0.92)) types.push('lecture');
  if (month === 1) types.push('appraisal');
  return types;
}

function invited(m: PlannedMember, orgId: string, day: string): boolean {
  return m.memberships.some((s) => s.orgId === orgId && s.from <= day && (s.until === null || day < s.until));
}

function away(m: PlannedMember, day: string): boolean {
  return m.flows.some((f) => f.from <= day && (f.until === null || day < f.until));
}

export interface LifePlan {
  meetings: PlannedMeeting[];
  attendees: PartyMeetingAttendee[];
}

/**
 * Meetings of each branch from the first day of the month a year before `today`'s month up to
 * yesterday, with their attendance, plus `upcoming` (one branch's 主题党日 tomorrow, nobody checked in).
 */
export function planMeetings(
  rng: Rng,
  today: string,
  branches: readonly LifeBranch[],
  members: readonly PlannedMember[],
  upcomingBranchId: string,
  ids: () => string,
): LifePlan {
  const plan: LifePlan = { meetings: [], attendees: [] };
  const firstMonth = addCalendarMonths(`${today.slice(0, 7)}-01`, -12);
  const meeting = (branch: LifeBranch, type: MeetingType, day: string, topic: string): PlannedMeeting => {
    const slot = SLOTS[type];
    const startsAt = workingTimeOn(day, slot.at[0], slot.at[1]);
    return {
      id: ids(),
      orgId: branch.id,
      orgPath: branch.path,
      type,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + slot.minutes * 60_000).toISOString(),
      heldOn: day,
      place: branch.place,
      lng: branch.center?.[0] ?? null,
      lat: branch.center?.[1] ?? null,
      radiusM: branch.center ? 300 : null,
      host: branch.host,
      topic,
      minutes: null,
      actorId: branch.actorId,
    };
  };
  for (const branch of branches) {
    const quarterMonth = rng.int(0, 2);
    for (let k = 0; k <= 12; k += 1) {
      const monthStart = addCalendarMonths(firstMonth, k);
      const month = Number(monthStart.slice(5, 7));
      for (const type of typesOfMonth(rng, month, quarterMonth)) {
        const slot = SLOTS[type];
        const day = addDays(monthStart, rng.int(slot.days[0], slot.days[1]) - 1);
        if (day >= today) continue;
        const m = meeting(branch, type, day, rng.pick(meetingTopics[type]));
        const expected = members.filter(
          (x) => invited(x, branch.id, day) && (type !== 'committee' || branch.committee.has(x.id)),
        );
        if (expected.length === 0) continue;
        let present = 0;
        for (const x of expected) {
          const row = attendance(rng, m, x, day);
          if (row.status === 'present') present += 1;
          plan.attendees.push(row);
        }
        m.minutes = meetingMinutes(m.topic, expected.length, present);
        plan.meetings.push(m);
      }
    }
    if (branch.id === upcomingBranchId) {
      const tomorrow = addDays(today, 1);
      const m = meeting(branch, 'theme_day', tomorrow, '重温入党誓词，开展志愿服务');
      plan.meetings.push(m);
      for (const x of members.filter((y) => invited(y, branch.id, today))) plan.attendees.push(notYet(m.id, x.id));
    }
  }
  return plan;
}

/** An invitee who has neither checked in nor asked for leave. */
function notYet(meetingId: string, memberId: string): PartyMeetingAttendee {
  return {
    meetingId,
    memberId,
    status: 'absent',
    checkedInAt: null,
    method: null,
    leaveReason: null,
    leaveStatus: null,
  };
}

/** About 85 % check in (a few minutes early, mostly by the host's QR), some ask for leave, the rest miss it. */
function attendance(rng: Rng, m: PlannedMeeting, x: PlannedMember, day: string): PartyMeetingAttendee {
  const row = notYet(m.id, x.id);
  const isAway = away(x, day);
  const r = rng.next();
  if (!isAway && r < 0.86) {
    row.status = 'present';
    row.checkedInAt = new Date(Date.parse(m.startsAt) + rng.int(-25, 8) * 60_000).toISOString();
    row.method = m.lng !== null && rng.chance(0.2) ? 'location' : 'qr';
  } else if (isAway ? r < 0.8 : r < 0.94) {
    row.status = 'leave';
    row.leaveReason = isAway ? '外出流动，已向支部请假' : rng.pick(leaveReasons);
    row.leaveStatus = 'approved';
  }
  return row;
}

export type PlannedNotice = Omit<PartyNotice, 'createdAt' | 'updatedAt'>;

/** Read receipts: older notices read by most of their audience, recent ones by fewer; `unread` by nobody listed. */
function planReads(
  rng: Rng,
  now: Date,
  notices: readonly PlannedNotice[],
  audience: (n: PlannedNotice) => readonly PlannedMember[],
  forced: { memberId: string; unreadNoticeId: string },
): PartyNoticeRead[] {
  const reads: PartyNoticeRead[] = [];
  for (const n of notices) {
    if (!n.publishedAt) continue;
    const published = Date.parse(n.publishedAt);
    const ageDays = (now.getTime() - published) / 86_400_000;
    const share = ageDays > 20 ? 0.8 : ageDays > 5 ? 0.6 : 0.35;
    for (const m of audience(n)) {
      const isForced = m.id === forced.memberId;
      if (isForced ? n.id === forced.unreadNoticeId : !rng.chance(share)) continue;
      const at = Math.min(now.getTime() - 60_000, published + rng.int(10, Math.max(11, ageDays * 1440)) * 60_000);
      reads.push({ noticeId: n.id, memberId: m.id, readAt: new Date(Math.max(at, published)).toISOString() });
    }
  }
  return reads;
}

/** Who publishes a notice: an organisation and the staff account acting for it. */
export interface NoticePublisher {
  id: string;
  path: string;
  name: string;
  actorId: string;
}

export interface NoticesPlan {
  notices: PlannedNotice[];
  reads: PartyNoticeRead[];
}

/**
 * 党务公开: the committee's notices to all members (the first pinned, the last still a draft) and the
 * home branch's notice about tomorrow's 主题党日 at `place`, which `unreadBy` has not opened yet.
 */
export function planNotices(
  rng: Rng,
  ids: () => string,
  today: string,
  now: Date,
  committee: NoticePublisher,
  branch: NoticePublisher & { place: string },
  active: readonly PlannedMember[],
  unreadBy: string,
): NoticesPlan {
  const publishedAt = (daysAgo: number) => workingTimeOn(addDays(today, -daysAgo), 9, 30);
  const daysAgo = [20, 45, 9];
  const notices: PlannedNotice[] = committeeNotices(today.slice(0, 4)).map((n, k) => ({
    id: ids(),
    orgId: committee.id,
    orgPath: committee.path,
    audience: 'all',
    targetOrgId: null,
    targetPath: null,
    title: n.title,
    body: sanitizeNoticeHtml(n.body),
    pinned: k === 0,
    publishedAt: k < daysAgo.length ? publishedAt(daysAgo[k]) : null,
    actorId: committee.actorId,
  }));
  const text = themeDayNotice(branch.name, addDays(today, 1), branch.place);
  const unread: PlannedNotice = {
    id: ids(),
    orgId: branch.id,
    orgPath: branch.path,
    audience: 'org',
    targetOrgId: branch.id,
    targetPath: branch.path,
    title: text.title,
    body: sanitizeNoticeHtml(text.body),
    pinned: false,
    publishedAt: publishedAt(1),
    actorId: branch.actorId,
  };
  notices.push(unread);
  const audience = (n: PlannedNotice) =>
    n.audience === 'all' ? active : active.filter((m) => m.orgId === n.targetOrgId);
  return { notices, reads: planReads(rng, now, notices, audience, { memberId: unreadBy, unreadNoticeId: unread.id }) };
}
