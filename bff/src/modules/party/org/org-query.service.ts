import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { canPlaceOrg, hasPermission, holdsMembers, Permission, PartyOrgType } from '@zhili/shared';
import type { PartyOrgAct, PartyOrgDetailVO, PartyOrgVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { todayInShanghai } from '../../registry';
import { StaffUser } from '../../staff';
import { invalid } from '../party-errors';
import { applyPartyScope, inPartyScope, type PartyScope } from '../scope/party-scope';
import { PartyScopeService } from '../scope/party-scope.service';
import { parentPathOf } from './org-paths';
import { OrgViewsService, treeOrder } from './org-views.service';
import { PartyOrg } from './party-org.entity';
import { PartyOrgEvent } from './party-org-event.entity';
import { PartyOrgSeat } from './party-org-seat.entity';
import { PartyOrgStaff } from './party-org-staff.entity';
import { PartyOrgTerm } from './party-org-term.entity';

const ALL_TYPES = Object.values(PartyOrgType);

/** Whether the caller may change the tree around `org` (merge, dissolve): its parent is theirs too. */
export function coversParent(scope: PartyScope, org: Pick<PartyOrg, 'path'>): boolean {
  const parent = parentPathOf(org.path);
  return scope.all || (parent !== null && inPartyScope(scope, parent));
}

/** Reads of the organisation tree, always through the caller's party scope (outside = not found). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OrgQueryService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private views!: OrgViewsService;

  /** An organisation in the caller's scope; NOT_FOUND otherwise. */
  async getInScope(scope: PartyScope, id: string): Promise<PartyOrg> {
    const org = await this.dataSource.getRepository(PartyOrg).findOneBy({ id });
    if (!org || !inPartyScope(scope, org.path)) throw new AppError('NOT_FOUND', '党组织不存在或不在您的负责范围内');
    return org;
  }

  /** An active organisation in scope, for a change (a merged or dissolved one is history only). */
  async activeInScope(scope: PartyScope, id: string): Promise<PartyOrg> {
    const org = await this.getInScope(scope, id);
    if (org.status !== 'active') throw new AppError('CONFLICT', '该党组织已合并或撤销，不能再变更');
    return org;
  }

  /** An active branch or group in scope, able to hold members (a form's `field` is named on refusal). */
  async memberOrg(scope: PartyScope, orgId: string, field: string): Promise<PartyOrg> {
    const org = await this.getInScope(scope, orgId).catch(() => {
      throw invalid(field, '党组织不存在或不在您的负责范围内');
    });
    if (org.status !== 'active') throw invalid(field, '该党组织已合并或撤销');
    if (!holdsMembers(org.type)) throw invalid(field, '党员须编入党支部或党小组');
    return org;
  }

  /** The caller's subtrees, parents before children. */
  async tree(principal: Principal, includeClosed: boolean, now: Date = new Date()): Promise<PartyOrgVO[]> {
    const scope = await this.scopes.scopeOf(principal);
    const qb = applyPartyScope(this.dataSource.getRepository(PartyOrg).createQueryBuilder('o'), scope, 'o.path');
    if (!includeClosed) qb.andWhere('o.status = :active', { active: 'active' });
    return this.views.toVOs(treeOrder(await qb.getMany()), todayInShanghai(now));
  }

  async detail(principal: Principal, id: string, now: Date = new Date()): Promise<PartyOrgDetailVO> {
    const scope = await this.scopes.scopeOf(principal);
    const org = await this.getInScope(scope, id);
    const repo = <T extends object>(entity: new () => T) => this.dataSource.getRepository(entity);
    const [[base], terms, events, assigned] = await Promise.all([
      this.views.toVOs([org], todayInShanghai(now)),
      repo(PartyOrgTerm).find({ where: { orgId: org.id }, order: { startedOn: 'DESC', createdAt: 'DESC' } }),
      repo(PartyOrgEvent).find({ where: { orgId: org.id }, order: { happenedOn: 'DESC', createdAt: 'DESC' } }),
      repo(PartyOrgStaff).find({ where: { orgId: org.id }, order: { createdAt: 'ASC' } }),
    ]);
    const termIds = terms.map((t) => t.id);
    const seats = termIds.length
      ? await repo(PartyOrgSeat).find({ where: { termId: In(termIds) }, order: { seatOrder: 'ASC' } })
      : [];
    const seatVOs = await this.views.seatVOs(seats);
    const seatsOf = (termId: string) => seatVOs.filter((_, i) => seats[i].termId === termId);
    const relatedIds = [org.parentId, org.mergedIntoId, ...events.map((e) => e.relatedOrgId)].filter(
      (v): v is string => !!v,
    );
    const [related, staff] = await Promise.all([
      relatedIds.length ? repo(PartyOrg).findBy({ id: In([...new Set(relatedIds)]) }) : Promise.resolve([]),
      assigned.length
        ? repo(StaffUser).find({
            where: { id: In(assigned.map((a) => a.staffUserId)) },
            select: { id: true, username: true, displayName: true },
          })
        : Promise.resolve([]),
    ]);
    const ref = (orgId: string | null) => {
      const found = orgId ? related.find((r) => r.id === orgId) : undefined;
      return found ? { id: found.id, name: found.name } : null;
    };
    const manage = hasPermission(principal.roles, Permission.PartyOrgManage, principal.grants ?? []);
    return {
      ...base,
      parent: ref(org.parentId),
      mergedInto: ref(org.mergedIntoId),
      committee: org.currentTermId ? seatsOf(org.currentTermId) : [],
      terms: terms.map((t) => ({ id: t.id, startedOn: t.startedOn, note: t.note, committee: seatsOf(t.id) })),
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        on: e.happenedOn,
        note: e.note,
        relatedOrg: ref(e.relatedOrgId),
        detail: e.detail ?? {},
        actorName: e.actorName,
        createdAt: new Date(e.createdAt).toISOString(),
      })),
      staff: staff.map((s) => ({ id: s.id, username: s.username, displayName: s.displayName })),
      childTypes: ALL_TYPES.filter((t) => canPlaceOrg(t, org.type)),
      availableActs: org.status === 'active' && manage ? this.actsOn(scope, org) : [],
    };
  }

  private actsOn(scope: PartyScope, org: PartyOrg): PartyOrgAct[] {
    const acts: PartyOrgAct[] = ['update', 'term'];
    if (coversParent(scope, org)) acts.push('merge', 'dissolve');
    if (ALL_TYPES.some((t) => canPlaceOrg(t, org.type))) acts.push('create_child');
    acts.push('assign_staff');
    return acts;
  }
}
