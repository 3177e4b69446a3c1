import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AdmissionStage, holdsMembers } from '@zhili/shared';
import type {
  AdmissionDetailVO,
  AdmissionDueStatus,
  AdmissionSummaryVO,
  AdmissionVO,
  admissionListFilters,
} from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { needsPrefixRange, prefixCondition } from '../../../core/scope/data-scope';
import type { Page } from '../../../core/scope/scoped-repository';
import { Person, todayInShanghai } from '../../registry';
import { OrgQueryService } from '../org/org-query.service';
import { treeOrder } from '../org/org-views.service';
import { PartyOrg } from '../org/party-org.entity';
import { applyPartyScope, inPartyScope, type PartyScope } from '../scope/party-scope';
import { PartyScopeService } from '../scope/party-scope.service';
import { AdmissionViewsService } from './admission-views.service';
import { OPEN_ADMISSION_STAGES } from './open-stages';
import { PartyAdmission } from './party-admission.entity';

export interface AdmissionListQuery {
  page: number;
  pageSize: number;
  orgId?: string;
  stage?: (typeof admissionListFilters)[number];
  due?: AdmissionDueStatus;
  q?: string;
}

/** Order of the board: what is late first, then what can be done now, then what waits. */
const DUE_RANK: Record<AdmissionDueStatus | 'none', number> = { overdue: 0, due: 1, waiting: 2, none: 3 };

function dueKey(a: AdmissionVO): string {
  return a.due?.by ?? a.due?.from ?? a.appliedOn;
}

/**
 * Reads of the admission pipeline through the caller's party scope. The "due" fields come from the
 * shared rules, so the board is computed in memory over the scope's records (a town has hundreds at
 * most) and then paged: filter and order by them without a second copy of the rules in SQL.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AdmissionQueryService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private views!: AdmissionViewsService;

  async getInScope(scope: PartyScope, id: string): Promise<PartyAdmission> {
    const admission = await this.dataSource.getRepository(PartyAdmission).findOneBy({ id });
    if (!admission || !inPartyScope(scope, admission.orgPath))
      throw new AppError('NOT_FOUND', '发展党员记录不存在或不在您的负责范围内');
    return admission;
  }

  private async inScope(
    principal: Principal,
    q: Omit<AdmissionListQuery, 'page' | 'pageSize' | 'due'>,
  ): Promise<PartyAdmission[]> {
    const scope = await this.scopes.scopeOf(principal);
    const within = q.orgId ? (await this.orgs.getInScope(scope, q.orgId)).path : undefined;
    const qb = applyPartyScope(
      this.dataSource.getRepository(PartyAdmission).createQueryBuilder('a'),
      scope,
      'a.org_path',
      within,
    );
    const stage = q.stage ?? 'open';
    if (stage === 'open') qb.andWhere({ stage: In([...OPEN_ADMISSION_STAGES]) });
    else if (stage !== 'all') qb.andWhere({ stage });
    const text = q.q?.trim();
    if (text) {
      const [sql, params] = prefixCondition('p.name', text, 'aq', needsPrefixRange(this.dataSource));
      qb.innerJoin(Person, 'p', 'p.id = a.person_id').andWhere(sql, params);
    }
    return qb.getMany();
  }

  async list(principal: Principal, q: AdmissionListQuery, now: Date = new Date()): Promise<Page<AdmissionVO>> {
    const all = await this.views.toVOs(await this.inScope(principal, q), todayInShanghai(now));
    const matching = (q.due ? all.filter((a) => a.due?.status === q.due) : all).sort(
      (a, b) =>
        DUE_RANK[a.due?.status ?? 'none'] - DUE_RANK[b.due?.status ?? 'none'] ||
        dueKey(a).localeCompare(dueKey(b)) ||
        a.id.localeCompare(b.id),
    );
    return { items: matching.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: matching.length };
  }

  /** Per active branch and group in scope: open records by stage, due and overdue counts. */
  async summary(principal: Principal, now: Date = new Date()): Promise<AdmissionSummaryVO[]> {
    const scope = await this.scopes.scopeOf(principal);
    const orgs = await applyPartyScope(this.dataSource.getRepository(PartyOrg).createQueryBuilder('o'), scope, 'o.path')
      .andWhere('o.status = :active', { active: 'active' })
      .getMany();
    const records = await this.views.toVOs(await this.inScope(principal, {}), todayInShanghai(now));
    const stages = Object.values(AdmissionStage);
    return treeOrder(orgs)
      .filter((o) => holdsMembers(o.type))
      .map((o) => {
        const mine = records.filter((r) => r.orgId === o.id);
        return {
          orgId: o.id,
          orgName: o.name,
          byStage: Object.fromEntries(stages.map((s) => [s, mine.filter((r) => r.stage === s).length])) as Record<
            AdmissionStage,
            number
          >,
          due: mine.filter((r) => r.due?.status === 'due').length,
          overdue: mine.filter((r) => r.due?.status === 'overdue').length,
        };
      });
  }

  async detail(principal: Principal, id: string, now: Date = new Date()): Promise<AdmissionDetailVO> {
    const scope = await this.scopes.scopeOf(principal);
    return this.views.detail(await this.getInScope(scope, id), todayInShanghai(now), now);
  }
}
