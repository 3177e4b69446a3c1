import { addCalendarMonths, addDays, type CommitteeRole, type Education, type Gender } from '@zhili/shared';
import type { PartyAdmission } from '../modules/party/admission/party-admission.entity';
import type { PartyAdmissionStep } from '../modules/party/admission/party-admission-step.entity';
import type { PartyMemberEvent } from '../modules/party/members/party-member-event.entity';
import { demoAdmission, type DemoAdmissionResult, type DemoAdmissionTarget } from './demo-party-admission';
import { flowPlaces, transferDestinations, transferSources, workUnits } from './demo-party-texts';
import { ageOn } from './dates';
import { randomMobile } from './identity';
import { randomName } from './names';
import type { Rng } from './prng';

/**
 * The people of the demo party organisation: member files (about 5 % of the adults of each village or
 * community, older and more often male than the population), their histories as dated events, the
 * people in the admission pipeline, and committee seats. Pure: regions and persons in, rows out.
 */

/** A registry person as the party seed needs them. */
export interface PartyPersonIn {
  id: string;
  name: string;
  /** The village or community they live in (their grid's parent). */
  parentRegionId: string;
  birthDate: string;
  gender: Gender;
  local: boolean;
}

/** A branch being planned: the organisation row's facts the people need. */
export interface BranchDraft {
  id: string;
  path: string;
  name: string;
  regionId: string | null;
  /** Members of the town's own institutions (机关党支部) are drawn from the community residents. */
  institutional: boolean;
}

/** One stretch of a member's time in a branch: meetings in it invite them ([from, until)). */
export interface Membership {
  orgId: string;
  from: string;
  until: string | null;
}

export interface PlannedMember {
  id: string;
  personId: string | null;
  /** Standalone files only (people who left the town): sealed by the writer. */
  name: string | null;
  phone: string | null;
  gender: Gender | null;
  birthDate: string | null;
  /** Registry name (linked) or own name: for committee seats, hosts and staff display names. */
  displayName: string;
  /** Birth date (the registry's for linked files): seats go to members of working age. */
  bornOn: string;
  orgId: string;
  orgPath: string;
  category: 'full' | 'probationary';
  status: 'active' | 'transferred_out' | 'deceased';
  joinedOn: string;
  convertedOn: string | null;
  position: string | null;
  education: Education | null;
  workUnit: string | null;
  flowPlace: string | null;
  flowSince: string | null;
  flowContactOrg: string | null;
  admissionId: string | null;
  lastEventOn: string;
  memberships: Membership[];
  /** Away from home over [from, until): invited, but mostly on leave. */
  flows: { from: string; until: string | null }[];
}

export type PlannedEvent = Omit<PartyMemberEvent, 'actorId' | 'actorName' | 'createdAt'>;
export type PlannedAdmission = Omit<PartyAdmission, 'createdAt' | 'updatedAt'>;
export type PlannedStep = Omit<PartyAdmissionStep, 'actorId' | 'actorName' | 'createdAt'>;

export interface PeoplePlan {
  members: PlannedMember[];
  events: PlannedEvent[];
  admissions: PlannedAdmission[];
  steps: PlannedStep[];
}

export const MEMBER_SHARE = 0.05;
const MIN_MEMBER_AGE = 23;

/** Relative chance of an adult being a member, by age: party members are older than the population. */
function memberWeight(p: PartyPersonIn, today: string): number {
  const age = ageOn(today, p.birthDate);
  if (age < MIN_MEMBER_AGE || !p.local) return 0;
  const byAge = age < 30 ? 0.6 : age < 45 ? 1 : age < 60 ? 1.4 : age < 75 ? 1.8 : 1.2;
  return byAge * (p.gender === 'male' ? 1.7 : 1);
}

function educationFor(rng: Rng, age: number): Education {
  if (age < 40)
    return rng.weighted<Education>([
      ['bachelor', 4],
      ['college', 4],
      ['high_school', 2],
      ['postgraduate', 0.5],
    ]);
  if (age < 60)
    return rng.weighted<Education>([
      ['college', 2],
      ['high_school', 4],
      ['secondary', 2],
      ['junior_high', 3],
    ]);
  return rng.weighted<Education>([
    ['junior_high', 4],
    ['primary', 4],
    ['high_school', 1],
  ]);
}

