/**
 * Organisational life (三会一课, 主题党日, 民主评议) as pure rules: which required meetings a branch has
 * missed in a month or quarter, and whether a member may check in to a meeting now. The BFF enforces
 * them; the portal and the mini-program display what the BFF computed.
 */
import type { LngLat } from '../api/registry';
import { metresPerDegree } from './geo';

export const MeetingType = {
  BranchGeneral: 'branch_general',
  Committee: 'committee',
  Group: 'group',
  Lecture: 'lecture',
  ThemeDay: 'theme_day',
  Appraisal: 'appraisal',
} as const;
export type MeetingType = (typeof MeetingType)[keyof typeof MeetingType];

export const meetingTypeLabels: Record<MeetingType, string> = {
  branch_general: '支部党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  appraisal: '民主评议',
};

export type MeetingCadence = 'month' | 'quarter' | 'year';

export const meetingCadenceLabels: Record<MeetingCadence, string> = { month: '每月', quarter: '每季度', year: '每年' };

/** How often a type of meeting must be held, and how many times per period (one, unless said otherwise). */
export interface MeetingRequirement {
  type: MeetingType;
  cadence: MeetingCadence;
  timesPerPeriod?: number;
}

/**
 * 三会一课 as usually practised: 支部党员大会 and 党课 quarterly, 支委会 and 党小组会 monthly. The portal may
 * configure another table (a branch without groups drops 党小组会).
 */
export const defaultMeetingRequirements: readonly MeetingRequirement[] = [
  { type: 'branch_general', cadence: 'quarter' },
  { type: 'committee', cadence: 'month' },
  { type: 'group', cadence: 'month' },
  { type: 'lecture', cadence: 'quarter' },
];

/** The period a date falls in: `2026-03` (month), `2026-Q1` (quarter), `2026` (year). */
export function meetingPeriodOf(date: string, cadence: MeetingCadence): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (cadence === 'year') return year;
  if (cadence === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${date.slice(5, 7)}`;
}

/** First and last day of a period named by `meetingPeriodOf`. */
export function meetingPeriodBounds(period: string): { first: string; last: string } {
  const year = Number(period.slice(0, 4));
  let firstMonth = 1;
  let months = 12;
  if (period.includes('-Q')) {
    firstMonth = (Number(period.slice(6)) - 1) * 3 + 1;
    months = 3;
  } else if (period.length === 7) {
    firstMonth = Number(period.slice(5, 7));
    months = 1;
  }
  const lastDay = new Date(Date.UTC(year, firstMonth - 1 + months, 0)).getUTCDate();
  const lastMonth = firstMonth + months - 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { first: `${year}-${pad(firstMonth)}-01`, last: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

function nextPeriod(period: string, cadence: MeetingCadence): string {
  const { last } = meetingPeriodBounds(period);
  const next = new Date(`${last}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return meetingPeriodOf(next.toISOString().slice(0, 10), cadence);
}

export type MeetingComplianceStatus = 'held' | 'missing' | 'due';

export interface MeetingComplianceRow {
  type: MeetingType;
  period: string;
  required: number;
  held: number;
  /** held: enough meetings; missing: the period is over without them; due: the period is still running. */
  status: MeetingComplianceStatus;
}

/**
 * For each required type and each period from `from` to `asOf` (inclusive): how many meetings were held
 * and whether the period is complete, missed or still running. `held` lists the meetings of one branch.
 */
export function meetingCompliance(
  requirements: readonly MeetingRequirement[],
  held: ReadonlyArray<{ type: MeetingType; on: string }>,
  from: string,
  asOf: string,
): MeetingComplianceRow[] {
  const rows: MeetingComplianceRow[] = [];
  for (const req of requirements) {
    const required = req.timesPerPeriod ?? 1;
    const counts = new Map<string, number>();
    for (const m of held) {
      if (m.type !== req.type || m.on < from || m.on > asOf) continue;
      const p = meetingPeriodOf(m.on, req.cadence);
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    const lastPeriod = meetingPeriodOf(asOf, req.cadence);
    for (let p = meetingPeriodOf(from, req.cadence); p <= lastPeriod; p = nextPeriod(p, req.cadence)) {
      const n = counts.get(p) ?? 0;
      const over = meetingPeriodBounds(p).last < asOf;
      const status: MeetingComplianceStatus = n >= required ? 'held' : over ? 'missing' : 'due';
      rows.push({ type: req.type, period: p, required, held: n, status });
      if (p === lastPeriod) break;
    }
  }
  return rows;
}

/** When and where a meeting accepts check-ins. Times are epoch milliseconds. */
export interface CheckInWindow {
  startsAt: number;
  endsAt: number;
  /** Check-in opens this many minutes before the start (default 30). */
  opensMinutesBefore?: number;
  /** With a place and a radius, a location check-in must be within the radius (metres). */
  place?: LngLat | null;
  radiusM?: number | null;
}

export const checkInDefaults = { opensMinutesBefore: 30, radiusM: 300 } as const;

export type CheckInAttempt =
  | { method: 'qr'; at: number; invited: boolean; alreadyCheckedIn: boolean }
  | { method: 'location'; at: number; invited: boolean; alreadyCheckedIn: boolean; position: LngLat };

/** Straight-line distance in metres at town scale (local equirectangular projection). */
export function distanceM(a: LngLat, b: LngLat): number {
  const k = metresPerDegree((a[1] + b[1]) / 2);
  return Math.hypot((a[0] - b[0]) * k.x, (a[1] - b[1]) * k.y);
}

/**
 * Why a check-in is refused, or null when it is accepted. The QR code's own validity (signature, the
 * short time box it carries) is checked by the BFF before this rule; here: invitation, the meeting's
 * window, and the radius for a location check-in.
 */
export function checkInRefusal(
  window: CheckInWindow,
  attempt: CheckInAttempt,
): { code: string; message: string } | null {
  if (!attempt.invited) return { code: 'CHECKIN_NOT_INVITED', message: '您不在本次会议的参会名单中' };
  if (attempt.alreadyCheckedIn) return { code: 'CHECKIN_DUPLICATE', message: '您已签到，无需重复签到' };
  const opensBefore = window.opensMinutesBefore ?? checkInDefaults.opensMinutesBefore;
  if (attempt.at < window.startsAt - opensBefore * 60_000) {
    return { code: 'CHECKIN_NOT_OPEN', message: `签到尚未开始，会议开始前 ${opensBefore} 分钟起可签到` };
  }
  if (attempt.at > window.endsAt) return { code: 'CHECKIN_CLOSED', message: '会议已结束，签到已关闭' };
  if (attempt.method === 'location') {
    if (!window.place) return { code: 'CHECKIN_NO_PLACE', message: '本次会议未设置地点，请扫描现场二维码签到' };
    const radius = window.radiusM ?? checkInDefaults.radiusM;
    const d = distanceM(attempt.position, window.place);
    if (d > radius) {
      return { code: 'CHECKIN_TOO_FAR', message: `您距会议地点约 ${Math.round(d)} 米，需在 ${radius} 米内签到` };
    }
  }
  return null;
}
