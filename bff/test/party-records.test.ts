import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { AppraisalVO, HonourVO, MyAppraisalVO, PlanVO, PledgeVO, PublishedHonourVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { mpLogin, type MpFixture } from './support/mp-fixtures';
import { day, PARTY_WORK, partyStaff, registryPerson } from './support/party-fixtures';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';
import { MpUser } from '../src/modules/mp-user';
import { StoredFile } from '../src/modules/file';

const backend = currentBackend();
type Who = { id: string; auth: string };

/** A tiny JPEG structure (the server checks markers, not pixels). */
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x01, 0x02, 0xff, 0xda, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0xff, 0xd9,
]);

/**
 * Party records through the API: the honour workflow (committee submits, the secretary approves or
 * returns with a reason, the committee publishes) with its refusals — wrong role 403, wrong status
 * 409, another branch 404 — certificate photos as attachments, and only published honours reaching
 * members; plans and summaries, pledges with the year-end fulfilment, appraisal results and their
 * publication, each kept to the caller's branch.
 */
describe(`party records on ${backend.name}`, () => {
  let t: TestApp;
  let uploadDir: string;
  let admin: Who;
  let committeeA: Who;
  let secretaryA: Who;
  let secretaryB: Who;
  let committee: { id: string };
  let branchA: { id: string };
  let branchB: { id: string };
  let fileA: { id: string };
  let fileB: { id: string };
  let memberA: MpFixture;
  let memberB: MpFixture;
  const year = Number(day().slice(0, 4));

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object = {}) =>
    t.http().post(path).set('Authorization', who.auth).send(body);
  const put = (who: Who, path: string, body: object) => t.http().put(path).set('Authorization', who.auth).send(body);
  const del = (who: Who, path: string) => t.http().delete(path).set('Authorization', who.auth);
  const upload = async (who: Who) => {
    const res = await t
      .http()
      .post('/api/admin/party/files')
      .set('Authorization', who.auth)
      .attach('file', jpeg, { filename: 'certificate.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  };
  const mpHonours = async (who: MpFixture) =>
    (await get(who, '/api/mp/party/honours')).body.data as PublishedHonourVO[];

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-records-'));
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', UPLOAD_DIR: uploadDir });
    const town = await createRegion(t, '青山镇', 'town');
    const villageA = await createRegion(t, '幸福村', 'village', town);
    const villageB = await createRegion(t, '和谐村', 'village', town);
    admin = await partyStaff(t, 'records.town', town, [
      'party:manage',
      ...PARTY_WORK,
      'party:honour:approve',
      'person:pii:read',
    ]);
    committeeA = await partyStaff(t, 'records.com.a', villageA);
    secretaryA = await partyStaff(t, 'records.sec.a', villageA, [...PARTY_WORK, 'party:honour:approve']);
    secretaryB = await partyStaff(t, 'records.sec.b', villageB, [...PARTY_WORK, 'party:honour:approve']);
    const org = async (parentId: string | null, type: string, name: string) =>
      (await post(admin, '/api/admin/party/orgs', { parentId, type, name, foundedOn: '2015-01-01' })).body.data as {
        id: string;
      };
    committee = await org(null, 'committee', '青山镇党委');
    branchA = await org(committee.id, 'branch', '幸福村党支部');
    branchB = await org(committee.id, 'branch', '和谐村党支部');
    for (const [orgId, who] of [
      [branchA.id, committeeA],
      [branchA.id, secretaryA],
      [branchB.id, secretaryB],
    ] as const)
      expect((await post(admin, `/api/admin/party/orgs/${orgId}/staff`, { staffUserId: who.id })).status).toBe(200);
    const ds = await dataSourceOf(t);
    const member = async (name: string, region: Region, orgId: string, identity: string) => {
      const person = await registryPerson(t, name, region);
      const file = (
        await post(admin, '/api/admin/party/members', {
          personId: person.id,
          orgId,
          category: 'full',
          joinedOn: '2001-07-01',
        })
      ).body.data as { id: string };
      const first = await mpLogin(t, identity);
      await ds.getRepository(MpUser).update({ id: first.id }, { roles: ['party_member'] });
      expect((await put(admin, `/api/admin/party/members/${file.id}/mp-account`, { mpUserId: first.id })).status).toBe(
        204,
      );
      return { file, mp: await mpLogin(t, identity) };
    };
    const a = await member('李荣', villageA, branchA.id, 'records-a');
    const b = await member('孙誉', villageB, branchB.id, 'records-b');
    fileA = a.file;
    memberA = a.mp;
    fileB = b.file;
    memberB = b.mp;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  describe('honours', () => {
    let honour: HonourVO;
    let photo: string;
    const input = (body: object = {}) => ({
      kind: 'member',
      orgId: branchA.id,
      memberId: fileA.id,
      title: '优秀共产党员',
      level: 'county',
      awardingBody: '中共某县委员会',
      awardedOn: '2026-07-01',
      ...body,
    });

    it('records a draft with the certificate photo attached in the branch scope', async () => {
      photo = await upload(committeeA);
      const res = await post(committeeA, '/api/admin/party/honours', input({ attachmentIds: [photo] }));
      expect(res.status).toBe(201);
      honour = res.body.data;
      expect(honour).toMatchObject({
        status: 'draft',
        orgName: '幸福村党支部',
        memberName: '李荣',
        availableActs: ['edit', 'submit'],
        publishedAt: null,
      });
      expect(honour.attachments).toEqual([expect.objectContaining({ id: photo, mime: 'image/jpeg' })]);
      expect(honour.attachments[0].url).toMatch(/^\/api\/files\/.+\?exp=\d+&sig=/);
      const ds = await dataSourceOf(t);
      const file = await ds.getRepository(StoredFile).findOneByOrFail({ id: photo });
      expect(file.scopePath).toMatch(/^party:\/.+\/$/);
      // A photo already used by a record cannot be attached again.
      const reused = await post(committeeA, '/api/admin/party/honours', input({ attachmentIds: [photo] }));
      expect(reused.status).toBe(400);
      expect(reused.body.error.details).toEqual([
        { field: 'attachmentIds', message: '图片不存在或已被使用，请重新上传' },
      ]);
    });

    it('refuses a member honour without a member of that organisation, or dated in the future', async () => {
      const none = await post(committeeA, '/api/admin/party/honours', input({ memberId: null }));
      expect(none.status).toBe(400);
      expect(none.body.error.details).toEqual([{ field: 'memberId', message: '请选择获得荣誉的党员' }]);
      const other = await post(committeeA, '/api/admin/party/honours', input({ memberId: fileB.id }));
      expect(other.status).toBe(400);
      expect(other.body.error.details).toEqual([{ field: 'memberId', message: '党员不存在或不在您的负责范围内' }]);
      const notOfOrg = await post(admin, '/api/admin/party/honours', input({ orgId: branchB.id }));
      expect(notOfOrg.status).toBe(400);
      expect(notOfOrg.body.error.details).toEqual([{ field: 'memberId', message: '该党员不属于所选党组织' }]);
      const future = await post(committeeA, '/api/admin/party/honours', input({ awardedOn: day(1) }));
      expect(future.status).toBe(400);
      expect(future.body.error.details).toEqual([{ field: 'awardedOn', message: '日期不能晚于今天' }]);
      const level = await post(committeeA, '/api/admin/party/honours', input({ level: 'world' }));
      expect(level.status).toBe(400);
      expect(level.body.error.details).toEqual([{ field: 'level', message: '请选择荣誉级别' }]);
    });

    it('keeps another branch out (404) and a committee member from approving (403)', async () => {
      for (const path of ['submit', 'publish'])
        expect((await post(secretaryB, `/api/admin/party/honours/${honour.id}/${path}`)).status).toBe(404);
      expect(
        (await post(secretaryB, `/api/admin/party/honours/${honour.id}/review`, { decision: 'approve' })).status,
      ).toBe(404);
      expect((await put(secretaryB, `/api/admin/party/honours/${honour.id}`, input())).status).toBe(404);
      expect((await get(secretaryB, '/api/admin/party/honours')).body.data).toEqual([]);
      const early = await post(secretaryA, `/api/admin/party/honours/${honour.id}/review`, { decision: 'approve' });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toBe('荣誉草稿，不能审批通过');
      expect((await post(committeeA, `/api/admin/party/honours/${honour.id}/publish`)).status).toBe(409);
      const submitted = await post(committeeA, `/api/admin/party/honours/${honour.id}/submit`);
      expect(submitted.status).toBe(200);
      expect(submitted.body.data).toMatchObject({ status: 'submitted', availableActs: [] });
      expect(
        (await post(committeeA, `/api/admin/party/honours/${honour.id}/review`, { decision: 'approve' })).status,
      ).toBe(403);
      const edit = await put(committeeA, `/api/admin/party/honours/${honour.id}`, input({ title: '改' }));
      expect(edit.status).toBe(409);
      expect(edit.body.error.message).toBe('荣誉待审批，不能修改');
    });

    it('returns with a reason, is corrected and resubmitted, approved and published', async () => {
      const noReason = await post(secretaryA, `/api/admin/party/honours/${honour.id}/review`, { decision: 'reject' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.details).toEqual([{ field: 'reason', message: '退回时请填写原因' }]);
      const rejected = await post(secretaryA, `/api/admin/party/honours/${honour.id}/review`, {
        decision: 'reject',
        reason: '证书照片不清晰',
      });
      expect(rejected.body.data).toMatchObject({ status: 'rejected', rejectReason: '证书照片不清晰' });
      const second = await upload(committeeA);
      const fixed = await put(
        committeeA,
        `/api/admin/party/honours/${honour.id}`,
        input({ attachmentIds: [photo, second] }),
      );
      expect(fixed.status).toBe(200);
      expect(fixed.body.data.status).toBe('draft');
      expect((fixed.body.data as HonourVO).attachments.map((f) => f.id)).toEqual([photo, second]);
      await post(committeeA, `/api/admin/party/honours/${honour.id}/submit`);
      const approved = await post(secretaryA, `/api/admin/party/honours/${honour.id}/review`, { decision: 'approve' });
      expect(approved.body.data).toMatchObject({ status: 'approved', rejectReason: null, availableActs: ['publish'] });
      expect(await mpHonours(memberA)).toEqual([]);
      const published = await post(committeeA, `/api/admin/party/honours/${honour.id}/publish`);
      expect(published.body.data).toMatchObject({ status: 'published', availableActs: [] });
      expect((await post(committeeA, `/api/admin/party/honours/${honour.id}/publish`)).status).toBe(409);
      const ds = await dataSourceOf(t);
      expect(await ds.getRepository(AuditLog).countBy({ action: 'party.honour.act', resourceId: honour.id })).toBe(5);
    });

    it('shows members only published honours of their organisation and those above it', async () => {
      const seen = await mpHonours(memberA);
      expect(seen).toEqual([
        expect.objectContaining({ id: honour.id, title: '优秀共产党员', memberName: '李荣', orgName: '幸福村党支部' }),
      ]);
      expect(seen[0].attachments).toHaveLength(2);
      expect(await mpHonours(memberB)).toEqual([]);
      // The town committee's own honour reaches every branch once published.
      const town = (
        await post(admin, '/api/admin/party/honours', {
          kind: 'org',
          orgId: committee.id,
          title: '先进基层党组织',
          level: 'city',
          awardingBody: '中共某市委员会',
          awardedOn: '2026-06-30',
        })
      ).body.data as HonourVO;
      expect(town.memberName).toBeNull();
      await post(admin, `/api/admin/party/honours/${town.id}/submit`);
      await post(admin, `/api/admin/party/honours/${town.id}/review`, { decision: 'approve' });
      expect(await mpHonours(memberB)).toEqual([]);
      await post(admin, `/api/admin/party/honours/${town.id}/publish`);
      expect((await mpHonours(memberB)).map((h) => h.title)).toEqual(['先进基层党组织']);
      expect((await mpHonours(memberA)).map((h) => h.title).sort()).toEqual(['优秀共产党员', '先进基层党组织'].sort());
      // The branch secretary does not see the committee's record in the portal (outside their subtree).
      const listA = (await get(secretaryA, '/api/admin/party/honours?status=published')).body.data as HonourVO[];
      expect(listA.map((h) => h.id)).toEqual([honour.id]);
      expect((await get(admin, '/api/admin/party/honours?kind=org')).body.data).toHaveLength(1);
    });
  });

  describe('plans and summaries', () => {
    let plan: PlanVO;
    const input = (body: object = {}) => ({
      orgId: branchA.id,
      year,
      kind: 'plan',
      title: `${year} 年党支部工作计划`,
      body: '<p onclick="x()">一、加强学习<script>alert(1)</script></p>',
      ...body,
    });

    it('keeps one plan and one summary per organisation and year, body sanitised', async () => {
      const res = await post(secretaryA, '/api/admin/party/plans', input());
      expect(res.status).toBe(201);
      plan = res.body.data;
      expect(plan).toMatchObject({ orgName: '幸福村党支部', year, kind: 'plan', body: '<p>一、加强学习</p>' });
      const again = await post(secretaryA, '/api/admin/party/plans', input());
      expect(again.status).toBe(409);
      expect((await post(secretaryA, '/api/admin/party/plans', input({ kind: 'summary' }))).status).toBe(201);
      expect((await post(secretaryA, '/api/admin/party/plans', input({ year: year + 1 }))).status).toBe(201);
      const summaryAhead = await post(secretaryA, '/api/admin/party/plans', input({ year: year + 1, kind: 'summary' }));
      expect(summaryAhead.status).toBe(400);
      expect(summaryAhead.body.error.details).toEqual([{ field: 'year', message: '年度不能晚于今年' }]);
      const empty = await post(
        secretaryA,
        '/api/admin/party/plans',
        input({ year: year - 1, body: '<script>x</script>' }),
      );
      expect(empty.status).toBe(400);
      expect(empty.body.error.details).toEqual([{ field: 'body', message: '请填写正文' }]);
      const list = (await get(secretaryA, `/api/admin/party/plans?year=${year}`)).body.data as PlanVO[];
      expect(list.map((p) => p.kind)).toEqual(['plan', 'summary']);
    });

    it('edits and deletes within the branch only', async () => {
      expect((await get(secretaryB, '/api/admin/party/plans')).body.data).toEqual([]);
      expect((await put(secretaryB, `/api/admin/party/plans/${plan.id}`, input())).status).toBe(404);
      expect((await del(secretaryB, `/api/admin/party/plans/${plan.id}`)).status).toBe(404);
      const intoB = await put(secretaryA, `/api/admin/party/plans/${plan.id}`, input({ orgId: branchB.id }));
      expect(intoB.status).toBe(400);
      const edited = await put(secretaryA, `/api/admin/party/plans/${plan.id}`, input({ title: '修订后的计划' }));
      expect(edited.status).toBe(200);
      expect(edited.body.data.title).toBe('修订后的计划');
      expect((await del(secretaryA, `/api/admin/party/plans/${plan.id}`)).status).toBe(204);
      const left = (await get(secretaryA, `/api/admin/party/plans?year=${year}&kind=plan`)).body.data;
      expect(left).toEqual([]);
      const ds = await dataSourceOf(t);
      expect(await ds.getRepository(AuditLog).countBy({ action: 'party.plan.delete', resourceId: plan.id })).toBe(1);
    });
  });

  describe('pledges', () => {
    let last: PledgeVO;

    it('records one pledge per member and year, within the branch', async () => {
      const res = await post(secretaryA, '/api/admin/party/pledges', {
        memberId: fileA.id,
        year: year - 1,
        text: '带头参加志愿服务',
      });
      expect(res.status).toBe(201);
      last = res.body.data;
      expect(last).toMatchObject({
        memberName: '李荣',
        orgName: '幸福村党支部',
        fulfilment: null,
        fulfilmentOpen: true,
      });
      const twice = await post(secretaryA, '/api/admin/party/pledges', {
        memberId: fileA.id,
        year: year - 1,
        text: 'x',
      });
      expect(twice.status).toBe(409);
      const other = await post(secretaryA, '/api/admin/party/pledges', { memberId: fileB.id, year, text: 'x' });
      expect(other.status).toBe(400);
      expect(other.body.error.details).toEqual([{ field: 'memberId', message: '党员不存在或不在您的负责范围内' }]);
      const ahead = await post(secretaryA, '/api/admin/party/pledges', {
        memberId: fileA.id,
        year: year + 1,
        text: 'x',
      });
      expect(ahead.status).toBe(400);
      expect(ahead.body.error.details).toEqual([{ field: 'year', message: '年度不能晚于今年' }]);
      expect((await get(secretaryB, '/api/admin/party/pledges')).body.data).toEqual([]);
      expect((await put(secretaryB, `/api/admin/party/pledges/${last.id}`, { text: 'x' })).status).toBe(404);
    });

    it('records the fulfilment at year end, after which the pledge is final', async () => {
      const edited = await put(secretaryA, `/api/admin/party/pledges/${last.id}`, { text: '带头参加志愿服务 12 次' });
      expect(edited.body.data.text).toBe('带头参加志愿服务 12 次');
      const kept = await put(secretaryA, `/api/admin/party/pledges/${last.id}/fulfilment`, {
        fulfilment: 'fulfilled',
        note: '全年参加 14 次',
      });
      expect(kept.status).toBe(200);
      expect(kept.body.data).toMatchObject({
        fulfilment: 'fulfilled',
        fulfilmentNote: '全年参加 14 次',
        assessedOn: day(),
      });
      const late = await put(secretaryA, `/api/admin/party/pledges/${last.id}`, { text: '改' });
      expect(late.status).toBe(409);
      expect(late.body.error.message).toBe('已年终评定的承诺不能再修改');
      // This year's pledge opens for assessment on 1 December (Beijing).
      const current = (await post(secretaryA, '/api/admin/party/pledges', { memberId: fileA.id, year, text: '学习' }))
        .body.data as PledgeVO;
      const open = day() >= `${year}-12-01`;
      expect(current.fulfilmentOpen).toBe(open);
      const assess = await put(secretaryA, `/api/admin/party/pledges/${current.id}/fulfilment`, {
        fulfilment: 'partly',
      });
      expect(assess.status).toBe(open ? 200 : 409);
    });
  });

  describe('appraisals', () => {
    let appraisal: AppraisalVO;

    it('records a result per member and year, editable until published', async () => {
      const res = await post(secretaryA, '/api/admin/party/appraisals', {
        memberId: fileA.id,
        year: year - 1,
        result: 'qualified',
      });
      expect(res.status).toBe(201);
      appraisal = res.body.data;
      expect(appraisal).toMatchObject({ memberName: '李荣', result: 'qualified', publishedAt: null });
      const twice = await post(secretaryA, '/api/admin/party/appraisals', {
        memberId: fileA.id,
        year: year - 1,
        result: 'excellent',
      });
      expect(twice.status).toBe(409);
      const bad = await post(secretaryA, '/api/admin/party/appraisals', { memberId: fileA.id, year, result: '良好' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details).toEqual([{ field: 'result', message: '请选择评议结果' }]);
      expect((await get(secretaryB, '/api/admin/party/appraisals')).body.data).toEqual([]);
      expect((await post(secretaryB, `/api/admin/party/appraisals/${appraisal.id}/publish`)).status).toBe(404);
      const edited = await put(secretaryA, `/api/admin/party/appraisals/${appraisal.id}`, {
        result: 'excellent',
        note: '群众评价高',
      });
      expect(edited.body.data).toMatchObject({ result: 'excellent', note: '群众评价高' });
      const filtered = (await get(secretaryA, '/api/admin/party/appraisals?result=excellent')).body.data;
      expect(filtered).toHaveLength(1);
    });

    it('shows the member their own result once published, and then it is final', async () => {
      expect((await get(memberA, '/api/mp/party/appraisals')).body.data).toEqual([]);
      const published = await post(secretaryA, `/api/admin/party/appraisals/${appraisal.id}/publish`);
      expect(published.status).toBe(200);
      expect(published.body.data.publishedAt).not.toBeNull();
      const mine = (await get(memberA, '/api/mp/party/appraisals')).body.data as MyAppraisalVO[];
      expect(mine).toEqual([expect.objectContaining({ id: appraisal.id, year: year - 1, result: 'excellent' })]);
      expect((await get(memberB, '/api/mp/party/appraisals')).body.data).toEqual([]);
      const late = await put(secretaryA, `/api/admin/party/appraisals/${appraisal.id}`, { result: 'qualified' });
      expect(late.status).toBe(409);
      const ds = await dataSourceOf(t);
      expect(
        await ds.getRepository(AuditLog).countBy({ action: 'party.appraisal.publish', resourceId: appraisal.id }),
      ).toBe(1);
    });
  });
});
