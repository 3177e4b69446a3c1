import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { admissionActNeedsReason, applyAdmissionAct } from '@zhili/shared';
import type {
  AdmissionAct,
  AdmissionActInput,
  AdmissionCreateInput,
  AdmissionDetailVO,
  AdmissionRecord,
} from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { AppError } from '../../../core/errors/app-error';
import { ScopedRepository } from '../../../core/scope/scoped-repository';
import { FileService } from '../../file';
import { Person, todayInShanghai } from '../../registry';
import { appendMemberEvents } from '../members/member-history';
import { PartyMember } from '../members/party-member.entity';
import { OrgQueryService } from '../org/org-query.service';
import { PartyActors } from '../party-actors';
import { checkNotFuture, invalid, refused } from '../party-errors';
import { PartyScopeService } from '../scope/party-scope.service';
import { AdmissionQueryService } from './admission-query.service';
import { admissionRecord, AdmissionViewsService } from './admission-views.service';
import { OPEN_ADMISSION_STAGES } from './open-stages';
import { PartyAdmission } from './party-admission.entity';
import { PartyAdmissionStep } from './party-admission-step.entity';

/** Refusals of the shared rules about dates are input errors (400); the others are the rules' (409). */
const DATE_CODES = new Set(['DATE_INVALID', 'DATE_IN_FUTURE', 'DATE_BEFORE_PREVIOUS']);

/** The act as the shared rules take it (without who approved, attachments and reason). */
function actOf(input: AdmissionActInput): AdmissionAct {
  switch (input.kind) {
    case 'political_review':
    case 'training':
      return { kind: input.kind, on: input.on, passed: input.passed };
    case 'branch_vote':
    case 'conversion_vote':
      return { kind: input.kind, on: input.on, vote: input.vote };
    case 'higher_approval':
      return { kind: input.kind, on: input.on, approved: input.approved };
    case 'postpone':
      return { kind: input.kind, on: input.on, months: input.months };
    default:
      return { kind: input.kind, on: input.on };
  }
}

/** What the step's history line shows besides the date: votes, verdicts, months. */
function stepDetail(act: AdmissionAct, after: AdmissionRecord): PartyAdmissionStep['detail'] {
  switch (act.kind) {
    case 'political_review':
    case 'training':
      return { passed: act.passed };
    case 'branch_vote':
    case 'conversion_vote':
      return { eligible: act.vote.eligible, present: act.vote.present, inFavour: act.vote.inFavour };
    case 'higher_approval':
      return { approved: act.approved, probationEndsOn: after.probationEndsOn ?? null };
    case 'postpone':
      return { months: act.months, probationEndsOn: after.probationEndsOn ?? null };
    default:
      return {};
  }
}

/** The stored columns of a record (stage and every date). */
function columnsOf(r: AdmissionRecord): Partial<PartyAdmission> {
  return {
    stage: r.stage,
    talkedOn: r.talkedOn ?? null,
    activistOn: r.activistOn ?? null,
    candidateOn: r.candidateOn ?? null,
    politicalReviewOn: r.politicalReviewOn ?? null,
    trainingOn: r.trainingOn ?? null,
    admittedOn: r.admittedOn ?? null,
    approvedOn: r.approvedOn ?? null,
    probationEndsOn: r.probationEndsOn ?? null,
    postponedMonths: r.postponedMonths ?? null,
    convertedOn: r.convertedOn ?? null,
    closedOn: r.closedOn ?? null,
  };
}

interface StepContext {
  acting: Acting;
  actorName: string;
  admission: PartyAdmission;
  before: AdmissionRecord;
  after: AdmissionRecord;
  act: AdmissionAct;
}

