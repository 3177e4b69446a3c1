import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import type { CaseEnv } from '../case.config';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { MpUser } from '../../mp-user';
import type { CaseActor } from '../core/case-actor';
import { CaseWorkflowService } from '../core/case-workflow.service';
import { CaseFollower, CaseRecord } from '../entities';
import { FOLLOWABLE_STATUSES, MpCaseQueryService } from './mp-case-query.service';
import { isReporter } from './mp-case-views';

/** Attempts of the compare-and-set that merges subscribed templates (two taps at once). */
const SUBSCRIBE_RETRIES = 3;

/** Writes of the resident's case API besides submission: follow (附议), rate, dispute, subscriptions. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpCaseActionsService {
  @InjectEntityModel(CaseRecord)
  private cases!: Repository<CaseRecord>;

  @InjectEntityModel(CaseFollower)
  private followers!: Repository<CaseFollower>;

  @InjectEntityModel(MpUser)
  private users!: Repository<MpUser>;

  @Inject()
  private workflow!: CaseWorkflowService;

  @Inject()
  private query!: MpCaseQueryService;

  @Config('zhili.modules.case')
  private env!: CaseEnv;

  /**
   * +1 on someone else's open case (idempotent). A case still held for content review is not public
   * yet (404); a finished one cannot gather followers any more (409).
   */
  async follow(principal: Principal, caseId: string): Promise<{ followed: boolean; followerCount: number }> {
    const record = await this.followable(principal.id, caseId);
    if (!(await this.isFollower(principal.id, caseId)) && !FOLLOWABLE_STATUSES.includes(record.status)) {
      throw new AppError('CASE_TRANSITION_INVALID', '该问题已办结，无需附议');
    }
    return this.workflow.follow(caseId, principal.id, await this.nameOf(principal.id));
  }

  /** Takes the +1 back (idempotent). */
  async unfollow(principal: Principal, caseId: string): Promise<{ followed: boolean; followerCount: number }> {
    await this.followable(principal.id, caseId);
    return this.workflow.unfollow(caseId, principal.id);
  }

  /** The reporter rates a resolved case (closing it as fixed), or a case auto-closed as fixed; once. */
  async rate(
    principal: Principal,
    caseId: string,
    rating: number,
    comment: string | null | undefined,
  ): Promise<CaseRecord> {
    await this.query.reported(principal.id, caseId);
    return this.workflow.apply(caseId, 'rate', await this.reporterActor(principal), {
      rating,
      ...(comment ? { comment } : {}),
    });
  }

  /** The reporter says "not fixed" within the dispute window after resolution: the case goes back to staff. */
  async dispute(principal: Principal, caseId: string, reason: string, photoIds: string[] = []): Promise<CaseRecord> {
    await this.query.reported(principal.id, caseId);
    return this.workflow.apply(caseId, 'dispute', await this.reporterActor(principal), { reason, photoIds });
  }

  /**
   * Remembers the subscribe-message templates the reporter accepted for this case (WeChat grants one
   * send per acceptance). Unknown ids are ignored; the merge is a compare-and-set on the stored list.
   */
  async subscribe(principal: Principal, caseId: string, templateIds: readonly string[]): Promise<void> {
    const known = new Set([
      this.env.WECHAT_TMPL_CASE_ACCEPTED,
      this.env.WECHAT_TMPL_CASE_DISPATCHED,
      this.env.WECHAT_TMPL_CASE_RESOLVED,
    ]);
    const accepted = templateIds.filter((id) => known.has(id));
    let record = await this.query.reported(principal.id, caseId);
    for (let attempt = 1; attempt <= SUBSCRIBE_RETRIES; attempt++) {
      const merged = [...new Set([...record.subscribedTemplates, ...accepted])];
      if (merged.length === record.subscribedTemplates.length) return;
      const result = await this.cases
        .createQueryBuilder()
        .update(CaseRecord)
        .set({ subscribedTemplates: merged })
        .where('id = :id AND subscribed_templates = :old', {
          id: caseId,
          old: JSON.stringify(record.subscribedTemplates),
        })
        .updateEntity(false)
        .execute();
      if (result.affected) return;
      record = await this.query.reported(principal.id, caseId);
    }
    throw new AppError('CONFLICT');
  }

  /** The case when it exists and is not the caller's own (followers act on others' cases only). */
  private async followable(userId: string, caseId: string): Promise<CaseRecord> {
    const record = await this.cases.findOne({ where: { id: caseId } });
    // Held for review: nobody but its reporter knows it exists.
    if (!record || (record.status === 'pending_review' && !isReporter(record, userId)))
      throw new AppError('CASE_NOT_FOUND');
    if (isReporter(record, userId)) throw new AppError('CASE_ACTION_FORBIDDEN', '不能附议自己上报的问题');
    return record;
  }

  private async isFollower(userId: string, caseId: string): Promise<boolean> {
    return this.followers.exist({ where: { caseId, userId } });
  }

  private async nameOf(userId: string): Promise<string> {
    const user = await this.users.findOne({ where: { id: userId }, select: { id: true, nickname: true } });
    return user?.nickname ?? '居民';
  }

  private async reporterActor(principal: Principal): Promise<CaseActor> {
    return { role: 'reporter', kind: 'mp', id: principal.id, name: await this.nameOf(principal.id), principal };
  }
}
