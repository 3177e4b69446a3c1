import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import type { MyAppraisalVO, PublishedHonourVO } from '@zhili/shared';
import type { Page } from '../../../core/scope/scoped-repository';
import { MemberAccountService } from '../meetings/member-account.service';
import { MemberViewsService } from '../members/member-views.service';
import { ancestorPaths } from '../notices/notice-audience';
import { AppraisalService } from './appraisal.service';
import { PartyHonour } from './party-honour.entity';
import { RecordSupportService } from './record-support.service';

/**
 * A member's party records in the mini-program: the published honours of their organisation and
 * the organisations above it (drafts, pending and returned ones never), and their own published
 * appraisal results.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RecordsMpService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private accounts!: MemberAccountService;

  @Inject()
  private memberViews!: MemberViewsService;

  @Inject()
  private support!: RecordSupportService;

  @Inject()
  private appraisals!: AppraisalService;

  async honours(
    mpUserId: string,
    q: { page: number; pageSize: number },
    now = new Date(),
  ): Promise<Page<PublishedHonourVO>> {
    const member = await this.accounts.memberOf(mpUserId);
    const [items, total] = await this.dataSource
      .getRepository(PartyHonour)
      .createQueryBuilder('h')
      .where("h.status = 'published'")
      .andWhere('h.org_path IN (:...paths)', { paths: ancestorPaths(member.orgPath) })
      .orderBy('h.publishedAt', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const [orgNames, memberNames, links] = await Promise.all([
      this.memberViews.orgNames(items.map((h) => h.orgId)),
      this.support.memberNames(items.map((h) => h.memberId)),
      this.support.fileLinks(
        items.flatMap((h) => h.attachmentIds),
        now,
      ),
    ]);
    return {
      items: items.map((h) => ({
        id: h.id,
        kind: h.kind,
        orgName: orgNames.get(h.orgId) ?? '',
        memberName: h.memberId ? (memberNames.get(h.memberId) ?? '') : null,
        title: h.title,
        level: h.level,
        awardingBody: h.awardingBody,
        awardedOn: h.awardedOn,
        publishedAt: h.publishedAt,
        attachments: RecordSupportService.pick(links, h.attachmentIds),
      })),
      total,
    };
  }

  async appraisalsOf(mpUserId: string): Promise<MyAppraisalVO[]> {
    const member = await this.accounts.memberOf(mpUserId);
    return this.appraisals.mine(member.id);
  }
}
