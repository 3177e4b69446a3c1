import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import type { MyNoticeVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import type { Page } from '../../../core/scope/scoped-repository';
import { MemberAccountService } from '../meetings/member-account.service';
import type { PartyMember } from '../members/party-member.entity';
import { PartyOrg } from '../org/party-org.entity';
import { addresses, ancestorPaths } from './notice-audience';
import { PartyNotice } from './party-notice.entity';
import { PartyNoticeRead } from './party-notice-read.entity';

/**
 * A member's notices in the mini-program: only published, not withdrawn ones addressed to them
 * (another branch's notice is not found), opened → a read receipt, and the unread count for the badge.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class NoticeMpService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private accounts!: MemberAccountService;

  private addressedTo(member: PartyMember): SelectQueryBuilder<PartyNotice> {
    return this.dataSource
      .getRepository(PartyNotice)
      .createQueryBuilder('n')
      .where('n.published_at IS NOT NULL')
      .andWhere('n.withdrawn_at IS NULL')
      .andWhere(
        new Brackets((or) =>
          or
            .where("n.audience = 'all'")
            .orWhere("(n.audience = 'org' AND n.target_org_id = :orgId)", { orgId: member.orgId })
            .orWhere("(n.audience = 'subtree' AND n.target_path IN (:...paths))", {
              paths: ancestorPaths(member.orgPath),
            }),
        ),
      );
  }

  async list(mpUserId: string, q: { page: number; pageSize: number }): Promise<Page<MyNoticeVO>> {
    const member = await this.accounts.memberOf(mpUserId);
    const [items, total] = await this.addressedTo(member)
      .orderBy('n.pinned', 'DESC')
      .addOrderBy('n.publishedAt', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.toVOs(items, member.id), total };
  }

  async unread(mpUserId: string): Promise<number> {
    const member = await this.accounts.memberOf(mpUserId);
    return this.addressedTo(member)
      .leftJoin(PartyNoticeRead, 'r', 'r.notice_id = n.id AND r.member_id = :memberId', { memberId: member.id })
      .andWhere('r.notice_id IS NULL')
      .getCount();
  }

  /** Opening a notice records the receipt once; a notice not addressed to the member is NOT_FOUND. */
  async open(mpUserId: string, id: string, now: Date = new Date()): Promise<MyNoticeVO> {
    const member = await this.accounts.memberOf(mpUserId);
    const notice = await this.dataSource.getRepository(PartyNotice).findOneBy({ id });
    if (!notice || !notice.publishedAt || notice.withdrawnAt || !addresses(notice, member.orgId, member.orgPath))
      throw new AppError('NOT_FOUND', '通知不存在');
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PartyNoticeRead)
      .values({ noticeId: id, memberId: member.id, readAt: now.toISOString() })
      .orIgnore()
      .execute();
    return (await this.toVOs([notice], member.id))[0];
  }

  private async toVOs(notices: readonly PartyNotice[], memberId: string): Promise<MyNoticeVO[]> {
    if (notices.length === 0) return [];
    const ids = notices.map((n) => n.id);
    const reads = await this.dataSource.getRepository(PartyNoticeRead).findBy({ memberId, noticeId: In(ids) });
    const read = new Set(reads.map((r) => r.noticeId));
    const orgs = await this.dataSource
      .getRepository(PartyOrg)
      .findBy({ id: In([...new Set(notices.map((n) => n.orgId))]) });
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    return notices.map((n) => ({
      id: n.id,
      orgName: orgNames.get(n.orgId) ?? '',
      title: n.title,
      body: n.body,
      pinned: !!n.pinned,
      publishedAt: n.publishedAt ?? '',
      read: read.has(n.id),
    }));
  }
}
