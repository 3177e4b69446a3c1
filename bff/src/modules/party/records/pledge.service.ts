import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { fulfilmentRefusal } from '@zhili/shared';
import type { FulfilmentStatus, PledgeCreateInput, PledgeVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import type { Page } from '../../../core/scope/scoped-repository';
import { todayInShanghai } from '../../registry';
import { MemberViewsService } from '../members/member-views.service';
import { refused } from '../party-errors';
import type { PartyScope } from '../scope/party-scope';
import { PartyPledge } from './party-pledge.entity';
import { RecordSupportService, type RecordPageQuery } from './record-support.service';

export interface MemberRecordQuery extends RecordPageQuery {
  year?: number;
}

/** 党员承诺: a member's pledge for the year, and the branch's year-end record of how it was kept (承诺践诺). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PledgeService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private memberViews!: MemberViewsService;

  @Inject()
  private support!: RecordSupportService;

  private getInScope(scope: PartyScope, id: string): Promise<PartyPledge> {
    return this.support.getInScope(PartyPledge, scope, id, '党员承诺不存在或不在您的负责范围内');
  }

  async list(principal: Principal, q: MemberRecordQuery, now: Date = new Date()): Promise<Page<PledgeVO>> {
    const { items, total } = await this.support.page(PartyPledge, principal, q, (qb) => {
      if (q.year) qb.andWhere('r.year = :year', { year: q.year });
      return qb.orderBy('r.year', 'DESC').addOrderBy('r.createdAt', 'DESC');
    });
    return { items: await this.toVOs(items, now), total };
  }

  async create(acting: Acting, input: PledgeCreateInput, now: Date = new Date()): Promise<PledgeVO> {
    const scope = await this.support.scopeOf(acting.actor);
    const member = await this.support.memberFor(scope, input.memberId);
    this.support.checkYear(input.year, false, now);
    const repo = this.dataSource.getRepository(PartyPledge);
    if (await repo.existsBy({ memberId: member.id, year: input.year }))
      throw new AppError('CONFLICT', `该党员 ${input.year} 年的承诺已登记，请修改原有记录`);
    const pledge = repo.create({
      id: randomUUID(),
      memberId: member.id,
      orgId: member.orgId,
      orgPath: member.orgPath,
      year: input.year,
      text: input.text,
      fulfilment: null,
      fulfilmentNote: null,
      assessedOn: null,
      actorId: acting.actor.id,
    });
    await repo.insert(pledge);
    await this.support.record(acting, 'party.pledge.save', 'party_pledge', pledge.id);
    return (await this.toVOs([pledge], now))[0];
  }

  /** The pledge's words may change until the year-end assessment is recorded. */
  async update(acting: Acting, id: string, text: string, now: Date = new Date()): Promise<PledgeVO> {
    const pledge = await this.getInScope(await this.support.scopeOf(acting.actor), id);
    if (pledge.fulfilment) throw refused('pledge_assessed', '已年终评定的承诺不能再修改');
    await this.dataSource.getRepository(PartyPledge).update({ id }, { text });
    pledge.text = text;
    await this.support.record(acting, 'party.pledge.save', 'party_pledge', id);
    return (await this.toVOs([pledge], now))[0];
  }

  /** The year-end record of fulfilment, from 1 December of the pledge's year (shared `fulfilmentRefusal`). */
  async fulfil(
    acting: Acting,
    id: string,
    input: { fulfilment: FulfilmentStatus; note?: string | null },
    now: Date = new Date(),
  ): Promise<PledgeVO> {
    const pledge = await this.getInScope(await this.support.scopeOf(acting.actor), id);
    const today = todayInShanghai(now);
    const refusal = fulfilmentRefusal(pledge.year, today);
    if (refusal) throw refused('fulfilment_year_end', refusal);
    const changes = { fulfilment: input.fulfilment, fulfilmentNote: input.note || null, assessedOn: today };
    await this.dataSource.getRepository(PartyPledge).update({ id }, changes);
    Object.assign(pledge, changes);
    await this.support.record(acting, 'party.pledge.fulfil', 'party_pledge', id, { fulfilment: input.fulfilment });
    return (await this.toVOs([pledge], now))[0];
  }

  private async toVOs(pledges: readonly PartyPledge[], now: Date): Promise<PledgeVO[]> {
    if (pledges.length === 0) return [];
    const today = todayInShanghai(now);
    const [orgNames, names] = await Promise.all([
      this.memberViews.orgNames(pledges.map((p) => p.orgId)),
      this.support.memberNames(pledges.map((p) => p.memberId)),
    ]);
    return pledges.map((p) => ({
      id: p.id,
      memberId: p.memberId,
      memberName: names.get(p.memberId) ?? '',
      orgId: p.orgId,
      orgName: orgNames.get(p.orgId) ?? '',
      year: p.year,
      text: p.text,
      fulfilment: p.fulfilment,
      fulfilmentNote: p.fulfilmentNote,
      assessedOn: p.assessedOn,
      fulfilmentOpen: fulfilmentRefusal(p.year, today) === null,
    }));
  }
}
