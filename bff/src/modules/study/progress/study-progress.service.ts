import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  acceptHeartbeat,
  emptyLessonProgress,
  emptyStudySession,
  lessonProgressPermille,
  nextHeartbeatSeq,
  requiredStudyMs,
  studyMsByDay,
  type LessonProgress,
  type LessonProgressVO,
  type StudyHeartbeatBody,
  type StudyHeartbeatResultVO,
  type StudyLesson,
  type StudyRules,
  type StudySpan,
} from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { InfraService } from '../../../core/infra/infra.service';
import type { RateBudget } from '../../../core/infra/rate-limiter';
import { MemberAccountService } from '../../party';
import { CourseAccessService } from '../courses/course-access.service';
import { StudyPointsService } from '../points/study-points.service';
import { studyRulesOf, type StudyEnv } from '../study.config';
import { StudyClock } from './study-clock';
import { StudyDayTotal } from './study-day-total.entity';
import { StudyLessonProgress } from './study-lesson-progress.entity';
import { StudySession } from './study-session.entity';

/**
 * Far above any honest player (one beat per interval plus start/stop on every pause), low enough that
 * a client hammering the endpoint is turned away before it takes the member's lock.
 */
const HEARTBEAT_LIMIT: RateBudget = { name: 'study-heartbeat', limit: 120, windowSec: 60 };

/**
 * Honest study progress: every heartbeat goes through the shared `acceptHeartbeat` at SERVER time,
 * one at a time per member (the member's lock, across processes in Redis mode), and its outcome —
 * progress, session, study time per Beijing day and, on completion, the points entry — is written in
 * one transaction.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StudyProgressService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private accounts!: MemberAccountService;

  @Inject()
  private courses!: CourseAccessService;

  @Inject()
  private points!: StudyPointsService;

  @Inject()
  private clock!: StudyClock;

  @Inject()
  private infra!: InfraService;

  @Config('zhili.modules.study')
  private env!: StudyEnv;

  get rules(): StudyRules {
    return studyRulesOf(this.env);
  }

  async progressOf(mpUserId: string, lessonId: string): Promise<LessonProgressVO> {
    const member = await this.accounts.memberOf(mpUserId);
    const { lesson } = await this.courses.lessonForMember(member, lessonId, new Date(this.clock.now()));
    const row = await this.dataSource.getRepository(StudyLessonProgress).findOneBy({ memberId: member.id, lessonId });
    return this.toVO(lesson, row ?? emptyLessonProgress);
  }

  async heartbeat(mpUserId: string, lessonId: string, body: StudyHeartbeatBody): Promise<StudyHeartbeatResultVO> {
    const member = await this.accounts.memberOf(mpUserId);
    if ((await this.infra.infra.rateLimiter(HEARTBEAT_LIMIT).consume(member.id)).limited) {
      throw new AppError('RATE_LIMITED', '学习记录提交过于频繁，请稍后再试');
    }
    const { lesson, courseId } = await this.courses.lessonForMember(member, lessonId, new Date(this.clock.now()));
    return this.points.underMemberLock(member.id, () =>
      this.dataSource.transaction(async (manager) => {
        // Read the clock inside the lock: heartbeats are applied in the order their time was taken.
        const now = this.clock.now();
        const progressRepo = manager.getRepository(StudyLessonProgress);
        const sessionRepo = manager.getRepository(StudySession);
        const stored = await progressRepo.findOneBy({ memberId: member.id, lessonId });
        const session = await sessionRepo.findOneBy({ memberId: member.id });
        const outcome = acceptHeartbeat(
          { lesson, progress: stored ?? emptyLessonProgress, session: session ?? emptyStudySession },
          body,
          now,
          this.rules,
        );
        await progressRepo.save({
          ...(stored ?? { id: randomUUID(), memberId: member.id, lessonId, courseId }),
          ...outcome.progress,
        });
        await sessionRepo.save({ memberId: member.id, ...outcome.session });
        if (outcome.span) await this.addDayTotals(manager, member.id, outcome.span);
        const entry = outcome.completedNow
          ? await this.points.award(manager, {
              memberId: member.id,
              kind: 'lesson_completed',
              at: now,
              sourceId: lessonId,
            })
          : null;
        return {
          creditedMs: outcome.creditedMs,
          completedNow: outcome.completedNow,
          pointsAwarded: outcome.completedNow ? (entry?.points ?? 0) : null,
          reason: outcome.reason ? { code: outcome.reason.code, message: outcome.reason.message } : null,
          progress: this.toVO(lesson, outcome.progress),
        };
      }),
    );
  }

  /** The credited span added to the member's study time per Beijing day (split at midnight). */
  private async addDayTotals(manager: EntityManager, memberId: string, span: StudySpan): Promise<void> {
    const repo = manager.getRepository(StudyDayTotal);
    for (const { date, ms } of studyMsByDay([span])) {
      // Safe read-modify-write: only this member's heartbeats write these rows, under the member's lock.
      const row = await repo.findOneBy({ memberId, day: date });
      await repo.save({ memberId, day: date, ms: (row?.ms ?? 0) + ms });
    }
  }

  private toVO(lesson: StudyLesson, progress: LessonProgress): LessonProgressVO {
    const rules = this.rules;
    const requiredMs = requiredStudyMs(lesson, rules);
    const completed = progress.completedAt !== null;
    return {
      lessonId: lesson.id,
      kind: lesson.kind,
      requiredMs,
      creditedMs: progress.creditedMs,
      furthestMs: progress.furthestMs,
      position: progress.position,
      permille: lessonProgressPermille(lesson, progress, rules),
      remainingMs: completed ? 0 : Math.max(0, requiredMs - progress.creditedMs),
      completed,
      completedAt: completed ? new Date(progress.completedAt as number).toISOString() : null,
      nextSeq: nextHeartbeatSeq(progress),
      heartbeatIntervalMs: rules.heartbeatIntervalMs,
    };
  }
}
