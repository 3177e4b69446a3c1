import { Config, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import type { CaseEventType } from '@zhili/shared';
import type { CaseEnv } from '../case.config';
import { PermanentDeliveryError } from '../../../core/outbox';
import { MpUser } from '../../mp-user';
import type { SubscribeMessage } from '../../wechat';
import { CaseCategory, CaseEvent, CaseRecord } from '../index';
import type { CaseEventAppended } from '../index';
import { CaseSubscribeMoment, casePage, subscribeData } from './subscribe-message';

/** The timeline events a reporter can be told about, by the moment (template) they announce. */
const MOMENT_OF: Partial<Record<CaseEventType, CaseSubscribeMoment>> = {
  accept: 'accepted',
  dispatch: 'dispatched',
  resolve: 'resolved',
};

/**
 * The subscribe message of `case.event_appended` (WeChat route `wechat.subscribe.case`): tells the
 * reporter (mini-program user) that their case was accepted, dispatched or resolved, through a
 * one-time subscribe message they agreed to when reporting. Sending is the WeChat module's job.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseSubscribeSender {
  @InjectEntityModel(CaseRecord)
  private cases!: Repository<CaseRecord>;

  @InjectEntityModel(CaseEvent)
  private events!: Repository<CaseEvent>;

  @InjectEntityModel(CaseCategory)
  private categories!: Repository<CaseCategory>;

  @InjectEntityModel(MpUser)
  private mpUsers!: Repository<MpUser>;

  @Config('zhili.modules.case')
  private env!: CaseEnv;

  templateId(moment: CaseSubscribeMoment): string {
    const ids: Record<CaseSubscribeMoment, string> = {
      accepted: this.env.WECHAT_TMPL_CASE_ACCEPTED,
      dispatched: this.env.WECHAT_TMPL_CASE_DISPATCHED,
      resolved: this.env.WECHAT_TMPL_CASE_RESOLVED,
    };
    return ids[moment];
  }

  /** Append-time filter: a moment worth a message, reported from the mini-program, template agreed to. */
  wants(event: CaseEventAppended): boolean {
    const moment = MOMENT_OF[event.type];
    return (
      moment !== undefined && event.reporterKind === 'mp' && event.subscribedTemplates.includes(this.templateId(moment))
    );
  }

  /** The message at delivery time; null when there is nothing (left) to say. */
  async build(event: CaseEventAppended): Promise<SubscribeMessage | null> {
    const { caseId, seq } = event;
    const moment = MOMENT_OF[event.type];
    if (!moment) return null;
    const record = await this.cases.findOne({ where: { id: caseId } });
    if (!record) throw new PermanentDeliveryError(`case ${caseId} not found`);
    const templateId = this.templateId(moment);
    // Only a resident who tapped "允许" for this template may get it (checked at append time too).
    if (record.reporterKind !== 'mp' || !record.subscribedTemplates.includes(templateId)) return null;
    const reporter = await this.mpUsers.findOne({
      where: { id: record.reporterId },
      select: { id: true, openid: true },
    });
    if (!reporter) throw new PermanentDeliveryError(`reporter of case ${caseId} not found`);

    const [timelineEvent, category] = await Promise.all([
      this.events.findOne({ where: { caseId, seq } }),
      this.categories.findOne({ where: { code: record.categoryCode } }),
    ]);
    const data = subscribeData(moment, {
      record,
      event: timelineEvent,
      categoryName: category?.name ?? record.categoryCode,
    });
    return { touser: reporter.openid, templateId, page: casePage(record.id), data };
  }
}
