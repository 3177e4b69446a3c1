import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { addDays, applyAdmissionAct, type AdmissionAct, type AdmissionRecord } from '@zhili/shared';
import { PiiCipher } from '../src/core/crypto/pii-cipher';
import { seed } from '../src/cli/seed';
import { MpRoleGrant, MpUser } from '../src/modules/mp-user';
import { PartyAdmission } from '../src/modules/party/admission/party-admission.entity';
import { PartyAdmissionStep } from '../src/modules/party/admission/party-admission-step.entity';
import { PartyMeeting } from '../src/modules/party/meetings/party-meeting.entity';
import { PartyMeetingAttendee } from '../src/modules/party/meetings/party-meeting-attendee.entity';
import { PartyMemberAccount } from '../src/modules/party/meetings/party-member-account.entity';
import { PartyMember } from '../src/modules/party/members/party-member.entity';
import { PartyMemberEvent } from '../src/modules/party/members/party-member-event.entity';
import { PartyOrg } from '../src/modules/party/org/party-org.entity';
import { PartyOrgSeat } from '../src/modules/party/org/party-org-seat.entity';
import { PartyOrgStaff } from '../src/modules/party/org/party-org-staff.entity';
import { Region } from '../src/modules/region/region.entity';
import { Person } from '../src/modules/registry/entities';
import { StaffUser } from '../src/modules/staff/staff-user.entity';
import { ensureDemoParty, type DemoPartyReport } from '../src/seed/demo-party';
import { shanghaiToday } from '../src/seed/demo-town';
import { currentBackend } from './support/backends';
import { mpLogin } from './support/mp-fixtures';
import { dataSourceOf } from './support/staff-fixtures';
import { loginStaff } from './support/staff-session';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The demo party organisation written into a real BFF database: the tree (镇党委 → a branch per village
 * and community), ~5 % of the adults as members, every pipeline stage with records the shared rules
 * accept step by step, a year of meetings, 李四 as a linked 正式党员 of 幸福村党支部 with tomorrow's
 * meeting and one unread notice, and the portal's lists answering for the seeded secretaries.
 */

const backend = currentBackend();
const TODAY = shanghaiToday();

/** The act a stored step stands for (the inverse of the admission service's step detail). */
function actOf(step: PartyAdmissionStep): AdmissionAct {
  const on = step.happenedOn;
  const d = step.detail;
  const vote = { eligible: Number(d.eligible), present: Number(d.present), inFavour: Number(d.inFavour) };
  switch (step.kind) {
    case 'political_review':
    case 'training':
      return { kind: step.kind, on, passed: d.passed === true };
    case 'branch_vote':
    case 'conversion_vote':
      return { kind: step.kind, on, vote };
    case 'higher_approval':
      return { kind: step.kind, on, approved: d.approved === true };
    case 'postpone':
      return { kind: step.kind, on, months: Number(d.months) };
    default:
      return { kind: step.kind, on };
  }
}

