/**
 * Honest study progress for the online party school (网上党校): the rule the BFF applies to every client
 * heartbeat while a video plays or a document/article page is visible, and the split of study time into
 * Beijing calendar days.
 *
 * Principles:
 * - Only the server clock (`now`, epoch ms) measures time. A heartbeat's credit is at most the server time
 *   elapsed since the previous heartbeat of the same lesson, capped at one heartbeat interval plus a small
 *   tolerance; a heartbeat after a pause longer than `maxGapMs` starts a new span and credits nothing for
 *   the pause. Client timestamps are never read, so a client clock hours off changes nothing.
 * - A video's furthest credited point advances at most as fast as credited time; a position beyond it
 *   (plus the tolerance) is a seek past unwatched parts and is not credited. Rewatching earlier parts is
 *   study time but does not move the furthest point.
 * - A member studies one lesson at a time: the member's session names the active lesson; heartbeats of
 *   another lesson credit nothing while it is live, and a member's credited spans never overlap (the
 *   session remembers up to when the member has been credited).
 * - Sequence numbers strictly increase over the life of a member × lesson progress (the BFF hands out
 *   `nextHeartbeatSeq`); a duplicate or older one credits nothing. This catches retries and replays;
 *   the wall-clock bound above is what makes forged heartbeats worthless.
 * - A lesson is complete when its credited time reaches the required time (video: duration × a
 *   configurable fraction, and the furthest point too; document/article: the minimum reading time).
 *
 * All durations and positions are integer milliseconds; instants are epoch milliseconds.
 */
import { nextShanghaiMidnightMs, shanghaiDate } from './work-calendar';

export type LessonKind = 'video' | 'document' | 'article';

export const lessonKindLabels: Record<LessonKind, string> = { video: '视频', document: '文档', article: '文章' };

/** What the rules need to know about a lesson. */
export type StudyLesson =
  | { id: string; kind: 'video'; durationMs: number }
  | { id: string; kind: 'document' | 'article'; minReadingMs: number };

export interface StudyRules {
  /** How often the client sends a heartbeat while studying. */
  heartbeatIntervalMs: number;
  /** Network jitter and player granularity allowed: on top of the interval, and ahead of the furthest point. */
  toleranceMs: number;
  /** A heartbeat later than this after the previous one starts a new span (the pause credits nothing). */
  maxGapMs: number;
  /** Share of a video's duration (per mille) that must be watched for the lesson to be complete. */
  videoRequiredPermille: number;
}

export const defaultStudyRules: StudyRules = {
  heartbeatIntervalMs: 15_000,
  toleranceMs: 5_000,
  maxGapMs: 60_000,
  videoRequiredPermille: 900,
};

/** Progress of one member in one lesson, as the BFF stores it. */
export interface LessonProgress {
  /** All study time credited in this lesson (rewatching included). */
  creditedMs: number;
  /** Video: the furthest point reached at wall-clock speed; documents and articles: always 0. */
  furthestMs: number;
  /**
   * Where to resume. Video: milliseconds into the video (never beyond `furthestMs` before completion);
   * document/article: the reader's place (page or scroll position) as the client reported it.
   */
  position: number;
  /** Highest sequence number seen; the next heartbeat must carry a higher one. */
  lastSeq: number;
  /** Server time of the last heartbeat of the open span, or null when no span is open. */
  lastHeartbeatAt: number | null;
  /** Server time at which the lesson became complete. */
  completedAt: number | null;
}

export const emptyLessonProgress: LessonProgress = {
  creditedMs: 0,
  furthestMs: 0,
  position: 0,
  lastSeq: 0,
  lastHeartbeatAt: null,
  completedAt: null,
};

/** Per member: which lesson currently counts, and up to when the member has been credited. */
export interface StudySession {
  lessonId: string | null;
  /** Server time of the active lesson's last heartbeat. */
  lastAt: number | null;
  /** Server time up to which the member has been credited for any lesson. */
  creditedUntil: number | null;
}

export const emptyStudySession: StudySession = { lessonId: null, lastAt: null, creditedUntil: null };

/**
 * A client heartbeat. `start`: the player started or the page became visible (credits nothing, takes the
 * member's session); `beat`: still studying; `stop`: paused or hidden (credits up to now, frees the
 * session). Whatever client clock the request carries is ignored.
 */
export interface StudyHeartbeat {
  kind: 'start' | 'beat' | 'stop';
  seq: number;
  /** Video: milliseconds into the video; document/article: the reader's place, kept for resume only. */
  position: number;
}

