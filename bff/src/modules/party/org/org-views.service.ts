import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { naturalCompare, termDue } from '@zhili/shared';
import type { CommitteeSeatVO, PartyOrgVO, TermYears } from '@zhili/shared';
import { RegionService } from '../../region';
import { MemberPeopleService } from '../members/member-people.service';
import { PartyMember } from '../members/party-member.entity';
import type { PartyEnv } from '../party.config';
import { PartyOrg } from './party-org.entity';
import { PartyOrgSeat } from './party-org-seat.entity';

/** Parents before children, siblings by sort order then name (第二支部 before 第十支部). */
export function treeOrder(orgs: readonly PartyOrg[]): PartyOrg[] {
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, PartyOrg[]>();
  for (const org of orgs) {
    const parent = org.parentId && ids.has(org.parentId) ? org.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), org]);
  }
  const result: PartyOrg[] = [];
  const visit = (parent: string | null) => {
    const level = [...(children.get(parent) ?? [])].sort(
      (a, b) => a.sortOrder - b.sortOrder || naturalCompare(a.name, b.name),
    );
    for (const org of level) {
      result.push(org);
      visit(org.id);
    }
  };
  visit(null);
  return result;
}

/**
 * Organisations as the tree and the detail show them: region name, active members, the secretary
 * (or group leader) of the current term, and "due for 换届" from the configured term lengths —
 * batched, a handful of queries for the whole tree.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OrgViewsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Config('zhili.modules.party')
  private env!: PartyEnv;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private people!: MemberPeopleService;

  get termYears(): TermYears {
    return { committee: this.env.PARTY_TERM_YEARS_COMMITTEE, branch: this.env.PARTY_TERM_YEARS_BRANCH };
  }

  async toVOs(orgs: readonly PartyOrg[], today: string): Promise<PartyOrgVO[]> {
    if (orgs.length === 0) return [];
    const ids = orgs.map((o) => o.id);
    const [regions, counts, secretaries] = await Promise.all([
      this.regions.findByIds(orgs.flatMap((o) => (o.regionId ? [o.regionId] : []))),
      this.memberCounts(ids),
      this.secretaryNames(orgs),
    ]);
    const regionName = new Map(regions.map((r) => [r.id, r.name]));
    return orgs.map((o) => {
      const due = termDue({
        type: o.type,
        active: o.status === 'active',
        startedOn: o.termStartedOn,
        years: this.termYears,
        warnDays: this.env.PARTY_TERM_WARN_DAYS,
        today,
      });
      return {
        id: o.id,
        parentId: o.parentId,
        type: o.type,
        name: o.name,
        status: o.status,
        regionId: o.regionId,
        regionName: o.regionId ? (regionName.get(o.regionId) ?? null) : null,
        foundedOn: o.foundedOn,
        sortOrder: o.sortOrder,
        closedOn: o.closedOn,
        memberCount: counts.get(o.id) ?? 0,
        secretaryName: secretaries.get(o.id) ?? null,
        termStartedOn: o.termStartedOn,
        termEndsOn: due.endsOn,
        termDue: due.status,
      };
    });
  }

  /** Seats with the names of their holders, in the order given. */
  async seatVOs(seats: readonly PartyOrgSeat[]): Promise<CommitteeSeatVO[]> {
    const memberIds = [...new Set(seats.flatMap((s) => (s.memberId ? [s.memberId] : [])))];
    const members = memberIds.length
      ? await this.dataSource.getRepository(PartyMember).findBy({ id: In(memberIds) })
      : [];
    const [memberNames, personNames] = await Promise.all([
      this.people.namesOf(members),
      this.people.personNames(seats.flatMap((s) => (s.personId ? [s.personId] : []))),
    ]);
    return seats.map((s) => ({
      role: s.role,
      memberId: s.memberId,
      personId: s.personId,
      name: (s.memberId ? memberNames.get(s.memberId) : s.personId ? personNames.get(s.personId) : null) ?? '',
    }));
  }

  private async memberCounts(orgIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.dataSource
      .getRepository(PartyMember)
      .createQueryBuilder('m')
      .select('m.org_id', 'orgId')
      .addSelect('COUNT(*)', 'n')
      .where({ orgId: In([...orgIds]), status: 'active' })
      .groupBy('m.org_id')
      .getRawMany<{ orgId: string; n: number | string }>();
    return new Map(rows.map((r) => [r.orgId, Number(r.n)]));
  }

  /** The secretary (a group's leader) of each organisation's current term. */
  private async secretaryNames(orgs: readonly PartyOrg[]): Promise<Map<string, string>> {
    const termIds = orgs.flatMap((o) => (o.currentTermId ? [o.currentTermId] : []));
    if (termIds.length === 0) return new Map();
    const seats = await this.dataSource
      .getRepository(PartyOrgSeat)
      .findBy({ termId: In(termIds), role: In(['secretary', 'group_leader']) });
    const named = await this.seatVOs(seats);
    return new Map(seats.map((s, i) => [s.orgId, named[i]?.name ?? ''] as const).filter(([, name]) => name));
  }
}
