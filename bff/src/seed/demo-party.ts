import { addCalendarMonths, addDays, committeeRolesFor, Permission, Role, type CommitteeRole } from '@zhili/shared';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { In, Like } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { PiiCipher } from '../core/crypto/pii-cipher';
import { MpRoleGrant, MpUser } from '../modules/mp-user';
import { PartyAdmission } from '../modules/party/admission/party-admission.entity';
import { PartyAdmissionStep } from '../modules/party/admission/party-admission-step.entity';
import { PartyMeeting } from '../modules/party/meetings/party-meeting.entity';
import { PartyMemberAccount } from '../modules/party/meetings/party-member-account.entity';
import { PartyMember } from '../modules/party/members/party-member.entity';
import { PartyMemberEvent } from '../modules/party/members/party-member-event.entity';
import { sanitizeNoticeHtml } from '../modules/party/notices/notice-html';
import { PartyNotice } from '../modules/party/notices/party-notice.entity';
import { PartyNoticeRead } from '../modules/party/notices/party-notice-read.entity';
import { PartyOrg } from '../modules/party/org/party-org.entity';
import { PartyOrgEvent } from '../modules/party/org/party-org-event.entity';
import { PartyOrgSeat } from '../modules/party/org/party-org-seat.entity';
import { PartyOrgStaff } from '../modules/party/org/party-org-staff.entity';
import { PartyOrgTerm } from '../modules/party/org/party-org-term.entity';
import { Region } from '../modules/region/region.entity';
import { Person } from '../modules/registry/entities';
import { StaffUser } from '../modules/staff/staff-user.entity';
import { ageOn, workingTimeOn } from './dates';
import { planMeetings, planReads, type LifeBranch, type PlannedNotice } from './demo-party-life';
import { planPeople, seatHolders, type BranchDraft, type PartyPersonIn, type PlannedMember } from './demo-party-people';
import { committeeNotices, themeDayNotice } from './demo-party-texts';
import { shanghaiToday } from './demo-town';
import { TOWN_CODE, TOWN_CODE_PREFIX } from './plan';
import { Rng } from './prng';
import { CHUNK_ROWS } from './writer';

/**
 * The party organisation of the demo town 示范镇: the town committee (示范镇党委), a branch per village
 * and community plus the town institutions' branch (机关党支部), ~5 % of the adults as members with
 * their histories, people in every stage of the admission pipeline, 三会一课 of the last year, notices,
 * and two staff accounts: the committee's secretary (zhen.dangwei, whole town) and 幸福村党支部's
 * (cun201.shuji). The mini-program's demo member 李四 is a 正式党员 of 幸福村党支部, linked to his
 * account, with tomorrow's 主题党日 to attend and one unread notice.
 */

const DEMO_PARTY_SEED = 20_261_207;
export const PARTY_SECRETARY_USERNAME = 'zhen.dangwei';
export const BRANCH_SECRETARY_USERNAME = 'cun201.shuji';
export const LISI_NAME = '李四';

export interface DemoPartyOptions {
  cipher: PiiCipher;
  /** Reference day YYYY-MM-DD (Asia/Shanghai today by default). */
  today?: string;
  now?: Date;
  /** The mini-program account of 李四 (linked to his member file when it exists). */
  lisiOpenid?: string;
}

export interface DemoPartyReport {
  /** False when a party organisation existed already (nothing generated) or there is no demo town. */
  created: boolean;
  counts: Record<string, number>;
  seconds: number;
  /** Whether 李四's mini-program account is linked to his member file (now or before). */
  lisiLinked: boolean;
}

async function insertChunks<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<void> {
  for (let k = 0; k < rows.length; k += CHUNK_ROWS)
    await m
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(k, k + CHUNK_ROWS))
      .execute();
}

/** Rows of scalar values as multi-row INSERTs (`?` placeholders: SQLite and MySQL alike). */
async function insertPlain(
  m: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly (string | number | null)[][],
): Promise<void> {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  for (let k = 0; k < rows.length; k += CHUNK_ROWS) {
    const chunk = rows.slice(k, k + CHUNK_ROWS);
    await m.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')}`,
      chunk.flat(),
    );
  }
}

interface Loaded {
  town: Region;
  parents: Region[];
  persons: PartyPersonIn[];
  passwordHash: string | null;
}

