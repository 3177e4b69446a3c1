import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  courseAddresses,
  courseProgressPermille,
  expectedProgressPermille,
  isBehind,
  lessonProgressPermille,
  requiredStudyMs,
  shanghaiDate,
} from '@zhili/shared';
import type { MemberStandingVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { applyPartyScope, MemberPeopleService, PartyMember, PartyOrg, PartyScopeService } from '../../party';
import { StudyCourse } from '../courses/study-course.entity';
import { StudyLessonEntity, toStudyLesson } from '../courses/study-lesson.entity';
import { StudyLessonProgress } from '../progress/study-lesson-progress.entity';
import { studyRulesOf, type StudyEnv } from '../study.config';

/** IN lists are cut into chunks this long. */
const CHUNK = 500;

function chunked<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The members a caller may analyse: active, within their party scope, with names and branch names. */
export interface ScopedMembers {
  members: PartyMember[];
  names: Map<string, string>;
  branchNames: Map<string, string>;
}

/** Published and closed courses (drafts have no students), newest first. */
export async function analysableCourses(dataSource: DataSource): Promise<StudyCourse[]> {
  return dataSource
    .getRepository(StudyCourse)
    .find({ where: { status: In(['published', 'closed']) }, order: { publishedAt: 'DESC' } });
}

/**
 * Each member's standing in a course, computed from the progress rows with the shared rules: a
 * lesson's per mille (`lessonProgressPermille`), the course's weighted by required time
 * (`courseProgressPermille`), the expected progress for today (`expectedProgressPermille`, required
 * courses only: an elective has no schedule to fall behind).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StudyStandingsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private people!: MemberPeopleService;

  @Config('zhili.modules.study')
  private env!: StudyEnv;

  /** Active members in the caller's party scope (optionally within the subtree of `orgId`). */
  async scopedMembers(actor: Principal, orgId?: string): Promise<ScopedMembers> {
    const scope = await this.scopes.scopeOf(actor);
    let within: string | undefined;
    if (orgId) {
      const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: orgId });
      if (!org) return { members: [], names: new Map(), branchNames: new Map() };
      within = org.path;
    }
    const qb = this.dataSource
      .getRepository(PartyMember)
      .createQueryBuilder('m')
      .where('m.status = :active', { active: 'active' });
    applyPartyScope(qb, scope, 'm.org_path', within);
    const members = await qb.getMany();
    return this.describe(members);
  }

  async describe(members: PartyMember[]): Promise<ScopedMembers> {
    const names = await this.people.namesOf(members);
    const orgIds = [...new Set(members.map((m) => m.orgId))];
    const orgs = orgIds.length ? await this.dataSource.getRepository(PartyOrg).findBy({ id: In(orgIds) }) : [];
    return { members, names, branchNames: new Map(orgs.map((o) => [o.id, o.name])) };
  }

  /** Members of `scoped` whom the course addresses. */
  audienceOf(course: StudyCourse, scoped: ScopedMembers): PartyMember[] {
    return scoped.members.filter((m) => courseAddresses(course, m.orgPath));
  }

  expectedFor(course: StudyCourse, today: string): number {
    if (!course.required) return 0;
    const publishedOn = course.publishedAt ? shanghaiDate(Date.parse(course.publishedAt)) : null;
    return expectedProgressPermille({ opensOn: course.opensOn, closesOn: course.closesOn, publishedOn }, today);
  }

  /** The standing of every member of `members` in `course`, in the order given. */
  async standings(
    course: StudyCourse,
    members: readonly PartyMember[],
    scoped: ScopedMembers,
    now: Date = new Date(),
  ): Promise<MemberStandingVO[]> {
    const lessons = await this.dataSource
      .getRepository(StudyLessonEntity)
      .find({ where: { courseId: course.id }, order: { sortOrder: 'ASC', createdAt: 'ASC' } });
    const rules = studyRulesOf(this.env);
    const byMember = new Map<string, Map<string, StudyLessonProgress>>();
    for (const ids of chunked(members.map((m) => m.id))) {
      const rows = await this.dataSource
        .getRepository(StudyLessonProgress)
        .findBy({ courseId: course.id, memberId: In(ids) });
      for (const row of rows) {
        const mine = byMember.get(row.memberId) ?? new Map<string, StudyLessonProgress>();
        mine.set(row.lessonId, row);
        byMember.set(row.memberId, mine);
      }
    }
    const expected = this.expectedFor(course, shanghaiDate(now));
    return members.map((m) => {
      const rows = byMember.get(m.id) ?? new Map<string, StudyLessonProgress>();
      let studyMs = 0;
      let last: number | null = null;
      let done = 0;
      const standing = lessons.map((l) => {
        const lesson = toStudyLesson(l);
        const row = rows.get(l.id);
        if (!row) return { requiredMs: requiredStudyMs(lesson, rules), permille: 0 };
        studyMs += row.creditedMs;
        if (row.creditedMs > 0) last = Math.max(last ?? 0, row.updatedAt.getTime());
        if (row.completedAt !== null) done += 1;
        return { requiredMs: requiredStudyMs(lesson, rules), permille: lessonProgressPermille(lesson, row, rules) };
      });
      const progress = courseProgressPermille(standing);
      const completed = lessons.length > 0 && done === lessons.length;
      return {
        memberId: m.id,
        name: scoped.names.get(m.id) ?? '',
        orgId: m.orgId,
        branchName: scoped.branchNames.get(m.orgId) ?? '',
        courseId: course.id,
        courseTitle: course.title,
        required: !!course.required,
        lessonsDone: done,
        lessonsTotal: lessons.length,
        studyMs,
        lastStudiedAt: last === null ? null : new Date(last).toISOString(),
        progressPermille: completed ? 1000 : progress,
        expectedPermille: expected,
        completed,
        behind: !completed && isBehind(progress, expected),
      };
    });
  }

  /** Whether the course can still be studied today (a reminder makes sense only then). */
  studiableToday(course: StudyCourse, now: Date = new Date()): boolean {
    const today = shanghaiDate(now);
    if (course.status !== 'published') return false;
    if (course.opensOn && today < course.opensOn) return false;
    return !course.closesOn || today <= course.closesOn;
  }
}
