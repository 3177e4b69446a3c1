import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, Not } from 'typeorm';
import type { PlanInput, PlanKind, PlanVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import type { Page } from '../../../core/scope/scoped-repository';
import { MemberViewsService } from '../members/member-views.service';
import { sanitizeNoticeHtml } from '../notices/notice-html';
import { OrgQueryService } from '../org/org-query.service';
import { invalid } from '../party-errors';
import type { PartyScope } from '../scope/party-scope';
import { PartyPlan } from './party-plan.entity';
import { RecordSupportService, type RecordPageQuery } from './record-support.service';

export interface PlanListQuery extends RecordPageQuery {
  year?: number;
  kind?: PlanKind;
}

/** 计划总结: an organisation's annual plan and summary (one of each a year), body sanitised like 党务公开. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PlanService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private memberViews!: MemberViewsService;

  @Inject()
  private support!: RecordSupportService;

  private getInScope(scope: PartyScope, id: string): Promise<PartyPlan> {
    return this.support.getInScope(PartyPlan, scope, id, '计划总结不存在或不在您的负责范围内');
  }

  async list(principal: Principal, q: PlanListQuery, now: Date = new Date()): Promise<Page<PlanVO>> {
    const { items, total } = await this.support.page(PartyPlan, principal, q, (qb) => {
      if (q.year) qb.andWhere('r.year = :year', { year: q.year });
      if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
      return qb.orderBy('r.year', 'DESC').addOrderBy('r.kind', 'ASC').addOrderBy('r.createdAt', 'DESC');
    });
    return { items: await this.toVOs(items, now), total };
  }

  /** The checked fields of a form: organisation in scope, the year (a plan may be for next year), body. */
  private async fields(scope: PartyScope, input: PlanInput, exceptId: string | null, now: Date) {
    const org = await this.orgs.getInScope(scope, input.orgId).catch(() => {
      throw invalid('orgId', '党组织不存在或不在您的负责范围内');
    });
    this.support.checkYear(input.year, input.kind === 'plan', now);
    const body = sanitizeNoticeHtml(input.body);
    if (!body) throw invalid('body', '请填写正文');
    const taken = await this.dataSource.getRepository(PartyPlan).existsBy({
      orgId: org.id,
      year: input.year,
      kind: input.kind,
      ...(exceptId ? { id: Not(exceptId) } : {}),
    });
    if (taken)
      throw new AppError(
        'CONFLICT',
        `该组织 ${input.year} 年的${input.kind === 'plan' ? '计划' : '总结'}已存在，请修改原有记录`,
      );
    return { org, body };
  }

  async create(acting: Acting, input: PlanInput, now: Date = new Date()): Promise<PlanVO> {
    const scope = await this.support.scopeOf(acting.actor);
    const { org, body } = await this.fields(scope, input, null, now);
    const plan = this.dataSource.getRepository(PartyPlan).create({
      id: randomUUID(),
      orgId: org.id,
      orgPath: org.path,
      year: input.year,
      kind: input.kind,
      title: input.title,
      body,
      attachmentIds: [],
      actorId: acting.actor.id,
    });
    await this.dataSource.transaction(async (m) => {
      plan.attachmentIds = await this.support.attachNew(m, acting, org.path, [], input.attachmentIds);
      await m.getRepository(PartyPlan).insert(plan);
    });
    await this.support.record(acting, 'party.plan.save', 'party_plan', plan.id);
    return this.one(plan.id, now);
  }

  async update(acting: Acting, id: string, input: PlanInput, now: Date = new Date()): Promise<PlanVO> {
    const scope = await this.support.scopeOf(acting.actor);
    const plan = await this.getInScope(scope, id);
    const { org, body } = await this.fields(scope, input, plan.id, now);
    await this.dataSource.transaction(async (m) => {
      const attachmentIds = await this.support.attachNew(m, acting, org.path, plan.attachmentIds, input.attachmentIds);
      await m.getRepository(PartyPlan).update(
        { id },
        {
          orgId: org.id,
          orgPath: org.path,
          year: input.year,
          kind: input.kind,
          title: input.title,
          body,
          attachmentIds,
        },
      );
    });
    await this.support.record(acting, 'party.plan.save', 'party_plan', id);
    return this.one(id, now);
  }

  async remove(acting: Acting, id: string): Promise<void> {
    const plan = await this.getInScope(await this.support.scopeOf(acting.actor), id);
    await this.dataSource.getRepository(PartyPlan).delete({ id: plan.id });
    await this.support.record(acting, 'party.plan.delete', 'party_plan', id, { title: plan.title });
  }

  private async one(id: string, now: Date): Promise<PlanVO> {
    const plan = await this.dataSource.getRepository(PartyPlan).findOneByOrFail({ id });
    return (await this.toVOs([plan], now))[0];
  }

  private async toVOs(plans: readonly PartyPlan[], now: Date): Promise<PlanVO[]> {
    if (plans.length === 0) return [];
    const [orgNames, links] = await Promise.all([
      this.memberViews.orgNames(plans.map((p) => p.orgId)),
      this.support.fileLinks(
        plans.flatMap((p) => p.attachmentIds),
        now,
      ),
    ]);
    return plans.map((p) => ({
      id: p.id,
      orgId: p.orgId,
      orgName: orgNames.get(p.orgId) ?? '',
      year: p.year,
      kind: p.kind,
      title: p.title,
      body: p.body,
      attachments: RecordSupportService.pick(links, p.attachmentIds),
      updatedAt: new Date(p.updatedAt).toISOString(),
    }));
  }
}