async function load(ds: DataSource): Promise<Loaded | null> {
  const regions = ds.getRepository(Region);
  const town = await regions.findOneBy({ code: TOWN_CODE, level: 'town' });
  if (!town) return null;
  const parents = (await regions.findBy({ parentId: town.id, level: In(['village', 'community']) })).sort((a, b) =>
    (a.code ?? a.name).localeCompare(b.code ?? b.name),
  );
  const grids = await regions.find({
    where: { parentId: In(parents.map((p) => p.id)) },
    select: { id: true, parentId: true },
  });
  const parentOfGrid = new Map(grids.map((g) => [g.id, g.parentId as string]));
  const rows = await ds.getRepository(Person).find({
    where: { scopePath: Like(`${town.path}%`), status: 'active' },
    select: { id: true, name: true, regionId: true, birthDate: true, gender: true, hukouType: true },
    order: { id: 'ASC' },
  });
  const persons: PartyPersonIn[] = [];
  for (const p of rows) {
    const parentRegionId =
      parentOfGrid.get(p.regionId) ?? (parents.some((r) => r.id === p.regionId) ? p.regionId : null);
    if (!parentRegionId || !p.birthDate || (p.gender !== 'male' && p.gender !== 'female')) continue;
    persons.push({
      id: p.id,
      name: p.name,
      parentRegionId,
      birthDate: p.birthDate,
      gender: p.gender,
      local: p.hukouType !== 'floating',
    });
  }
  // The generated staff share one first-login hash (the demo password printed with the town): reuse it.
  const shared = await ds.getRepository(StaffUser).findOne({
    where: { username: Like(`${'cun'}%`), mustChangePassword: true },
    select: { passwordHash: true },
    order: { username: 'ASC' },
  });
  return { town, parents, persons, passwordHash: shared?.passwordHash ?? null };
}

const branchName = (r: Region) => `${r.name}党支部`;

/** Writes the demo party organisation unless any party organisation exists. */
export async function ensureDemoParty(ds: DataSource, options: DemoPartyOptions): Promise<DemoPartyReport> {
  const started = Date.now();
  const report: DemoPartyReport = { created: false, counts: {}, seconds: 0, lisiLinked: false };
  const loaded = (await ds.getRepository(PartyOrg).count()) === 0 ? await load(ds) : null;
  if (loaded && loaded.parents.length > 0) {
    await writeParty(ds, loaded, options, report);
    report.created = true;
  }
  report.lisiLinked = await linkLisi(ds, options.lisiOpenid);
  report.seconds = Math.round((Date.now() - started) / 10) / 100;
  return report;
}

