import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In } from 'typeorm';
import type { NoticeCreateInput, NoticeUpdateInput, NoticeVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { needsPrefixRange, prefixCondition } from '../../../core/scope/data-scope';
import type { Page } from '../../../core/scope/scoped-repository';
import { PartyMember } from '../members/party-member.entity';
import { OrgQueryService } from '../org/org-query.service';
import { PartyOrg } from '../org/party-org.entity';
import { invalid, refused } from '../party-errors';
import { applyPartyScope, inPartyScope, type PartyScope } from '../scope/party-scope';
import { PartyScopeService } from '../scope/party-scope.service';
import { sanitizeNoticeHtml } from './notice-html';
import { PartyNotice } from './party-notice.entity';
import { PartyNoticeRead } from './party-notice-read.entity';

const publishedRefusal = () => refused('NOTICE_PUBLISHED', '该党务公开已发布，不能再修改；如需更正，请另发一条');

/** 党务公开 in the portal: drafting, publishing and pinning within the caller's party scope. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class NoticeService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private audit!: AuditActorService;

  private async getInScope(scope: PartyScope, id: string): Promise<PartyNotice> {
    const notice = await this.dataSource.getRepository(PartyNotice).findOneBy({ id });
    if (!notice || !inPartyScope(scope, notice.orgPath))
      throw new AppError('NOT_FOUND', '党务公开不存在或不在您的负责范围内');
    return notice;
  }

  async list(principal: Principal, q: { page: number; pageSize: number; orgId?: string }): Promise<Page<NoticeVO>> {
    const scope = await this.scopes.scopeOf(principal);
    const within = q.orgId ? (await this.orgs.getInScope(scope, q.orgId)).path : undefined;
    const [items, total] = await applyPartyScope(
      this.dataSource.getRepository(PartyNotice).createQueryBuilder('n'),
      scope,
      'n.org_path',
      within,
    )
      .orderBy('n.pinned', 'DESC')
      .addOrderBy('n.publishedAt', 'DESC')
      .addOrderBy('n.createdAt', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.toVOs(items), total };
  }

  /** Only the town committee's view (`party:manage`) may address every member of the town. */
  async create(acting: Acting, input: NoticeCreateInput): Promise<NoticeVO> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const notice = this.dataSource.getRepository(PartyNotice).create({
      id: randomUUID(),
      ...(await this.fieldsOf(scope, input)),
      pinned: false,
      publishedAt: null,
      withdrawnAt: null,
      actorId: acting.actor.id,
    });
    await this.dataSource.getRepository(PartyNotice).insert(notice);
    await this.record(acting, 'party.notice.create', notice.id);
    return (await this.toVOs([notice]))[0];
  }

  /**
   * Editing a draft. Once published, members may have read it: a correction is a new notice, so the
   * edit is refused (409) — also when a publish slipped in between the read and the write.
   */
  async update(acting: Acting, id: string, input: NoticeUpdateInput): Promise<NoticeVO> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const notice = await this.getInScope(scope, id);
    if (notice.publishedAt) throw publishedRefusal();
    const fields = await this.fieldsOf(scope, input);
    const result = await this.dataSource
      .getRepository(PartyNotice)
      .createQueryBuilder()
      .update(PartyNotice)
      .set(fields)
      .where('id = :id AND published_at IS NULL', { id })
      .execute();
    if (result.affected === 0) throw publishedRefusal();
    Object.assign(notice, fields);
    await this.record(acting, 'party.notice.update', id);
    return (await this.toVOs([notice]))[0];
  }

  /** The publisher, the addressed organisation and the sanitised body, checked against the caller's scope. */
  private async fieldsOf(
    scope: PartyScope,
    input: NoticeCreateInput,
  ): Promise<Pick<PartyNotice, 'orgId' | 'orgPath' | 'audience' | 'targetOrgId' | 'targetPath' | 'title' | 'body'>> {
    const org = await this.orgs.getInScope(scope, input.orgId).catch(() => {
      throw invalid('orgId', '党组织不存在或不在您的负责范围内');
    });
    let target: PartyOrg | null = null;
    if (input.audience === 'all') {
      if (!scope.all) throw invalid('audience', '只有镇党委可以向全体党员公开');
    } else {
      target = await this.orgs.getInScope(scope, input.targetOrgId ?? '').catch(() => {
        throw invalid('targetOrgId', '党组织不存在或不在您的负责范围内');
      });
    }
    const body = sanitizeNoticeHtml(input.body);
    if (!body) throw invalid('body', '请填写正文');
    return {
      orgId: org.id,
      orgPath: org.path,
      audience: input.audience,
      targetOrgId: target?.id ?? null,
      targetPath: target?.path ?? null,
      title: input.title,
      body,
    };
  }

  async publish(acting: Acting, id: string, now: Date = new Date()): Promise<NoticeVO> {
    const notice = await this.getInScope(await this.scopes.scopeOf(acting.actor), id);
    if (!notice.publishedAt) {
      notice.publishedAt = now.toISOString();
      await this.dataSource.getRepository(PartyNotice).update({ id }, { publishedAt: notice.publishedAt });
      await this.record(acting, 'party.notice.publish', id);
    }
    return (await this.toVOs([notice]))[0];
  }

  /**
   * Withdrawing a published notice: members stop seeing it (and it leaves their unread count); the
   * record and its read receipts stay for the portal. A draft is refused (409); a second withdrawal
   * changes nothing.
   */
  async withdraw(acting: Acting, id: string, now: Date = new Date()): Promise<NoticeVO> {
    const notice = await this.getInScope(await this.scopes.scopeOf(acting.actor), id);
    if (!notice.publishedAt) throw refused('NOTICE_NOT_PUBLISHED', '草稿尚未发布，无需撤回；不需要的草稿可直接修改');
    if (!notice.withdrawnAt) {
      Object.assign(notice, { withdrawnAt: now.toISOString(), pinned: false });
      await this.dataSource
        .getRepository(PartyNotice)
        .update({ id }, { withdrawnAt: notice.withdrawnAt, pinned: false });
      await this.record(acting, 'party.notice.withdraw', id);
    }
    return (await this.toVOs([notice]))[0];
  }

  async pin(acting: Acting, id: string, pinned: boolean): Promise<NoticeVO> {
    const notice = await this.getInScope(await this.scopes.scopeOf(acting.actor), id);
    if (pinned && notice.withdrawnAt) throw refused('NOTICE_WITHDRAWN', '已撤回的党务公开不能置顶');
    notice.pinned = pinned;
    await this.dataSource.getRepository(PartyNotice).update({ id }, { pinned });
    await this.record(acting, 'party.notice.pin', id);
    return (await this.toVOs([notice]))[0];
  }

  private async record(
    acting: Acting,
    action:
      | 'party.notice.create'
      | 'party.notice.update'
      | 'party.notice.publish'
      | 'party.notice.pin'
      | 'party.notice.withdraw',
    id: string,
  ) {
    await this.audit.record(acting, { action, resourceType: 'party_notice', resourceId: id, result: 'success' });
  }

  /** Members addressed now (active files), by the notice's audience. */
  private async audienceCount(notice: PartyNotice): Promise<number> {
    const qb = this.dataSource
      .getRepository(PartyMember)
      .createQueryBuilder('m')
      .where('m.status = :active', { active: 'active' });
    if (notice.audience === 'org') qb.andWhere('m.org_id = :orgId', { orgId: notice.targetOrgId });
    if (notice.audience === 'subtree')
      qb.andWhere(
        ...prefixCondition('m.org_path', notice.targetPath ?? '', 'target', needsPrefixRange(this.dataSource)),
      );
    return qb.getCount();
  }

  private async toVOs(notices: readonly PartyNotice[]): Promise<NoticeVO[]> {
    if (notices.length === 0) return [];
    const ids = notices.map((n) => n.id);
    const reads = await this.dataSource
      .getRepository(PartyNoticeRead)
      .createQueryBuilder('r')
      .select('r.notice_id', 'noticeId')
      .addSelect('COUNT(*)', 'n')
      .where('r.notice_id IN (:...ids)', { ids })
      .groupBy('r.notice_id')
      .getRawMany<{ noticeId: string; n: number | string }>();
    const readCounts = new Map(reads.map((r) => [r.noticeId, Number(r.n)]));
    const orgs = await this.dataSource
      .getRepository(PartyOrg)
      .findBy({ id: In([...new Set(notices.map((n) => n.orgId))]) });
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    // One count per notice of the page (≤ 100): audiences differ in shape, so no single grouped query.
    const audienceCounts = await Promise.all(notices.map((n) => this.audienceCount(n)));
    return notices.map((n, i) => ({
      id: n.id,
      orgId: n.orgId,
      orgName: orgNames.get(n.orgId) ?? '',
      audience: n.audience,
      targetOrgId: n.targetOrgId,
      title: n.title,
      body: n.body,
      pinned: !!n.pinned,
      publishedAt: n.publishedAt,
      withdrawnAt: n.withdrawnAt ?? null,
      audienceCount: audienceCounts[i],
      readCount: readCounts.get(n.id) ?? 0,
    }));
  }
}