/** `k` people drawn without replacement, each with chance ∝ weight (Efraimidis–Spirakis keys). */
export function weightedSample<T>(rng: Rng, items: readonly T[], weight: (t: T) => number, k: number): T[] {
  return items
    .map((item) => ({ item, w: weight(item), u: rng.next() }))
    .filter((x) => x.w > 0)
    .map((x) => ({ item: x.item, key: Math.log(x.u || Number.MIN_VALUE) / x.w }))
    .sort((a, b) => b.key - a.key)
    .slice(0, k)
    .map((x) => x.item);
}

export interface PeopleInput {
  rng: Rng;
  today: string;
  /** The day the digital member archive went live: files of members who joined before say 建立档案 then. */
  archiveOn: string;
  branches: readonly BranchDraft[];
  /** Branch of each village / community (by region id). */
  branchOfRegion: ReadonlyMap<string, BranchDraft>;
  persons: readonly PartyPersonIn[];
  /** The person who is the demo mini-program member 李四 (a 正式党员 of 幸福村党支部). */
  lisiPersonId: string;
}

/** Pipeline people per branch, scaled with its size; every stage has someone in the town. */
function pipelineFor(rng: Rng, members: number, first: boolean): DemoAdmissionTarget[] {
  const scale = Math.max(1, Math.round(members / 40));
  const n = (min: number, max: number) => rng.int(min * scale, max * scale);
  const out: DemoAdmissionTarget[] = [];
  const push = (t: DemoAdmissionTarget, count: number) => {
    for (let i = 0; i < count; i += 1) out.push(t);
  };
  push('applicant', first ? 1 : n(0, 1));
  push('applicant_talked', n(0, 1));
  push('activist', first ? 2 : n(0, 2));
  push('candidate', n(0, 1));
  push('candidate_trained', first ? 1 : n(0, 1));
  push('candidate_voted', n(0, 1));
  push('probationary', first ? 1 : n(0, 1));
  push('ended', rng.chance(0.15) ? 1 : 0);
  return out;
}

const letterNo = (rng: Rng, on: string) => `浙组转〔${on.slice(0, 4)}〕${rng.int(100, 999)}号`;

/** Plans every member file, history line and admission record of the demo town. */
export function planPeople(input: PeopleInput, ids: () => string): PeoplePlan {
  return new PeoplePlanner(input, ids).run();
}

class PeoplePlanner {
  private readonly plan: PeoplePlan = { members: [], events: [], admissions: [], steps: [] };
  private readonly rng: Rng;
  private readonly today: string;
  private readonly archiveOn: string;
  private readonly byRegion = new Map<string, PartyPersonIn[]>();
  /** Persons with a file or in the pipeline (李四 is kept for his own story). */
  private readonly taken: Set<string>;
  private readonly branchMembers = new Map<string, PlannedMember[]>();
  private readonly usedPhones = new Set<string>();
  /** Members per branch who came through the recorded pipeline (converted in the last few years). */
  private readonly recent = new Map<string, number>();

  constructor(
    private readonly input: PeopleInput,
    private readonly ids: () => string,
  ) {
    this.rng = input.rng;
    this.today = input.today;
    this.archiveOn = input.archiveOn;
    this.taken = new Set([input.lisiPersonId]);
    for (const p of input.persons) {
      const list = this.byRegion.get(p.parentRegionId) ?? [];
      list.push(p);
      this.byRegion.set(p.parentRegionId, list);
    }
  }

  run(): PeoplePlan {
    this.residents();
    // The portal's 流动党员 filter always has someone to show.
    if (!this.plan.members.some((m) => m.flowPlace)) {
      const working = this.plan.members.find((m) => m.flows.length === 0 && ageOn(this.today, m.bornOn) <= 50);
      if (working) this.flow(working, true);
    }
    this.transfersWithin();
    this.leavers();
    this.pipeline();
    return this.plan;
  }

  private event(e: Omit<PlannedEvent, 'id' | 'toOrgId' | 'detail'> & Partial<PlannedEvent>): void {
    this.plan.events.push({ id: this.ids(), toOrgId: null, detail: {}, ...e });
  }

  private keep(m: PlannedMember): void {
    this.plan.members.push(m);
    const list = this.branchMembers.get(m.orgId) ?? [];
    list.push(m);
    this.branchMembers.set(m.orgId, list);
  }

