import { randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import {
  courseAddresses,
  defaultPointsRules,
  defaultStudyRules,
  pointsFor,
  requiredStudyMs,
  shanghaiDate,
  type PointsEntry as RuleEntry,
} from '@zhili/shared';
import { PartyMemberAccount } from '../modules/party/meetings/party-member-account.entity';
import { PartyMember } from '../modules/party/members/party-member.entity';
import { StudyCourse } from '../modules/study/courses/study-course.entity';
import { StudyLessonEntity, toStudyLesson } from '../modules/study/courses/study-lesson.entity';
import { PointsEntry } from '../modules/study/points/points-entry.entity';
import { StudyDayTotal } from '../modules/study/progress/study-day-total.entity';
import { StudyLessonProgress } from '../modules/study/progress/study-lesson-progress.entity';
import { Rng } from './prng';
import { CHUNK_ROWS } from './writer';

const DEMO_HISTORY_SEED = 20_261_216;
const DAY_MS = 86_400_000;
/** Study history goes back at most this many days (and never before a course opened). */
const HISTORY_DAYS = 20;

export interface DemoStudyHistoryReport {
  /** False when progress existed already, or there are no published courses or members. */
  created: boolean;
  progressRows: number;
  dayTotals: number;
  pointsEntries: number;
}

/** How far a member got in a course: everything, part of it, or nothing yet. */
type Effort = 'done' | 'part' | 'none';

/**
 * Study history for the demo party school: for each published course with lessons and each active
 * member of its audience, progress rows as the heartbeat rules would have left them (a completed
 * lesson credited its required time, a started one part of it), the same time spread over the member's
 * Beijing study days, and a `lesson_completed` points entry per completed lesson decided by
 * `pointsFor` against the ledger the points seed wrote. About half the members finished, a third are
 * part way (some of them behind schedule), the rest have not started: the progress pages, ranking and
 * laggard list are not empty. Members linked to a mini-program account (the demo's 李四) get no
 * history: their study in the demo (and its e2e) starts from nothing, and they show as behind.
 * Runs once: nothing is written when any progress exists.
 */
export async function ensureDemoStudyHistory(
  dataSource: DataSource,
  options: { now?: Date } = {},
): Promise<DemoStudyHistoryReport> {
  const none = { created: false, progressRows: 0, dayTotals: 0, pointsEntries: 0 };
  if ((await dataSource.getRepository(StudyLessonProgress).count()) > 0) return none;
  const courses = await dataSource
    .getRepository(StudyCourse)
    .find({ where: { status: 'published' }, order: { id: 'ASC' } });
  const lessons = courses.length
    ? await dataSource.getRepository(StudyLessonEntity).find({
        where: { courseId: In(courses.map((c) => c.id)) },
        order: { sortOrder: 'ASC', id: 'ASC' },
      })
    : [];
  const members = await dataSource
    .getRepository(PartyMember)
    .find({ where: { status: 'active' }, order: { id: 'ASC' } });
  if (lessons.length === 0 || members.length === 0) return none;
  const linked = new Set((await dataSource.getRepository(PartyMemberAccount).find()).map((a) => a.memberId));
  const now = (options.now ?? new Date()).getTime();
  const today = shanghaiDate(now);
  const rng = new Rng(DEMO_HISTORY_SEED);
  const progress: StudyLessonProgress[] = [];
  const days = new Map<string, number>(); // `${memberId}|${day}` → ms
  const completions: { memberId: string; lessonId: string; at: number }[] = [];

  for (const course of courses) {
    const own = lessons.filter((l) => l.courseId === course.id);
    if (own.length === 0 || (course.opensOn && course.opensOn > today)) continue;
    // Days since the course opened (or was published), within the history window.
    const opened = course.opensOn ?? (course.publishedAt ? shanghaiDate(Date.parse(course.publishedAt)) : today);
    const span = Math.max(1, Math.min(HISTORY_DAYS, Math.round((Date.parse(today) - Date.parse(opened)) / DAY_MS)));
    for (const member of members) {
      if (linked.has(member.id) || !courseAddresses(course, member.orgPath)) continue;
      const roll = rng.next();
      const effort: Effort = roll < 0.5 ? 'done' : roll < 0.8 ? 'part' : 'none';
      if (effort === 'none') continue;
      const reached = effort === 'done' ? own.length : rng.int(0, own.length - 1);
      own.forEach((lesson, i) => {
        const required = requiredStudyMs(toStudyLesson(lesson), defaultStudyRules);
        if (i > reached || required <= 0) return;
        const complete = i < reached || effort === 'done';
        const credited = complete ? required : Math.floor(required * rng.range(0.1, 0.8));
        if (credited <= 0) return;
        const at = now - rng.int(1, span) * DAY_MS + rng.int(0, 12 * 3_600_000);
        const video = lesson.kind === 'video';
        progress.push(
          dataSource.getRepository(StudyLessonProgress).create({
            id: randomUUID(),
            memberId: member.id,
            lessonId: lesson.id,
            courseId: course.id,
            creditedMs: credited,
            furthestMs: video ? credited : 0,
            position: video ? credited : 0,
            lastSeq: Math.ceil(credited / defaultStudyRules.heartbeatIntervalMs),
            lastHeartbeatAt: null,
            completedAt: complete ? at : null,
          }),
        );
        const key = `${member.id}|${shanghaiDate(at)}`;
        days.set(key, (days.get(key) ?? 0) + credited);
        if (complete) completions.push({ memberId: member.id, lessonId: lesson.id, at });
      });
    }
  }
  if (progress.length === 0) return none;

  // Lesson points, capped per day against what the points seed already credited.
  const ledgerRepo = dataSource.getRepository(PointsEntry);
  const memberIds = [...new Set(completions.map((c) => c.memberId))];
  const ledger = new Map<string, RuleEntry[]>();
  for (let i = 0; i < memberIds.length; i += 500)
    for (const e of await ledgerRepo.findBy({ memberId: In(memberIds.slice(i, i + 500)) }))
      ledger.set(e.memberId, [...(ledger.get(e.memberId) ?? []), { ...e }]);
  const entries: PointsEntry[] = [];
  for (const c of completions.sort((a, b) => a.at - b.at)) {
    const own = ledger.get(c.memberId) ?? [];
    const event = { memberId: c.memberId, kind: 'lesson_completed' as const, at: c.at, sourceId: c.lessonId };
    const decision = pointsFor(event, own, defaultPointsRules);
    own.push({ ...event, points: decision.points, reason: decision.reason });
    ledger.set(c.memberId, own);
    entries.push(
      ledgerRepo.create({
        id: randomUUID(),
        memberId: c.memberId,
        kind: 'lesson_completed',
        sourceId: c.lessonId,
        points: decision.points,
        reason: decision.reason,
        at: c.at,
        day: shanghaiDate(c.at),
      }),
    );
  }
  const totals = [...days].map(([key, ms]) => {
    const [memberId, day] = key.split('|');
    return dataSource.getRepository(StudyDayTotal).create({ memberId, day, ms });
  });
  await dataSource.transaction(async (em) => {
    for (let i = 0; i < progress.length; i += CHUNK_ROWS)
      await em.getRepository(StudyLessonProgress).insert(progress.slice(i, i + CHUNK_ROWS));
    for (let i = 0; i < totals.length; i += CHUNK_ROWS)
      await em.getRepository(StudyDayTotal).insert(totals.slice(i, i + CHUNK_ROWS));
    for (let i = 0; i < entries.length; i += CHUNK_ROWS)
      await em.getRepository(PointsEntry).insert(entries.slice(i, i + CHUNK_ROWS));
  });
  return { created: true, progressRows: progress.length, dayTotals: totals.length, pointsEntries: entries.length };
}
