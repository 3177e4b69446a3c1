import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import {
  allowedHonourActs,
  hasPermission,
  honourActRefusal,
  honourStatusAfter,
  honourWorkflow,
  Permission,
  type HonourAct,
  type HonourActor,
  type HonourInput,
  type HonourKind,
  type HonourStatus,
  type HonourVO,
} from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import type { Page } from '../../../core/scope/scoped-repository';
import { todayInShanghai } from '../../registry';
import { MemberViewsService } from '../members/member-views.service';
import { OrgQueryService } from '../org/org-query.service';
import { checkNotFuture, invalid, refused } from '../party-errors';
import { inPartyScope, type PartyScope } from '../scope/party-scope';
import { PartyHonour } from './party-honour.entity';
import { RecordSupportService, type RecordPageQuery } from './record-support.service';

export interface HonourListQuery extends RecordPageQuery {
  status?: HonourStatus;
  kind?: HonourKind;
}

/**
 * What the caller is for an honour in their scope. 支委 (committee): manages member files there
 * (`party:member:manage`). 书记 (secretary): holds `party:honour:approve` there — the 党组织书记 role
 * and the town admin hold it; a secretary's scope is the organisations they are assigned to and
 * their subtrees, so the branch secretary approves their branch's honours and the committee's
 * secretary any of the town's.
 */
export function honourActor(principal: Principal, scope: PartyScope, orgPath: string): HonourActor {
  const covers = inPartyScope(scope, orgPath);
  const grants = principal.grants ?? [];
  return {
    committee: covers && hasPermission(principal.roles, Permission.PartyMemberManage, grants),
    secretary: covers && hasPermission(principal.roles, Permission.PartyHonourApprove, grants),
  };
}