export interface StudyRefusal {
  code: string;
  message: string;
}

/** Credited study time between two server instants, for `studyMsByDay`. */
export interface StudySpan {
  lessonId: string;
  fromAt: number;
  toAt: number;
}

export interface HeartbeatOutcome {
  progress: LessonProgress;
  session: StudySession;
  creditedMs: number;
  span: StudySpan | null;
  /** True only on the heartbeat that completed the lesson. */
  completedNow: boolean;
  /** Why nothing (or less than the elapsed time) was credited; null when all is in order. */
  reason: StudyRefusal | null;
}

/** Credited time a lesson needs before it is complete. */
export function requiredStudyMs(lesson: StudyLesson, rules: StudyRules = defaultStudyRules): number {
  if (lesson.kind === 'video') return Math.ceil((lesson.durationMs * rules.videoRequiredPermille) / 1000);
  return lesson.minReadingMs;
}

/** The sequence number the client must start from when it opens the lesson. */
export function nextHeartbeatSeq(progress: LessonProgress): number {
  return progress.lastSeq + 1;
}

/** Study progress in per mille (0–1000) for display; a complete lesson is 1000. */
export function lessonProgressPermille(
  lesson: StudyLesson,
  progress: LessonProgress,
  rules: StudyRules = defaultStudyRules,
): number {
  if (progress.completedAt !== null) return 1000;
  const required = requiredStudyMs(lesson, rules);
  if (required <= 0) return 0;
  const done = lesson.kind === 'video' ? Math.min(progress.creditedMs, progress.furthestMs) : progress.creditedMs;
  return Math.min(999, Math.floor((done * 1000) / required));
}

const formatMinSec = (ms: number): string => {
  const total = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
};

export const studyRefusals = {
  replayed: { code: 'STUDY_HEARTBEAT_REPLAYED', message: '重复或过期的学习记录，未计入学习时长' },
  otherLesson: { code: 'STUDY_OTHER_LESSON_ACTIVE', message: '您正在学习其他课程，同一时间只计入一门课程的学习时长' },
  newSpan: { code: 'STUDY_PAUSED', message: '学习中断时间较长，中断期间不计入学习时长' },
  late: { code: 'STUDY_HEARTBEAT_LATE', message: '学习记录间隔过长，仅计入一个记录周期的学习时长' },
  seekAhead: (furthestMs: number): StudyRefusal => ({
    code: 'STUDY_SEEK_AHEAD',
    message: `不能跳过未观看的部分，请从 ${formatMinSec(furthestMs)} 处继续观看`,
  }),
} as const;

const max = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * Apply one heartbeat received at server time `now`. Returns the new progress and session (store both)
 * and the time credited, possibly 0 with a reason. A refused heartbeat still moves the span's start to
 * `now` where that prevents the refused time from being credited later.
 */
