import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import {
  pointsRulesRefusal,
  studyEventKindLabels,
  type PointsRule,
  type PointsRulesBody,
  type PointsRuleVO,
  type StaffRankingRowVO,
} from '@zhili/shared';
import { AuditActorService, type Acting } from '../../../core/audit';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { applyPartyScope, MemberPeopleService, PartyMember, PartyOrg, PartyScopeService } from '../../party';
import { StudyClock } from '../progress/study-clock';
import { orgNames, periodOf, rankMembers } from './points-ranking';
import { StudyPointsService } from './study-points.service';
import { PointsRuleRow } from './points-rule.entity';

const ruleVO = (r: PointsRule): PointsRuleVO => ({ ...r, label: studyEventKindLabels[r.kind] });

/** The portal's side of points: the rule table (study:manage) and the ranking within the caller's party scope. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffPointsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private points!: StudyPointsService;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private people!: MemberPeopleService;

  @Inject()
  private audit!: AuditActorService;

  @Inject()
  private clock!: StudyClock;

  async rules(): Promise<PointsRuleVO[]> {
    return (await this.points.rules()).map(ruleVO);
  }

  /** Replaces the whole table; the shared `pointsRulesRefusal` says why a table cannot be saved. */
  async saveRules(acting: Acting, body: PointsRulesBody): Promise<PointsRuleVO[]> {
    const refusal = pointsRulesRefusal(body.rules);
    if (refusal) throw new AppError('VALIDATION_FAILED', refusal, [{ field: 'rules', message: refusal }]);
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(PointsRuleRow);
      await repo.clear();
      await repo.insert(body.rules.map((r) => ({ ...r, actorId: acting.actor.id })));
    });
    await this.audit.record(acting, {
      action: 'party.study.points_rules.save',
      resourceType: 'study_points_rule',
      resourceId: null,
      result: 'success',
      detail: { rules: body.rules },
    });
    return this.rules();
  }

  /** Active members of the caller's scope (narrowed to `orgId`'s subtree), ranked over the period. */
  async ranking(
    principal: Principal,
    query: { orgId?: string; from?: string; to?: string; page: number; pageSize: number },
  ): Promise<{ items: StaffRankingRowVO[]; total: number }> {
    const scope = await this.scopes.scopeOf(principal);
    let within: string | undefined;
    if (query.orgId) {
      const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id: query.orgId });
      if (!org) throw new AppError('NOT_FOUND', '党组织不存在');
      this.scopes.assertCovers(scope, org.path);
      within = org.path;
    }
    const month = periodOf('month', this.clock.now());
    const period = { from: query.from ?? month.from, to: query.to ?? month.to };
    if (period.from > period.to) {
      throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', [
        { field: 'from', message: '开始日期不能晚于结束日期' },
      ]);
    }
    const qb = this.dataSource
      .getRepository(PartyMember)
      .createQueryBuilder('m')
      .where('m.status = :active', { active: 'active' });
    const members = await applyPartyScope(qb, scope, 'm.org_path', within).getMany();
    const ranked = await rankMembers(this.dataSource, members, period);
    const page = ranked.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    const names = await this.people.describe(page.map((r) => r.member));
    const branches = await orgNames(
      this.dataSource,
      page.map((r) => r.member.orgId),
    );
    return {
      items: page.map((r) => ({
        rank: r.rank,
        memberId: r.member.id,
        name: names.get(r.member.id)?.name ?? '',
        orgId: r.member.orgId,
        branchName: branches.get(r.member.orgId) ?? '',
        total: r.total,
      })),
      total: ranked.length,
    };
  }
}
