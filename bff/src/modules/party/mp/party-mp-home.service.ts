import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import { addCalendarMonths, admissionDue, admissionRules } from '@zhili/shared';
import type { AdmissionRecord, MyPartyHomeVO, MyPartyMemberVO, MyPartyProgressVO } from '@zhili/shared';
import { todayInShanghai } from '../../registry';
import { admissionRecord } from '../admission/admission-views.service';
import { PartyAdmission } from '../admission/party-admission.entity';
import { PartyMeetingAttendee } from '../meetings/party-meeting-attendee.entity';
import { PartyMemberAccount } from '../meetings/party-member-account.entity';
import { MemberPeopleService } from '../members/member-people.service';
import { PartyMember } from '../members/party-member.entity';
import { NoticeMpService } from '../notices/notice-mp.service';
import { OrgViewsService } from '../org/org-views.service';
import { PartyOrg } from '../org/party-org.entity';
import { PartyOrgSeat } from '../org/party-org-seat.entity';

/**
 * The record the shared rules need for a probationary member: the admission that made the file, or
 * — for a file recorded or transferred in as 预备党员 — one read from the file itself (admitted on the
 * join date, one year of probation).
 */
export function probationRecord(
  member: Pick<PartyMember, 'joinedOn'>,
  admission: PartyAdmission | null,
): AdmissionRecord {
  if (admission) return admissionRecord(admission, null);
  return {
    stage: 'probationary',
    appliedOn: member.joinedOn,
    admittedOn: member.joinedOn,
    probationEndsOn: addCalendarMonths(member.joinedOn, admissionRules.probationMonths),
  };
}

/** My progress while not yet 正式 (null for a full member). */
export function progressOf(
  member: Pick<PartyMember, 'category' | 'joinedOn'>,
  admission: PartyAdmission | null,
  today: string,
): MyPartyProgressVO | null {
  if (member.category !== 'probationary') return null;
  const record = probationRecord(member, admission);
  const due = admissionDue(record, today);
  return {
    stage: record.stage,
    admittedOn: record.admittedOn ?? null,
    probationEndsOn: record.probationEndsOn ?? null,
    postponedMonths: record.postponedMonths ?? null,
    next: due?.next ?? null,
    nextFrom: due?.from ?? null,
    nextBy: due?.by ?? null,
    overdue: due?.overdue ?? false,
  };
}

/**
 * The party section's home in the mini-program, for any signed-in user: null when the account has
 * no active member file linked (a resident, or a member not linked yet) — an answer, not an error.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PartyMpHomeService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private people!: MemberPeopleService;

  @Inject()
  private orgViews!: OrgViewsService;

  @Inject()
  private notices!: NoticeMpService;

  /** The active member file linked to the account, or null. */
  async linkedMember(mpUserId: string): Promise<PartyMember | null> {
    const link = await this.dataSource.getRepository(PartyMemberAccount).findOneBy({ mpUserId });
    if (!link) return null;
    return this.dataSource.getRepository(PartyMember).findOneBy({ id: link.memberId, status: 'active' });
  }

  async home(mpUserId: string, now: Date = new Date()): Promise<MyPartyHomeVO> {
    const member = await this.linkedMember(mpUserId);
    return { member: member ? await this.memberView(mpUserId, member, now) : null };
  }

  private async memberView(mpUserId: string, member: PartyMember, now: Date): Promise<MyPartyMemberVO> {
    const today = todayInShanghai(now);
    const orgs = this.dataSource.getRepository(PartyOrg);
    const pathIds = member.orgPath.split('/').filter(Boolean);
    const [branch, ancestors, people, admission, unreadNotices, meetingsToAttend] = await Promise.all([
      orgs.findOneByOrFail({ id: member.orgId }),
      orgs.find({ where: { id: In(pathIds) }, select: { id: true, name: true } }),
      this.people.describe([member], now),
      this.admissionOf(member),
      this.notices.unread(mpUserId),
      this.meetingsToAttend(member.id, now),
    ]);
    const names = new Map(ancestors.map((o) => [o.id, o.name]));
    const seats = branch.currentTermId
      ? await this.dataSource
          .getRepository(PartyOrgSeat)
          .find({ where: { termId: branch.currentTermId }, order: { seatOrder: 'ASC' } })
      : [];
    const person = people.get(member.id);
    return {
      branch: { id: branch.id, name: branch.name, path: pathIds.map((id) => names.get(id) ?? '').filter(Boolean) },
      committee: (await this.orgViews.seatVOs(seats)).map((s) => ({ role: s.role, name: s.name })),
      file: {
        name: person?.name ?? '',
        category: member.category,
        joinedOn: member.joinedOn,
        convertedOn: member.convertedOn,
        position: member.position,
        education: member.education,
        workUnit: member.workUnit,
        phone: person?.phone ?? null,
        idNumber: person?.idNumber ?? null,
      },
      progress: progressOf(member, admission, today),
      counts: { unreadNotices, meetingsToAttend },
    };
  }

  private async admissionOf(member: PartyMember): Promise<PartyAdmission | null> {
    if (member.category !== 'probationary') return null;
    const repo = this.dataSource.getRepository(PartyAdmission);
    if (member.admissionId) return repo.findOneBy({ id: member.admissionId });
    return repo.findOneBy({ memberId: member.id });
  }

  private meetingsToAttend(memberId: string, now: Date): Promise<number> {
    return this.dataSource
      .getRepository(PartyMeetingAttendee)
      .createQueryBuilder('a')
      .innerJoin('party_meeting', 'm', 'm.id = a.meeting_id')
      .where({ memberId, status: Not(In(['present', 'leave'])) })
      .andWhere('m.ends_at > :now', { now: now.toISOString() })
      .getCount();
  }
}