  /** A full member's file in `branch` since `joinedOn`, without history lines yet. */
  private file(p: PartyPersonIn, branch: BranchDraft, joinedOn: string, workUnit: string): PlannedMember {
    const convertedOn = addCalendarMonths(joinedOn, 12);
    return {
      id: this.ids(),
      personId: p.id,
      name: null,
      phone: null,
      gender: null,
      birthDate: null,
      displayName: p.name,
      bornOn: p.birthDate,
      orgId: branch.id,
      orgPath: branch.path,
      category: 'full',
      status: 'active',
      joinedOn,
      convertedOn,
      position: null,
      education: educationFor(this.rng, ageOn(this.today, p.birthDate)),
      workUnit,
      flowPlace: null,
      flowSince: null,
      flowContactOrg: null,
      admissionId: null,
      lastEventOn: convertedOn,
      memberships: [{ orgId: branch.id, from: joinedOn, until: null }],
      flows: [],
    };
  }

  /** A join date at 19–35, at least five years ago (later ones came through the recorded pipeline). */
  private pastJoinDate(birthDate: string): string {
    const { rng } = this;
    const latest = addCalendarMonths(this.today, -60);
    let joinedOn = addDays(addCalendarMonths(birthDate, 12 * rng.int(19, 35)), rng.int(0, 300));
    if (joinedOn > latest) joinedOn = addDays(addCalendarMonths(birthDate, 12 * 19), rng.int(0, 200));
    if (joinedOn > latest) joinedOn = latest;
    if (joinedOn < '1950-07-01') joinedOn = addDays('1950-07-01', rng.int(0, 3000));
    return joinedOn;
  }

  /** A member who joined before the archive: 建档, or 转入 from elsewhere; some flow away for a while. */
  private historic(p: PartyPersonIn, branch: BranchDraft, workUnit: string | null): PlannedMember {
    const { rng, today, archiveOn } = this;
    const age = ageOn(today, p.birthDate);
    const m = this.file(
      p,
      branch,
      this.pastJoinDate(p.birthDate),
      workUnit ?? (age >= 62 ? '退休' : rng.pick(workUnits)),
    );
    if (rng.chance(0.08)) {
      const on = addDays(archiveOn, rng.int(30, Math.max(31, daysBetween(archiveOn, today) - 30)));
      m.memberships = [{ orgId: branch.id, from: on, until: null }];
      m.lastEventOn = on;
      this.event({
        memberId: m.id,
        kind: 'transfer_in',
        happenedOn: on,
        orgId: branch.id,
        detail: { letterNo: letterNo(rng, on), from: rng.pick(transferSources) },
      });
    } else {
      this.event({ memberId: m.id, kind: 'create', happenedOn: archiveOn, orgId: branch.id });
    }
    if (age >= 25 && age <= 50 && rng.chance(0.07)) this.flow(m);
    return m;
  }

  /** 流动党员: away since some day after the archive; four in ten are back already (never when `stays`). */
  private flow(m: PlannedMember, stays = false): void {
    const { rng, today } = this;
    const base = later(m.lastEventOn, this.archiveOn);
    const span = daysBetween(base, today);
    if (span <= 60) return;
    const away = rng.pick(flowPlaces);
    const out = addDays(base, rng.int(20, span - 20));
    const detail = { place: away.place, contactOrg: away.contactOrg };
    this.event({ memberId: m.id, kind: 'flow_out', happenedOn: out, orgId: m.orgId, detail });
    m.lastEventOn = out;
    const left = daysBetween(out, today);
    if (left > 60 && !stays && rng.chance(0.4)) {
      const back = addDays(out, rng.int(30, left - 10));
      this.event({ memberId: m.id, kind: 'flow_back', happenedOn: back, orgId: m.orgId });
      m.flows.push({ from: out, until: back });
      m.lastEventOn = back;
    } else {
      m.flows.push({ from: out, until: null });
      Object.assign(m, { flowPlace: away.place, flowSince: out, flowContactOrg: away.contactOrg });
    }
  }

