import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { appraisalScore, holdsMembers } from '@zhili/shared';
import type { AppraisalOpenInput, AppraisalRoundVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import type { Page } from '../../../core/scope/scoped-repository';
import { applyPartyScope, inPartyScope, PartyMember, PartyOrg, PartyScopeService } from '../../party';
import { Region } from '../../region';
import { todayInShanghai } from '../../registry';
import { AppraisalViews } from './appraisal-views';
import { AppraisalRound, AppraisalSubject, AppraisalVote } from './appraisal.entity';

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);
const notFound = () => new AppError('NOT_FOUND', '民主评议不存在或不在您的负责范围内');

/** 民主评议 in the portal: opening one for a branch, watching the votes come in, closing and publishing. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AppraisalAdminService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private partyScopes!: PartyScopeService;

  @Inject()
  private views!: AppraisalViews;

  @Inject()
  private audit!: AuditActorService;

  private async getInScope(principal: Principal, id: string): Promise<AppraisalRound> {
    const round = await this.dataSource.getRepository(AppraisalRound).findOneBy({ id });
    if (!round || !inPartyScope(await this.partyScopes.scopeOf(principal), round.orgPath)) throw notFound();
    return round;
  }

  async list(principal: Principal, q: { page: number; pageSize: number }): Promise<Page<AppraisalRoundVO>> {
    const [items, total] = await applyPartyScope(
      this.dataSource.getRepository(AppraisalRound).createQueryBuilder('a'),
      await this.partyScopes.scopeOf(principal),
      'a.org_path',
    )
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.views.toVOs(items), total };
  }

  async get(principal: Principal, id: string): Promise<AppraisalRoundVO> {
    return (await this.views.toVOs([await this.getInScope(principal, id)]))[0];
  }

  /**
   * Opens voting for a branch's members (all active ones, or those named). Residents vote when the
   * branch serves a village or community (its region link); without one, members and leaders only.
   */
  async open(acting: Acting, input: AppraisalOpenInput, now = new Date()): Promise<AppraisalRoundVO> {
    const scope = await this.partyScopes.scopeOf(acting.actor);
    const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: input.orgId });
    if (!org || !inPartyScope(scope, org.path)) throw invalid('orgId', '党组织不存在或不在您的负责范围内');
    if (org.status !== 'active' || !holdsMembers(org.type)) throw invalid('orgId', '请选择在册的党支部或党小组');
    if (input.closesOn < todayInShanghai(now)) throw invalid('closesOn', '结束日期不能早于今天');
    const active = await this.dataSource.getRepository(PartyMember).findBy({ orgId: org.id, status: 'active' });
    const activeIds = new Set(active.map((m) => m.id));
    const chosen = input.memberIds.length ? input.memberIds : [...activeIds];
    const stranger = chosen.find((id) => !activeIds.has(id));
    if (stranger) throw invalid('memberIds', '被评议人须为本组织在册党员');
    if (chosen.length === 0) throw invalid('memberIds', '本组织没有在册党员，无法评议');
    const region = org.regionId ? await this.dataSource.getRepository(Region).findOneBy({ id: org.regionId }) : null;
    const round = this.dataSource.getRepository(AppraisalRound).create({
      id: randomUUID(),
      orgId: org.id,
      orgPath: org.path,
      regionPath: region?.path ?? null,
      title: input.title,
      period: input.period,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      status: 'open',
      closedAt: null,
      actorId: acting.actor.id,
    });
    await this.dataSource.transaction(async (em) => {
      await em.insert(AppraisalRound, round);
      await em.insert(
        AppraisalSubject,
        chosen.map((memberId) => ({ roundId: round.id, memberId, scoreTenths: null })),
      );
    });
    await this.record(acting, 'party.appraisal_round.open', round.id);
    return this.get(acting.actor, round.id);
  }

  /**
   * Ends voting and publishes: each member's score by `appraisalScore` (60/30/10, renormalised over
   * the groups that voted), written once. Closing twice changes nothing.
   */
  async close(acting: Acting, id: string, now = new Date()): Promise<AppraisalRoundVO> {
    const round = await this.getInScope(acting.actor, id);
    if (round.status === 'open') {
      await this.dataSource.transaction(async (em) => {
        const result = await em
          .getRepository(AppraisalRound)
          .update({ id, status: 'open' }, { status: 'closed', closedAt: now.toISOString() });
        if (result.affected === 0) return;
        const votes = await em.getRepository(AppraisalVote).findBy({ roundId: id });
        const subjects = await em.getRepository(AppraisalSubject).findBy({ roundId: id });
        for (const s of subjects) {
          const score = appraisalScore(
            votes.filter((v) => v.memberId === s.memberId).map((v) => ({ group: v.voterGroup, score: v.score })),
          );
          await em
            .getRepository(AppraisalSubject)
            .update({ roundId: id, memberId: s.memberId }, { scoreTenths: score?.tenths ?? null });
        }
      });
      await this.record(acting, 'party.appraisal_round.close', id);
    }
    return this.get(acting.actor, id);
  }

  private async record(
    acting: Acting,
    action: 'party.appraisal_round.open' | 'party.appraisal_round.close',
    id: string,
  ): Promise<void> {
    await this.audit.record(acting, { action, resourceType: 'appraisal_round', resourceId: id, result: 'success' });
  }
}