/** 组织荣誉 / 党员荣誉: recorded and submitted by the committee, approved by the secretary, then published. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HonourService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private memberViews!: MemberViewsService;

  @Inject()
  private support!: RecordSupportService;

  private getInScope(scope: PartyScope, id: string): Promise<PartyHonour> {
    return this.support.getInScope(PartyHonour, scope, id, '荣誉不存在或不在您的负责范围内');
  }

  async list(principal: Principal, q: HonourListQuery, now: Date = new Date()): Promise<Page<HonourVO>> {
    const { scope, items, total } = await this.support.page(PartyHonour, principal, q, (qb) => {
      if (q.status) qb.andWhere('r.status = :status', { status: q.status });
      if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
      return qb.orderBy('r.awardedOn', 'DESC').addOrderBy('r.createdAt', 'DESC');
    });
    return { items: await this.toVOs(items, { principal, scope }, now), total };
  }

  /** The organisation and member of a form, checked against the caller's scope. */
  private async subject(scope: PartyScope, input: HonourInput, now: Date) {
    const org = await this.orgs.getInScope(scope, input.orgId).catch(() => {
      throw invalid('orgId', '党组织不存在或不在您的负责范围内');
    });
    if (org.status !== 'active') throw invalid('orgId', '该党组织已合并或撤销');
    let memberId: string | null = null;
    if (input.kind === 'member') {
      const member = await this.support.memberFor(scope, input.memberId ?? '');
      if (!member.orgPath.startsWith(org.path)) throw invalid('memberId', '该党员不属于所选党组织');
      memberId = member.id;
    }
    checkNotFuture('awardedOn', input.awardedOn, todayInShanghai(now));
    return { org, memberId };
  }

  async create(acting: Acting, input: HonourInput, now: Date = new Date()): Promise<HonourVO> {
    const scope = await this.support.scopeOf(acting.actor);
    const { org, memberId } = await this.subject(scope, input, now);
    const honour = this.dataSource.getRepository(PartyHonour).create({
      id: randomUUID(),
      kind: input.kind,
      orgId: org.id,
      orgPath: org.path,
      memberId,
      title: input.title,
      level: input.level,
      awardingBody: input.awardingBody,
      awardedOn: input.awardedOn,
      status: 'draft',
      rejectReason: null,
      attachmentIds: [],
      submittedAt: null,
      submittedBy: null,
      reviewedAt: null,
      reviewedBy: null,
      publishedAt: null,
      actorId: acting.actor.id,
    });
    await this.dataSource.transaction(async (m) => {
      honour.attachmentIds = await this.support.attachNew(m, acting, org.path, [], input.attachmentIds);
      await m.getRepository(PartyHonour).insert(honour);
    });
    await this.support.record(acting, 'party.honour.create', 'party_honour', honour.id);
    return (await this.toVOs([honour], { principal: acting.actor, scope }, now))[0];
  }

  /** Corrects a draft or a returned honour (a returned one becomes a draft again). */
  async update(acting: Acting, id: string, input: HonourInput, now: Date = new Date()): Promise<HonourVO> {
    const scope = await this.support.scopeOf(acting.actor);
    const honour = await this.getInScope(scope, id);
    this.check(honour, 'edit', honourActor(acting.actor, scope, honour.orgPath));
    const { org, memberId } = await this.subject(scope, input, now);
    const changes = {
      kind: input.kind,
      orgId: org.id,
      orgPath: org.path,
      memberId,
      title: input.title,
      level: input.level,
      awardingBody: input.awardingBody,
      awardedOn: input.awardedOn,
      status: honourStatusAfter('edit'),
    };
    await this.dataSource.transaction(async (m) => {
      const attachmentIds = await this.support.attachNew(
        m,
        acting,
        org.path,
        honour.attachmentIds,
        input.attachmentIds,
      );
      const result = await m
        .getRepository(PartyHonour)
        .update({ id, status: honour.status }, { ...changes, attachmentIds });
      if (!result.affected) throw new AppError('CONFLICT', '荣誉已被他人处理，请刷新后重试');
      Object.assign(honour, changes, { attachmentIds });
    });
    await this.support.record(acting, 'party.honour.update', 'party_honour', id);
    return (await this.toVOs([honour], { principal: acting.actor, scope }, now))[0];
  }

  /** Submit (committee), approve or reject with a reason (secretary), publish (committee). */
  async act(
    acting: Acting,
    id: string,
    act: Exclude<HonourAct, 'edit'>,
    reason: string | null = null,
    now: Date = new Date(),
  ): Promise<HonourVO> {
    const scope = await this.support.scopeOf(acting.actor);
    const honour = await this.getInScope(scope, id);
    this.check(honour, act, honourActor(acting.actor, scope, honour.orgPath));
    const at = now.toISOString();
    const changes: Partial<PartyHonour> = { status: honourStatusAfter(act) };
    if (act === 'submit') Object.assign(changes, { submittedAt: at, submittedBy: acting.actor.id, rejectReason: null });
    if (act === 'approve' || act === 'reject')
      Object.assign(changes, { reviewedAt: at, reviewedBy: acting.actor.id, rejectReason: reason });
    if (act === 'publish') changes.publishedAt = at;
    const result = await this.dataSource.getRepository(PartyHonour).update({ id, status: honour.status }, changes);
    if (!result.affected) throw new AppError('CONFLICT', '荣誉已被他人处理，请刷新后重试');
    Object.assign(honour, changes);
    await this.support.record(acting, 'party.honour.act', 'party_honour', id, { act });
    return (await this.toVOs([honour], { principal: acting.actor, scope }, now))[0];
  }

  /** 403 when the caller's role does not take this step, 409 when the status does not allow it. */
  private check(honour: PartyHonour, act: HonourAct, actor: HonourActor): void {
    const refusal = honourActRefusal(honour.status, act, actor);
    if (!refusal) return;
    if (!actor[honourWorkflow[act].by]) throw new AppError('FORBIDDEN', refusal);
    throw refused('honour_status', refusal);
  }

  async toVOs(
    honours: readonly PartyHonour[],
    who: { principal: Principal; scope: PartyScope },
    now: Date = new Date(),
  ): Promise<HonourVO[]> {
    if (honours.length === 0) return [];
    const [orgNames, memberNames, links] = await Promise.all([
      this.memberViews.orgNames(honours.map((h) => h.orgId)),
      this.support.memberNames(honours.map((h) => h.memberId)),
      this.support.fileLinks(
        honours.flatMap((h) => h.attachmentIds),
        now,
      ),
    ]);
    return honours.map((h) => ({
      id: h.id,
      kind: h.kind,
      orgId: h.orgId,
      orgName: orgNames.get(h.orgId) ?? '',
      memberId: h.memberId,
      memberName: h.memberId ? (memberNames.get(h.memberId) ?? '') : null,
      title: h.title,
      level: h.level,
      awardingBody: h.awardingBody,
      awardedOn: h.awardedOn,
      status: h.status,
      rejectReason: h.rejectReason,
      submittedAt: h.submittedAt,
      reviewedAt: h.reviewedAt,
      publishedAt: h.publishedAt,
      attachments: RecordSupportService.pick(links, h.attachmentIds),
      availableActs: allowedHonourActs(h.status, honourActor(who.principal, who.scope, h.orgPath)),
    }));
  }
}
