import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, Between } from 'typeorm';
import { addDays, shanghaiDate, STUDY_REMINDER_INTERVAL_MS } from '@zhili/shared';
import type { AnalysisCourseVO, LaggardVO, MemberStandingVO, MemberStudyVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { PartyMember, PartyScopeService, inPartyScope } from '../../party';
import { StudyCourse } from '../courses/study-course.entity';
import { StudyDayTotal } from '../progress/study-day-total.entity';
import { StudyReminderService } from './study-reminder.service';
import { analysableCourses, StudyStandingsService } from './study-standings.service';

/** Days of the member's study-time chart. */
const CHART_DAYS = 30;

interface Paging {
  page: number;
  pageSize: number;
}

const pageOf = <T>(items: T[], { page, pageSize }: Paging) => ({
  items: items.slice((page - 1) * pageSize, page * pageSize),
  total: items.length,
});

/** Behind first (furthest behind first), then by progress, then by name. */
const byUrgency = (a: MemberStandingVO, b: MemberStandingVO) =>
  Number(b.behind) - Number(a.behind) ||
  a.progressPermille - b.progressPermille ||
  a.name.localeCompare(b.name, 'zh-Hans-CN');

/**
 * 进度分析 for teachers and secretaries: courses → members, member → courses and study time, the
 * laggards of required courses. Everything is limited to the members of the caller's party scope;
 * courses are few (tens a year), so standings are computed per request from the progress rows.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StudyAnalysisService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private standings!: StudyStandingsService;

  @Inject()
  private reminders!: StudyReminderService;

  @Inject()
  private scopes!: PartyScopeService;

  async courses(actor: Principal, paging: Paging, now: Date = new Date()) {
    const scoped = await this.standings.scopedMembers(actor);
    const rows: AnalysisCourseVO[] = [];
    for (const course of await analysableCourses(this.dataSource)) {
      const audience = this.standings.audienceOf(course, scoped);
      if (audience.length === 0) continue;
      const standings = await this.standings.standings(course, audience, scoped, now);
      rows.push({
        id: course.id,
        title: course.title,
        required: !!course.required,
        status: course.status,
        opensOn: course.opensOn,
        closesOn: course.closesOn,
        lessonCount: standings[0]?.lessonsTotal ?? 0,
        audience: audience.length,
        completed: standings.filter((s) => s.completed).length,
        expectedPermille: this.standings.expectedFor(course, shanghaiDate(now)),
        laggards: standings.filter((s) => s.behind).length,
      });
    }
    return pageOf(rows, paging);
  }

  async courseMembers(actor: Principal, courseId: string, query: Paging & { orgId?: string }) {
    const course = await this.dataSource.getRepository(StudyCourse).findOneBy({ id: courseId });
    const scoped = await this.standings.scopedMembers(actor, query.orgId);
    const audience = course ? this.standings.audienceOf(course, scoped) : [];
    if (!course || (audience.length === 0 && !query.orgId))
      throw new AppError('NOT_FOUND', '课程不存在或不面向您管辖的党员');
    const standings = await this.standings.standings(course, audience, scoped);
    return pageOf(standings.sort(byUrgency), query);
  }

  async member(actor: Principal, memberId: string, now: Date = new Date()): Promise<MemberStudyVO> {
    const member = await this.dataSource.getRepository(PartyMember).findOneBy({ id: memberId });
    const scope = await this.scopes.scopeOf(actor);
    // NOT_FOUND outside the scope: another branch's member ids cannot be probed.
    if (!member || !inPartyScope(scope, member.orgPath)) throw new AppError('NOT_FOUND', '党员不存在');
    const scoped = await this.standings.describe([member]);
    const courses: MemberStandingVO[] = [];
    for (const course of await analysableCourses(this.dataSource))
      if (this.standings.audienceOf(course, scoped).length > 0)
        courses.push(...(await this.standings.standings(course, [member], scoped, now)));
    const today = shanghaiDate(now);
    const from = addDays(today, -(CHART_DAYS - 1));
    const totals = await this.dataSource.getRepository(StudyDayTotal).findBy({ memberId, day: Between(from, today) });
    const byDay = new Map(totals.map((t) => [t.day, t.ms]));
    const days = Array.from({ length: CHART_DAYS }, (_, i) => {
      const date = addDays(from, i);
      return { date, ms: byDay.get(date) ?? 0 };
    });
    return {
      memberId,
      name: scoped.names.get(memberId) ?? '',
      branchName: scoped.branchNames.get(member.orgId) ?? '',
      courses,
      days,
    };
  }

  /** Laggards of the required courses that can still be studied today (or of one of them). */
  async laggards(actor: Principal, query: Paging & { courseId?: string; orgId?: string }, now: Date = new Date()) {
    const scoped = await this.standings.scopedMembers(actor, query.orgId);
    const behind: MemberStandingVO[] = [];
    for (const course of await analysableCourses(this.dataSource)) {
      if (query.courseId && course.id !== query.courseId) continue;
      if (!course.required || !this.standings.studiableToday(course, now)) continue;
      const audience = this.standings.audienceOf(course, scoped);
      if (audience.length === 0) continue;
      behind.push(...(await this.standings.standings(course, audience, scoped, now)).filter((s) => s.behind));
    }
    behind.sort(byUrgency);
    const { items, total } = pageOf(behind, query);
    const ids = items.map((s) => s.memberId);
    const [last, linked] = await Promise.all([this.reminders.lastReminded(ids), this.reminders.reachable(ids)]);
    const rows: LaggardVO[] = items.map((s) => {
      const at = last.get(s.memberId);
      const next = at === undefined ? null : at + STUDY_REMINDER_INTERVAL_MS;
      return {
        ...s,
        reachable: linked.has(s.memberId),
        lastRemindedAt: at === undefined ? null : new Date(at).toISOString(),
        nextReminderAt: next !== null && next > now.getTime() ? new Date(next).toISOString() : null,
      };
    });
    return { items: rows, total };
  }
}
