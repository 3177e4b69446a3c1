import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';

const backend = currentBackend();

describe(`tags API on ${backend.name}`, () => {
  let t: TestApp;
  let g1: Region;
  let w1: Region;
  let townAdmin: StaffWithAuth;
  let eastAdmin: StaffWithAuth;
  let worker: StaffWithAuth;

  const api = (who: { auth: string }) => ({
    get: (path: string) => t.http().get(`/api/admin${path}`).set('Authorization', who.auth),
    post: (path: string, body: object) => t.http().post(`/api/admin${path}`).set('Authorization', who.auth).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/admin${path}`).set('Authorization', who.auth).send(body),
    put: (path: string, body: object) => t.http().put(`/api/admin${path}`).set('Authorization', who.auth).send(body),
    del: (path: string) => t.http().delete(`/api/admin${path}`).set('Authorization', who.auth),
  });
  const countOf = async (who: StaffWithAuth, code: string) =>
    ((await api(who).get('/tags')).body.data as { code: string; personCount: number }[]).find(
      (tag) => tag.code === code,
    )?.personCount;

  async function person(name: string, region: Region, tags: string[], status?: string): Promise<string> {
    const res = await api(townAdmin).post('/persons', {
      name,
      gender: 'female',
      hukouType: 'local',
      regionId: region.id,
      tags,
      ...(status ? { status } : {}),
    });
    if (res.status !== 201) throw new Error(`person ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp(backend);
    const town = await createRegion(t, '青山镇', 'town');
    const east = await createRegion(t, '东村', 'village', town);
    g1 = await createRegion(t, '东村一网格', 'grid', east);
    const g2 = await createRegion(t, '东村二网格', 'grid', east);
    const west = await createRegion(t, '西村', 'village', town);
    w1 = await createRegion(t, '西村一网格', 'grid', west);
    townAdmin = await staffAs(t, { username: 'town.tags', roles: ['village_admin'], region: town });
    eastAdmin = await staffAs(t, { username: 'east.admin', roles: ['village_admin'], region: east });
    worker = await staffAs(t, { username: 'g1.worker', roles: ['grid_worker'], region: g1 });
    await person('甲', g1, ['elderly_alone', 'disabled']);
    await person('乙', g2, ['elderly_alone']);
    await person('丙', w1, ['elderly_alone']);
    await person('丁', g1, ['elderly_alone'], 'deceased');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the managed tags with active persons counted within the caller’s scope', async () => {
    const res = await api(worker).get('/tags');
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toEqual({
      code: 'elderly_alone',
      name: '独居老人',
      visitIntervalDays: 7,
      color: '#d9480f',
      builtin: true,
      active: true,
      personCount: 1,
    });
    expect(await countOf(eastAdmin, 'elderly_alone')).toBe(2);
    expect(await countOf(townAdmin, 'elderly_alone')).toBe(3);
    expect(await countOf(townAdmin, 'disabled')).toBe(1);
    expect(await countOf(townAdmin, 'veteran')).toBe(0);
  });

  it('lets only town-level staff with person:manage change the list (403 otherwise, audited)', async () => {
    const body = { code: 'pregnant', name: '孕产妇', visitIntervalDays: 30, color: '#C2255C' };
    const village = await api(eastAdmin).post('/tags', body);
    expect(village.status).toBe(403);
    expect(village.body.error.code).toBe('FORBIDDEN');
    expect((await api(worker).post('/tags', body)).status).toBe(403);
    expect((await api(eastAdmin).patch('/tags/veteran', { name: '退伍军人' })).status).toBe(403);
    const denied = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .countBy({ action: 'tag.create', result: 'denied', actorId: eastAdmin.id });
    expect(denied).toBe(1);

    const created = await api(townAdmin).post('/tags', body);
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({ ...body, color: '#c2255c', builtin: false, active: true, personCount: 0 });
    expect((await api(townAdmin).post('/tags', body)).status).toBe(409);
    const badCode = await api(townAdmin).post('/tags', { ...body, code: 'Bad-Code' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.details[0].field).toBe('code');
    expect(
      (await api(townAdmin).post('/tags', { ...body, code: 'no_interval_zero', visitIntervalDays: 0 })).status,
    ).toBe(400);
  });

  it('updates name, interval, colour and active; an inactive tag can no longer be given', async () => {
    const res = await api(townAdmin).patch('/tags/pregnant', { name: '孕妇', visitIntervalDays: null, active: false });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ code: 'pregnant', name: '孕妇', visitIntervalDays: null, active: false });
    const tagging = await api(townAdmin).post('/persons', {
      name: '戊',
      gender: 'female',
      hukouType: 'local',
      regionId: g1.id,
      tags: ['pregnant'],
    });
    expect(tagging.status).toBe(400);
    expect(tagging.body.error.details[0].field).toBe('codes');
    expect((await api(townAdmin).patch('/tags/nope', { name: 'x' })).status).toBe(404);
  });

  it('deletes only unused custom tags; built-in ones are deactivated instead', async () => {
    expect((await api(townAdmin).patch('/tags/pregnant', { active: true })).status).toBe(200);
    const id = await person('己', w1, ['pregnant']);
    const inUse = await api(townAdmin).del('/tags/pregnant');
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('RECORD_IN_USE');
    const builtin = await api(townAdmin).del('/tags/veteran');
    expect(builtin.status).toBe(409);
    expect(builtin.body.error.message).toBe('内置标签不能删除，可以停用');
    expect((await api(eastAdmin).del('/tags/pregnant')).status).toBe(403);
    expect((await api(townAdmin).put(`/persons/${id}/tags`, { codes: [] })).status).toBe(200);
    expect((await api(townAdmin).del('/tags/pregnant')).status).toBe(204);
    expect((await api(townAdmin).get('/tags')).body.data.map((tag: { code: string }) => tag.code)).not.toContain(
      'pregnant',
    );
    const audit = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .countBy({ action: 'tag.delete', resourceId: 'pregnant', result: 'success' });
    expect(audit).toBe(1);
  });
});