export function acceptHeartbeat(
  state: { lesson: StudyLesson; progress: LessonProgress; session: StudySession },
  heartbeat: StudyHeartbeat,
  now: number,
  rules: StudyRules = defaultStudyRules,
): HeartbeatOutcome {
  const { lesson, progress, session } = state;
  const nothing = (reason: StudyRefusal | null, p: LessonProgress, s: StudySession): HeartbeatOutcome => ({
    progress: p,
    session: s,
    creditedMs: 0,
    span: null,
    completedNow: false,
    reason,
  });

  // Duplicates, retries and replays: nothing changes.
  if (heartbeat.seq <= progress.lastSeq) return nothing(studyRefusals.replayed, progress, session);
  if (progress.lastHeartbeatAt !== null && now <= progress.lastHeartbeatAt) {
    return nothing(studyRefusals.replayed, progress, session);
  }

  const isVideo = lesson.kind === 'video';
  const complete = progress.completedAt !== null;
  const clampPosition = (position: number): number =>
    isVideo ? Math.min(Math.max(0, position), lesson.durationMs) : Math.max(0, position);
  const reported = clampPosition(heartbeat.position);
  const otherLive =
    session.lessonId !== null &&
    session.lessonId !== lesson.id &&
    session.lastAt !== null &&
    now - session.lastAt <= rules.maxGapMs;

  // The video position a member may resume at without having watched beyond the furthest point.
  const resumeAt = (position: number): number =>
    isVideo && !complete ? Math.min(position, progress.furthestMs) : position;

  if (heartbeat.kind === 'start') {
    // Starting (or returning to) a lesson credits nothing and makes it the member's lesson.
    return nothing(
      null,
      { ...progress, lastSeq: heartbeat.seq, lastHeartbeatAt: now, position: resumeAt(reported) },
      { ...session, lessonId: lesson.id, lastAt: now },
    );
  }

  if (otherLive) {
    // Another lesson counts right now: nothing for this one, and its span restarts at now.
    return nothing(
      studyRefusals.otherLesson,
      { ...progress, lastSeq: heartbeat.seq, lastHeartbeatAt: heartbeat.kind === 'stop' ? null : now },
      session,
    );
  }

  const sessionAfter: StudySession =
    heartbeat.kind === 'stop'
      ? { lessonId: null, lastAt: null, creditedUntil: session.creditedUntil }
      : { ...session, lessonId: lesson.id, lastAt: now };
  const anchorAfter = heartbeat.kind === 'stop' ? null : now;

  if (progress.lastHeartbeatAt === null) {
    // First heartbeat of a span (no `start` was received): it opens the span.
    return nothing(
      null,
      { ...progress, lastSeq: heartbeat.seq, lastHeartbeatAt: anchorAfter, position: resumeAt(reported) },
      sessionAfter,
    );
  }

  const gap = now - progress.lastHeartbeatAt;
  if (gap > rules.maxGapMs) {
    return nothing(
      studyRefusals.newSpan,
      { ...progress, lastSeq: heartbeat.seq, lastHeartbeatAt: anchorAfter, position: resumeAt(reported) },
      sessionAfter,
    );
  }

  // Credit only server time, never before the member's last credited instant, at most one interval.
  const from = max(progress.lastHeartbeatAt, session.creditedUntil) ?? progress.lastHeartbeatAt;
  const elapsed = Math.max(0, now - from);
  const cap = rules.heartbeatIntervalMs + rules.toleranceMs;
  let credit = Math.min(elapsed, cap);
  let reason: StudyRefusal | null = elapsed > cap ? studyRefusals.late : null;

  let furthestMs = progress.furthestMs;
  let position = reported;
  if (isVideo && !complete) {
    if (reported > progress.furthestMs + credit + rules.toleranceMs) {
      // Seeking (or fast-forwarding) past unwatched parts: not credited, resume at the furthest point.
      credit = 0;
      reason = studyRefusals.seekAhead(progress.furthestMs);
      position = progress.furthestMs;
    } else {
      furthestMs = Math.max(progress.furthestMs, Math.min(reported, progress.furthestMs + credit));
      position = Math.min(reported, furthestMs);
    }
  } else if (isVideo) {
    furthestMs = Math.max(progress.furthestMs, reported);
  }

  const creditedMs = progress.creditedMs + credit;
  const required = requiredStudyMs(lesson, rules);
  const reached = creditedMs >= required && (!isVideo || furthestMs >= required);
  const completedNow = !complete && reached;
  return {
    progress: {
      creditedMs,
      furthestMs,
      position,
      lastSeq: heartbeat.seq,
      lastHeartbeatAt: anchorAfter,
      completedAt: completedNow ? now : progress.completedAt,
    },
    session: credit > 0 ? { ...sessionAfter, creditedUntil: now } : sessionAfter,
    creditedMs: credit,
    span: credit > 0 ? { lessonId: lesson.id, fromAt: now - credit, toAt: now } : null,
    completedNow,
    reason,
  };
}

/**
 * One member's credited study time per Beijing calendar day, ascending by date. A span across midnight
 * is split at midnight; overlapping spans (which `acceptHeartbeat` never produces for one member) count
 * their common time once, so no day exceeds 24 hours — so pass one member's spans, never several members'.
 */
export function studyMsByDay(spans: readonly Pick<StudySpan, 'fromAt' | 'toAt'>[]): { date: string; ms: number }[] {
  const sorted = spans.filter((s) => s.toAt > s.fromAt).sort((a, b) => a.fromAt - b.fromAt);
  const merged: { fromAt: number; toAt: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.fromAt <= last.toAt) last.toAt = Math.max(last.toAt, s.toAt);
    else merged.push({ fromAt: s.fromAt, toAt: s.toAt });
  }
  const byDay = new Map<string, number>();
  for (const { fromAt, toAt } of merged) {
    let at = fromAt;
    while (at < toAt) {
      const end = Math.min(toAt, nextShanghaiMidnightMs(at));
      const date = shanghaiDate(at);
      byDay.set(date, (byDay.get(date) ?? 0) + end - at);
      at = end;
    }
  }
  return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, ms]) => ({ date, ms }));
}
