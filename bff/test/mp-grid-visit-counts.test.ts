import { randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { mpLogin, MpFixture } from './support/mp-fixtures';
import { createRegion, dataSourceOf, staffWithToken } from './support/staff-fixtures';
import type { Region } from '../src/modules/region';
import { Person, PersonTag } from '../src/modules/registry';
import { PiiCipher } from '../src/core/crypto/pii-cipher';

const backend = currentBackend();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** elderly_alone asks for a visit every 7 days; "upcoming" looks 2 days ahead (shared computeVisitDue). */
const ago = (ms: number) => new Date(Date.now() - ms);

/**
 * The grid workbench once said "0 项待走访" under a card saying "即将到期 2": the page added up
 * overdue + due itself while the 走访待办 list holds everything pending. The BFF now sends the total
 * with the per-status counts from one computation; it must equal the list's length.
 */
describe(`mini-program grid overview visit counts on ${backend.name}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let grid: Region;
  let worker: MpFixture;
  let upcomingPerson: Person;

  async function careFor(name: string, taggedAgo: number, lastVisitedAt: Date | null = null): Promise<Person> {
    const cipher = await t.get(PiiCipher);
    const p = ds.getRepository(Person).create({
      id: randomUUID(),
      regionId: grid.id,
      scopePath: grid.path,
      name,
      gender: 'female',
      birthDate: '1940-01-01',
      idNumber: cipher.seal(null),
      phone: cipher.seal(null),
      hukouType: 'local',
      hukouAddress: null,
      address: null,
      origin: null,
      arrivalDate: null,
      permitStatus: null,
      permitExpiry: null,
      householdId: null,
      relationToHead: null,
      status: 'active',
      note: null,
      lastVisitedAt,
    });
    await ds.getRepository(Person).insert(p);
    await ds
      .getRepository(PersonTag)
      .insert({ personId: p.id, tagCode: 'elderly_alone', scopePath: grid.path, taggedAt: ago(taggedAgo) });
    return p;
  }

  beforeAll(async () => {
    t = await startTestApp(backend);
    ds = await dataSourceOf(t);
    const town = await createRegion(t, '青山镇', 'town');
    const village = await createRegion(t, '幸福村', 'village', town);
    grid = await createRegion(t, '幸福村二网格', 'grid', village);
    // The worker gets the role the way a real one does: a code issued by the village, redeemed in the app.
    const admin = await staffWithToken(t, { username: 'counts.admin', roles: ['village_admin'], region: village });
    const issued = await t
      .http()
      .post('/api/admin/bindings')
      .set('Authorization', admin.auth)
      .send({ role: 'grid_worker', regionId: grid.id });
    expect(issued.status).toBe(200);
    const user = await mpLogin(t, 'counts-worker', '李网格');
    const redeemed = await t
      .http()
      .post('/api/mp/bindings/redeem')
      .set('Authorization', user.auth)
      .send({ code: issued.body.data.code });
    expect(redeemed.status).toBe(200);
    worker = { ...user, auth: `Bearer ${redeemed.body.data.accessToken}` };
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string) => t.http().get(`/api/mp/grid${path}`).set('Authorization', worker.auth);

  async function countsAndList(): Promise<{ counts: Record<string, number>; listTotal: number }> {
    const overview = await get('/overview');
    expect(overview.status).toBe(200);
    const list = await get('/visits/due?pageSize=50');
    expect(list.status).toBe(200);
    return { counts: overview.body.data.visitsDue, listTotal: list.body.page.total };
  }

  it('counts two upcoming visits as 2 to visit — the case that showed 0 — and matches the list', async () => {
    upcomingPerson = await careFor('即将一', 6 * DAY); // due in 1 day
    await careFor('即将二', 5.5 * DAY); // due in 1.5 days
    await careFor('尚早', 1 * DAY); // due in 6 days: not pending, on no list
    const { counts, listTotal } = await countsAndList();
    expect(counts).toEqual({ overdue: 0, due: 0, upcoming: 2, total: 2 });
    expect(listTotal).toBe(2);
  });

  it('adds overdue and due-today persons to the same total the list shows', async () => {
    await careFor('逾期', 10 * DAY); // due 3 days ago
    await careFor('今日', 7 * DAY + 2 * HOUR); // due 2 hours ago
    await careFor('已访', 30 * DAY, ago(2 * DAY)); // visited 2 days ago: next visit in 5 days
    const { counts, listTotal } = await countsAndList();
    expect(counts).toEqual({ overdue: 1, due: 1, upcoming: 2, total: 4 });
    expect(listTotal).toBe(counts.total);
  });

  it('drops a person from both the total and the list once visited', async () => {
    const res = await t
      .http()
      .post('/api/mp/grid/visits')
      .set('Authorization', worker.auth)
      .send({ personId: upcomingPerson.id, note: '提前走访，老人一切安好' });
    expect(res.status).toBe(201);
    const { counts, listTotal } = await countsAndList();
    expect(counts).toEqual({ overdue: 1, due: 1, upcoming: 1, total: 3 });
    expect(listTotal).toBe(3);
  });
});