/**
 * The admission pipeline's writes: registering an applicant and recording a step. A step is checked
 * by the shared `applyAdmissionAct` (time rules, votes, order); the record, the step row, its
 * attachments and the member file it affects are written in one transaction guarded by the record's
 * version. Admission as probationary creates the member file; conversion makes it 正式.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AdmissionCommandService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private query!: AdmissionQueryService;

  @Inject()
  private views!: AdmissionViewsService;

  @Inject()
  private files!: FileService;

  @Inject()
  private actors!: PartyActors;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private audit!: AuditActorService;

  async create(acting: Acting, input: AdmissionCreateInput, now: Date = new Date()): Promise<AdmissionDetailVO> {
    const today = todayInShanghai(now);
    const scope = await this.scopes.scopeOf(acting.actor);
    const org = await this.orgs.memberOrg(scope, input.orgId, 'orgId');
    checkNotFuture('appliedOn', input.appliedOn, today);
    // The registry's own scope: a secretary registers residents of the region they serve.
    await new ScopedRepository(this.dataSource, Person, 'scopePath', 'p')
      .get(acting.actor, input.personId)
      .catch(() => {
        throw invalid('personId', '人员不存在或不在您的管辖区域内');
      });
    const [member, open] = await Promise.all([
      this.dataSource.getRepository(PartyMember).existsBy({ personId: input.personId, status: 'active' }),
      this.dataSource
        .getRepository(PartyAdmission)
        .existsBy({ personId: input.personId, stage: In([...OPEN_ADMISSION_STAGES]) }),
    ]);
    if (member) throw new AppError('PARTY_MEMBER_DUPLICATE', '该居民已是党员');
    if (open) throw new AppError('PARTY_MEMBER_DUPLICATE', '该居民已在发展党员流程中');
    const admission = this.dataSource.getRepository(PartyAdmission).create({
      id: randomUUID(),
      personId: input.personId,
      orgId: org.id,
      orgPath: org.path,
      stage: 'applicant',
      appliedOn: input.appliedOn,
      ...columnsOf({ stage: 'applicant', appliedOn: input.appliedOn }),
      memberId: null,
      version: 1,
    });
    await this.dataSource.getRepository(PartyAdmission).insert(admission);
    await this.audit.record(acting, {
      action: 'party.admission.create',
      resourceType: 'party_admission',
      resourceId: admission.id,
      result: 'success',
      detail: { orgId: org.id, personId: input.personId, appliedOn: input.appliedOn },
    });
    return this.views.detail(admission, today, now);
  }

  async act(acting: Acting, id: string, input: AdmissionActInput, now: Date = new Date()): Promise<AdmissionDetailVO> {
    const today = todayInShanghai(now);
    const scope = await this.scopes.scopeOf(acting.actor);
    const admission = await this.query.getInScope(scope, id);
    const act = actOf(input);
    if (admissionActNeedsReason(act) && !input.reason) throw invalid('reason', '请填写原因');
    const person = await this.dataSource
      .getRepository(Person)
      .findOne({ where: { id: admission.personId }, select: { id: true, birthDate: true } });
    const before = admissionRecord(admission, person?.birthDate ?? null);
    const outcome = applyAdmissionAct(before, act, today);
    if (!outcome.ok) {
      if (DATE_CODES.has(outcome.code)) throw invalid('on', outcome.message);
      throw refused(outcome.code, outcome.message);
    }
    const c: StepContext = {
      acting,
      actorName: await this.actors.nameOf(acting.actor),
      admission,
      before,
      after: outcome.record,
      act,
    };
    await this.dataSource.transaction(async (m) => {
      const memberId = await this.affectMember(m, c);
      const result = await m
        .createQueryBuilder()
        .update(PartyAdmission)
        .set({ ...columnsOf(c.after), memberId, version: admission.version + 1 })
        .where('id = :id AND version = :version', { id: admission.id, version: admission.version })
        .execute();
      if (result.affected === 0) throw new AppError('CONFLICT', '该记录已被他人更新，请刷新后重试');
      await m.getRepository(PartyAdmissionStep).insert({
        id: randomUUID(),
        admissionId: admission.id,
        kind: act.kind,
        happenedOn: act.on,
        stageAfter: c.after.stage,
        detail: stepDetail(act, c.after),
        reason: input.reason || null,
        approver: input.approver || null,
        note: input.note || null,
        attachmentIds: [...input.attachmentIds],
        actorId: acting.actor.id,
        actorName: c.actorName,
      });
      await this.files.attach(m, input.attachmentIds, acting.actor, `party:${admission.orgPath}`);
    });
    await this.audit.record(acting, {
      action: 'party.admission.act',
      resourceType: 'party_admission',
      resourceId: admission.id,
      result: 'success',
      detail: { kind: act.kind, on: act.on, from: before.stage, to: c.after.stage },
    });
    const saved = await this.dataSource.getRepository(PartyAdmission).findOneByOrFail({ id: admission.id });
    return this.views.detail(saved, today, now);
  }

  /**
   * The member file side of a step, in the step's transaction: admitted → a probationary file;
   * converted → 正式; postponed or disqualified → a line in the file's history. Answers the file id.
   */
  private async affectMember(m: EntityManager, c: StepContext): Promise<string | null> {
    const { admission, after, act } = c;
    const line = { actorId: c.acting.actor.id, actorName: c.actorName };
    if (after.stage === 'probationary' && c.before.stage !== 'probationary') {
      if (await m.getRepository(PartyMember).existsBy({ personId: admission.personId, status: 'active' }))
        throw new AppError('PARTY_MEMBER_DUPLICATE', '该居民已有在册的党员档案');
      const memberId = randomUUID();
      const joinedOn = after.admittedOn as string;
      await m.getRepository(PartyMember).insert({
        id: memberId,
        personId: admission.personId,
        name: this.cipher.seal(null),
        phone: this.cipher.seal(null),
        gender: null,
        birthDate: null,
        orgId: admission.orgId,
        orgPath: admission.orgPath,
        category: 'probationary',
        status: 'active',
        joinedOn,
        convertedOn: null,
        position: null,
        education: null,
        workUnit: null,
        flowPlace: null,
        flowSince: null,
        flowContactOrg: null,
        admissionId: admission.id,
        lastEventOn: act.on,
        version: 1,
      });
      await appendMemberEvents(m, [
        {
          memberId,
          kind: 'join',
          on: joinedOn,
          orgId: admission.orgId,
          detail: { approvedOn: act.on, probationEndsOn: after.probationEndsOn ?? null },
          ...line,
        },
      ]);
      return memberId;
    }
    if (!admission.memberId || !['conversion_vote', 'postpone', 'disqualify'].includes(act.kind))
      return admission.memberId;
    const member = await m.getRepository(PartyMember).findOneBy({ id: admission.memberId });
    if (!member || member.status !== 'active')
      throw refused('MEMBER_NOT_ACTIVE', '该预备党员的档案已不在册（如已转出），不能在此办理');
    const changes: Partial<PartyMember> =
      act.kind === 'conversion_vote'
        ? { category: 'full', convertedOn: after.convertedOn ?? null }
        : act.kind === 'disqualify'
          ? { status: 'disqualified', flowPlace: null, flowSince: null, flowContactOrg: null }
          : {};
    const on = act.kind === 'conversion_vote' ? (after.convertedOn as string) : act.on;
    const result = await m
      .createQueryBuilder()
      .update(PartyMember)
      .set({
        ...changes,
        lastEventOn: on > (member.lastEventOn ?? '') ? on : member.lastEventOn,
        version: member.version + 1,
      })
      .where('id = :id AND version = :version', { id: member.id, version: member.version })
      .execute();
    if (result.affected === 0) throw new AppError('CONFLICT', '档案已被他人修改，请刷新后重试');
    await appendMemberEvents(m, [
      {
        memberId: member.id,
        kind: act.kind === 'conversion_vote' ? 'convert' : act.kind === 'postpone' ? 'postpone' : 'disqualify',
        on,
        orgId: member.orgId,
        detail:
          act.kind === 'conversion_vote'
            ? { voteOn: act.on }
            : act.kind === 'postpone'
              ? { months: act.months, probationEndsOn: after.probationEndsOn ?? null }
              : {},
        ...line,
      },
    ]);
    return member.id;
  }
}
