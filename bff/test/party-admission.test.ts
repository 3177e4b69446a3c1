import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import type { AdmissionDetailVO, AdmissionSummaryVO, AdmissionVO, PartyMemberDetailVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { createPartyOrg, day, monthsFrom, partyStaff, registryPerson, townPartyAdmin } from './support/party-fixtures';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';
import { StoredFile } from '../src/modules/file';

const backend = currentBackend();
type Who = { id: string; auth: string };

/** A tiny JPEG structure (the server checks markers, not pixels). */
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x01, 0x02, 0xff, 0xda, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0xff, 0xd9,
]);

// One person's way, dated back from today: applied 40 months ago, accepted by the branch 25 months ago.
const applied = monthsFrom(day(), -40);
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const talked = plusDays(applied, 10);
const activist = monthsFrom(applied, 1);
const candidate = monthsFrom(activist, 12);
const reviewed = monthsFrom(candidate, 1);
const voted = monthsFrom(candidate, 2);
const approved = monthsFrom(voted, 1);
const probationEnds = monthsFrom(voted, 12);
const vote = { eligible: 20, present: 15, inFavour: 12 };

/**
 * The admission pipeline end to end through the API: each step checked by the shared rules (an
 * activist of 11 months is refused, in Chinese), the probation ends exactly one year after the branch
 * vote, admission creates the member file and conversion makes it 正式; the board shows what is due
 * and overdue; a branch secretary cannot see or act on another branch's applicants.
 */
