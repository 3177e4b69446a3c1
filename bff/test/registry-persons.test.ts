import { idNumberCheckChar } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';
import { Person, PersonTag, Visit } from '../src/modules/registry';

const backend = currentBackend();

/** A valid GB 11643 number (Hangzhou prefix) for a birth date and sequence (odd = male). */
const idFor = (birth: string, seq: string) => {
  const first17 = `330102${birth.replace(/-/g, '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
};

describe(`persons API on ${backend.name}`, () => {
  let t: TestApp;
  let town: Region;
  let east: Region;
  let g1: Region;
  let g2: Region;
  let west: Region;
  let w1: Region;
  let eastAdmin: StaffWithAuth;
  let townClerk: StaffWithAuth;
  let worker: StaffWithAuth;
  const ids: Record<string, string> = {};
  const zhangId = idFor('1940-03-07', '002');

  const api = (who: { auth: string }) => ({
    get: (path: string) =>
      t
        .http()
        .get(encodeURI(`/api/admin${path}`))
        .set('Authorization', who.auth),
    post: (path: string, body: object) => t.http().post(`/api/admin${path}`).set('Authorization', who.auth).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/admin${path}`).set('Authorization', who.auth).send(body),
    put: (path: string, body: object) => t.http().put(`/api/admin${path}`).set('Authorization', who.auth).send(body),
    del: (path: string) => t.http().delete(`/api/admin${path}`).set('Authorization', who.auth),
  });
  const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((p) => p.name).sort();

  async function create(who: StaffWithAuth, body: object): Promise<string> {
    const res = await api(who).post('/persons', body);
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp(backend);
    town = await createRegion(t, '青山镇', 'town');
    east = await createRegion(t, '东村', 'village', town);
    g1 = await createRegion(t, '东村一网格', 'grid', east);
    g2 = await createRegion(t, '东村二网格', 'grid', east);
    west = await createRegion(t, '西村', 'village', town);
    w1 = await createRegion(t, '西村一网格', 'grid', west);
    eastAdmin = await staffAs(t, { username: 'east.admin', roles: ['village_admin'], region: east });
    townClerk = await staffAs(t, {
      username: 'town.clerk',
      roles: ['village_admin'],
      grants: ['person:pii:read'],
      region: town,
    });
    worker = await staffAs(t, { username: 'g1.worker', roles: ['grid_worker'], region: g1 });

    ids.zhangXiulan = await create(eastAdmin, {
      name: '张秀兰',
      idNumber: zhangId,
      hukouType: 'local',
      regionId: g1.id,
      tags: ['elderly_alone', 'low_income'],
    });
    ids.zhangWei = await create(eastAdmin, {
      name: '张伟',
      gender: 'male',
      birthDate: '1985-06-01',
      hukouType: 'local',
      regionId: g2.id,
      tags: ['elderly_alone'],
    });
    ids.liQiang = await create(eastAdmin, {
      name: '李强',
      gender: 'male',
      phone: '138 1234 5678',
      hukouType: 'floating',
      origin: '安徽阜阳',
      arrivalDate: '2023-04-01',
      regionId: g1.id,
    });
    ids.zhangMin = await create(townClerk, {
      name: '张敏',
      gender: 'female',
      hukouType: 'local',
      regionId: w1.id,
      tags: ['elderly_alone'],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows a village admin only their village, a grid worker only their grid', async () => {
    const village = await api(eastAdmin).get('/persons');
    expect(village.status).toBe(200);
    expect(names(village)).toEqual(['张伟', '张秀兰', '李强']);
    expect(village.body.page).toEqual({ page: 1, pageSize: 20, total: 3 });
    expect(names(await api(worker).get('/persons'))).toEqual(['张秀兰', '李强']);
    expect(names(await api(townClerk).get('/persons'))).toHaveLength(4);
    // Ids of other regions behave like unknown ids, and a regionId outside the scope is refused.
    expect((await api(eastAdmin).get(`/persons/${ids.zhangMin}`)).status).toBe(404);
    expect((await api(worker).get(`/persons/${ids.zhangWei}`)).status).toBe(404);
    expect((await api(eastAdmin).get(`/persons?regionId=${west.id}`)).status).toBe(404);
    expect((await api(eastAdmin).patch(`/persons/${ids.zhangMin}`, { note: 'x' })).status).toBe(404);
  });

  it('combines region subtree, tags and name prefix', async () => {
    const clerk = api(townClerk);
    expect(names(await clerk.get(`/persons?regionId=${east.id}&tag=elderly_alone&q=张`))).toEqual(['张伟', '张秀兰']);
    expect(names(await clerk.get(`/persons?regionId=${east.id}&tag=elderly_alone&tag=low_income&q=张`))).toEqual([
      '张秀兰',
    ]);
    expect(names(await clerk.get(`/persons?tag=elderly_alone,low_income`))).toEqual(['张秀兰']);
    expect(names(await clerk.get(`/persons?tag=elderly_alone&q=张`))).toEqual(['张伟', '张敏', '张秀兰']);
    expect(names(await clerk.get(`/persons?regionId=${g2.id}&q=张`))).toEqual(['张伟']);
    expect(names(await clerk.get(`/persons?hukouType=floating`))).toEqual(['李强']);
    expect(names(await clerk.get(`/persons?ageMin=80`))).toEqual(['张秀兰']);
    const sorted = await clerk.get('/persons?sort=birthDate&order=desc&status=all');
    expect(sorted.body.data[0].name).toBe('张伟');
  });

  it('finds a full ID number or mobile exactly (through the keyed hash), never a part of one', async () => {
    const clerk = api(townClerk);
    expect(names(await clerk.get(`/persons?q=${zhangId}`))).toEqual(['张秀兰']);
    expect(names(await clerk.get(`/persons?q=${zhangId.slice(0, 10)}`))).toEqual([]);
    expect(names(await clerk.get('/persons?q=13812345678'))).toEqual(['李强']);
    expect(names(await clerk.get('/persons?q=1381234'))).toEqual([]);
    // The hash search stays inside the scope.
    expect(names(await api(eastAdmin).get(`/persons?q=${zhangId}`))).toEqual(['张秀兰']);
    const clerkOfWest = await staffAs(t, { username: 'west.admin', roles: ['village_admin'], region: west });
    expect(names(await api(clerkOfWest).get(`/persons?q=${zhangId}`))).toEqual([]);
  });

  it('masks ID number and phone in list and detail, and derives birth date and gender from the ID', async () => {
    const list = await api(eastAdmin).get('/persons?q=张秀兰');
    const item = list.body.data[0];
    expect(item).toMatchObject({
      name: '张秀兰',
      gender: 'female',
      birthDate: '1940-03-07',
      idNumber: `330***********${zhangId.slice(-4)}`,
      regionName: '东村一网格',
      tags: ['elderly_alone', 'low_income'],
    });
    expect(JSON.stringify(list.body)).not.toContain(zhangId);
    const detail = await api(eastAdmin).get(`/persons/${ids.liQiang}`);
    expect(detail.status).toBe(200);
    expect(detail.body.data.phone).toBe('138****5678');
    expect(detail.body.data.floating).toEqual({
      origin: '安徽阜阳',
      arrivalDate: '2023-04-01',
      permitStatus: 'none',
      permitExpiry: null,
    });
    expect(JSON.stringify(detail.body)).not.toContain('13812345678');
    // Stored encrypted: the row holds neither number in clear.
    const row = await (await dataSourceOf(t)).getRepository(Person).findOneByOrFail({ id: ids.zhangXiulan });
    expect(JSON.stringify(row)).not.toContain(zhangId);
  });

  it('answers the unmasked numbers only with person:pii:read, and audits each read', async () => {
    expect((await api(worker).get(`/persons/${ids.zhangXiulan}/pii`)).status).toBe(403);
    const superAdmin = await staffAs(t, { username: 'root.admin', roles: ['super_admin'], region: town });
    const denied = await api(superAdmin).get(`/persons/${ids.zhangXiulan}/pii`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    const res = await api(townClerk).get(`/persons/${ids.liQiang}/pii`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ idNumber: null, phone: '13812345678' });
    const [record] = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .find({ where: { action: 'person.pii.read' }, order: { seq: 'DESC' }, take: 1 });
    expect(record).toMatchObject({
      actorId: townClerk.id,
      resourceType: 'person',
      resourceId: ids.liQiang,
      result: 'success',
    });
    expect(JSON.stringify(record)).not.toContain('13812345678');
    // Out of scope: 404 even with the permission.
    const westOnly = await staffAs(t, {
      username: 'west.pii',
      roles: ['village_admin'],
      grants: ['person:pii:read'],
      region: west,
    });
    expect((await api(westOnly).get(`/persons/${ids.liQiang}/pii`)).status).toBe(404);
  });

  it('refuses a second person with the same ID number (409 PERSON_DUPLICATE), also across villages', async () => {
    const res = await api(townClerk).post('/persons', {
      name: '张秀兰',
      idNumber: zhangId.toLowerCase(),
      hukouType: 'local',
      regionId: w1.id,
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'PERSON_DUPLICATE', message: '该身份证号已登记' });
    const other = await create(eastAdmin, {
      name: '王芳',
      idNumber: idFor('1990-01-01', '004'),
      hukouType: 'local',
      regionId: g2.id,
    });
    expect((await api(eastAdmin).patch(`/persons/${other}`, { idNumber: zhangId })).body.error.code).toBe(
      'PERSON_DUPLICATE',
    );
  });

  it('validates the ID check digit, agreement of gender and birth date, phone and floating fields in Chinese', async () => {
    const bad = zhangId.slice(0, 17) + (zhangId[17] === '0' ? '1' : '0');
    const res = await api(eastAdmin).post('/persons', {
      name: '错号',
      idNumber: bad,
      hukouType: 'local',
      regionId: g1.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([{ field: 'idNumber', message: '身份证号校验位错误，请核对后重新输入' }]);
    const gender = await api(eastAdmin).post('/persons', {
      name: '错性别',
      idNumber: idFor('1970-05-05', '013'),
      gender: 'female',
      hukouType: 'local',
      regionId: g1.id,
    });
    expect(gender.body.error.details[0]).toEqual({ field: 'gender', message: '性别与身份证号不符' });
    const phone = await api(eastAdmin).post('/persons', {
      name: '错手机',
      gender: 'male',
      phone: '12345',
      hukouType: 'local',
      regionId: g1.id,
    });
    expect(phone.body.error.details[0].field).toBe('phone');
    const floating = await api(eastAdmin).post('/persons', {
      name: '户籍',
      gender: 'male',
      hukouType: 'local',
      origin: '外省',
      regionId: g1.id,
    });
    expect(floating.body.error.details[0].field).toBe('origin');
    const noGender = await api(eastAdmin).post('/persons', { name: '无性别', hukouType: 'local', regionId: g1.id });
    expect(noGender.body.error.details[0].field).toBe('gender');
    const townLevel = await api(townClerk).post('/persons', {
      name: '镇级',
      gender: 'male',
      hukouType: 'local',
      regionId: town.id,
    });
    expect(townLevel.body.error.details[0].field).toBe('regionId');
    expect(
      (await api(eastAdmin).post('/persons', { name: '越界', gender: 'male', hukouType: 'local', regionId: w1.id }))
        .status,
    ).toBe(404);
    expect(
      (await api(worker).post('/persons', { name: '无权', gender: 'male', hukouType: 'local', regionId: g1.id }))
        .status,
    ).toBe(403);
  });

  it('computes the next visit from the shortest care interval and the tag or visit date', async () => {
    const ds = await dataSourceOf(t);
    // Whole seconds: MariaDB datetime columns drop milliseconds.
    const tenDaysAgo = new Date(Math.floor(Date.now() / 1000) * 1000 - 10 * 86_400_000);
    await ds.getRepository(PersonTag).update({ personId: ids.zhangXiulan }, { taggedAt: tenDaysAgo });
    const overdue = (await api(eastAdmin).get(`/persons/${ids.zhangXiulan}`)).body.data;
    // 独居老人 (7 days) wins over 低保户 (30 days): due 3 days ago.
    expect(overdue.visitDue).toMatchObject({ status: 'overdue', overdueDays: 3 });
    expect(new Date(overdue.visitDue.dueAt).getTime()).toBe(tenDaysAgo.getTime() + 7 * 86_400_000);
    expect(overdue.tagDetails.map((d: { code: string }) => d.code)).toEqual(['elderly_alone', 'low_income']);
    expect(overdue.visits).toEqual([]);
    // A recorded visit restarts the clock and shows in the detail.
    const visit = await api(worker).post('/visits', {
      personId: ids.zhangXiulan,
      note: '上门走访，身体状况良好',
      photoIds: [],
    });
    expect(visit.status).toBe(201);
    const visited = (await api(eastAdmin).get(`/persons/${ids.zhangXiulan}`)).body.data;
    expect(visited.visitDue.status).toBe('ok');
    expect(visited.visits).toEqual([
      expect.objectContaining({ id: visit.body.data.id, personId: ids.zhangXiulan, note: '上门走访，身体状况良好' }),
    ]);
    // No care tag: no visit due.
    expect((await api(eastAdmin).get(`/persons/${ids.liQiang}`)).body.data.visitDue).toBeNull();
  });

  it('replaces tags keeping the date of those that stay, and refuses unknown or inactive tags', async () => {
    const ds = await dataSourceOf(t);
    const before = await ds
      .getRepository(PersonTag)
      .findOneByOrFail({ personId: ids.zhangXiulan, tagCode: 'elderly_alone' });
    const res = await api(eastAdmin).put(`/persons/${ids.zhangXiulan}/tags`, { codes: ['elderly_alone', 'disabled'] });
    expect(res.status).toBe(200);
    expect(res.body.data.tags).toEqual(['elderly_alone', 'disabled']);
    const after = await ds
      .getRepository(PersonTag)
      .findOneByOrFail({ personId: ids.zhangXiulan, tagCode: 'elderly_alone' });
    expect(new Date(after.taggedAt).getTime()).toBe(new Date(before.taggedAt).getTime());
    const unknown = await api(eastAdmin).put(`/persons/${ids.zhangXiulan}/tags`, { codes: ['no_such_tag'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].field).toBe('codes');
  });

  it('moves the person’s tags and visits with them when the region changes', async () => {
    const ds = await dataSourceOf(t);
    const res = await api(eastAdmin).patch(`/persons/${ids.zhangXiulan}`, { regionId: g2.id });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ regionId: g2.id, regionName: '东村二网格' });
    const tags = await ds.getRepository(PersonTag).findBy({ personId: ids.zhangXiulan });
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.every((tag) => tag.scopePath === g2.path)).toBe(true);
    // The visit recorded above follows too (the g1 worker no longer sees it).
    const visits = await ds.getRepository(Visit).findBy({ personId: ids.zhangXiulan });
    expect(visits.map((v) => v.scopePath)).toEqual([g2.path]);
    expect((await api(worker).get(`/persons/${ids.zhangXiulan}`)).status).toBe(404);
    expect((await api(eastAdmin).patch(`/persons/${ids.zhangXiulan}`, { regionId: w1.id })).status).toBe(404);
  });

  it('deletes a person with their tags, audited', async () => {
    const id = await create(eastAdmin, {
      name: '误录',
      gender: 'male',
      hukouType: 'local',
      regionId: g1.id,
      tags: ['veteran'],
    });
    expect((await api(eastAdmin).del(`/persons/${id}`)).status).toBe(204);
    expect((await api(eastAdmin).get(`/persons/${id}`)).status).toBe(404);
    const ds = await dataSourceOf(t);
    expect(await ds.getRepository(PersonTag).countBy({ personId: id })).toBe(0);
    expect(await ds.getRepository(AuditLog).countBy({ action: 'person.delete', resourceId: id })).toBe(1);
    expect((await api(eastAdmin).del(`/persons/${ids.zhangMin}`)).status).toBe(404);
  });
});
