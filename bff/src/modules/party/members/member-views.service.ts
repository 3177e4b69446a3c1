import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { allowedMemberActs } from '@zhili/shared';
import type { MemberState, PartyMemberDetailVO, PartyMemberVO } from '@zhili/shared';
import { PartyOrg } from '../org/party-org.entity';
import { MemberPeopleService, type MemberPerson } from './member-people.service';
import type { PartyMember } from './party-member.entity';
import { PartyMemberEvent } from './party-member-event.entity';

/** The shared rules' view of a file. */
export function memberState(m: PartyMember): MemberState {
  return {
    status: m.status,
    orgId: m.orgId,
    flow:
      m.flowPlace && m.flowSince
        ? { place: m.flowPlace, since: m.flowSince, contactOrg: m.flowContactOrg ?? '' }
        : null,
    lastEventOn: m.lastEventOn,
  };
}

function toVO(m: PartyMember, person: MemberPerson | undefined, orgName: string): PartyMemberVO {
  return {
    id: m.id,
    personId: m.personId,
    name: person?.name ?? '',
    gender: person?.gender ?? null,
    age: person?.age ?? null,
    phone: person?.phone ?? null,
    idNumber: person?.idNumber ?? null,
    orgId: m.orgId,
    orgName,
    category: m.category,
    status: m.status,
    joinedOn: m.joinedOn,
    convertedOn: m.convertedOn,
    position: m.position,
    education: m.education,
    workUnit: m.workUnit,
    flow: memberState(m).flow,
  };
}

/** Member files as lists and the detail show them (batched lookups of persons and organisations). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MemberViewsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private people!: MemberPeopleService;

  async orgNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    if (unique.length === 0) return new Map();
    const orgs = await this.dataSource
      .getRepository(PartyOrg)
      .find({ where: { id: In(unique) }, select: { id: true, name: true } });
    return new Map(orgs.map((o) => [o.id, o.name]));
  }

  async toVOs(members: readonly PartyMember[]): Promise<PartyMemberVO[]> {
    if (members.length === 0) return [];
    const [people, orgNames] = await Promise.all([
      this.people.describe(members),
      this.orgNames(members.map((m) => m.orgId)),
    ]);
    return members.map((m) => toVO(m, people.get(m.id), orgNames.get(m.orgId) ?? ''));
  }

  async detail(member: PartyMember): Promise<PartyMemberDetailVO> {
    const events = await this.dataSource
      .getRepository(PartyMemberEvent)
      .find({ where: { memberId: member.id }, order: { happenedOn: 'ASC', createdAt: 'ASC' } });
    const [people, orgNames] = await Promise.all([
      this.people.describe([member]),
      this.orgNames([member.orgId, ...events.flatMap((e) => [e.orgId, e.toOrgId])]),
    ]);
    const person = people.get(member.id);
    return {
      ...toVO(member, person, orgNames.get(member.orgId) ?? ''),
      birthDate: person?.birthDate ?? null,
      regionName: person?.regionName ?? null,
      admissionId: member.admissionId,
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        on: e.happenedOn,
        orgName: orgNames.get(e.orgId) ?? '',
        toOrgName: e.toOrgId ? (orgNames.get(e.toOrgId) ?? '') : null,
        detail: e.detail ?? {},
        actorName: e.actorName,
        createdAt: new Date(e.createdAt).toISOString(),
      })),
      availableActs: allowedMemberActs(memberState(member)),
    };
  }
}