describe(`the admission pipeline on ${backend.name}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let uploadDir: string;
  let villageA: Region;
  let villageB: Region;
  let admin: Who;
  let secretaryA: Who;
  let branchA: { id: string };
  let branchB: { id: string };
  let record: AdmissionDetailVO;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-party-'));
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', UPLOAD_DIR: uploadDir });
    ds = await dataSourceOf(t);
    const town = await createRegion(t, '青山镇', 'town');
    villageA = await createRegion(t, '幸福村', 'village', town);
    villageB = await createRegion(t, '和谐村', 'village', town);
    admin = await townPartyAdmin(t, 'party.town', town);
    secretaryA = await partyStaff(t, 'party.sec.a', villageA);
    const post = (path: string, body: object) => t.http().post(path).set('Authorization', admin.auth).send(body);
    const committee = await createPartyOrg(t, admin, { parentId: null, type: 'committee', name: '青山镇党委' });
    branchA = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '幸福村党支部' });
    branchB = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '和谐村党支部' });
    await post(`/api/admin/party/orgs/${branchA.id}/staff`, { staffUserId: secretaryA.id });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object) => t.http().post(path).set('Authorization', who.auth).send(body);
  const step = (who: Who, id: string, body: object) => post(who, `/api/admin/party/admissions/${id}/steps`, body);
  const apply = async (who: Who, name: string, region: Region, org: { id: string }, on: string) => {
    const person = await registryPerson(t, name, region, { birthDate: '1995-01-01' });
    const res = await post(who, '/api/admin/party/admissions', { personId: person.id, orgId: org.id, appliedOn: on });
    expect(res.status).toBe(201);
    return res.body.data as AdmissionDetailVO;
  };
  const ok = async (id: string, body: object): Promise<AdmissionDetailVO> => {
    const res = await step(secretaryA, id, body);
    if (res.status !== 201) throw new Error(`${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data;
  };

  it('registers an applicant whose talk is due within a month', async () => {
    record = await apply(secretaryA, '王申请', villageA, branchA, applied);
    expect(record).toMatchObject({
      stage: 'applicant',
      appliedOn: applied,
      orgName: '幸福村党支部',
      name: '王申请',
      due: { next: 'talk', by: monthsFrom(applied, 1), status: 'overdue' },
      availableActs: ['talk', 'end'],
      steps: [],
    });
  });

  it('refuses an activist of 11 months as a candidate, in Chinese, and accepts them after a year', async () => {
    await ok(record.id, { kind: 'talk', on: talked, approver: '支部书记 王某' });
    await ok(record.id, { kind: 'make_activist', on: activist });
    const early = await step(secretaryA, record.id, { kind: 'make_candidate', on: monthsFrom(activist, 11) });
    expect(early.status).toBe(409);
    expect(early.body.error).toEqual({
      code: 'PARTY_RULE_REFUSED',
      message: `入党积极分子须经过一年以上培养教育，${candidate} 起方可确定为发展对象`,
      details: [{ field: 'rule', message: 'ACTIVIST_TOO_SHORT' }],
    });
    const after = await ok(record.id, { kind: 'make_candidate', on: candidate });
    expect(after.stage).toBe('candidate');
    expect(after.availableActs).toEqual(['political_review', 'training', 'branch_vote', 'end']);
  });

  it('needs the review and the training before the branch vote, and checks the vote', async () => {
    const early = await step(secretaryA, record.id, { kind: 'branch_vote', on: voted, vote });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('发展对象须先通过政治审查');
    await ok(record.id, { kind: 'political_review', on: reviewed, passed: true });
    await ok(record.id, { kind: 'training', on: reviewed, passed: true });
    const noQuorum = await step(secretaryA, record.id, {
      kind: 'branch_vote',
      on: voted,
      vote: { eligible: 20, present: 10, inFavour: 10 },
    });
    expect(noQuorum.status).toBe(409);
    expect(noQuorum.body.error.message).toBe('到会有表决权的正式党员未超过应到人数的半数，表决无效');
    const afterVote = await ok(record.id, { kind: 'branch_vote', on: voted, vote, approver: '幸福村党支部党员大会' });
    expect(afterVote).toMatchObject({
      stage: 'candidate',
      admittedOn: voted,
      availableActs: ['higher_approval', 'end'],
    });
  });

  it('admits as probationary with the approval (papers attached): the probation ends one year after the vote, the member file exists', async () => {
    const upload = await t
      .http()
      .post('/api/admin/party/files')
      .set('Authorization', secretaryA.auth)
      .attach('file', jpeg, { filename: 'approval.jpg', contentType: 'image/jpeg' });
    expect(upload.status).toBe(201);
    const future = await step(secretaryA, record.id, { kind: 'higher_approval', on: day(1), approved: true });
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([{ field: 'on', message: '日期不能晚于今天' }]);

    const admitted = await ok(record.id, {
      kind: 'higher_approval',
      on: approved,
      approved: true,
      approver: '青山镇党委',
      attachmentIds: [upload.body.data.id],
    });
    expect(admitted).toMatchObject({
      stage: 'probationary',
      admittedOn: voted,
      approvedOn: approved,
      probationEndsOn: probationEnds,
      memberId: expect.any(String),
    });
    const last = admitted.steps.at(-1)!;
    expect(last).toMatchObject({
      kind: 'higher_approval',
      on: approved,
      stageAfter: 'probationary',
      approver: '青山镇党委',
      detail: { approved: true, probationEndsOn: probationEnds },
      actorName: 'party.sec.a',
    });
    expect(last.attachments).toEqual([expect.objectContaining({ id: upload.body.data.id, mime: 'image/jpeg' })]);
    expect(last.attachments[0].url).toMatch(/^\/api\/files\/.+\?exp=\d+&sig=/);
    expect((await ds.getRepository(StoredFile).findOneByOrFail({ id: upload.body.data.id })).scopePath).toMatch(
      /^party:\//,
    );
    expect(admitted.steps.map((s) => s.kind)).toEqual([
      'talk',
      'make_activist',
      'make_candidate',
      'political_review',
      'training',
      'branch_vote',
      'higher_approval',
    ]);

    const member = (await get(secretaryA, `/api/admin/party/members/${admitted.memberId}`)).body
      .data as PartyMemberDetailVO;
    expect(member).toMatchObject({
      name: '王申请',
      category: 'probationary',
      joinedOn: voted,
      admissionId: record.id,
      orgName: '幸福村党支部',
      events: [{ kind: 'join', on: voted, detail: { approvedOn: approved, probationEndsOn: probationEnds } }],
    });
  });

  it('converts only after the probation, dating 正式 from its end, and makes the file 正式', async () => {
    const early = await step(secretaryA, record.id, { kind: 'conversion_vote', on: plusDays(probationEnds, -1), vote });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe(`预备期至 ${probationEnds} 届满，届满后方可讨论转正`);
    const noReason = await step(secretaryA, record.id, { kind: 'postpone', on: probationEnds, months: 6 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details).toEqual([{ field: 'reason', message: '请填写原因' }]);

    const converted = await ok(record.id, { kind: 'conversion_vote', on: plusDays(probationEnds, 10), vote });
    expect(converted).toMatchObject({ stage: 'full', convertedOn: probationEnds, due: null, availableActs: [] });
    const member = (await get(secretaryA, `/api/admin/party/members/${converted.memberId}`)).body
      .data as PartyMemberDetailVO;
    expect(member).toMatchObject({ category: 'full', convertedOn: probationEnds });
    expect(member.events.map((e) => [e.kind, e.on])).toEqual([
      ['join', voted],
      ['convert', probationEnds],
    ]);
    const audits = await ds.getRepository(AuditLog).findBy({ action: 'party.admission.act', resourceId: record.id });
    expect(audits).toHaveLength(8);
  });

  it('lists what is due per branch, overdue first, and sums it up per branch', async () => {
    const late = await apply(secretaryA, '赵逾期', villageA, branchA, day(-40));
    const fresh = await apply(secretaryA, '钱新申', villageA, branchA, day(-5));
    const list = (await get(secretaryA, '/api/admin/party/admissions')).body.data as AdmissionVO[];
    expect(list.map((a) => [a.name, a.due?.next, a.due?.status])).toEqual([
      ['赵逾期', 'talk', 'overdue'],
      ['钱新申', 'talk', 'due'],
    ]);
    const overdue = (await get(secretaryA, '/api/admin/party/admissions?due=overdue')).body.data as AdmissionVO[];
    expect(overdue.map((a) => a.id)).toEqual([late.id]);
    const all = (await get(secretaryA, '/api/admin/party/admissions?stage=all')).body.data as AdmissionVO[];
    expect(all).toHaveLength(3);

    const summary = (await get(admin, '/api/admin/party/admissions/summary')).body.data as AdmissionSummaryVO[];
    // In the tree's order (same sort order: by name, 和 before 幸 in pinyin), every branch listed.
    expect(summary.map((s) => [s.orgName, s.byStage.applicant, s.due, s.overdue])).toEqual([
      ['和谐村党支部', 0, 0, 0],
      ['幸福村党支部', 2, 1, 1],
    ]);

    const ended = await step(secretaryA, fresh.id, { kind: 'end', on: day() });
    expect(ended.status).toBe(400);
    const withReason = await ok(fresh.id, { kind: 'end', on: day(), reason: '本人撤回申请' });
    expect(withReason).toMatchObject({ stage: 'ended', closedOn: day(), due: null });
    expect(withReason.steps[0]).toMatchObject({ kind: 'end', reason: '本人撤回申请', stageAfter: 'ended' });
  });

  it("hides another branch's applicants from a branch secretary: 404 on reads and steps", async () => {
    const other = await apply(admin, '孙和谐', villageB, branchB, day(-3));
    const list = (await get(secretaryA, '/api/admin/party/admissions?stage=all')).body.data as AdmissionVO[];
    expect(list.map((a) => a.id)).not.toContain(other.id);
    expect((await get(secretaryA, `/api/admin/party/admissions/${other.id}`)).status).toBe(404);
    const res = await step(secretaryA, other.id, { kind: 'talk', on: day() });
    expect(res.status).toBe(404);
    // Nor can they register someone of the other village, or for the other branch.
    const person = await registryPerson(t, '周和谐', villageB);
    const outsider = await post(secretaryA, '/api/admin/party/admissions', {
      personId: person.id,
      orgId: branchA.id,
      appliedOn: day(),
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.details).toEqual([{ field: 'personId', message: '人员不存在或不在您的管辖区域内' }]);
    const mine = await registryPerson(t, '吴幸福', villageA);
    const wrongBranch = await post(secretaryA, '/api/admin/party/admissions', {
      personId: mine.id,
      orgId: branchB.id,
      appliedOn: day(),
    });
    expect(wrongBranch.status).toBe(400);
    expect(wrongBranch.body.error.details[0].field).toBe('orgId');
    expect((await get(admin, `/api/admin/party/admissions/${other.id}`)).status).toBe(200);
  });
});
