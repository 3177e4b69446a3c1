import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { applyMemberAct } from '@zhili/shared';
import type {
  MemberAct,
  PartyMemberActInput,
  PartyMemberCreateInput,
  PartyMemberDetailVO,
  PartyMemberUpdateInput,
} from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { AppError } from '../../../core/errors/app-error';
import { ScopedRepository } from '../../../core/scope/scoped-repository';
import { Person, todayInShanghai } from '../../registry';
import { OPEN_ADMISSION_STAGES } from '../admission/open-stages';
import { PartyAdmission } from '../admission/party-admission.entity';
import { OrgQueryService } from '../org/org-query.service';
import { PartyActors } from '../party-actors';
import { checkNotFuture, invalid, refused } from '../party-errors';
import { PartyScopeService } from '../scope/party-scope.service';
import { appendMemberEvents } from './member-history';
import { MemberQueryService } from './member-query.service';
import { memberState, MemberViewsService } from './member-views.service';
import { PartyMember } from './party-member.entity';
import type { PartyMemberEvent } from './party-member-event.entity';

/** Refusals of the shared rules about dates are input errors (400); the others are the rules' (409). */
const DATE_CODES = new Set(['DATE_INVALID', 'DATE_IN_FUTURE', 'DATE_BEFORE_PREVIOUS']);