describe(`demo party organisation on ${backend.name}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let report: DemoPartyReport;
  let staffPassword: string;
  let lisiMp: { id: string };
  let committee: PartyOrg;
  let home: PartyOrg;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    ds = await dataSourceOf(t);
    lisiMp = await mpLogin(t, 'seed-party-lisi', '李四');
    const openid = (await ds.getRepository(MpUser).findOneByOrFail({ id: lisiMp.id })).openid;
    const cipher = await t.get(PiiCipher);
    const town = await seed(ds, { size: 'small', cipher, today: TODAY });
    staffPassword = town.town.staffPassword as string;
    // Written here, or already by the seed entry (which knows no 李四 account here): then this only links him.
    report = await ensureDemoParty(ds, { cipher, today: TODAY, lisiOpenid: openid });
    committee = await ds.getRepository(PartyOrg).findOneByOrFail({ type: 'committee' });
    home = await ds.getRepository(PartyOrg).findOneByOrFail({ name: '幸福村党支部' });
  }, 180_000);
  afterAll(() => t?.close());

  it('builds the tree: 示范镇党委 over a branch per village and community (and 机关党支部), each with a committee', async () => {
    const orgs = await ds.getRepository(PartyOrg).find();
    expect(committee).toMatchObject({ name: '示范镇党委', parentId: null, path: `/${committee.id}/` });
    const town = await ds.getRepository(Region).findOneByOrFail({ code: '330110118000' });
    const parents = await ds.getRepository(Region).findBy({ parentId: town.id });
    const branches = orgs.filter((o) => o.type === 'branch');
    for (const region of parents) {
      const serving = branches.filter((b) => b.regionId === region.id);
      expect(serving.map((b) => b.name)).toEqual([`${region.name}党支部`]);
    }
    expect(branches.map((b) => b.name)).toContain('示范镇机关党支部');
    expect(branches).toHaveLength(parents.length + 1);
    const seats = await ds.getRepository(PartyOrgSeat).find();
    const members = new Map((await ds.getRepository(PartyMember).find()).map((m) => [m.id, m]));
    for (const org of orgs) {
      expect(org.path).toBe(org.parentId ? `${committee.path}${org.id}/` : `/${org.id}/`);
      const current = seats.filter((s) => s.termId === org.currentTermId);
      const secretary = current.find((s) => s.role === 'secretary');
      expect(secretary).toBeDefined();
      const holder = members.get(secretary?.memberId ?? '');
      expect(holder?.status).toBe('active');
      if (org.type === 'branch') expect(holder?.orgId).toBe(org.id);
    }
  });

  it('files about 5 % of the adults as members, with a history line for each', async () => {
    const town = await ds.getRepository(Region).findOneByOrFail({ code: '330110118000' });
    const adultBorn = `${Number(TODAY.slice(0, 4)) - 18}${TODAY.slice(4)}`;
    const adults = await ds
      .getRepository(Person)
      .createQueryBuilder('p')
      .where('p.scope_path LIKE :path AND p.birth_date <= :born', { path: `${town.path}%`, born: adultBorn })
      .getCount();
    const active = await ds.getRepository(PartyMember).findBy({ status: 'active' });
    const linked = active.filter((m) => m.personId !== null);
    const ratio = linked.length / adults;
    expect(ratio).toBeGreaterThanOrEqual(0.03);
    expect(ratio).toBeLessThanOrEqual(0.07);
    expect(active.some((m) => m.category === 'probationary')).toBe(true);
    expect(active.some((m) => m.flowPlace !== null)).toBe(true);
    const events = await ds.getRepository(PartyMemberEvent).find();
    const kinds = new Set(events.map((e) => e.kind));
    for (const kind of ['create', 'transfer_in', 'join', 'convert', 'flow_out', 'transfer_out'])
      expect(kinds).toContain(kind);
    const all = await ds.getRepository(PartyMember).find();
    for (const m of all) {
      const own = events.filter((e) => e.memberId === m.id);
      expect(own.length).toBeGreaterThan(0);
      // Acts after the file was made are never dated after the file's last event.
      for (const e of own.filter((x) => x.kind !== 'create')) expect(e.happenedOn <= (m.lastEventOn ?? '')).toBe(true);
    }
  });

  it('has people in every pipeline stage, each record replaying through the shared rules', async () => {
    const admissions = await ds.getRepository(PartyAdmission).find();
    const stages = new Set(admissions.map((a) => a.stage));
    for (const stage of ['applicant', 'activist', 'candidate', 'probationary', 'full']) expect(stages).toContain(stage);
    const steps = await ds.getRepository(PartyAdmissionStep).find({ order: { happenedOn: 'ASC' } });
    const persons = new Map(
      (await ds.getRepository(Person).findBy({ id: In(admissions.map((a) => a.personId)) })).map((p) => [p.id, p]),
    );
    for (const a of admissions) {
      let record: AdmissionRecord = {
        stage: 'applicant',
        appliedOn: a.appliedOn,
        birthDate: persons.get(a.personId)?.birthDate,
      };
      for (const step of steps.filter((s) => s.admissionId === a.id)) {
        const outcome = applyAdmissionAct(record, actOf(step), TODAY);
        if (!outcome.ok) throw new Error(`${a.id} ${step.kind} ${step.happenedOn}: ${outcome.message}`);
        record = outcome.record;
        expect(record.stage).toBe(step.stageAfter);
      }
      expect(record.stage).toBe(a.stage);
      expect(record.probationEndsOn ?? null).toBe(a.probationEndsOn);
      if (a.stage === 'probationary' || a.stage === 'full') {
        const member = await ds.getRepository(PartyMember).findOneByOrFail({ id: a.memberId ?? '' });
        expect(member).toMatchObject({ category: a.stage, joinedOn: a.admittedOn, admissionId: a.id });
      }
    }
  });

  it('makes 李四 a linked 正式党员 of 幸福村党支部 with tomorrow’s meeting and one unread notice', async () => {
    const person = await ds.getRepository(Person).findOneByOrFail({ name: '李四' });
    const member = await ds.getRepository(PartyMember).findOneByOrFail({ personId: person.id });
    expect(member).toMatchObject({ orgId: home.id, category: 'full', status: 'active' });
    expect(report.lisiLinked).toBe(true);
    expect(await ds.getRepository(PartyMemberAccount).findOneBy({ mpUserId: lisiMp.id })).toMatchObject({
      memberId: member.id,
    });
    const user = await ds.getRepository(MpUser).findOneByOrFail({ id: lisiMp.id });
    expect(user.roles).toContain('party_member');
    expect(await ds.getRepository(MpRoleGrant).findOneBy({ userId: user.id, role: 'party_member' })).toMatchObject({
      regionId: home.regionId,
    });
    const upcoming = await ds.getRepository(PartyMeeting).findBy({ orgId: home.id, heldOn: addDays(TODAY, 1) });
    expect(upcoming).toHaveLength(1);
    expect(
      await ds.getRepository(PartyMeetingAttendee).findOneBy({ meetingId: upcoming[0].id, memberId: member.id }),
    ).toMatchObject({ status: 'absent' });
    // The mini-program sees him as a member: a fresh login carries the role.
    const again = await mpLogin(t, 'seed-party-lisi', '李四');
    const unread = await t.http().get('/api/mp/party/notices/unread-count').set('Authorization', again.auth);
    expect(unread.status).toBe(200);
    expect(unread.body.data).toMatchObject({ unread: 1 });
  });

  it('holds meetings in each of the last 12 months, about 85 % attended, the required ones most months', async () => {
    const meetings = await ds.getRepository(PartyMeeting).find();
    const branches = await ds.getRepository(PartyOrg).findBy({ type: 'branch' });
    const first = `${TODAY.slice(0, 7)}-01`;
    for (let k = 1; k <= 12; k += 1) {
      const month = new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1 - k, 1))
        .toISOString()
        .slice(0, 7);
      const held = meetings.filter((m) => m.heldOn.startsWith(month));
      expect(new Set(held.map((m) => m.orgId)).size).toBe(branches.length);
      expect(held.some((m) => m.type === 'committee')).toBe(true);
    }
    const attendees = await ds.getRepository(PartyMeetingAttendee).find();
    const past = new Set(meetings.filter((m) => m.heldOn < TODAY).map((m) => m.id));
    const rows = attendees.filter((a) => past.has(a.meetingId));
    const rate = rows.filter((a) => a.status === 'present').length / rows.length;
    expect(rate).toBeGreaterThan(0.75);
    expect(rate).toBeLessThan(0.95);
  });

  it('lets the seeded secretaries log in and read the portal lists of their scope', async () => {
    const users = ds.getRepository(StaffUser);
    await users.update({ username: In(['zhen.dangwei', 'cun201.shuji']) }, { mustChangePassword: false });
    const town = `Bearer ${(await loginStaff(t, 'zhen.dangwei', staffPassword)).accessToken}`;
    const branch = `Bearer ${(await loginStaff(t, 'cun201.shuji', staffPassword)).accessToken}`;
    const assigned = await ds.getRepository(PartyOrgStaff).find();
    expect(assigned.map((a) => a.orgId).sort()).toEqual([committee.id, home.id].sort());
    const get = (auth: string, path: string) => t.http().get(path).set('Authorization', auth);

    const all = await get(town, '/api/admin/party/members?pageSize=5');
    expect(all.status).toBe(200);
    expect(all.body.page.total).toBe(await ds.getRepository(PartyMember).countBy({ status: 'active' }));
    const own = await get(branch, '/api/admin/party/members?pageSize=5');
    expect(own.status).toBe(200);
    expect(own.body.page.total).toBe(await ds.getRepository(PartyMember).countBy({ status: 'active', orgId: home.id }));

    const summary = await get(town, '/api/admin/party/admissions/summary');
    expect(summary.status).toBe(200);
    expect(summary.body.data.length).toBeGreaterThan(1);
    const admissions = await get(branch, '/api/admin/party/admissions?pageSize=50');
    expect(admissions.status).toBe(200);
    expect(admissions.body.page.total).toBeGreaterThan(0);

    const compliance = await get(branch, `/api/admin/party/meetings/compliance?orgId=${home.id}`);
    expect(compliance.status).toBe(200);
    const rows = compliance.body.data as { status: string }[];
    const missing = rows.filter((r) => r.status === 'missing').length;
    expect(rows.filter((r) => r.status === 'held').length).toBeGreaterThan(missing);
    const other = await ds.getRepository(PartyOrg).findOneByOrFail({ name: '青山村党支部' });
    expect((await get(branch, `/api/admin/party/meetings/compliance?orgId=${other.id}`)).status).toBe(404);
    expect((await get(town, `/api/admin/party/meetings/compliance?orgId=${other.id}`)).status).toBe(200);
  });

  it('leaves an existing party organisation alone when run again', async () => {
    const before = await ds.getRepository(PartyMember).count();
    const again = await ensureDemoParty(ds, { cipher: await t.get(PiiCipher), today: TODAY });
    expect(again.created).toBe(false);
    expect(await ds.getRepository(PartyMember).count()).toBe(before);
  });
});
