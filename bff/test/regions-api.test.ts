import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';

const backend = currentBackend();

describe(`region API on ${backend.name}`, () => {
  let t: TestApp;
  let town: Region;
  let east: Region;
  let eastGrid: Region;
  let west: Region;
  let eastAdmin: StaffWithAuth;

  beforeAll(async () => {
    t = await startTestApp(backend);
    town = await createRegion(t, '青山镇', 'town');
    east = await createRegion(t, '东村', 'village', town);
    eastGrid = await createRegion(t, '东村一网格', 'grid', east);
    west = await createRegion(t, '西村', 'village', town);
    await createRegion(t, '西村一网格', 'grid', west);
    eastAdmin = await staffAs(t, { username: 'east.admin', roles: ['village_admin'], region: east });
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = (who: { auth: string }) => t.http().get('/api/admin/regions').set('Authorization', who.auth);
  const create = (who: { auth: string }, body: object) =>
    t.http().post('/api/admin/regions').set('Authorization', who.auth).send(body);

  it('lists the caller’s subtree only, parents first, as a flat list', async () => {
    const res = await list(eastAdmin);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        id: east.id,
        name: '东村',
        level: 'village',
        parentId: town.id,
        path: east.path,
        code: null,
        center: null,
        hasBoundary: false,
      },
      {
        id: eastGrid.id,
        name: '东村一网格',
        level: 'grid',
        parentId: east.id,
        path: eastGrid.path,
        code: null,
        center: null,
        hasBoundary: false,
      },
    ]);
  });

  it('gives the town-level caller the whole tree, and a caller without a region nothing', async () => {
    const townStaff = await staffAs(t, { username: 'town.viewer', roles: ['grid_worker'], region: town });
    expect((await list(townStaff)).body.data).toHaveLength(5);
    const loose = await staffAs(t, { username: 'loose.worker', roles: ['grid_worker'], region: null });
    expect((await list(loose)).body.data).toEqual([]);
  });

  it('creates a grid inside the subtree and audits it', async () => {
    const res = await create(eastAdmin, { name: '东村二网格', level: 'grid', parentId: east.id, code: '330102001002' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ name: '东村二网格', level: 'grid', parentId: east.id, code: '330102001002' });
    expect(res.body.data.path).toBe(`${east.path}${res.body.data.id}/`);
    expect((await list(eastAdmin)).body.data).toHaveLength(3);
    const [record] = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .find({ where: { action: 'region.create' }, order: { seq: 'DESC' }, take: 1 });
    expect(record).toMatchObject({
      actorId: eastAdmin.id,
      actorName: 'east.admin',
      resourceType: 'region',
      resourceId: res.body.data.id,
      result: 'success',
    });
    // The statistical code is not a secret: the audit must keep it (keys ending in "code" are redacted).
    expect(JSON.parse(record.detail as string)).toMatchObject({ division: '330102001002' });
  });

  it('explains a malformed statistical code in its own words', async () => {
    const res = await create(eastAdmin, { name: '东村三网格', level: 'grid', parentId: east.id, code: '3301' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'code', message: '区划代码应为 12 位数字' }]);
  });

  it('refuses a parent outside the subtree with 404', async () => {
    expect((await create(eastAdmin, { name: '越界网格', level: 'grid', parentId: west.id })).status).toBe(404);
    expect((await create(eastAdmin, { name: '越界村', level: 'village', parentId: town.id })).status).toBe(404);
    expect((await create(eastAdmin, { name: '不存在', level: 'grid', parentId: 'nope' })).status).toBe(404);
  });

  it('validates level, parent and code', async () => {
    const wrongLevel = await create(eastAdmin, { name: '村中村', level: 'village', parentId: east.id });
    expect(wrongLevel.status).toBe(400);
    expect(wrongLevel.body.error.details[0].field).toBe('level');
    expect((await create(eastAdmin, { name: '新镇', level: 'town' })).status).toBe(400);
    expect((await create(eastAdmin, { name: '坏代码', level: 'grid', parentId: east.id, code: '12ab' })).status).toBe(
      400,
    );
    expect((await create(eastAdmin, { name: '', level: 'grid', parentId: east.id })).status).toBe(400);
  });

  it('needs region:manage to create (a grid worker may only read)', async () => {
    const worker = await staffAs(t, { username: 'east.worker', roles: ['grid_worker'], region: east });
    expect((await list(worker)).status).toBe(200);
    expect((await create(worker, { name: '网格', level: 'grid', parentId: east.id })).status).toBe(403);
  });
});