/** The facts of an act worth keeping in the history line (the act minus its kind and date). */
function actDetail(act: PartyMemberActInput): PartyMemberEvent['detail'] {
  const { kind: _kind, on: _on, toOrgId: _to, ...rest } = act as PartyMemberActInput & { toOrgId?: string };
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/**
 * Writes to member files: creating one (a town resident linked to the registry, or someone living
 * elsewhere with encrypted name and phone), editing the profile, and status changes as dated events
 * checked by the shared `applyMemberAct`. The file and its history line change in one transaction,
 * guarded by the file's version; every write is audited.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MemberCommandService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private query!: MemberQueryService;

  @Inject()
  private views!: MemberViewsService;

  @Inject()
  private actors!: PartyActors;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private audit!: AuditActorService;

  /** Refuses a second file for a town resident, or a file for someone still in the pipeline. */
  private async checkNoFile(personId: string): Promise<void> {
    const [member, admission] = await Promise.all([
      this.dataSource.getRepository(PartyMember).existsBy({ personId, status: 'active' }),
      this.dataSource.getRepository(PartyAdmission).existsBy({ personId, stage: In([...OPEN_ADMISSION_STAGES]) }),
    ]);
    if (member) throw new AppError('PARTY_MEMBER_DUPLICATE', '该居民已有在册的党员档案');
    if (admission)
      throw new AppError('PARTY_MEMBER_DUPLICATE', '该居民正在发展党员流程中，接收为预备党员时自动建立档案');
  }

  async create(acting: Acting, input: PartyMemberCreateInput, now: Date = new Date()): Promise<PartyMemberDetailVO> {
    const today = todayInShanghai(now);
    const scope = await this.scopes.scopeOf(acting.actor);
    const org = await this.orgs.memberOrg(scope, input.orgId, 'orgId');
    checkNotFuture('joinedOn', input.joinedOn, today);
    checkNotFuture('convertedOn', input.convertedOn, today);
    if (input.category === 'probationary' && input.convertedOn) throw invalid('convertedOn', '预备党员没有转正日期');
    if (input.convertedOn && input.convertedOn < input.joinedOn)
      throw invalid('convertedOn', '转正日期不能早于入党日期');
    const transferIn = input.transferIn ?? null;
    if (transferIn) {
      checkNotFuture('transferIn.on', transferIn.on, today);
      if (transferIn.on < input.joinedOn) throw invalid('transferIn.on', '转入日期不能早于入党日期');
    }
    if (input.personId) {
      // The registry's own scope: a secretary files the residents of the region they serve.
      await new ScopedRepository(this.dataSource, Person, 'scopePath', 'p')
        .get(acting.actor, input.personId)
        .catch(() => {
          throw invalid('personId', '人员不存在或不在您的管辖区域内');
        });
      await this.checkNoFile(input.personId);
    }
    const standalone = input.standalone ?? null;
    const actorName = await this.actors.nameOf(acting.actor);
    const id = randomUUID();
    const member = this.dataSource.getRepository(PartyMember).create({
      id,
      personId: input.personId ?? null,
      name: this.cipher.seal(standalone?.name ?? null),
      phone: this.cipher.seal(standalone?.phone ?? null),
      gender: standalone?.gender ?? null,
      birthDate: standalone?.birthDate ?? null,
      orgId: org.id,
      orgPath: org.path,
      category: input.category,
      status: 'active',
      joinedOn: input.joinedOn,
      convertedOn: input.convertedOn ?? null,
      position: input.position || null,
      education: input.education ?? null,
      workUnit: input.workUnit || null,
      flowPlace: null,
      flowSince: null,
      flowContactOrg: null,
      admissionId: null,
      // Later acts may not predate what the file already says.
      lastEventOn: transferIn?.on ?? input.convertedOn ?? input.joinedOn,
      version: 1,
    });
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(PartyMember).insert(member);
      await appendMemberEvents(m, [
        transferIn
          ? {
              memberId: id,
              kind: 'transfer_in',
              on: transferIn.on,
              orgId: org.id,
              detail: { letterNo: transferIn.letterNo, from: transferIn.from },
              actorId: acting.actor.id,
              actorName,
            }
          : { memberId: id, kind: 'create', on: today, orgId: org.id, actorId: acting.actor.id, actorName },
      ]);
    });
    await this.audit.record(acting, {
      action: 'party.member.create',
      resourceType: 'party_member',
      resourceId: id,
      result: 'success',
      detail: { orgId: org.id, linked: Boolean(input.personId), transferIn: Boolean(transferIn) },
    });
    return this.views.detail(member);
  }

  /** Saves `changes` if the file is still at `version` (someone else's change in between: 409). */
  private async save(
    member: PartyMember,
    changes: Partial<PartyMember>,
    write?: (m: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const result = await m
        .createQueryBuilder()
        .update(PartyMember)
        .set({ ...changes, version: member.version + 1 })
        .where('id = :id AND version = :version', { id: member.id, version: member.version })
        .execute();
      if (result.affected === 0) throw new AppError('CONFLICT', '档案已被他人修改，请刷新后重试');
      await write?.(m);
    });
  }

  async update(acting: Acting, id: string, patch: PartyMemberUpdateInput): Promise<PartyMemberDetailVO> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const member = await this.query.getInScope(scope, id);
    if (member.status !== 'active') throw new AppError('CONFLICT', '已不在册的党员档案不能修改');
    if (patch.phone !== undefined && member.personId)
      throw invalid('phone', '本镇居民的手机号以人口信息为准，请在人口管理中修改');
    const changes: Partial<PartyMember> = {};
    if (patch.position !== undefined) changes.position = patch.position || null;
    if (patch.education !== undefined) changes.education = patch.education;
    if (patch.workUnit !== undefined) changes.workUnit = patch.workUnit || null;
    if (patch.phone !== undefined) changes.phone = this.cipher.seal(patch.phone ?? null);
    await this.save(member, changes);
    await this.audit.record(acting, {
      action: 'party.member.update',
      resourceType: 'party_member',
      resourceId: member.id,
      result: 'success',
      detail: { fields: Object.keys(changes) },
    });
    return this.detailOf(member.id);
  }

  private async detailOf(id: string): Promise<PartyMemberDetailVO> {
    return this.views.detail(await this.dataSource.getRepository(PartyMember).findOneByOrFail({ id }));
  }

  /** A status change (transfer, 流动, 出党, 停止党籍, death), checked by the shared rules. */
  async act(
    acting: Acting,
    id: string,
    input: PartyMemberActInput,
    now: Date = new Date(),
  ): Promise<PartyMemberDetailVO> {
    const today = todayInShanghai(now);
    const scope = await this.scopes.scopeOf(acting.actor);
    const member = await this.query.getInScope(scope, id);
    const target = input.kind === 'transfer_within' ? await this.orgs.memberOrg(scope, input.toOrgId, 'toOrgId') : null;
    const outcome = applyMemberAct(memberState(member), input as MemberAct, today);
    if (!outcome.ok) {
      if (DATE_CODES.has(outcome.code)) throw invalid('on', outcome.message);
      throw refused(outcome.code, outcome.message);
    }
    const next = outcome.state;
    const actorName = await this.actors.nameOf(acting.actor);
    await this.save(
      member,
      {
        status: next.status,
        orgId: next.orgId,
        orgPath: target?.path ?? member.orgPath,
        flowPlace: next.flow?.place ?? null,
        flowSince: next.flow?.since ?? null,
        flowContactOrg: next.flow?.contactOrg ?? null,
        lastEventOn: next.lastEventOn,
      },
      async (m) => {
        // A probationary member's admission follows them, so the new branch converts them.
        if (target && member.admissionId) {
          await m
            .createQueryBuilder()
            .update(PartyAdmission)
            .set({ orgId: target.id, orgPath: target.path, version: () => 'version + 1' })
            .where({ id: member.admissionId, stage: In([...OPEN_ADMISSION_STAGES]) })
            .execute();
        }
        await appendMemberEvents(m, [
          {
            memberId: member.id,
            kind: input.kind,
            on: input.on,
            orgId: member.orgId,
            toOrgId: target?.id ?? null,
            detail: actDetail(input),
            actorId: acting.actor.id,
            actorName,
          },
        ]);
      },
    );
    await this.audit.record(acting, {
      action: 'party.member.status',
      resourceType: 'party_member',
      resourceId: member.id,
      result: 'success',
      detail: { kind: input.kind, on: input.on, from: member.orgId, to: target?.id ?? null, status: next.status },
    });
    return this.detailOf(member.id);
  }

  /** Unmasked phone (and a resident's ID number) of a file in scope; every read is audited. */
  async pii(acting: Acting, id: string): Promise<{ phone: string | null; idNumber: string | null }> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const member = await this.query.getInScope(scope, id);
    let result: { phone: string | null; idNumber: string | null };
    if (member.personId) {
      const person = await this.dataSource.getRepository(Person).findOneBy({ id: member.personId });
      result = {
        phone: person ? this.cipher.open(person.phone) : null,
        idNumber: person ? this.cipher.open(person.idNumber) : null,
      };
    } else {
      result = { phone: this.cipher.open(member.phone), idNumber: null };
    }
    await this.audit.record(acting, {
      action: 'party.member.pii.read',
      resourceType: 'party_member',
      resourceId: member.id,
      result: 'success',
      detail: {
        personId: member.personId,
        present: { phone: result.phone !== null, idNumber: result.idNumber !== null },
      },
    });
    return result;
  }
}
