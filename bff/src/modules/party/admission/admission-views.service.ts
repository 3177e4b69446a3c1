import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { admissionDue, admissionDueStatus, allowedAdmissionActs } from '@zhili/shared';
import type { AdmissionDetailVO, AdmissionRecord, AdmissionVO, StoredFileVO } from '@zhili/shared';
import { FileLinkService, StoredFile } from '../../file';
import { ageOn, Person } from '../../registry';
import { MemberViewsService } from '../members/member-views.service';
import type { PartyAdmission } from './party-admission.entity';
import { PartyAdmissionStep } from './party-admission-step.entity';

/** The shared rules' view of a stored record (the person's birth date comes from the registry). */
export function admissionRecord(a: PartyAdmission, birthDate: string | null): AdmissionRecord {
  return {
    stage: a.stage,
    birthDate,
    appliedOn: a.appliedOn,
    talkedOn: a.talkedOn,
    activistOn: a.activistOn,
    candidateOn: a.candidateOn,
    politicalReviewOn: a.politicalReviewOn,
    trainingOn: a.trainingOn,
    admittedOn: a.admittedOn,
    approvedOn: a.approvedOn,
    probationEndsOn: a.probationEndsOn,
    postponedMonths: a.postponedMonths,
    convertedOn: a.convertedOn,
    closedOn: a.closedOn,
  };
}

type PersonFacts = Pick<Person, 'id' | 'name' | 'gender' | 'birthDate'>;

/**
 * Admissions as the board and the detail show them: the person (registry name), the branch, what
 * is due next and whether it is late (shared `admissionDue`), the acts the stage allows.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class AdmissionViewsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private memberViews!: MemberViewsService;

  @Inject()
  private links!: FileLinkService;

  async personsOf(admissions: readonly PartyAdmission[]): Promise<Map<string, PersonFacts>> {
    const ids = [...new Set(admissions.map((a) => a.personId))];
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(Person).find({
      where: { id: In(ids) },
      select: { id: true, name: true, gender: true, birthDate: true },
    });
    return new Map(rows.map((p) => [p.id, p]));
  }

  async toVOs(admissions: readonly PartyAdmission[], today: string): Promise<AdmissionVO[]> {
    if (admissions.length === 0) return [];
    const [persons, orgNames] = await Promise.all([
      this.personsOf(admissions),
      this.memberViews.orgNames(admissions.map((a) => a.orgId)),
    ]);
    return admissions.map((a) => {
      const person = persons.get(a.personId);
      const record = admissionRecord(a, person?.birthDate ?? null);
      const due = admissionDue(record, today);
      return {
        id: a.id,
        personId: a.personId,
        name: person?.name ?? '（人口信息已删除）',
        gender: person?.gender ?? null,
        age: ageOn(person?.birthDate ?? null, today),
        orgId: a.orgId,
        orgName: orgNames.get(a.orgId) ?? '',
        stage: a.stage,
        appliedOn: a.appliedOn,
        talkedOn: a.talkedOn,
        activistOn: a.activistOn,
        candidateOn: a.candidateOn,
        politicalReviewOn: a.politicalReviewOn,
        trainingOn: a.trainingOn,
        admittedOn: a.admittedOn,
        approvedOn: a.approvedOn,
        probationEndsOn: a.probationEndsOn,
        postponedMonths: a.postponedMonths,
        convertedOn: a.convertedOn,
        closedOn: a.closedOn,
        memberId: a.memberId,
        due: due ? { next: due.next, from: due.from, by: due.by, status: admissionDueStatus(due, today) } : null,
        availableActs: allowedAdmissionActs(record),
      };
    });
  }

  async detail(admission: PartyAdmission, today: string, now: Date = new Date()): Promise<AdmissionDetailVO> {
    const steps = await this.dataSource
      .getRepository(PartyAdmissionStep)
      .find({ where: { admissionId: admission.id }, order: { happenedOn: 'ASC', createdAt: 'ASC' } });
    const fileIds = [...new Set(steps.flatMap((s) => s.attachmentIds ?? []))];
    const files = fileIds.length ? await this.dataSource.getRepository(StoredFile).findBy({ id: In(fileIds) }) : [];
    const links = new Map<string, StoredFileVO>(files.map((f) => [f.id, this.links.toVO(f, now)]));
    const [base] = await this.toVOs([admission], today);
    return {
      ...base,
      steps: steps.map((s) => ({
        id: s.id,
        kind: s.kind,
        on: s.happenedOn,
        stageAfter: s.stageAfter,
        detail: s.detail ?? {},
        reason: s.reason,
        approver: s.approver,
        note: s.note,
        attachments: (s.attachmentIds ?? []).flatMap((id) => {
          const link = links.get(id);
          return link ? [link] : [];
        }),
        actorName: s.actorName,
        createdAt: new Date(s.createdAt).toISOString(),
      })),
    };
  }
}
