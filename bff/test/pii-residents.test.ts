import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { devPhoneCode, mpLogin, MpFixture } from './support/mp-fixtures';
import { createRegion, dataSourceOf, staffWithToken } from './support/staff-fixtures';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';
import { MpUser } from '../src/modules/mp-user';

const backend = currentBackend();

/** Residents as staff see them: region scope, masked phone, audited unmasked reads. */
describe(`resident records for staff on ${backend.name}`, () => {
  let t: TestApp;
  let town: Region;
  let villageA: Region;
  let villageB: Region;
  let residentA: MpFixture;
  let residentB: MpFixture;
  let unplaced: MpFixture;
  let adminA: { id: string; auth: string };
  let adminB: { id: string; auth: string };
  let piiA: { id: string; auth: string };
  let gridA: { id: string; auth: string };

  const place = async (user: MpFixture, region: Region) =>
    (await dataSourceOf(t))
      .getRepository(MpUser)
      .update({ id: user.id }, { regionId: region.id, scopePath: region.path });

  beforeAll(async () => {
    t = await startTestApp(backend);
    town = await createRegion(t, '示范镇', 'town');
    villageA = await createRegion(t, '幸福村', 'village', town);
    villageB = await createRegion(t, '和谐村', 'village', town);
    const gridInA = await createRegion(t, '幸福村一网格', 'grid', villageA);
    residentA = await mpLogin(t, 'resident-a', '居民甲');
    residentB = await mpLogin(t, 'resident-b', '居民乙');
    unplaced = await mpLogin(t, 'resident-unplaced', '未落户');
    for (const [user, phone] of [
      [residentA, '13811112222'],
      [residentB, '13933334444'],
      [unplaced, '13755556666'],
    ] as const) {
      const res = await t
        .http()
        .post('/api/mp/me/phone')
        .set('Authorization', user.auth)
        .send({ code: await devPhoneCode(t.sim, phone) });
      expect(res.status).toBe(200);
    }
    await place(residentA, gridInA);
    await place(residentB, villageB);
    adminA = await staffWithToken(t, { username: 'village.a', roles: ['village_admin'], region: villageA });
    adminB = await staffWithToken(t, {
      username: 'village.b',
      roles: ['village_admin'],
      region: villageB,
      grants: ['person:pii:read'],
    });
    piiA = await staffWithToken(t, {
      username: 'pii.a',
      roles: ['village_admin'],
      region: villageA,
      grants: ['person:pii:read'],
    });
    gridA = await staffWithToken(t, { username: 'grid.a', roles: ['grid_worker'], region: gridInA });
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string, auth?: string) => {
    const req = t.http().get(path);
    return auth ? req.set('Authorization', auth) : req;
  };

  it("shows a resident of the caller's subtree with the phone masked", async () => {
    for (const staff of [adminA, gridA, piiA]) {
      const res = await get(`/api/admin/residents/${residentA.id}`, staff.auth);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        id: residentA.id,
        nickname: '居民甲',
        phoneMasked: '138****2222',
        regionName: '幸福村一网格',
      });
      expect(JSON.stringify(res.body)).not.toContain('13811112222');
    }
  });

  it('answers 404 for residents of another region, residents without a region and unknown ids', async () => {
    for (const id of [residentB.id, unplaced.id, 'no-such-id']) {
      const res = await get(`/api/admin/residents/${id}`, adminA.auth);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    // Region B's admin, even holding person:pii:read, cannot reach region A's resident either way.
    expect((await get(`/api/admin/residents/${residentA.id}`, adminB.auth)).status).toBe(404);
    expect((await get(`/api/admin/residents/${residentA.id}/pii`, adminB.auth)).status).toBe(404);
    expect((await get(`/api/admin/residents/${residentB.id}`, adminB.auth)).status).toBe(200);
  });

  it('refuses the unmasked phone without person:pii:read (403)', async () => {
    for (const staff of [adminA, gridA]) {
      const res = await get(`/api/admin/residents/${residentA.id}/pii`, staff.auth);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('gives the unmasked phone with person:pii:read and audits the read', async () => {
    const res = await get(`/api/admin/residents/${residentA.id}/pii`, piiA.auth);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ id: residentA.id, phone: '13811112222' });
    const records = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .findBy({ action: 'pii.read', resourceId: residentA.id });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actorKind: 'staff',
      actorId: piiA.id,
      resourceType: 'mp_user',
      result: 'success',
    });
    expect(records[0].detail).not.toContain('13811112222');
  });

  it('keeps mini-program tokens and anonymous callers out', async () => {
    expect((await get(`/api/admin/residents/${residentA.id}`, residentA.auth)).status).toBe(403);
    expect((await get(`/api/admin/residents/${residentA.id}/pii`, residentA.auth)).status).toBe(403);
    expect((await get(`/api/admin/residents/${residentA.id}`)).status).toBe(401);
  });

  it('shows nothing to staff without a region', async () => {
    const floating = await staffWithToken(t, {
      username: 'no.region',
      roles: ['village_admin'],
      grants: ['person:pii:read'],
    });
    expect((await get(`/api/admin/residents/${residentA.id}`, floating.auth)).status).toBe(404);
    expect((await get(`/api/admin/residents/${residentA.id}/pii`, floating.auth)).status).toBe(404);
  });
});
