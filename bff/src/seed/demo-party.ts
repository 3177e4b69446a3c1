import { addCalendarMonths, Permission, Role } from '@zhili/shared';
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
import { ageOn } from './dates';
import { planMeetings, planNotices, type LifeBranch } from './demo-party-life';
import { planTerms, planTree } from './demo-party-orgs';
import { planPeople, type BranchDraft, type PartyPersonIn, type PlannedMember } from './demo-party-people';
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

/** The person who becomes the demo member 李四: one already named so, else a man of 30–45 living in 幸福村. */
function lisiOf(loaded: Loaded, home: Region, today: string): PartyPersonIn {
  const inHome = loaded.persons.filter((p) => p.parentRegionId === home.id);
  const age = (p: PartyPersonIn) => ageOn(today, p.birthDate);
  const person =
    inHome.find((p) => p.name === LISI_NAME) ??
    inHome.find((p) => p.local && p.gender === 'male' && age(p) >= 30 && age(p) <= 45);
  if (!person) throw new Error('no resident of 幸福村 to be the demo member 李四');
  person.name = LISI_NAME;
  return person;
}

async function writeParty(ds: DataSource, loaded: Loaded, options: DemoPartyOptions, report: DemoPartyReport) {
  const today = options.today ?? shanghaiToday(options.now);
  const now = options.now ?? new Date(`${today}T04:00:00Z`);
  const rng = new Rng(DEMO_PARTY_SEED);
  const ids = () => rng.uuid();
  const { town, parents } = loaded;
  const home = parents.find((p) => p.code === `${TOWN_CODE_PREFIX}201`) ?? parents[0];
  const lisi = lisiOf(loaded, home, today);

  const tree = planTree(rng, ids, town, parents, home);
  const archiveOn = `${addCalendarMonths(today, -rng.int(28, 34)).slice(0, 7)}-15`;
  const people = planPeople(
    {
      rng,
      today,
      archiveOn,
      branches: tree.branches,
      branchOfRegion: tree.branchOfRegion,
      persons: loaded.persons,
      lisiPersonId: lisi.id,
    },
    ids,
  );
  const active = people.members.filter((m) => m.status === 'active');
  const terms = planTerms(rng, ids, today, tree.orgs, active, lisi.id);
  const homeBranch = tree.branchOfRegion.get(home.id) as BranchDraft;
  // The two demo accounts: the committee's secretary records the town's history, 幸福村's secretary their branch's.
  const townActor = { id: ids(), name: terms.secretaries.get(tree.committee.id)?.displayName ?? '示范镇党委' };
  const homeActor = { id: ids(), name: terms.secretaries.get(homeBranch.id)?.displayName ?? homeBranch.name };
  const actorOf = (orgId: string | undefined) => (orgId === homeBranch.id ? homeActor : townActor);

  const life: LifeBranch[] = tree.branches.map((d) => {
    const region = parents.find((p) => p.id === d.regionId) ?? town;
    return {
      id: d.id,
      path: d.path,
      name: d.name,
      place: d.institutional ? '示范镇人民政府三楼党员活动室' : `${region.name}党群服务中心`,
      center: region.centerLng !== null && region.centerLat !== null ? [region.centerLng, region.centerLat] : null,
      host: terms.secretaries.get(d.id)?.displayName ?? '支部书记',
      committee: terms.committees.get(d.id) ?? new Set(),
      actorId: actorOf(d.id).id,
    };
  });
  const meetings = planMeetings(rng, today, life, people.members, homeBranch.id, ids);
  const lisiMember = people.members.find((m) => m.personId === lisi.id) as PlannedMember;
  const homeLife = life.find((l) => l.id === homeBranch.id) as LifeBranch;
  const notices = planNotices(
    rng,
    ids,
    today,
    now,
    { ...tree.committee, actorId: townActor.id },
    { ...homeBranch, place: homeLife.place, actorId: homeActor.id },
    active,
    lisiMember.id,
  );

  const staff = [
    {
      ...townActor,
      username: PARTY_SECRETARY_USERNAME,
      grants: [Permission.PartyManage],
      region: town,
      orgId: tree.committee.id,
    },
    { ...homeActor, username: BRANCH_SECRETARY_USERNAME, grants: [], region: home, orgId: homeBranch.id },
  ];
  const byMember = new Map(people.members.map((x) => [x.id, x]));
  const admissionOrg = new Map(people.admissions.map((a) => [a.id, a.orgId]));
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
    await m.getRepository(Person).update({ id: lisi.id }, { name: LISI_NAME });
    const existing = await m.getRepository(StaffUser).findBy({ username: In(staff.map((s) => s.username)) });
    const hash = loaded.passwordHash;
    const newStaff = hash ? staff.filter((s) => !existing.some((e) => e.username === s.username)) : [];
    await put(
      'staff',
      StaffUser,
      newStaff.map((s) => ({
        id: s.id,
        username: s.username,
        displayName: s.name,
        passwordHash: hash ?? '',
        roles: [Role.PartySecretary],
        grants: s.grants,
        regionId: s.region.id,
        scopePath: s.region.path,
        status: 'active' as const,
        mustChangePassword: true,
        lastLoginAt: null,
      })),
    );
    await put('party_org', PartyOrg, tree.orgs);
    await put(
      'party_org_event',
      PartyOrgEvent,
      terms.events.map((e) => ({ ...e, actorId: townActor.id, actorName: townActor.name })),
    );
    await put('party_org_term', PartyOrgTerm, terms.terms);
    await put('party_org_seat', PartyOrgSeat, terms.seats);
    await put(
      'party_org_staff',
      PartyOrgStaff,
      newStaff.map((s) => ({ orgId: s.orgId, staffUserId: s.id, assignedBy: s.id })),
    );
    await put(
      'party_member',
      PartyMember,
      people.members.map(({ memberships: _m, flows: _f, displayName: _d, bornOn: _b, name, phone, ...x }) => ({
        ...x,
        name: options.cipher.seal(name),
        phone: options.cipher.seal(phone),
        version: 1,
      })),
    );
    await put(
      'party_member_event',
      PartyMemberEvent,
      people.events.map((e) => {
        const who = actorOf(byMember.get(e.memberId)?.orgId);
        return { ...e, actorId: who.id, actorName: who.name };
      }),
    );
    await put('party_admission', PartyAdmission, people.admissions);
    await put(
      'party_admission_step',
      PartyAdmissionStep,
      people.steps.map((s) => {
        const who = actorOf(admissionOrg.get(s.admissionId));
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
    await put('party_notice', PartyNotice, notices.notices);
    await put('party_notice_read', PartyNoticeRead, notices.reads);
  });
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
