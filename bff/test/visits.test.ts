import { randomUUID } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { Person, PersonTag, TagDefinition, Visit } from '../src/modules/registry';
import { StoredFile } from '../src/modules/file';
import { AuditLog } from '../src/core/audit';
import { PiiCipher } from '../src/core/crypto/pii-cipher';

const backend = currentBackend();
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY);

/** A tiny JPEG structure (no decoder needed: the server checks markers, not pixels). */
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x01, 0x02, 0xff, 0xda, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0xff, 0xd9,
]);

describe(`visits and visits due on ${backend.name}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let uploadDir: string;
  let gridA: Region;
  let gridB: Region;
  let villageB: Region;
  let workerA: StaffWithAuth;
  let workerA2: StaffWithAuth;

  /** Inserts a person with tags (code → days since tagged) straight into the registry tables. */
  async function person(
    name: string,
    region: Region,
    tags: Record<string, number>,
    opts: { lastVisitedDaysAgo?: number; status?: Person['status']; phone?: string } = {},
  ): Promise<Person> {
    const cipher = await t.get(PiiCipher);
    const p = ds.getRepository(Person).create({
      id: randomUUID(),
      regionId: region.id,
      scopePath: region.path,
      name,
      gender: 'female',
      birthDate: '1940-03-01',
      idNumber: cipher.seal(null),
      phone: cipher.seal(opts.phone ?? null),
      hukouType: 'local',
      hukouAddress: null,
      address: `${region.name} 1号`,
      origin: null,
      arrivalDate: null,
      permitStatus: null,
      permitExpiry: null,
      householdId: null,
      relationToHead: null,
      status: opts.status ?? 'active',
      note: null,
      lastVisitedAt: opts.lastVisitedDaysAgo === undefined ? null : daysAgo(opts.lastVisitedDaysAgo),
    });
    await ds.getRepository(Person).insert(p);
    for (const [code, ago] of Object.entries(tags)) {
      await ds
        .getRepository(PersonTag)
        .insert({ personId: p.id, tagCode: code, scopePath: region.path, taggedAt: daysAgo(ago) });
    }
    return p;
  }

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'zhili-visits-'));
    t = await startTestApp(backend, { UPLOAD_DIR: uploadDir });
    ds = await dataSourceOf(t);
    const town = await createRegion(t, '青山镇', 'town');
    const villageA = await createRegion(t, '东村', 'village', town);
    gridA = await createRegion(t, '东村一网格', 'grid', villageA);
    villageB = await createRegion(t, '西村', 'village', town);
    gridB = await createRegion(t, '西村一网格', 'grid', villageB);
    workerA = await staffAs(t, { username: 'visit.a', roles: ['grid_worker'], region: gridA });
    workerA2 = await staffAs(t, { username: 'visit.a2', roles: ['grid_worker'], region: gridA });
    // A tag whose definition was switched off: its interval must not count.
    await ds.getRepository(TagDefinition).insert({
      code: 'test_daily',
      name: '每日关注',
      visitIntervalDays: 1,
      color: '#000000',
      sortOrder: 99,
      builtin: false,
      active: false,
    });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const due = (who: { auth: string }, query = '') =>
    t.http().get(`/api/admin/visits/due${query}`).set('Authorization', who.auth);
  const record = (who: { auth: string }, body: object) =>
    t.http().post('/api/admin/visits').set('Authorization', who.auth).send(body);
  const upload = async (who: { auth: string }) => {
    const res = await t
      .http()
      .post('/api/admin/files')
      .set('Authorization', who.auth)
      .attach('file', jpeg, { filename: 'v.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  };
  type DueItem = {
    personId: string;
    status: string;
    overdueDays: number;
    dueAt: string;
    tags: { code: string }[];
    lastVisitedAt: string | null;
  };
  const dueOf = async (who: { auth: string }, personId: string, query = '?status=all&pageSize=100') =>
    ((await due(who, query)).body.data as DueItem[]).find((i) => i.personId === personId);

  it('computes visits due from care tags: weekly tag 8 days ago is overdue, a visit yesterday is fine', async () => {
    const lonely = await person('王秀英', gridA, { elderly_alone: 8 });
    const visited = await person('李桂兰', gridA, { elderly_alone: 60 }, { lastVisitedDaysAgo: 1 });
    const soon = await person('赵淑珍', gridA, { elderly_alone: 6 });

    const overdue = await dueOf(workerA, lonely.id);
    expect(overdue).toMatchObject({
      status: 'overdue',
      overdueDays: 1,
      lastVisitedAt: null,
      tags: [{ code: 'elderly_alone', name: '独居老人', color: '#d9480f' }],
    });
    // Due one interval (7 days) after the tag was given.
    expect(Math.abs(new Date(overdue!.dueAt).getTime() - daysAgo(1).getTime())).toBeLessThan(60_000);
    expect(await dueOf(workerA, visited.id)).toMatchObject({ status: 'ok' });
    expect(await dueOf(workerA, soon.id)).toMatchObject({ status: 'upcoming' });

    // The default list holds what needs action only: overdue, due and upcoming.
    const pending = (await due(workerA)).body.data as DueItem[];
    expect(pending.map((i) => i.personId)).toEqual(expect.arrayContaining([lonely.id, soon.id]));
    expect(pending.map((i) => i.personId)).not.toContain(visited.id);
  });

  it('takes the shortest interval of active care tags and ignores inactive tags, tags without interval and inactive persons', async () => {
    const both = await person('周玉兰', gridA, { low_income: 10, elderly_alone: 10 });
    const monthly = await person('吴翠花', gridA, { low_income: 10 });
    const inactiveTag = await person('郑建国', gridA, { test_daily: 10 });
    const veteran = await person('孙卫东', gridA, { veteran: 400 });
    const movedOut = await person('钱大妈', gridA, { elderly_alone: 30 }, { status: 'moved_out' });

    expect(await dueOf(workerA, both.id)).toMatchObject({ status: 'overdue', overdueDays: 3 });
    expect(await dueOf(workerA, monthly.id)).toMatchObject({ status: 'ok' });
    for (const p of [inactiveTag, veteran, movedOut]) expect(await dueOf(workerA, p.id)).toBeUndefined();
  });

  it('orders the due list by due date, most overdue first, and filters by status', async () => {
    const items = (await due(workerA, '?status=all&pageSize=100')).body.data as DueItem[];
    const times = items.map((i) => new Date(i.dueAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const overdue = (await due(workerA, '?status=overdue')).body;
    expect(overdue.data.length).toBeGreaterThanOrEqual(2);
    expect(overdue.data.every((i: DueItem) => i.status === 'overdue')).toBe(true);
    expect(overdue.page).toEqual({ page: 1, pageSize: 20, total: overdue.data.length });
    const page2 = (await due(workerA, '?status=all&pageSize=2&page=2')).body;
    expect(page2.data.map((i: DueItem) => i.personId)).toEqual(items.slice(2, 4).map((i) => i.personId));
    expect(page2.page.total).toBe(items.length);
  });

  it('recording a visit with photos clears the due item, sets the last visit and is audited', async () => {
    const p = await person('冯桂英', gridA, { elderly_alone: 9 }, { phone: '13812345678' });
    expect(await dueOf(workerA, p.id, '')).toMatchObject({ status: 'overdue' });
    const photos = [await upload(workerA), await upload(workerA)];
    const res = await record(workerA, { personId: p.id, note: '身体状况良好，已提醒按时服药', photoIds: photos });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      personId: p.id,
      personName: '冯桂英',
      visitorName: 'visit.a',
      note: '身体状况良好，已提醒按时服药',
    });
    expect(res.body.data.photos.map((f: { id: string }) => f.id)).toEqual(photos);
    expect(res.body.data.photos[0].url).toMatch(/^\/api\/files\/.+\?exp=\d+&sig=/);
    expect((await t.http().get(res.body.data.photos[0].url)).status).toBe(200);

    expect(await dueOf(workerA, p.id, '')).toBeUndefined();
    expect(await dueOf(workerA, p.id)).toMatchObject({ status: 'ok' });
    const stored = await ds.getRepository(Person).findOneByOrFail({ id: p.id });
    expect(
      Math.abs(new Date(stored.lastVisitedAt as Date).getTime() - new Date(res.body.data.visitedAt).getTime()),
    ).toBeLessThan(1000);
    for (const id of photos)
      expect((await ds.getRepository(StoredFile).findOneByOrFail({ id })).scopePath).toBe(gridA.path);

    const list = await t.http().get(`/api/admin/visits?personId=${p.id}`).set('Authorization', workerA.auth);
    expect(list.body.data.map((v: { id: string }) => v.id)).toEqual([res.body.data.id]);
    const audit = await ds.getRepository(AuditLog).findOneByOrFail({ action: 'visit.create', resourceId: p.id });
    expect(audit).toMatchObject({ actorId: workerA.id, result: 'success' });
  });

  it('never moves the last visit backwards when an older visit is entered later', async () => {
    const p = await person('蒋秀兰', gridA, { elderly_alone: 30 }, { lastVisitedDaysAgo: 1 });
    const before = (await ds.getRepository(Person).findOneByOrFail({ id: p.id })).lastVisitedAt;
    const res = await record(workerA, {
      personId: p.id,
      note: '补录三天前的走访',
      visitedAt: daysAgo(3).toISOString(),
    });
    expect(res.status).toBe(201);
    expect((await ds.getRepository(Person).findOneByOrFail({ id: p.id })).lastVisitedAt).toEqual(before);
  });

  it('refuses visit times in the future or older than 30 days, and more than 3 photos', async () => {
    const p = await person('沈玉珍', gridA, { elderly_alone: 3 });
    const future = await record(workerA, {
      personId: p.id,
      note: '未来',
      visitedAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([{ field: 'visitedAt', message: '走访时间不能晚于当前时间' }]);
    const old = await record(workerA, { personId: p.id, note: '太久', visitedAt: daysAgo(31).toISOString() });
    expect(old.body.error.details).toEqual([{ field: 'visitedAt', message: '只能补录 30 天内的走访' }]);
    const many = await record(workerA, { personId: p.id, note: '照片太多', photoIds: ['a', 'b', 'c', 'd'] });
    expect(many.status).toBe(400);
    const empty = await record(workerA, { personId: p.id, note: '  ' });
    expect(empty.status).toBe(400);
    expect(await ds.getRepository(Visit).countBy({ personId: p.id })).toBe(0);
  });

  it('refuses someone else’s photo and writes nothing', async () => {
    const p = await person('韩美华', gridA, { elderly_alone: 8 });
    const theirs = await upload(workerA2);
    const res = await record(workerA, { personId: p.id, note: '用了别人的照片', photoIds: [theirs] });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('photoIds');
    expect(await ds.getRepository(Visit).countBy({ personId: p.id })).toBe(0);
    expect((await ds.getRepository(Person).findOneByOrFail({ id: p.id })).lastVisitedAt).toBeNull();
    expect((await ds.getRepository(StoredFile).findOneByOrFail({ id: theirs })).scopePath).toBeNull();
  });

  it('keeps other grids out of reach: 404 for their persons and regions, nothing in lists', async () => {
    const west = await person('杨桂芝', gridB, { elderly_alone: 20 });
    const res = await record(workerA, { personId: west.id, note: '越界走访' });
    expect(res.status).toBe(404);
    expect(await dueOf(workerA, west.id)).toBeUndefined();
    expect((await due(workerA, `?regionId=${villageB.id}`)).status).toBe(404);
    const list = await t.http().get(`/api/admin/visits?personId=${west.id}`).set('Authorization', workerA.auth);
    expect(list.body).toEqual({ data: [], page: { page: 1, pageSize: 20, total: 0 } });
    const westWorker = await staffAs(t, { username: 'visit.b', roles: ['grid_worker'], region: gridB });
    expect((await dueOf(westWorker, west.id))?.status).toBe('overdue');
  });
});