  /** Members of each village / community; a fifth of the community members work for the town (机关党支部). */
  private residents(): void {
    const { rng, today } = this;
    const institutional = this.input.branches.find((b) => b.institutional);
    for (const [regionId, branch] of this.input.branchOfRegion) {
      const people = this.byRegion.get(regionId) ?? [];
      const adults = people.filter((p) => ageOn(today, p.birthDate) >= 18).length;
      const total = Math.round(adults * MEMBER_SHARE);
      // About a tenth joined recently, through the recorded pipeline; one more is still on probation.
      const recent = Math.max(1, Math.round(total * 0.1));
      this.recent.set(branch.id, recent);
      const quota = Math.max(3, total - recent - 1);
      const weight = (p: PartyPersonIn) => (this.taken.has(p.id) ? 0 : memberWeight(p, today));
      for (const p of weightedSample(rng, people, weight, quota)) {
        this.taken.add(p.id);
        const inTownHall = institutional && !branch.name.endsWith('村党支部') && rng.chance(0.2);
        if (inTownHall) this.keep(this.historic(p, institutional, '示范镇人民政府'));
        else this.keep(this.historic(p, branch, null));
      }
    }
  }

  /** A few moved between branches of the town (镇内转接): filed in one branch, now in another. */
  private transfersWithin(): void {
    const { rng, today } = this;
    const villageBranches = this.input.branches.filter((b) => !b.institutional);
    for (const m of this.plan.members.filter((x) => x.flows.length === 0)) {
      if (!rng.chance(0.03)) continue;
      const from = rng.pick(villageBranches.filter((b) => b.id !== m.orgId));
      const base = later(m.lastEventOn, this.archiveOn);
      const span = daysBetween(base, today);
      if (!from || span < 60) continue;
      const on = addDays(base, rng.int(15, span - 15));
      const origin = this.plan.events.find((e) => e.memberId === m.id);
      if (origin) origin.orgId = from.id;
      this.event({ memberId: m.id, kind: 'transfer_within', happenedOn: on, orgId: from.id, toOrgId: m.orgId });
      m.memberships = [
        { orgId: from.id, from: m.memberships[0].from, until: on },
        { orgId: m.orgId, from: on, until: null },
      ];
      m.lastEventOn = on;
    }
  }

