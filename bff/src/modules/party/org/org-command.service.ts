import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import {
  canPlaceOrg,
  partyOrgTypeLabels,
  type CommitteeSeatInput,
  type PartyOrgCreateInput,
  type PartyOrgDetailVO,
  type PartyOrgDissolveInput,
  type PartyOrgMergeInput,
  type PartyOrgTermInput,
  type PartyOrgUpdateInput,
} from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { RegionService } from '../../region';
import { todayInShanghai } from '../../registry';
import { PartyAdmission } from '../admission/party-admission.entity';
import { OPEN_ADMISSION_STAGES } from '../admission/open-stages';
import { appendMemberEvents } from '../members/member-history';
import { PartyMember } from '../members/party-member.entity';
import { PartyActors } from '../party-actors';
import { checkNotFuture, invalid } from '../party-errors';
import type { PartyScope } from '../scope/party-scope';
import { PartyScopeService } from '../scope/party-scope.service';
import { checkedSeats } from './committee-seats';
import { childPath } from './org-paths';
import { coversParent, OrgQueryService } from './org-query.service';
import { PartyOrg } from './party-org.entity';
import { PartyOrgEvent } from './party-org-event.entity';
import { PartyOrgSeat } from './party-org-seat.entity';
import { PartyOrgTerm } from './party-org-term.entity';

interface Context {
  acting: Acting;
  scope: PartyScope;
  actorName: string;
  today: string;
}

