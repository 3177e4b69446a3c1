/**
 * Study points (学习积分) as pure rules. Every point is an immutable ledger entry carrying its reason; the
 * BFF asks `pointsFor` how much an event earns given what the member was already credited that day,
 * appends one entry with the answer (never edits one), and sums and ranks the entries of a period.
 *
 * Points are whole numbers. A "day" is a Beijing calendar day (Asia/Shanghai, UTC+8): a daily cap resets
 * at 00:00 Beijing time, not at 00:00 UTC. Instants are epoch milliseconds.
 */
import { shanghaiDate } from './work-calendar';

export const StudyEventKind = {
  DailyLogin: 'daily_login',
  LessonCompleted: 'lesson_completed',
  ExamPassed: 'exam_passed',
  MeetingAttended: 'meeting_attended',
  SurveyAnswered: 'survey_answered',
} as const;
export type StudyEventKind = (typeof StudyEventKind)[keyof typeof StudyEventKind];

export const studyEventKindLabels: Record<StudyEventKind, string> = {
  daily_login: '每日登录',
  lesson_completed: '完成课程学习',
  exam_passed: '考试合格',
  meeting_attended: '参加组织生活',
  survey_answered: '参与问卷调查',
};

/** One row of the configurable rule table: points per event and at most `dailyCap` points a day (null: no cap). */
export interface PointsRule {
  kind: StudyEventKind;
  points: number;
  dailyCap: number | null;
}

/**
 * The default table (the portal may configure another): a login earns 1 point once a day; a lesson 2
 * points, at most 10 a day (five lessons); a passed exam 5 points, at most 10 a day; a meeting attended
 * 3 points, at most 6 a day; a survey answered 1 point, at most 3 a day.
 */
export const defaultPointsRules: readonly PointsRule[] = [
  { kind: 'daily_login', points: 1, dailyCap: 1 },
  { kind: 'lesson_completed', points: 2, dailyCap: 10 },
  { kind: 'exam_passed', points: 5, dailyCap: 10 },
  { kind: 'meeting_attended', points: 3, dailyCap: 6 },
  { kind: 'survey_answered', points: 1, dailyCap: 3 },
];

/** Why a rule table cannot be saved (Chinese, for the portal), or null. */
export function pointsRulesRefusal(rules: readonly PointsRule[]): string | null {
  const seen = new Set<StudyEventKind>();
  for (const rule of rules) {
    const label = studyEventKindLabels[rule.kind];
    if (seen.has(rule.kind)) return `「${label}」的积分规则重复`;
    seen.add(rule.kind);
    if (!Number.isInteger(rule.points) || rule.points < 1) return `「${label}」每次积分须为正整数`;
    if (rule.dailyCap !== null) {
      if (!Number.isInteger(rule.dailyCap) || rule.dailyCap < 1) return `「${label}」每日上限须为正整数`;
      if (rule.dailyCap < rule.points) return `「${label}」每日上限不能小于每次积分`;
    }
  }
  return null;
}

/** Something a member did that may earn points. `sourceId` names the lesson, exam, meeting… it was about. */
export interface StudyEvent {
  memberId: string;
  kind: StudyEventKind;
  at: number;
  sourceId?: string;
}

/** An immutable ledger entry. `points` may be 0: a capped event is recorded with the reason it earned none. */
export interface PointsEntry {
  memberId: string;
  kind: StudyEventKind;
  points: number;
  at: number;
  sourceId?: string;
  reason: string;
}

export interface PointsDecision {
  points: number;
  /** Chinese, shown to the member next to the entry. */
  reason: string;
  /** True when the daily cap (or a repeat) took some or all of the points away. */
  capped: boolean;
}

/**
 * Points to credit for `event`. `ledgerOfTheDay` is the member's ledger; entries of other members, of
 * other Beijing days or of other kinds are ignored for the cap, so passing a larger slice is harmless.
 * Rules:
 * - no rule for the kind → 0 ("未设置积分规则");
 * - the same `sourceId` already credited for the same kind on that day → 0 (a lesson finished twice
 *   counts once; the BFF also keeps one entry per member, kind and source across days);
 * - the day's credited points of that kind reached the cap → 0; a cap only partly left → the rest
 *   (cap 10, 9 credited, 2 per event → 1).
 */
export function pointsFor(
  event: StudyEvent,
  ledgerOfTheDay: readonly PointsEntry[],
  rules: readonly PointsRule[],
): PointsDecision {
  const label = studyEventKindLabels[event.kind];
  const rule = rules.find((r) => r.kind === event.kind);
  if (!rule) return { points: 0, reason: `${label}：未设置积分规则`, capped: false };
  const day = shanghaiDate(event.at);
  const sameDay = ledgerOfTheDay.filter(
    (e) => e.memberId === event.memberId && e.kind === event.kind && shanghaiDate(e.at) === day,
  );
  if (event.sourceId !== undefined && sameDay.some((e) => e.sourceId === event.sourceId && e.points > 0)) {
    return { points: 0, reason: `${label}：同一内容当日已计分`, capped: true };
  }
  if (rule.dailyCap === null) return { points: rule.points, reason: `${label} +${rule.points}`, capped: false };
  const credited = sameDay.reduce((sum, e) => sum + e.points, 0);
  const left = Math.max(0, rule.dailyCap - credited);
  if (left === 0) return { points: 0, reason: `${label}：已达每日上限 ${rule.dailyCap} 分`, capped: true };
  if (left < rule.points) {
    return { points: left, reason: `${label} +${left}（已达每日上限 ${rule.dailyCap} 分）`, capped: true };
  }
  return { points: rule.points, reason: `${label} +${rule.points}`, capped: false };
}

/** A period of Beijing calendar days, both ends included (`YYYY-MM-DD`). */
export interface PointsPeriod {
  from: string;
  to: string;
}

const byTotalThenMember = (a: { memberId: string; total: number }, b: { memberId: string; total: number }): number =>
  b.total - a.total || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);

/**
 * Each member's total over `period`, largest first (ties by member id). Members listed in `memberIds`
 * without entries appear with 0, so a ranking of a branch shows who has none.
 */
export function pointsTotals(
  entries: readonly PointsEntry[],
  period: PointsPeriod,
  memberIds: readonly string[] = [],
): { memberId: string; total: number }[] {
  const totals = new Map<string, number>(memberIds.map((id) => [id, 0]));
  for (const e of entries) {
    const day = shanghaiDate(e.at);
    if (day < period.from || day > period.to) continue;
    totals.set(e.memberId, (totals.get(e.memberId) ?? 0) + e.points);
  }
  return [...totals.entries()].map(([memberId, total]) => ({ memberId, total })).sort(byTotalThenMember);
}

/**
 * Standard competition ranking (1, 1, 3): equal totals share a rank, and the next rank skips as many
 * places as were shared. Input in any order; output largest first, ties by member id.
 */
export function pointsRanking(
  totals: readonly { memberId: string; total: number }[],
): { memberId: string; total: number; rank: number }[] {
  const sorted = [...totals].sort(byTotalThenMember);
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || row.total !== sorted[i - 1].total) rank = i + 1;
    return { ...row, rank };
  });
}