  /** Files of people who left: transferred out of the town or died (standalone: they keep their own name). */
  private leavers(): void {
    const { rng, today, archiveOn } = this;
    const villageBranches = this.input.branches.filter((b) => !b.institutional);
    const count = Math.max(2, Math.round(this.plan.members.length * 0.02));
    for (let k = 0; k < count; k += 1) {
      const branch = rng.pick(villageBranches);
      const gender: Gender = rng.chance(0.7) ? 'male' : 'female';
      const died = k % 3 === 1;
      const birthYear = Number(today.slice(0, 4)) - (died ? rng.int(75, 92) : rng.int(28, 50));
      const birthDate = `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const name = randomName(rng, gender, birthYear);
      const on = addDays(archiveOn, rng.int(20, Math.max(21, daysBetween(archiveOn, today) - 5)));
      const person: PartyPersonIn = { id: '', name, parentRegionId: '', birthDate, gender, local: true };
      const m: PlannedMember = {
        ...this.file(person, branch, this.pastJoinDate(birthDate), died ? '退休' : rng.pick(workUnits)),
        personId: null,
        name,
        phone: randomMobile(rng, this.usedPhones),
        gender,
        birthDate,
        status: died ? 'deceased' : 'transferred_out',
        lastEventOn: on,
      };
      m.memberships = [{ orgId: branch.id, from: m.joinedOn, until: on }];
      this.event({ memberId: m.id, kind: 'create', happenedOn: archiveOn, orgId: branch.id });
      if (died) this.event({ memberId: m.id, kind: 'death', happenedOn: on, orgId: branch.id });
      else
        this.event({
          memberId: m.id,
          kind: 'transfer_out',
          happenedOn: on,
          orgId: branch.id,
          detail: { letterNo: letterNo(rng, on), destination: rng.pick(transferDestinations) },
        });
      this.plan.members.push(m);
    }
  }

  /** The pipeline: non-members aged 22–40 of each branch's region, plus 李四, a 正式党员 who came through it. */
  private pipeline(): void {
    const { rng, today } = this;
    const lisi = this.input.persons.find((p) => p.id === this.input.lisiPersonId);
    for (const branch of this.input.branches) {
      if (branch.institutional || branch.regionId === null) continue;
      const home = lisi?.parentRegionId === branch.regionId;
      const people = (this.byRegion.get(branch.regionId) ?? []).filter((p) => {
        const age = ageOn(today, p.birthDate);
        return p.local && age >= 22 && age <= 40 && !this.taken.has(p.id);
      });
      const members = this.branchMembers.get(branch.id) ?? [];
      const targets = pipelineFor(rng, members.length, home);
      for (let i = this.recent.get(branch.id) ?? 1; i > 0; i -= 1) targets.push('full');
      const pairs = weightedSample(rng, people, () => 1, targets.length).map(
        (p, i): [PartyPersonIn, DemoAdmissionTarget] => [p, targets[i]],
      );
      if (home && lisi) pairs.push([lisi, 'full']);
      const eligible = members.filter((m) => m.category === 'full' && m.status === 'active').length;
      for (const [p, target] of pairs) {
        this.taken.add(p.id);
        this.admission(p, branch, demoAdmission(rng, target, today, p.birthDate, { eligible }));
      }
    }
  }

  /** The admission record and its steps; admitted → a probationary file (加入), converted → 正式 (转正). */
  private admission(p: PartyPersonIn, branch: BranchDraft, { record, steps }: DemoAdmissionResult): void {
    const admissionId = this.ids();
    let memberId: string | null = null;
    if ((record.stage === 'probationary' || record.stage === 'full') && record.admittedOn && record.approvedOn) {
      const { admittedOn, approvedOn, convertedOn } = record;
      const workUnit = p.id === this.input.lisiPersonId ? '幸福村股份经济合作社' : this.rng.pick(workUnits.slice(0, 5));
      const m: PlannedMember = {
        ...this.file(p, branch, admittedOn, workUnit),
        category: record.stage,
        convertedOn: convertedOn ?? null,
        admissionId,
        // As the admission service keeps it: the approval's day, then the conversion's.
        lastEventOn: convertedOn && convertedOn > approvedOn ? convertedOn : approvedOn,
      };
      this.event({
        memberId: m.id,
        kind: 'join',
        happenedOn: admittedOn,
        orgId: branch.id,
        detail: { approvedOn, probationEndsOn: record.probationEndsOn ?? null },
      });
      const vote = steps.find((s) => s.kind === 'conversion_vote');
      if (convertedOn && vote)
        this.event({
          memberId: m.id,
          kind: 'convert',
          happenedOn: convertedOn,
          orgId: branch.id,
          detail: { voteOn: vote.happenedOn },
        });
      this.keep(m);
      memberId = m.id;
    }
    this.plan.admissions.push({
      id: admissionId,
      personId: p.id,
      orgId: branch.id,
      orgPath: branch.path,
      stage: record.stage,
      appliedOn: record.appliedOn,
      talkedOn: record.talkedOn ?? null,
      activistOn: record.activistOn ?? null,
      candidateOn: record.candidateOn ?? null,
      politicalReviewOn: record.politicalReviewOn ?? null,
      trainingOn: record.trainingOn ?? null,
      admittedOn: record.admittedOn ?? null,
      approvedOn: record.approvedOn ?? null,
      probationEndsOn: record.probationEndsOn ?? null,
      postponedMonths: record.postponedMonths ?? null,
      convertedOn: record.convertedOn ?? null,
      closedOn: record.closedOn ?? null,
      memberId,
      version: steps.length + 1,
    });
    for (const s of steps) this.plan.steps.push({ ...s, id: this.ids(), admissionId });
  }
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Committee seats of one term: the secretary first (an older member), then the other roles. */
export function seatHolders(
  rng: Rng,
  candidates: readonly PlannedMember[],
  roles: readonly CommitteeRole[],
  today: string,
): { role: CommitteeRole; member: PlannedMember }[] {
  const pool = candidates.filter((m) => m.status === 'active' && m.category === 'full' && m.flows.length === 0);
  const byAge = (m: PlannedMember) => {
    const age = ageOn(today, m.bornOn);
    return age >= 35 && age <= 60 ? 3 : 1;
  };
  const picked = weightedSample(rng, pool, byAge, roles.length);
  return picked.map((member, i) => ({ role: roles[i], member }));
}
