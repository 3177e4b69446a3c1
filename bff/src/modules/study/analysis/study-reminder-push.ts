import { Config, Init, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from '@zhili/shared';
import { defineDomainEvent } from '../../../core/events';
import { MemberAccountService } from '../../party';
import { subscribeThing, WechatPushRouter, type SubscribeMessage } from '../../wechat';
import { StudyCourse } from '../courses/study-course.entity';
import type { StudyEnv } from '../study.config';

/**
 * `study.reminder`: a secretary reminded a laggard of a required course, appended in the transaction
 * that records the reminder; the WeChat push router turns it into a subscribe message.
 */
export const StudyReminderEvent = defineDomainEvent(
  'study.reminder',
  z.object({
    reminderId: z.string().min(1),
    memberId: z.string().min(1),
    courseId: z.string().min(1),
    progressPermille: z.number().int(),
  }),
);
export type StudyReminderPayload = z.infer<typeof StudyReminderEvent.schema>;

/** Outbox topic of the reminder push (renaming it needs a migration of pending rows). */
export const STUDY_REMINDER_TOPIC = 'wechat.subscribe.study_reminder';

const thing = subscribeThing;

/** The reminder's subscribe message: the course, where the member stands, and its closing day. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StudyReminderPush {
  @Inject()
  private wechatRouter!: WechatPushRouter;

  @Inject()
  private accounts!: MemberAccountService;

  @InjectDataSource()
  private dataSource!: DataSource;

  @Config('zhili.modules.study')
  private env!: Pick<StudyEnv, 'WECHAT_TMPL_STUDY_REMINDER'>;

  get enabled(): boolean {
    return !!this.env.WECHAT_TMPL_STUDY_REMINDER;
  }

  @Init()
  init(): void {
    this.wechatRouter.route(StudyReminderEvent, {
      name: STUDY_REMINDER_TOPIC,
      when: () => this.enabled,
      build: (event) => this.build(event),
    });
  }

  async build(event: StudyReminderPayload): Promise<SubscribeMessage | null> {
    const templateId = this.env.WECHAT_TMPL_STUDY_REMINDER;
    if (!templateId) return null;
    const course = await this.dataSource.getRepository(StudyCourse).findOneBy({ id: event.courseId });
    const openid = await this.accounts.openidOf(event.memberId);
    if (!course || !openid) return null;
    return {
      touser: openid,
      templateId,
      page: `party/pages/course/index?id=${course.id}`,
      data: {
        thing1: thing(course.title),
        thing2: thing(`已完成${Math.floor(event.progressPermille / 10)}%，请抓紧学习`),
        thing3: thing(course.closesOn ? `请于${course.closesOn}前学完` : '请尽快完成学习'),
      },
    };
  }
}