async function writeParty(ds: DataSource, loaded: Loaded, options: DemoPartyOptions, report: DemoPartyReport) {
  const today = options.today ?? shanghaiToday(options.now);
  const now = options.now ?? new Date(`${today}T04:00:00Z`);
  const rng = new Rng(DEMO_PARTY_SEED);
  const ids = () => rng.uuid();
  const { town, parents } = loaded;
  const home = parents.find((p) => p.code === `${TOWN_CODE_PREFIX}201`) ?? parents[0];
  // 李四: a man of 30–45 in 幸福村 (the registry person who becomes the demo member).
  const lisiPerson =
    loaded.persons.find((p) => p.parentRegionId === home.id && p.name === LISI_NAME) ??
    loaded.persons.find(
      (p) =>
        p.parentRegionId === home.id &&
        p.local &&
        p.gender === 'male' &&
        ageOn(today, p.birthDate) >= 30 &&
        ageOn(today, p.birthDate) <= 45,
    );
  if (!lisiPerson) throw new Error('no resident of 幸福村 to be the demo member 李四');
  lisiPerson.name = LISI_NAME;

  // The tree: 镇党委 → 机关党支部 and a 党支部 per village / community (幸福村 first).
  const committeeId = ids();
  const committee: PartyOrg = orgRow(
    committeeId,
    null,
    `/${committeeId}/`,
    'committee',
    '示范镇党委',
    town.id,
    '1984-05-01',
    0,
  );
  const orgs: PartyOrg[] = [committee];
  const drafts: BranchDraft[] = [];
  const branchOfRegion = new Map<string, BranchDraft>();
  const institutionId = ids();
  orgs.push(
    orgRow(
      institutionId,
      committee,
      `${committee.path}${institutionId}/`,
      'branch',
      '示范镇机关党支部',
      town.id,
      '1984-06-01',
      1,
    ),
  );
  drafts.push({ id: institutionId, path: orgs[1].path, name: orgs[1].name, regionId: null, institutional: true });
  [home, ...parents.filter((p) => p.id !== home.id)].forEach((r, i) => {
    const id = ids();
    const founded =
      r.level === 'village'
        ? `${rng.int(1985, 1995)}-0${rng.int(1, 9)}-01`
        : `${rng.int(2002, 2015)}-0${rng.int(1, 9)}-01`;
    const org = orgRow(id, committee, `${committee.path}${id}/`, 'branch', branchName(r), r.id, founded, 10 + i);
    orgs.push(org);
    const draft: BranchDraft = { id, path: org.path, name: org.name, regionId: r.id, institutional: false };
    drafts.push(draft);
    branchOfRegion.set(r.id, draft);
  });

  const archiveOn = `${addCalendarMonths(today, -rng.int(28, 34)).slice(0, 7)}-15`;
  const people = planPeople(
    { rng, today, archiveOn, branches: drafts, branchOfRegion, persons: loaded.persons, lisiPersonId: lisiPerson.id },
    ids,
  );
  const active = people.members.filter((m) => m.status === 'active');
  const ofOrg = (orgId: string) => active.filter((m) => m.orgId === orgId);

  // Terms and committees: the previous term and the current one. Two branches are due for 换届, one overdue.
  const terms: PartyOrgTerm[] = [];
  const seats: PartyOrgSeat[] = [];
  const orgEvents: PartyOrgEvent[] = [];
  const secretaries = new Map<string, PlannedMember>();
  const currentSeats = new Map<string, Set<string>>();
  const actor = { id: ids(), name: '' };
  const branchActor = { id: ids(), name: '' };
  orgs.forEach((org, i) => {
    const isCommittee = org.type === 'committee';
    const years = isCommittee ? 5 : 3;
    const monthsAgo = isCommittee
      ? rng.int(20, 40)
      : i === orgs.length - 1
        ? 38
        : i >= orgs.length - 3
          ? rng.int(33, 34)
          : rng.int(4, 30);
    const startedOn = later(addDays(addCalendarMonths(today, -monthsAgo), -rng.int(0, 20)), org.foundedOn);
    const previousOn = later(addCalendarMonths(startedOn, -12 * years), org.foundedOn);
    const pool = isCommittee ? active : ofOrg(org.id);
    // A branch of seven or more members elects a committee (支委会); a small one only its secretary.
    const roles: CommitteeRole[] = isCommittee
      ? ['secretary', 'deputy_secretary', 'deputy_secretary', 'organization', 'publicity', 'discipline', 'member']
      : pool.length >= 15
        ? committeeRolesFor('branch').slice(0, 5)
        : pool.length >= 5
          ? ['secretary', 'organization', 'publicity']
          : ['secretary'];
    const eligible = pool.filter((m) => m.personId !== lisiPerson.id);
    for (const [on, current] of [
      [previousOn, false],
      [startedOn, true],
    ] as const) {
      if (!current && previousOn === startedOn) continue;
      const termId = ids();
      const holders = seatHolders(
        rng,
        eligible.filter((m) => m.joinedOn < on),
        roles,
        today,
      );
      terms.push({
        id: termId,
        orgId: org.id,
        startedOn: on,
        note: current ? '换届选举产生新一届委员会' : null,
        createdAt: new Date(now),
      });
      holders.forEach((h, k) =>
        seats.push({
          id: ids(),
          termId,
          orgId: org.id,
          role: h.role,
          memberId: h.member.id,
          personId: null,
          seatOrder: k,
        }),
      );
      orgEvents.push({
        id: ids(),
        orgId: org.id,
        kind: 'term',
        happenedOn: on,
        note: null,
        relatedOrgId: null,
        detail: { termId, seats: holders.length },
        actorId: actor.id,
        actorName: '',
        createdAt: new Date(now),
      });
      if (current) {
        org.currentTermId = termId;
        org.termStartedOn = on;
        currentSeats.set(org.id, new Set(holders.map((h) => h.member.id)));
        const secretary = holders.find((h) => h.role === 'secretary');
        if (secretary) secretaries.set(org.id, secretary.member);
      }
    }
    orgEvents.push({
      id: ids(),
      orgId: org.id,
      kind: 'create',
      happenedOn: org.foundedOn,
      note: null,
      relatedOrgId: null,
      detail: { type: org.type },
      actorId: actor.id,
      actorName: '',
      createdAt: new Date(now),
    });
  });
  for (const [orgId, m] of secretaries)
    m.position = orgId === committeeId ? '镇党委书记' : `${orgs.find((o) => o.id === orgId)?.name ?? ''}书记`;
  const homeBranch = branchOfRegion.get(home.id) as BranchDraft;
  actor.name = secretaries.get(committeeId)?.displayName ?? '示范镇党委';
  branchActor.name = secretaries.get(homeBranch.id)?.displayName ?? '幸福村党支部';
  const actorOf = (orgId: string) => (orgId === homeBranch.id ? branchActor : actor);
  for (const e of orgEvents) e.actorName = actor.name;

  // Meetings and notices.
  const life: LifeBranch[] = drafts.map((d) => {
    const region = parents.find((p) => p.id === d.regionId) ?? town;
    const center: [number, number] | null =
      region.centerLng !== null && region.centerLat !== null ? [region.centerLng, region.centerLat] : null;
    return {
      id: d.id,
      path: d.path,
      name: d.name,
      place: d.institutional ? '示范镇人民政府三楼党员活动室' : `${region.name}党群服务中心`,
      center,
      host: secretaries.get(d.id)?.displayName ?? '支部书记',
      committee: currentSeats.get(d.id) ?? new Set(),
      actorId: actorOf(d.id).id,
    };
  });
  const meetings = planMeetings(rng, today, life, people.members, homeBranch.id, ids);
  const lisiMember = people.members.find((m) => m.personId === lisiPerson.id) as PlannedMember;
  const publishedAt = (daysAgo: number) => workingTimeOn(addDays(today, -daysAgo), 9, 30);
  const notices: PlannedNotice[] = committeeNotices.map((n, k) => ({
    id: ids(),
    orgId: committee.id,
    orgPath: committee.path,
    audience: 'all',
    targetOrgId: null,
    targetPath: null,
    title: n.title,
    body: sanitizeNoticeHtml(n.body),
    pinned: k === 0,
    publishedAt: k === committeeNotices.length - 1 ? null : publishedAt([20, 45, 9][k] ?? 30),
    actorId: actor.id,
  }));
  const homeLife = life.find((l) => l.id === homeBranch.id) as LifeBranch;
  const branchNotice = themeDayNotice(homeBranch.name, addDays(today, 1), homeLife.place);
  const unread: PlannedNotice = {
    id: ids(),
    orgId: homeBranch.id,
    orgPath: homeBranch.path,
    audience: 'org',
    targetOrgId: homeBranch.id,
    targetPath: homeBranch.path,
    title: branchNotice.title,
    body: sanitizeNoticeHtml(branchNotice.body),
    pinned: false,
    publishedAt: publishedAt(1),
    actorId: branchActor.id,
  };
  notices.push(unread);
  const reads = planReads(
    rng,
    now,
    notices,
    (n) => (n.audience === 'all' ? active : active.filter((m) => m.orgId === n.targetOrgId)),
    { memberId: lisiMember.id, unreadNoticeId: unread.id },
  );

  const staff = [
    {
      id: actor.id,
      username: PARTY_SECRETARY_USERNAME,
      displayName: actor.name,
      roles: [Role.PartySecretary],
      grants: [Permission.PartyManage],
      region: town,
      orgId: committee.id,
    },
    {
      id: branchActor.id,
      username: BRANCH_SECRETARY_USERNAME,
      displayName: branchActor.name,
      roles: [Role.PartySecretary],
      grants: [],
      region: home,
      orgId: homeBranch.id,
    },
  ];
  const counts = report.counts;
  await ds.transaction(async (m) => {
    const put = async <T extends ObjectLiteral>(
      table: string,
      target: EntityTarget<T>,
      rows: QueryDeepPartialEntity<T>[],
    ) => {
      await insertChunks(m, target, rows);
      counts[table] = rows.length;
    };
    await m.getRepository(Person).update({ id: lisiPerson.id }, { name: LISI_NAME });
    const existing = new Set(
      (await m.getRepository(StaffUser).find({ where: { username: In(staff.map((s) => s.username)) } })).map(
        (s) => s.username,
      ),
    );
    const newStaff = loaded.passwordHash ? staff.filter((s) => !existing.has(s.username)) : [];
    const hash = loaded.passwordHash as string;
    await put(
      'staff',
      StaffUser,
      newStaff.map((s) => ({
        id: s.id,
        username: s.username,
        displayName: s.displayName,
        passwordHash: hash,
        roles: s.roles,
        grants: s.grants,
        regionId: s.region.id,
        scopePath: s.region.path,
        status: 'active' as const,
        mustChangePassword: true,
        lastLoginAt: null,
      })),
    );
    await put('party_org', PartyOrg, orgs);
    await put('party_org_event', PartyOrgEvent, orgEvents);
    await put('party_org_term', PartyOrgTerm, terms);
    await put('party_org_seat', PartyOrgSeat, seats);
    await put(
      'party_org_staff',
      PartyOrgStaff,
      newStaff.map((s) => ({ orgId: s.orgId, staffUserId: s.id, assignedBy: s.id })),
    );
    await put(
      'party_member',
      PartyMember,
      people.members.map((x) => ({
        id: x.id,
        personId: x.personId,
        name: options.cipher.seal(x.name),
        phone: options.cipher.seal(x.phone),
        gender: x.gender,
        birthDate: x.birthDate,
        orgId: x.orgId,
        orgPath: x.orgPath,
        category: x.category,
        status: x.status,
        joinedOn: x.joinedOn,
        convertedOn: x.convertedOn,
        position: x.position,
        education: x.education,
        workUnit: x.workUnit,
        flowPlace: x.flowPlace,
        flowSince: x.flowSince,
        flowContactOrg: x.flowContactOrg,
        admissionId: x.admissionId,
        lastEventOn: x.lastEventOn,
        version: 1,
      })),
    );
    const byMember = new Map(people.members.map((x) => [x.id, x]));
    await put(
      'party_member_event',
      PartyMemberEvent,
      people.events.map((e) => {
        const who = actorOf(byMember.get(e.memberId)?.orgId ?? '');
        return { ...e, actorId: who.id, actorName: who.name };
      }),
    );
    await put('party_admission', PartyAdmission, people.admissions);
    const admissionOrg = new Map(people.admissions.map((a) => [a.id, a.orgId]));
    await put(
      'party_admission_step',
      PartyAdmissionStep,
      people.steps.map((s) => {
        const who = actorOf(admissionOrg.get(s.admissionId) ?? '');
        return { ...s, actorId: who.id, actorName: who.name };
      }),
    );
    await put('party_meeting', PartyMeeting, meetings.meetings);
    // ~70,000 rows in the full town: plain multi-row INSERTs, without TypeORM's per-row processing (4 s → <1 s).
    await insertPlain(
      m,
      'party_meeting_attendee',
      ['meeting_id', 'member_id', 'status', 'checked_in_at', 'method', 'leave_reason', 'leave_status'],
      meetings.attendees.map((a) => [
        a.meetingId,
        a.memberId,
        a.status,
        a.checkedInAt,
        a.method,
        a.leaveReason,
        a.leaveStatus,
      ]),
    );
    counts.party_meeting_attendee = meetings.attendees.length;
    await put(
      'party_notice',
      PartyNotice,
      notices.map((n) => ({ ...n })),
    );
    await put('party_notice_read', PartyNoticeRead, reads);
  });
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function orgRow(
  id: string,
  parent: PartyOrg | null,
  path: string,
  type: PartyOrg['type'],
  name: string,
  regionId: string | null,
  foundedOn: string,
  sortOrder: number,
): PartyOrg {
  const org = new PartyOrg();
  Object.assign(org, {
    id,
    parentId: parent?.id ?? null,
    path,
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
  });
  return org;
}

/**
 * Links 李四's mini-program account to his member file (party_member_account), with the party member
 * role and its grant in 幸福村, as a binding code and the branch secretary would have. Idempotent.
 */
async function linkLisi(ds: DataSource, openid: string | undefined): Promise<boolean> {
  if (!openid) return false;
  const user = await ds.getRepository(MpUser).findOneBy({ openid });
  const town = await ds.getRepository(Region).findOneBy({ code: TOWN_CODE, level: 'town' });
  const village =
    town && (await ds.getRepository(Region).findOneBy({ code: `${TOWN_CODE_PREFIX}201`, parentId: town.id }));
  if (!user || !village) return false;
  const member = await ds
    .getRepository(PartyMember)
    .createQueryBuilder('m')
    .innerJoin(Person, 'p', 'p.id = m.person_id')
    .where('p.name = :name AND m.status = :active', { name: LISI_NAME, active: 'active' })
    .andWhere('p.scope_path LIKE :path', { path: `${village.path}%` })
    .getOne();
  if (!member) return false;
  await ds.transaction(async (m) => {
    if (!user.roles.includes(Role.PartyMember))
      await m.update(MpUser, { id: user.id }, { roles: [...user.roles, Role.PartyMember] });
    if (!(await m.existsBy(MpRoleGrant, { userId: user.id, role: Role.PartyMember })))
      await m.insert(MpRoleGrant, {
        userId: user.id,
        role: Role.PartyMember,
        regionId: village.id,
        scopePath: village.path,
        bindingCodeId: null,
      });
    const linked = await m.findOneBy(PartyMemberAccount, { mpUserId: user.id });
    if (!linked && !(await m.existsBy(PartyMemberAccount, { memberId: member.id })))
      await m.insert(PartyMemberAccount, { memberId: member.id, mpUserId: user.id });
  });
  return await ds.getRepository(PartyMemberAccount).existsBy({ mpUserId: user.id, memberId: member.id });
}