/**
 * Changes to the organisation tree, each a dated record: 成立, 信息变更, 换届, 合并, 撤销 (who works
 * on which subtree: OrgStaffService). Every change and its history line are written in one transaction, then
 * audited; the answer is the organisation as it is now.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OrgCommandService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private query!: OrgQueryService;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private actors!: PartyActors;

  @Inject()
  private audit!: AuditActorService;

  private async context(acting: Acting, now: Date): Promise<Context> {
    const [scope, actorName] = await Promise.all([this.scopes.scopeOf(acting.actor), this.actors.nameOf(acting.actor)]);
    return { acting, scope, actorName, today: todayInShanghai(now) };
  }

  private event(
    m: EntityManager,
    c: Context,
    org: PartyOrg,
    fields: Pick<PartyOrgEvent, 'kind' | 'happenedOn'> &
      Partial<Pick<PartyOrgEvent, 'note' | 'relatedOrgId' | 'detail'>>,
  ): Promise<unknown> {
    const repo = m.getRepository(PartyOrgEvent);
    return repo.insert(
      repo.create({
        id: randomUUID(),
        orgId: org.id,
        note: null,
        relatedOrgId: null,
        detail: {},
        ...fields,
        actorId: c.acting.actor.id,
        actorName: c.actorName,
      }),
    );
  }

  private async checkRegion(regionId: string | null | undefined): Promise<void> {
    if (regionId && !(await this.regions.find(regionId))) throw invalid('regionId', '服务区域不存在');
  }

  /** Records a term and its committee; the organisation's current term becomes this one. */
  private async recordTerm(
    m: EntityManager,
    c: Context,
    org: PartyOrg,
    input: { on: string; note?: string | null; committee: readonly CommitteeSeatInput[] },
  ): Promise<string> {
    const termId = randomUUID();
    const seats = await checkedSeats(m, { principal: c.acting.actor, scope: c.scope }, org, termId, input.committee);
    await m
      .getRepository(PartyOrgTerm)
      .insert({ id: termId, orgId: org.id, startedOn: input.on, note: input.note ?? null });
    if (seats.length) await m.getRepository(PartyOrgSeat).insert(seats);
    return termId;
  }

  async create(acting: Acting, input: PartyOrgCreateInput, now: Date = new Date()): Promise<PartyOrgDetailVO> {
    const c = await this.context(acting, now);
    checkNotFuture('foundedOn', input.foundedOn, c.today);
    let parent: PartyOrg | null = null;
    if (input.parentId) {
      parent = await this.query.getInScope(c.scope, input.parentId);
      if (parent.status !== 'active') throw invalid('parentId', '上级组织已合并或撤销');
    } else if (!c.scope.all) {
      throw new AppError('FORBIDDEN', '成立镇党委需要全镇党务权限');
    }
    if (!canPlaceOrg(input.type, parent?.type ?? null)) {
      throw invalid(
        'type',
        parent
          ? `${partyOrgTypeLabels[parent.type]}之下不能设立${partyOrgTypeLabels[input.type]}`
          : `${partyOrgTypeLabels[input.type]}须设在上级党组织之下`,
      );
    }
    if (!parent && (await this.dataSource.getRepository(PartyOrg).existsBy({ parentId: IsNull(), status: 'active' }))) {
      throw new AppError('CONFLICT', '已有镇党委：一个镇只设一个党委');
    }
    await this.checkRegion(input.regionId);
    const id = randomUUID();
    const org = this.dataSource.getRepository(PartyOrg).create({
      id,
      parentId: parent?.id ?? null,
      path: childPath(parent, id),
      type: input.type,
      name: input.name,
      status: 'active',
      regionId: input.regionId ?? null,
      foundedOn: input.foundedOn,
      sortOrder: input.sortOrder,
      currentTermId: null,
      termStartedOn: input.foundedOn,
      closedOn: null,
      mergedIntoId: null,
    });
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(PartyOrg).insert(org);
      await this.event(m, c, org, { kind: 'create', happenedOn: input.foundedOn, detail: { type: input.type } });
      if (input.committee.length) {
        const termId = await this.recordTerm(m, c, org, { on: input.foundedOn, committee: input.committee });
        await m.getRepository(PartyOrg).update({ id }, { currentTermId: termId });
      }
    });
    await this.audit.record(acting, {
      action: 'party.org.create',
      resourceType: 'party_org',
      resourceId: id,
      result: 'success',
      detail: { type: input.type, name: input.name, parentId: parent?.id ?? null },
    });
    return this.query.detail(acting.actor, id, now);
  }

  async update(
    acting: Acting,
    id: string,
    patch: PartyOrgUpdateInput,
    now: Date = new Date(),
  ): Promise<PartyOrgDetailVO> {
    const c = await this.context(acting, now);
    const org = await this.query.activeInScope(c.scope, id);
    await this.checkRegion(patch.regionId);
    const changes: Partial<PartyOrg> = {};
    const detail: PartyOrgEvent['detail'] = {};
    if (patch.name !== undefined && patch.name !== org.name) {
      changes.name = patch.name;
      detail.previousName = org.name;
      detail.name = patch.name;
    }
    if (patch.regionId !== undefined && (patch.regionId ?? null) !== org.regionId) {
      changes.regionId = patch.regionId ?? null;
      detail.regionId = patch.regionId ?? null;
    }
    if (patch.sortOrder !== undefined && patch.sortOrder !== org.sortOrder) changes.sortOrder = patch.sortOrder;
    if (Object.keys(changes).length) {
      await this.dataSource.transaction(async (m) => {
        await m.getRepository(PartyOrg).update({ id: org.id }, changes);
        // Sort order alone is layout, not history.
        if (Object.keys(detail).length) await this.event(m, c, org, { kind: 'update', happenedOn: c.today, detail });
      });
      await this.audit.record(acting, {
        action: 'party.org.update',
        resourceType: 'party_org',
        resourceId: org.id,
        result: 'success',
        detail: { fields: Object.keys(changes) },
      });
    }
    return this.query.detail(acting.actor, org.id, now);
  }

  /** 换届: a new term with its committee, dated; the old terms stay in the history. */
  async term(acting: Acting, id: string, input: PartyOrgTermInput, now: Date = new Date()): Promise<PartyOrgDetailVO> {
    const c = await this.context(acting, now);
    const org = await this.query.activeInScope(c.scope, id);
    checkNotFuture('on', input.on, c.today);
    if (input.on < org.termStartedOn) throw invalid('on', `换届日期不能早于本届开始日期（${org.termStartedOn}）`);
    let termId = '';
    await this.dataSource.transaction(async (m) => {
      termId = await this.recordTerm(m, c, org, input);
      await m.getRepository(PartyOrg).update({ id: org.id }, { currentTermId: termId, termStartedOn: input.on });
      await this.event(m, c, org, {
        kind: 'term',
        happenedOn: input.on,
        note: input.note ?? null,
        detail: { termId, seats: input.committee.length },
      });
    });
    await this.audit.record(acting, {
      action: 'party.org.term',
      resourceType: 'party_org',
      resourceId: org.id,
      result: 'success',
      detail: { termId, on: input.on, seats: input.committee.length },
    });
    return this.query.detail(acting.actor, org.id, now);
  }

  private async openWork(
    m: EntityManager,
    orgId: string,
  ): Promise<{ children: number; members: number; admissions: number }> {
    const [children, members, admissions] = await Promise.all([
      m.getRepository(PartyOrg).countBy({ parentId: orgId, status: 'active' }),
      m.getRepository(PartyMember).countBy({ orgId, status: 'active' }),
      m.getRepository(PartyAdmission).countBy({ orgId, stage: In([...OPEN_ADMISSION_STAGES]) }),
    ]);
    return { children, members, admissions };
  }

  /** A structural change needs the parent in scope: a branch secretary cannot merge away their own branch. */
  private checkStructural(c: Context, org: PartyOrg): void {
    if (!coversParent(c.scope, org)) throw new AppError('FORBIDDEN', '合并或撤销须由上级党组织办理');
  }

  /** Merge: active members and open admissions move to the target, each with a history line. */
  async merge(
    acting: Acting,
    id: string,
    input: PartyOrgMergeInput,
    now: Date = new Date(),
  ): Promise<PartyOrgDetailVO> {
    const c = await this.context(acting, now);
    const source = await this.query.activeInScope(c.scope, id);
    this.checkStructural(c, source);
    checkNotFuture('on', input.on, c.today);
    if (input.on < source.foundedOn) throw invalid('on', `合并日期不能早于成立日期（${source.foundedOn}）`);
    if (input.targetId === source.id) throw invalid('targetId', '不能并入自身');
    const target = await this.query.getInScope(c.scope, input.targetId).catch(() => {
      throw invalid('targetId', '目标党组织不存在或不在您的负责范围内');
    });
    if (target.status !== 'active') throw invalid('targetId', '目标党组织已合并或撤销');
    if (target.path.startsWith(source.path)) throw invalid('targetId', '不能并入自己的下级组织');
    if (target.type !== source.type)
      throw invalid('targetId', `${partyOrgTypeLabels[source.type]}只能并入另一个${partyOrgTypeLabels[source.type]}`);
    let moved = { members: 0, admissions: 0 };
    await this.dataSource.transaction(async (m) => {
      const open = await this.openWork(m, source.id);
      if (open.children > 0)
        throw new AppError('PARTY_ORG_NOT_EMPTY', `该党组织还有 ${open.children} 个下级组织，请先合并或撤销下级组织`);
      const closed = await m
        .createQueryBuilder()
        .update(PartyOrg)
        .set({ status: 'merged', closedOn: input.on, mergedIntoId: target.id })
        .where('id = :id AND status = :active', { id: source.id, active: 'active' })
        .execute();
      if (closed.affected === 0) throw new AppError('CONFLICT', '该党组织已合并或撤销，不能再变更');
      const members = await m.getRepository(PartyMember).find({
        where: { orgId: source.id, status: 'active' },
        select: { id: true, lastEventOn: true },
      });
      if (members.length) {
        await m
          .createQueryBuilder()
          .update(PartyMember)
          .set({ orgId: target.id, orgPath: target.path, version: () => 'version + 1' })
          .where({ id: In(members.map((x) => x.id)) })
          .execute();
        await appendMemberEvents(
          m,
          members.map((x) => ({
            memberId: x.id,
            kind: 'org_merged',
            on: input.on,
            orgId: source.id,
            toOrgId: target.id,
            actorId: c.acting.actor.id,
            actorName: c.actorName,
          })),
        );
      }
      const admissions = await m
        .createQueryBuilder()
        .update(PartyAdmission)
        .set({ orgId: target.id, orgPath: target.path, version: () => 'version + 1' })
        .where({ orgId: source.id, stage: In([...OPEN_ADMISSION_STAGES]) })
        .execute();
      moved = { members: members.length, admissions: admissions.affected ?? 0 };
      const detail = { members: moved.members, admissions: moved.admissions };
      const note = input.note ?? null;
      await this.event(m, c, source, {
        kind: 'merge_out',
        happenedOn: input.on,
        relatedOrgId: target.id,
        note,
        detail,
      });
      await this.event(m, c, target, { kind: 'merge_in', happenedOn: input.on, relatedOrgId: source.id, note, detail });
    });
    await this.audit.record(acting, {
      action: 'party.org.merge',
      resourceType: 'party_org',
      resourceId: source.id,
      result: 'success',
      detail: { targetId: target.id, on: input.on, ...moved },
    });
    return this.query.detail(acting.actor, source.id, now);
  }

  /** 撤销: refused while the organisation still has members, sub-organisations or people in the pipeline. */
  async dissolve(
    acting: Acting,
    id: string,
    input: PartyOrgDissolveInput,
    now: Date = new Date(),
  ): Promise<PartyOrgDetailVO> {
    const c = await this.context(acting, now);
    const org = await this.query.activeInScope(c.scope, id);
    this.checkStructural(c, org);
    checkNotFuture('on', input.on, c.today);
    if (input.on < org.foundedOn) throw invalid('on', `撤销日期不能早于成立日期（${org.foundedOn}）`);
    await this.dataSource.transaction(async (m) => {
      const open = await this.openWork(m, org.id);
      const left = [
        open.members ? `${open.members} 名党员` : '',
        open.children ? `${open.children} 个下级组织` : '',
        open.admissions ? `${open.admissions} 名正在发展的入党申请人或预备党员` : '',
      ].filter(Boolean);
      if (left.length) {
        throw new AppError(
          'PARTY_ORG_NOT_EMPTY',
          `该党组织还有 ${left.join('、')}，不能撤销：请先办理组织关系转接或合并组织`,
        );
      }
      const closed = await m
        .createQueryBuilder()
        .update(PartyOrg)
        .set({ status: 'dissolved', closedOn: input.on })
        .where('id = :id AND status = :active', { id: org.id, active: 'active' })
        .execute();
      if (closed.affected === 0) throw new AppError('CONFLICT', '该党组织已合并或撤销，不能再变更');
      await this.event(m, c, org, { kind: 'dissolve', happenedOn: input.on, note: input.reason });
    });
    await this.audit.record(acting, {
      action: 'party.org.dissolve',
      resourceType: 'party_org',
      resourceId: org.id,
      result: 'success',
      detail: { on: input.on, reason: input.reason },
    });
    return this.query.detail(acting.actor, org.id, now);
  }
}
