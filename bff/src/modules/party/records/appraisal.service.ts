import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, IsNull, Not } from 'typeorm';
import type { AppraisalCreateInput, AppraisalResult, AppraisalVO, MyAppraisalVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import type { Page } from '../../../core/scope/scoped-repository';
import { MemberViewsService } from '../members/member-views.service';
import { refused } from '../party-errors';
import type { PartyScope } from '../scope/party-scope';
import { PartyAppraisal } from './party-appraisal.entity';
import type { MemberRecordQuery } from './pledge.service';
import { RecordSupportService } from './record-support.service';

/**
 * 民主评议 results: one per member and year, recorded by the branch and published to the member (the
 * vote itself comes later with surveys). A published result is final.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AppraisalService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private memberViews!: MemberViewsService;

  @Inject()
  private support!: RecordSupportService;

  private getInScope(scope: PartyScope, id: string): Promise<PartyAppraisal> {
    return this.support.getInScope(PartyAppraisal, scope, id, '评议结果不存在或不在您的负责范围内');
  }

  async list(principal: Principal, q: MemberRecordQuery & { result?: AppraisalResult }): Promise<Page<AppraisalVO>> {
    const { items, total } = await this.support.page(PartyAppraisal, principal, q, (qb) => {
      if (q.year) qb.andWhere('r.year = :year', { year: q.year });
      if (q.result) qb.andWhere('r.result = :result', { result: q.result });
      return qb.orderBy('r.year', 'DESC').addOrderBy('r.createdAt', 'DESC');
    });
    return { items: await this.toVOs(items), total };
  }

  async create(acting: Acting, input: AppraisalCreateInput, now: Date = new Date()): Promise<AppraisalVO> {
    const scope = await this.support.scopeOf(acting.actor);
    const member = await this.support.memberFor(scope, input.memberId);
    this.support.checkYear(input.year, false, now);
    const repo = this.dataSource.getRepository(PartyAppraisal);
    if (await repo.existsBy({ memberId: member.id, year: input.year }))
      throw new AppError('CONFLICT', `该党员 ${input.year} 年的评议结果已登记，请修改原有记录`);
    const appraisal = repo.create({
      id: randomUUID(),
      memberId: member.id,
      orgId: member.orgId,
      orgPath: member.orgPath,
      year: input.year,
      result: input.result,
      note: input.note || null,
      publishedAt: null,
      actorId: acting.actor.id,
    });
    await repo.insert(appraisal);
    await this.support.record(acting, 'party.appraisal.save', 'party_appraisal', appraisal.id, {
      result: input.result,
    });
    return (await this.toVOs([appraisal]))[0];
  }

  async update(
    acting: Acting,
    id: string,
    input: { result: AppraisalResult; note?: string | null },
  ): Promise<AppraisalVO> {
    const appraisal = await this.getInScope(await this.support.scopeOf(acting.actor), id);
    if (appraisal.publishedAt) throw refused('appraisal_published', '评议结果已公布，不能再修改');
    const changes = { result: input.result, note: input.note || null };
    const result = await this.dataSource.getRepository(PartyAppraisal).update({ id, publishedAt: IsNull() }, changes);
    if (!result.affected) throw refused('appraisal_published', '评议结果已公布，不能再修改');
    Object.assign(appraisal, changes);
    await this.support.record(acting, 'party.appraisal.save', 'party_appraisal', id, { result: input.result });
    return (await this.toVOs([appraisal]))[0];
  }

  async publish(acting: Acting, id: string, now: Date = new Date()): Promise<AppraisalVO> {
    const appraisal = await this.getInScope(await this.support.scopeOf(acting.actor), id);
    if (!appraisal.publishedAt) {
      appraisal.publishedAt = now.toISOString();
      await this.dataSource
        .getRepository(PartyAppraisal)
        .update({ id, publishedAt: IsNull() }, { publishedAt: appraisal.publishedAt });
      await this.support.record(acting, 'party.appraisal.publish', 'party_appraisal', id);
    }
    return (await this.toVOs([appraisal]))[0];
  }

  /** A member's own published results, latest year first. */
  async mine(memberId: string): Promise<MyAppraisalVO[]> {
    const rows = await this.dataSource
      .getRepository(PartyAppraisal)
      .find({ where: { memberId, publishedAt: Not(IsNull()) }, order: { year: 'DESC' } });
    return rows.map((a) => ({ id: a.id, year: a.year, result: a.result, publishedAt: a.publishedAt }));
  }

  private async toVOs(appraisals: readonly PartyAppraisal[]): Promise<AppraisalVO[]> {
    if (appraisals.length === 0) return [];
    const [orgNames, names] = await Promise.all([
      this.memberViews.orgNames(appraisals.map((a) => a.orgId)),
      this.support.memberNames(appraisals.map((a) => a.memberId)),
    ]);
    return appraisals.map((a) => ({
      id: a.id,
      memberId: a.memberId,
      memberName: names.get(a.memberId) ?? '',
      orgId: a.orgId,
      orgName: orgNames.get(a.orgId) ?? '',
      year: a.year,
      result: a.result,
      note: a.note,
      publishedAt: a.publishedAt,
    }));
  }
}
