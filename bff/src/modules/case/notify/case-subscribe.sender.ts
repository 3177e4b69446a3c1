import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import type { AppEnv } from '../../../config/env';
import { PermanentDeliveryError } from '../../../core/outbox';
import { MpUser } from '../../mp-user';
import { WechatApiError, WechatClient } from '../../wechat';
import { CaseCategory, CaseEvent, CaseRecord } from '../index';
import { payloadNumber, payloadString } from './payload';
import { CaseSubscribeMoment, caseSubscribeMoments, casePage, subscribeData } from './subscribe-message';

/**
 * WeChat errcodes after which sending the same message again cannot succeed: 43101 the user has no
 * subscription quota (left), 40003 bad openid, 40037 bad template id, 47003 data refused.
 */
const PERMANENT_ERRCODES = new Set([43101, 40003, 40037, 47003]);

/**
 * Delivers `wechat.subscribe`: tells the reporter (mini-program user) that their case was accepted,
 * dispatched or resolved, through a one-time subscribe message they agreed to when reporting.
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

  @Inject()
  private wechat!: WechatClient;

  @Config('zhili.env')
  private env!: AppEnv;

  templateId(moment: CaseSubscribeMoment): string {
    const ids: Record<CaseSubscribeMoment, string> = {
      accepted: this.env.WECHAT_TMPL_CASE_ACCEPTED,
      dispatched: this.env.WECHAT_TMPL_CASE_DISPATCHED,
      resolved: this.env.WECHAT_TMPL_CASE_RESOLVED,
    };
    return ids[moment];
  }

  /** The outbox handler. Resolves without sending when there is nothing (left) to say. */
  async deliver(payload: Record<string, unknown>): Promise<void> {
    const caseId = payloadString(payload, 'caseId');
    const seq = payloadNumber(payload, 'seq');
    const moment = payloadString(payload, 'template') as CaseSubscribeMoment;
    if (!caseSubscribeMoments.includes(moment)) throw new PermanentDeliveryError(`unknown template ${moment}`);

    const record = await this.cases.findOne({ where: { id: caseId } });
    if (!record) throw new PermanentDeliveryError(`case ${caseId} not found`);
    const templateId = this.templateId(moment);
    // Only a resident who tapped "允许" for this template may get it (the workflow checks this too).
    if (record.reporterKind !== 'mp' || !record.subscribedTemplates.includes(templateId)) return;
    const reporter = await this.mpUsers.findOne({ where: { id: record.reporterId }, select: { id: true, openid: true } });
    if (!reporter) throw new PermanentDeliveryError(`reporter of case ${caseId} not found`);

    const [event, category] = await Promise.all([
      this.events.findOne({ where: { caseId, seq } }),
      this.categories.findOne({ where: { code: record.categoryCode } }),
    ]);
    const data = subscribeData(moment, { record, event, categoryName: category?.name ?? record.categoryCode });
    try {
      await this.wechat.sendSubscribeMessage({
        touser: reporter.openid,
        templateId,
        page: casePage(record.id),
        data,
        miniprogramState: this.env.WECHAT_MP_STATE,
      });
    } catch (err) {
      if (err instanceof WechatApiError && err.errcode !== null && PERMANENT_ERRCODES.has(err.errcode)) {
        throw new PermanentDeliveryError(`WeChat errcode ${err.errcode}: ${err.errmsg}`);
      }
      throw err;
    }
  }
}
