import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { Between, DataSource, In } from 'typeorm';
import { naturalCompare, shanghaiDate } from '@zhili/shared';
import type { MemberStandingVO } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { MemberExamResults } from '../../exam';
import { writeXlsx } from '../../registry';
import { StudyDayTotal } from '../progress/study-day-total.entity';
import { analysableCourses, StudyStandingsService } from './study-standings.service';

/**
 * The study report of the caller's branches as xlsx: per member the study time and days in the
 * period and the courses completed, then per course and branch the completion, then each member's
 * best result in every exam taken in the period.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StudyReportService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private standings!: StudyStandingsService;

  @Inject()
  private audit!: AuditActorService;

  @Inject()
  private examResults!: MemberExamResults;

  async xlsx(
    acting: Acting,
    query: { orgId?: string; from?: string; to?: string },
    now: Date = new Date(),
  ): Promise<{ buffer: Buffer; from: string; to: string }> {
    const to = query.to ?? shanghaiDate(now);
    const from = query.from ?? `${to.slice(0, 4)}-01-01`;
    if (from > to)
      throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', [
        { field: 'from', message: '开始日期不能晚于结束日期' },
      ]);
    const scoped = await this.standings.scopedMembers(acting.actor, query.orgId);
    const ids = scoped.members.map((m) => m.id);
    const time = new Map<string, { ms: number; days: number }>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.dataSource
        .getRepository(StudyDayTotal)
        .findBy({ memberId: In(ids.slice(i, i + 500)), day: Between(from, to) });
      for (const r of rows) {
        const t = time.get(r.memberId) ?? { ms: 0, days: 0 };
        time.set(r.memberId, { ms: t.ms + r.ms, days: t.days + (r.ms > 0 ? 1 : 0) });
      }
    }
    const perCourse: { title: string; standings: MemberStandingVO[] }[] = [];
    for (const course of await analysableCourses(this.dataSource)) {
      const audience = this.standings.audienceOf(course, scoped);
      if (audience.length > 0)
        perCourse.push({
          title: course.title,
          standings: await this.standings.standings(course, audience, scoped, now),
        });
    }
    const done = new Map<string, { required: number; all: number }>();
    for (const c of perCourse)
      for (const s of c.standings.filter((x) => x.completed)) {
        const d = done.get(s.memberId) ?? { required: 0, all: 0 };
        done.set(s.memberId, { required: d.required + (s.required ? 1 : 0), all: d.all + 1 });
      }
    const exams = await this.examResults.forMembers(ids, { from, to });
    const members = [...scoped.members].sort(
      (a, b) =>
        naturalCompare(scoped.branchNames.get(a.orgId) ?? '', scoped.branchNames.get(b.orgId) ?? '') ||
        naturalCompare(scoped.names.get(a.id) ?? '', scoped.names.get(b.id) ?? ''),
    );
    const buffer = await writeXlsx(
      '学习报表',
      [
        { header: '支部', width: 20 },
        { header: '姓名 / 课程', width: 28 },
        { header: '学习时长（分钟）/ 应学人数', width: 22 },
        { header: '学习天数 / 已完成', width: 18 },
        { header: '完成必修课 / 完成率', width: 18 },
        { header: '完成课程', width: 10 },
      ],
      async (add) => {
        add(['统计期间', `${from} 至 ${to}`, null, null, null, null]);
        for (const m of members) {
          const t = time.get(m.id) ?? { ms: 0, days: 0 };
          const d = done.get(m.id) ?? { required: 0, all: 0 };
          const branch = scoped.branchNames.get(m.orgId) ?? '';
          add([branch, scoped.names.get(m.id) ?? '', Math.round(t.ms / 60_000), t.days, d.required, d.all]);
        }
        add([null, null, null, null, null, null]);
        add(['支部', '课程', '应学人数', '已完成', '完成率', null]);
        for (const c of perCourse) {
          const byBranch = new Map<string, MemberStandingVO[]>();
          for (const s of c.standings) byBranch.set(s.branchName, [...(byBranch.get(s.branchName) ?? []), s]);
          for (const [branch, list] of [...byBranch].sort(([a], [b]) => naturalCompare(a, b))) {
            const completed = list.filter((s) => s.completed).length;
            add([branch, c.title, list.length, completed, `${Math.round((completed * 100) / list.length)}%`, null]);
          }
        }
        add([null, null, null, null, null, null]);
        add(['支部', '姓名', '考试', '最高分 / 满分', '是否及格', '考试次数']);
        const order = new Map(members.map((m, i) => [m.id, i]));
        const byMember = [...exams].sort(
          (a, b) =>
            (order.get(a.memberId) ?? 0) - (order.get(b.memberId) ?? 0) || naturalCompare(a.examTitle, b.examTitle),
        );
        for (const r of byMember) {
          const member = scoped.members.find((m) => m.id === r.memberId);
          const branch = member ? (scoped.branchNames.get(member.orgId) ?? '') : '';
          const name = scoped.names.get(r.memberId) ?? '';
          add([branch, name, r.examTitle, `${r.bestScore} / ${r.maxScore}`, r.passed ? '及格' : '不及格', r.attempts]);
        }
      },
    );
    await this.audit.record(acting, {
      action: 'party.study.report.export',
      resourceType: 'study_report',
      resourceId: query.orgId ?? 'scope',
      result: 'success',
      detail: { from, to, members: members.length },
    });
    return { buffer, from, to };
  }
}
