import { randomUUID } from 'crypto';
import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { STUDY_REMINDER_INTERVAL_MS } from '@zhili/shared';
import type { MemberStandingVO, RemindersResultVO, SendRemindersBody } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { DomainEvents } from '../../../core/events';
import { InfraService } from '../../../core/infra/infra.service';
import { PartyMemberAccount } from '../../party';
import { StudyCourse } from '../courses/study-course.entity';
import { StudyReminderEvent, StudyReminderPush } from './study-reminder-push';
import { StudyReminder } from './study-reminder.entity';
import { StudyStandingsService } from './study-standings.service';

/** The atomic gate behind the 24-hour rule (two secretaries clicking at once send one reminder). */
const REMINDER_GATE = { name: 'study.reminder', limit: 1, windowSec: STUDY_REMINDER_INTERVAL_MS / 1000 };

/** Beijing wall time `MM-DD HH:mm` for the refusal text. */
const beijing = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');

export const remindersOff = () =>
  new AppError(
    'CONFLICT',
    '学习提醒未开启：系统还没有配置微信订阅消息模板（WECHAT_TMPL_STUDY_REMINDER），请联系系统管理员',
  );

/**
 * One-click reminders to laggards of a required course: a subscribe message through the outbox, at
 * most one per member per 24 hours (whoever sent it), only to members the caller's scope covers and
 * who are behind today, audited.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StudyReminderService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private standings!: StudyStandingsService;

  @Inject()
  private events!: DomainEvents;

  @Inject()
  private push!: StudyReminderPush;

  @Inject()
  private infraService!: InfraService;

  @Inject()
  private audit!: AuditActorService;

  /** The last reminder of each member (epoch ms). */
  async lastReminded(memberIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < memberIds.length; i += 500) {
      const rows = await this.dataSource
        .getRepository(StudyReminder)
        .findBy({ memberId: In(memberIds.slice(i, i + 500)) });
      for (const r of rows) out.set(r.memberId, Math.max(out.get(r.memberId) ?? 0, r.sentAt));
    }
    return out;
  }

  /** Members linked to a mini-program account (a reminder can reach them). */
  async reachable(memberIds: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < memberIds.length; i += 500) {
      const rows = await this.dataSource
        .getRepository(PartyMemberAccount)
        .findBy({ memberId: In(memberIds.slice(i, i + 500)) });
      for (const r of rows) out.add(r.memberId);
    }
    return out;
  }

  async send(acting: Acting, body: SendRemindersBody, now: Date = new Date()): Promise<RemindersResultVO> {
    if (!this.push.enabled) throw remindersOff();
    const course = await this.dataSource.getRepository(StudyCourse).findOneBy({ id: body.courseId });
    const scoped = await this.standings.scopedMembers(acting.actor);
    const audience = course ? this.standings.audienceOf(course, scoped) : [];
    if (!course || audience.length === 0) throw new AppError('NOT_FOUND', '课程不存在或不面向您管辖的党员');
    if (!course.required || !this.standings.studiableToday(course, now))
      throw new AppError('CONFLICT', '只能提醒正在开课的必修课的落后党员');
    const standings = await this.standings.standings(course, audience, scoped, now);
    const byId = new Map(standings.map((s) => [s.memberId, s]));
    const targets: MemberStandingVO[] = body.memberIds
      ? body.memberIds.map(
          (id) => byId.get(id) ?? ({ memberId: id, name: '', behind: false, completed: false } as MemberStandingVO),
        )
      : standings.filter((s) => s.behind);
    const ids = targets.map((s) => s.memberId);
    const [last, linked] = await Promise.all([this.lastReminded(ids), this.reachable(ids)]);
    const result: RemindersResultVO = { sent: 0, skipped: [] };
    const skip = (s: MemberStandingVO, reason: string) =>
      result.skipped.push({ memberId: s.memberId, name: s.name, reason });
    for (const s of targets) {
      if (!byId.has(s.memberId)) skip(s, '不在本课程您管辖的学员中');
      else if (!s.behind) skip(s, '进度没有落后，无需提醒');
      else if (!linked.has(s.memberId)) skip(s, '未关联小程序账号，无法收到提醒');
      else {
        const next = (last.get(s.memberId) ?? 0) + STUDY_REMINDER_INTERVAL_MS;
        if (next > now.getTime()) skip(s, `24 小时内已提醒过，${beijing(next)} 后可再次提醒`);
        else if (await this.remind(acting, course, s, now)) result.sent += 1;
        else skip(s, '刚刚已有人提醒过，24 小时后可再次提醒');
      }
    }
    if (result.sent > 0) this.events.kick();
    // One member asked for and not reminded: the refusal is the answer, with its reason.
    if (body.memberIds?.length === 1 && result.sent === 0) {
      const reason = result.skipped[0].reason;
      throw new AppError(reason.includes('提醒过') ? 'RATE_LIMITED' : 'CONFLICT', reason);
    }
    return result;
  }

  private async remind(acting: Acting, course: StudyCourse, s: MemberStandingVO, now: Date): Promise<boolean> {
    const gate = await this.infraService.infra.rateLimiter(REMINDER_GATE).consume(s.memberId);
    if (gate.limited) return false;
    const reminderId = randomUUID();
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(StudyReminder).insert({
        id: reminderId,
        memberId: s.memberId,
        courseId: course.id,
        actorId: acting.actor.id,
        sentAt: now.getTime(),
      });
      await this.events.append(
        em,
        StudyReminderEvent,
        { reminderId, memberId: s.memberId, courseId: course.id, progressPermille: s.progressPermille },
        `study:reminder:${reminderId}`,
      );
    });
    await this.audit.record(acting, {
      action: 'party.study.reminder.send',
      resourceType: 'party_member',
      resourceId: s.memberId,
      result: 'success',
      detail: { courseId: course.id, progressPermille: s.progressPermille, expectedPermille: s.expectedPermille },
    });
    return true;
  }
}
