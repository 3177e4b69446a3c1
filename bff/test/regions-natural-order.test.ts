import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';

const backend = currentBackend();

describe(`regions and houses in natural order on ${backend.name}`, () => {
  let t: TestApp;
  let admin: StaffWithAuth;
  let villageId: string;
  let gridId: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    const town = await createRegion(t, '青山镇', 'town');
    const village = await createRegion(t, '幸福村', 'village', town);
    villageId = village.id;
    // Created out of order, with names a plain collation sorts 第二, 第三, 第十, 第一.
    for (const name of ['幸福村第二网格', '幸福村第三网格', '幸福村第十网格', '幸福村第一网格'])
      gridId = (await createRegion(t, name, 'grid', village)).id;
    admin = await staffAs(t, { username: 'order.admin', roles: ['village_admin'], region: town });
    for (const address of ['幸福村10号', '幸福村1号', '幸福村19号', '幸福村2号', '幸福村11号']) {
      const res = await t
        .http()
        .post('/api/admin/houses')
        .set('Authorization', admin.auth)
        .send({ regionId: gridId, address, use: 'self_occupied' });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => t?.close());

  it('lists a village’s grids 第一, 第二, 第三, 第十 in its overview', async () => {
    const res = await t.http().get(`/api/admin/regions/${villageId}/overview`).set('Authorization', admin.auth);
    expect(res.status).toBe(200);
    const names = (res.body.data.children as { region: { name: string } }[]).map((c) => c.region.name);
    expect(names).toEqual(['幸福村第一网格', '幸福村第二网格', '幸福村第三网格', '幸福村第十网格']);
  });

  it('pages houses by address in natural order: 1号, 2号, 10号 — not 10号…19号 before 1号', async () => {
    const page = async (query: string) => {
      const res = await t.http().get(`/api/admin/houses?sort=address&${query}`).set('Authorization', admin.auth);
      expect(res.status).toBe(200);
      return {
        addresses: (res.body.data as { address: string }[]).map((h) => h.address),
        total: res.body.page.total as number,
      };
    };
    expect(await page('pageSize=2&page=1')).toEqual({ addresses: ['幸福村1号', '幸福村2号'], total: 5 });
    expect((await page('pageSize=2&page=2')).addresses).toEqual(['幸福村10号', '幸福村11号']);
    expect((await page('pageSize=2&page=3')).addresses).toEqual(['幸福村19号']);
    expect((await page('pageSize=10&order=desc')).addresses).toEqual([
      '幸福村19号',
      '幸福村11号',
      '幸福村10号',
      '幸福村2号',
      '幸福村1号',
    ]);
    expect((await page('pageSize=10&q=1')).addresses).toEqual(['幸福村1号', '幸福村10号', '幸福村11号', '幸福村19号']);
  });
});
