import { addCalendarMonths, addDays, committeeRolesFor, type CommitteeRole, type PartyOrgType } from '@zhili/shared';
import type { PartyOrg } from '../modules/party/org/party-org.entity';
import type { PartyOrgEvent } from '../modules/party/org/party-org-event.entity';
import type { PartyOrgSeat } from '../modules/party/org/party-org-seat.entity';
import type { PartyOrgTerm } from '../modules/party/org/party-org-term.entity';
import type { Region } from '../modules/region/region.entity';
import { seatHolders, type BranchDraft, type PlannedMember } from './demo-party-people';
import type { Rng } from './prng';

/**
 * The demo party tree and its committees: 示范镇党委 over 示范镇机关党支部 and a 党支部 per village and
 * community (幸福村 first), each with its previous and current term. Most branch terms run well within
 * their three years; two are due for 换届 soon and the last one is overdue, so the portal shows both.
 */

export type PlannedOrg = Omit<PartyOrg, 'createdAt' | 'updatedAt'>;
export type PlannedOrgEvent = Omit<PartyOrgEvent, 'actorId' | 'actorName' | 'createdAt'>;
export type PlannedTerm = Omit<PartyOrgTerm, 'createdAt'>;

export interface TreePlan {
  orgs: PlannedOrg[];
  committee: PlannedOrg;
  /** Every branch, the institutions' first, then 幸福村's. */
  branches: BranchDraft[];
  branchOfRegion: Map<string, BranchDraft>;
}

function orgRow(
  id: string,
  parent: PlannedOrg | null,
  type: PartyOrgType,
  name: string,
  regionId: string | null,
  foundedOn: string,
  sortOrder: number,
): PlannedOrg {
  return {
    id,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    type,
    name,
    status: 'active',
    regionId,
    foundedOn,
    sortOrder,
    currentTermId: null,
    termStartedOn: foundedOn,
    closedOn: null,
    mergedIntoId: null,
  };
}

export function planTree(
  rng: Rng,
  ids: () => string,
  town: Region,
  parents: readonly Region[],
  home: Region,
): TreePlan {
  const committee = orgRow(ids(), null, 'committee', '示范镇党委', town.id, '1984-05-01', 0);
  const institution = orgRow(ids(), committee, 'branch', '示范镇机关党支部', town.id, '1984-06-01', 1);
  const plan: TreePlan = {
    orgs: [committee, institution],
    committee,
    branches: [
      { id: institution.id, path: institution.path, name: institution.name, regionId: null, institutional: true },
    ],
    branchOfRegion: new Map(),
  };
  [home, ...parents.filter((p) => p.id !== home.id)].forEach((r, i) => {
    const founded =
      r.level === 'village'
        ? `${rng.int(1985, 1995)}-0${rng.int(1, 9)}-01`
        : `${rng.int(2002, 2015)}-0${rng.int(1, 9)}-01`;
    const org = orgRow(ids(), committee, 'branch', `${r.name}党支部`, r.id, founded, 10 + i);
    plan.orgs.push(org);
    const draft: BranchDraft = { id: org.id, path: org.path, name: org.name, regionId: r.id, institutional: false };
    plan.branches.push(draft);
    plan.branchOfRegion.set(r.id, draft);
  });
  return plan;
}

export interface TermsPlan {
  terms: PlannedTerm[];
  seats: PartyOrgSeat[];
  events: PlannedOrgEvent[];
  /** The current secretary of each organisation. */
  secretaries: Map<string, PlannedMember>;
  /** Member ids of each organisation's current committee. */
  committees: Map<string, Set<string>>;
}

const later = (a: string, b: string) => (a > b ? a : b);

/** The committee's seats: a secretary, two deputies, the three 委员 with a duty, one more 委员. */
const COMMITTEE_ROLES: CommitteeRole[] = [
  'secretary',
  'deputy_secretary',
  'deputy_secretary',
  'organization',
  'publicity',
  'discipline',
  'member',
];

/** A branch of fifteen or more elects a full 支委会, of five or more three 委员, a smaller one only its secretary. */
function branchRoles(members: number): CommitteeRole[] {
  if (members >= 15) return committeeRolesFor('branch').slice(0, 5);
  return members >= 5 ? ['secretary', 'organization', 'publicity'] : ['secretary'];
}

/**
 * The founding and two terms (previous and current) of every organisation, with seats for active full
 * members who had joined by the term's start (the town committee's from the whole town). Updates each
 * organisation's current term. `notOnCommittees`: a person kept off every committee (the demo member).
 */
export function planTerms(
  rng: Rng,
  ids: () => string,
  today: string,
  orgs: PlannedOrg[],
  active: readonly PlannedMember[],
  notOnCommittees: string,
): TermsPlan {
  const plan: TermsPlan = { terms: [], seats: [], events: [], secretaries: new Map(), committees: new Map() };
  orgs.forEach((org, i) => {
    const isCommittee = org.type === 'committee';
    const years = isCommittee ? 5 : 3;
    const last = orgs.length - 1;
    const monthsAgo = isCommittee
      ? rng.int(20, 40)
      : i === last
        ? 38
        : i >= last - 2
          ? rng.int(34, 35)
          : rng.int(4, 30);
    const startedOn = later(addDays(addCalendarMonths(today, -monthsAgo), -rng.int(0, 20)), org.foundedOn);
    const previousOn = later(addCalendarMonths(startedOn, -12 * years), org.foundedOn);
    const pool = active.filter((m) => (isCommittee || m.orgId === org.id) && m.personId !== notOnCommittees);
    const roles = isCommittee ? COMMITTEE_ROLES : branchRoles(pool.length);
    plan.events.push({
      id: ids(),
      orgId: org.id,
      kind: 'create',
      happenedOn: org.foundedOn,
      note: null,
      relatedOrgId: null,
      detail: { type: org.type },
    });
    const starts = previousOn === startedOn ? [startedOn] : [previousOn, startedOn];
    for (const on of starts) {
      const termId = ids();
      const holders = seatHolders(
        rng,
        pool.filter((m) => m.joinedOn < on),
        roles,
        today,
      );
      const current = on === startedOn;
      plan.terms.push({ id: termId, orgId: org.id, startedOn: on, note: current ? '换届选举产生新一届委员会' : null });
      holders.forEach((h, k) =>
        plan.seats.push({
          id: ids(),
          termId,
          orgId: org.id,
          role: h.role,
          memberId: h.member.id,
          personId: null,
          seatOrder: k,
        }),
      );
      plan.events.push({
        id: ids(),
        orgId: org.id,
        kind: 'term',
        happenedOn: on,
        note: null,
        relatedOrgId: null,
        detail: { termId, seats: holders.length },
      });
      if (current) {
        org.currentTermId = termId;
        org.termStartedOn = on;
        plan.committees.set(org.id, new Set(holders.map((h) => h.member.id)));
        const secretary = holders.find((h) => h.role === 'secretary');
        if (secretary) {
          plan.secretaries.set(org.id, secretary.member);
          secretary.member.position = isCommittee ? '镇党委书记' : `${org.name}书记`;
        }
      }
    }
  });
  return plan;
}
