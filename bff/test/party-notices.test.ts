import type { MyNoticeVO, NoticeVO } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { mpLogin, type MpFixture } from './support/mp-fixtures';
import { partyStaff, registryPerson, townPartyAdmin } from './support/party-fixtures';
import type { Region } from '../src/modules/region';
import { MpUser } from '../src/modules/mp-user';
import { AuditLog } from '../src/core/audit';
import { PartyNotice } from '../src/modules/party/notices/party-notice.entity';

const backend = currentBackend();
type Who = { id: string; auth: string };

/**
 * 党务公开 through the API: the body is sanitised on the server; a member sees only published notices
 * addressed to them (another branch's is 404), opening one records a receipt once, and the unread count
 * and the portal's read count follow; a branch secretary cannot address the whole town or touch
 * another branch's notices.
 */
describe(`party notices on ${backend.name}`, () => {
  let t: TestApp;
  let admin: Who;
  let secretaryA: Who;
  let secretaryB: Who;
  let committee: { id: string };
  let branchA: { id: string };
  let branchB: { id: string };
  let groupA: { id: string };
  let memberA: MpFixture;
  let memberGroupA: MpFixture;
  let memberB: MpFixture;
  let toAll: NoticeVO;
  let toA: NoticeVO;
  let toSubtreeA: NoticeVO;

  const get = (who: Who, path: string) => t.http().get(path).set('Authorization', who.auth);
  const post = (who: Who, path: string, body: object) => t.http().post(path).set('Authorization', who.auth).send(body);
  const put = (who: Who, path: string, body: object) => t.http().put(path).set('Authorization', who.auth).send(body);
  const draft = async (who: Who, body: object) => {
    const res = await post(who, '/api/admin/party/notices', { title: '通知', body: '<p>正文</p>', ...body });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data as NoticeVO;
  };
  const publish = async (who: Who, n: NoticeVO) =>
    (await post(who, `/api/admin/party/notices/${n.id}/publish`, {})).body.data as NoticeVO;
  const unread = async (who: Who) => (await get(who, '/api/mp/party/notices/unread-count')).body.data.unread as number;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    const town = await createRegion(t, '青山镇', 'town');
    const villageA = await createRegion(t, '幸福村', 'village', town);
    const villageB = await createRegion(t, '和谐村', 'village', town);
    admin = await townPartyAdmin(t, 'notice.town', town);
    secretaryA = await partyStaff(t, 'notice.sec.a', villageA);
    secretaryB = await partyStaff(t, 'notice.sec.b', villageB);
    const org = async (parentId: string | null, type: string, name: string) =>
      (await post(admin, '/api/admin/party/orgs', { parentId, type, name, foundedOn: '2015-01-01' })).body.data as {
        id: string;
      };
    committee = await org(null, 'committee', '青山镇党委');
    branchA = await org(committee.id, 'branch', '幸福村党支部');
    branchB = await org(committee.id, 'branch', '和谐村党支部');
    groupA = await org(branchA.id, 'group', '幸福村第一党小组');
    await post(admin, `/api/admin/party/orgs/${branchA.id}/staff`, { staffUserId: secretaryA.id });
    await post(admin, `/api/admin/party/orgs/${branchB.id}/staff`, { staffUserId: secretaryB.id });
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
      const res = await put(admin, `/api/admin/party/members/${file.id}/mp-account`, { mpUserId: first.id });
      expect(res.status).toBe(204);
      return mpLogin(t, identity);
    };
    memberA = await member('李一', villageA, branchA.id, 'notice-a');
    memberGroupA = await member('李组', villageA, groupA.id, 'notice-group-a');
    memberB = await member('孙一', villageB, branchB.id, 'notice-b');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('strips scripts, event handlers and javascript links from the body', async () => {
    const n = await draft(admin, {
      orgId: committee.id,
      audience: 'all',
      title: '关于开展主题党日活动的通知',
      body: '<p onclick="x()">请<strong>全体党员</strong>参加<script>alert(1)</script></p><img src=x onerror="alert(2)"><a href="javascript:alert(3)">链接</a>',
    });
    expect(n.body).toBe('<p>请<strong>全体党员</strong>参加</p><a>链接</a>');
    expect(n.body).not.toMatch(/script|onerror|onclick|javascript/);
    toAll = n;
  });

  it('keeps a branch secretary to their own subtree', async () => {
    const all = await post(secretaryA, '/api/admin/party/notices', {
      orgId: branchA.id,
      audience: 'all',
      title: '越权',
      body: '正文',
    });
    expect(all.status).toBe(400);
    expect(all.body.error.details).toEqual([{ field: 'audience', message: '只有镇党委可以向全体党员公开' }]);
    const other = await post(secretaryA, '/api/admin/party/notices', {
      orgId: branchA.id,
      audience: 'org',
      targetOrgId: branchB.id,
      title: '越权',
      body: '正文',
    });
    expect(other.status).toBe(400);
    toA = await draft(secretaryA, { orgId: branchA.id, audience: 'org', targetOrgId: branchA.id, title: '支部通知' });
    toSubtreeA = await draft(secretaryA, {
      orgId: branchA.id,
      audience: 'subtree',
      targetOrgId: branchA.id,
      title: '支部及党小组通知',
    });
    expect((await post(secretaryB, `/api/admin/party/notices/${toA.id}/publish`, {})).status).toBe(404);
    expect((await put(secretaryB, `/api/admin/party/notices/${toA.id}/pinned`, { pinned: true })).status).toBe(404);
    const listB = (await get(secretaryB, '/api/admin/party/notices')).body.data as NoticeVO[];
    expect(listB).toEqual([]);
  });

  it('edits a draft (sanitised, in scope, audited) and refuses the edit once published', async () => {
    const d = await draft(secretaryA, { orgId: branchA.id, audience: 'org', targetOrgId: branchA.id, title: '草稿' });
    const edit = (who: Who, body: object) =>
      put(who, `/api/admin/party/notices/${d.id}`, {
        orgId: branchA.id,
        audience: 'subtree',
        targetOrgId: branchA.id,
        title: '改后的标题',
        body: '<p>改后<em>正文</em><img src=x onerror="alert(1)"></p>',
        ...body,
      });
    expect((await edit(secretaryB, {})).status).toBe(404);
    const outside = await edit(secretaryA, { targetOrgId: branchB.id });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details).toEqual([{ field: 'targetOrgId', message: '党组织不存在或不在您的负责范围内' }]);
    const ok = await edit(secretaryA, {});
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({
      title: '改后的标题',
      audience: 'subtree',
      body: '<p>改后<em>正文</em></p>',
      publishedAt: null,
      audienceCount: 2,
      readCount: 0,
    });
    const ds = await dataSourceOf(t);
    expect(await ds.getRepository(AuditLog).countBy({ action: 'party.notice.update', resourceId: d.id })).toBe(1);
    await publish(secretaryA, d);
    const late = await edit(secretaryA, { title: '发布后再改' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('该党务公开已发布，不能再修改；如需更正，请另发一条');
    expect(late.body.error.details).toEqual([{ field: 'rule', message: 'NOTICE_PUBLISHED' }]);
    // The published notice is out of the way of the counts below: memberA would see it as unread.
    await ds.getRepository(PartyNotice).delete({ id: d.id });
  });

  it('shows members only published notices addressed to them; others get 404', async () => {
    expect(await unread(memberA)).toBe(0);
    expect((await get(memberA, `/api/mp/party/notices/${toA.id}`)).status).toBe(404);
    await publish(admin, toAll);
    await publish(secretaryA, toA);
    await publish(secretaryA, toSubtreeA);
    expect(await unread(memberA)).toBe(3);
    expect(await unread(memberGroupA)).toBe(2);
    expect(await unread(memberB)).toBe(1);
    expect((await get(memberB, `/api/mp/party/notices/${toA.id}`)).status).toBe(404);
    expect((await get(memberB, `/api/mp/party/notices/${toSubtreeA.id}`)).status).toBe(404);
    expect((await get(memberGroupA, `/api/mp/party/notices/${toA.id}`)).status).toBe(404);
    const mineB = (await get(memberB, '/api/mp/party/notices')).body.data as MyNoticeVO[];
    expect(mineB.map((n) => n.id)).toEqual([toAll.id]);
  });

  it('records a receipt on opening, once, and the counts follow', async () => {
    const opened = await get(memberA, `/api/mp/party/notices/${toA.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body.data).toMatchObject({ title: '支部通知', orgName: '幸福村党支部', read: true });
    await get(memberA, `/api/mp/party/notices/${toA.id}`);
    expect(await unread(memberA)).toBe(2);
    await get(memberGroupA, `/api/mp/party/notices/${toSubtreeA.id}`);
    const listA = (await get(secretaryA, '/api/admin/party/notices')).body.data as NoticeVO[];
    const counts = Object.fromEntries(listA.map((n) => [n.title, [n.readCount, n.audienceCount]]));
    expect(counts).toEqual({ 支部通知: [1, 1], 支部及党小组通知: [1, 2] });
    const listAll = (await get(admin, '/api/admin/party/notices')).body.data as NoticeVO[];
    expect(listAll.find((n) => n.id === toAll.id)).toMatchObject({ readCount: 0, audienceCount: 3 });
  });

  it('lists pinned notices first', async () => {
    const pinned = await put(secretaryA, `/api/admin/party/notices/${toA.id}/pinned`, { pinned: true });
    expect(pinned.body.data.pinned).toBe(true);
    const mine = (await get(memberA, '/api/mp/party/notices')).body.data as MyNoticeVO[];
    expect(mine[0]).toMatchObject({ id: toA.id, pinned: true, read: true });
    expect(mine).toHaveLength(3);
  });

  it('withdraws a published notice: members no longer see it, the portal keeps it with its receipts', async () => {
    const withdraw = (who: Who, id: string) => post(who, `/api/admin/party/notices/${id}/withdraw`, {});
    expect((await withdraw(secretaryB, toSubtreeA.id)).status).toBe(404);
    const draft = await post(secretaryA, '/api/admin/party/notices', {
      orgId: branchA.id,
      audience: 'org',
      targetOrgId: branchA.id,
      title: '未发布',
      body: '正文',
    });
    const notYet = await withdraw(secretaryA, draft.body.data.id);
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.details).toEqual([{ field: 'rule', message: 'NOTICE_NOT_PUBLISHED' }]);

    // memberA has read toA; toAll and toSubtreeA are unread.
    expect(await unread(memberA)).toBe(2);
    const res = await withdraw(secretaryA, toA.id);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ pinned: false, readCount: 1, withdrawnAt: expect.any(String) });
    const again = await withdraw(secretaryA, toA.id);
    expect(again.body.data.withdrawnAt).toBe(res.body.data.withdrawnAt);
    expect((await get(memberA, `/api/mp/party/notices/${toA.id}`)).status).toBe(404);
    const mine = (await get(memberA, '/api/mp/party/notices')).body.data as MyNoticeVO[];
    expect(mine.map((n) => n.id)).not.toContain(toA.id);
    expect(mine).toHaveLength(2);
    // A withdrawn unread notice leaves the badge too.
    expect(await unread(memberA)).toBe(2);
    await withdraw(secretaryA, toSubtreeA.id);
    expect(await unread(memberA)).toBe(1);
    const pin = await put(secretaryA, `/api/admin/party/notices/${toA.id}/pinned`, { pinned: true });
    expect(pin.status).toBe(409);
    const listA = (await get(secretaryA, '/api/admin/party/notices')).body.data as NoticeVO[];
    expect(listA.find((n) => n.id === toA.id)).toMatchObject({ withdrawnAt: expect.any(String), readCount: 1 });
    const ds = await dataSourceOf(t);
    expect(await ds.getRepository(AuditLog).countBy({ action: 'party.notice.withdraw', resourceId: toA.id })).toBe(1);
  });
});
