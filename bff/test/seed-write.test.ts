import { IsNull, Like } from 'typeorm';
import { PiiCipher } from '../src/core/crypto/pii-cipher';
import { seed } from '../src/cli/seed';
import { MpUser } from '../src/modules/mp-user/mp-user.entity';
import { Region } from '../src/modules/region/region.entity';
import { Household, Person, PersonTag, Visit } from '../src/modules/registry/entities';
import { CaseEvent, CaseRecord } from '../src/modules/case/entities';
import { verifyPassword } from '../src/modules/staff/password';
import { StaffUser } from '../src/modules/staff/staff-user.entity';
import { generateTown } from '../src/seed/generate';
import type { TownModel } from '../src/seed/model';
import { currentBackend } from './support/backends';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs } from './support/staff-session';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The small demo town written into a real BFF database: counts match the generated model, numbers
 * are sealed, a pre-#4 demo town is adopted, a second run changes nothing, the demo grid worker
 * lands in 幸福村第一网格, and the registry API sees the seeded people under the right scope.
 */

const TODAY = '2025-11-20';
const MP_USERS = [
  { openid: 'o_seed_wangwu', nickname: '王五', roles: ['resident', 'grid_worker'] as const },
  { openid: 'o_seed_lisi', nickname: '李四', roles: ['resident', 'party_member'] as const },
];

describe('seed of the small demo town', () => {
  let t: TestApp;
  let model: TownModel;
  let legacyVillage: Region;
  let seconds: number;
  let staffPassword: string | undefined;
  let casesCreated: number;

  beforeAll(async () => {
    t = await startTestApp(currentBackend());
    // A database from before #4: the tiny demo town the old seed made.
    const legacyTown = await createRegion(t, '示范镇', 'town');
    legacyVillage = await createRegion(t, '幸福村', 'village', legacyTown);
    await createRegion(t, '幸福村第一网格', 'grid', legacyVillage);
    model = generateTown({ size: 'small', today: TODAY });
    const started = Date.now();
    const result = await seed(await dataSourceOf(t), {
      size: 'small',
      cipher: await t.get(PiiCipher),
      today: TODAY,
      mpUsers: MP_USERS.map((u) => ({ ...u, roles: [...u.roles] })),
    });
    seconds = (Date.now() - started) / 1000;
    staffPassword = result.town.staffPassword;
    casesCreated = result.casesCreated;
    expect(result.town.created).toBe(true);
  }, 120_000);
  afterAll(() => t?.close());

  it('writes as many records as the generator made, within seconds', async () => {
    const ds = await dataSourceOf(t);
    const town = await ds.getRepository(Region).findOneByOrFail({ code: '330110118000' });
    const under = { scopePath: Like(`${town.path}%`) };
    expect(await ds.getRepository(Region).countBy({ path: Like(`${town.path}%`) })).toBe(model.regions.length);
    expect(await ds.getRepository(Person).countBy(under)).toBe(model.persons.length);
    expect(await ds.getRepository(Household).countBy(under)).toBe(model.households.length);
    expect(await ds.getRepository(PersonTag).countBy(under)).toBe(model.personTags.length);
    expect(await ds.getRepository(Visit).countBy(under)).toBe(model.visits.length);
    // Target < 5 s; the bound leaves room for a busy shared CI machine.
    expect(seconds).toBeLessThan(20);
  });

  it('adopts the pre-#4 town and village under their ids instead of adding a second town', async () => {
    const ds = await dataSourceOf(t);
    const roots = await ds.getRepository(Region).findBy({ parentId: IsNull() });
    expect(roots).toHaveLength(1);
    const village = await ds.getRepository(Region).findOneByOrFail({ id: legacyVillage.id });
    expect(village).toMatchObject({ code: '330110118201', name: '幸福村' });
    expect(JSON.parse(village.boundary ?? 'null')).toMatchObject({ type: 'Polygon' });
  });

  it('stores ID numbers and phones sealed, with the keyed hash for exact search', async () => {
    const ds = await dataSourceOf(t);
    const cipher = await t.get(PiiCipher);
    const sample = model.persons[7];
    const row = await ds.getRepository(Person).findOneByOrFail({ id: sample.id });
    expect(row.idNumber.cipher).not.toContain(sample.idNumber);
    expect(cipher.open(row.idNumber)).toBe(sample.idNumber);
    expect(row.idNumber.hash).toBe(cipher.hash(sample.idNumber));
  });

  it('creates staff for every level sharing one demo password that must be changed', async () => {
    const ds = await dataSourceOf(t);
    const staff = await ds.getRepository(StaffUser).findBy({ username: Like('%.%') });
    const generated = staff.filter((s) => model.staff.some((m) => m.username === s.username));
    expect(generated).toHaveLength(model.staff.length);
    expect(generated.every((s) => s.mustChangePassword)).toBe(true);
    expect(staffPassword).toBeDefined();
    expect(await verifyPassword(staffPassword as string, generated[0].passwordHash)).toBe(true);
    const worker = generated.find((s) => s.username === 'cun201.wg01');
    const grid = await ds.getRepository(Region).findOneByOrFail({ id: worker?.regionId as string });
    expect(grid.name).toBe('幸福村第一网格');
  });

  it('binds the demo grid worker 王五 to 幸福村第一网格 and the party member 李四 to 幸福村', async () => {
    const ds = await dataSourceOf(t);
    const wangwu = await ds.getRepository(MpUser).findOneByOrFail({ openid: 'o_seed_wangwu' });
    const lisi = await ds.getRepository(MpUser).findOneByOrFail({ openid: 'o_seed_lisi' });
    const grid = await ds.getRepository(Region).findOneByOrFail({ id: wangwu.regionId as string });
    expect(grid).toMatchObject({ name: '幸福村第一网格', parentId: legacyVillage.id });
    expect(lisi).toMatchObject({ regionId: legacyVillage.id, roles: ['resident', 'party_member'] });
  });

  it('shows a village admin exactly the seeded persons of a tag in their village', async () => {
    const ds = await dataSourceOf(t);
    const village = await ds.getRepository(Region).findOneByOrFail({ id: legacyVillage.id });
    const admin = await staffAs(t, { username: 'seedtest.village', roles: ['village_admin'], region: village });
    const modelVillage = model.regions.find((r) => r.name === '幸福村');
    const gridIds = new Set(model.regions.filter((r) => r.parentId === modelVillage?.id).map((r) => r.id));
    const persons = new Set(model.persons.filter((p) => gridIds.has(p.regionId)).map((p) => p.id));
    const floating = model.personTags.filter((pt) => pt.tagCode === 'floating' && persons.has(pt.personId)).length;
    const all = await t
      .http()
      .get(`/api/admin/persons?regionId=${village.id}&pageSize=1`)
      .set('Authorization', admin.auth);
    expect(all.status).toBe(200);
    expect(all.body.page.total).toBe(persons.size);
    const tagged = await t
      .http()
      .get(`/api/admin/persons?regionId=${village.id}&tag=floating&pageSize=100`)
      .set('Authorization', admin.auth);
    expect(tagged.body.page.total).toBe(floating);
    // Another village's people are out of this admin's scope.
    const other = await ds.getRepository(Region).findOneByOrFail({ code: '330110118202' });
    const denied = await t.http().get(`/api/admin/persons?regionId=${other.id}`).set('Authorization', admin.auth);
    expect(denied.status).toBe(404);
  });

  it('adds sample cases whose timelines walk the transition table, visible in the staff console', async () => {
    const ds = await dataSourceOf(t);
    expect(casesCreated).toBe(80);
    const cases = await ds.getRepository(CaseRecord).find();
    const events = await ds.getRepository(CaseEvent).find({ order: { seq: 'ASC' } });
    expect(new Set(cases.map((c) => c.no)).size).toBe(cases.length);
    for (const record of cases) {
      const timeline = events.filter((e) => e.caseId === record.id);
      expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, k) => k + 1));
      expect(timeline[0]).toMatchObject({ type: 'created', toStatus: 'submitted' });
      // Each step starts where the previous ended, and the last one is where the case stands.
      for (let k = 1; k < timeline.length; k += 1) expect(timeline[k].fromStatus).toBe(timeline[k - 1].toStatus);
      expect(timeline[timeline.length - 1].toStatus).toBe(record.status);
      expect(record.eventCount).toBe(timeline.length);
      expect(record.dueAt && record.dueAt > record.createdAt).toBe(true);
      if (record.status === 'closed')
        expect(record).toMatchObject({ outcome: 'fixed', resolution: expect.any(String) });
    }
    // Open and finished work both appear, closed being the majority as in a working town.
    const statuses = new Set(cases.map((c) => c.status));
    for (const s of ['submitted', 'dispatched', 'processing', 'resolved', 'closed', 'rejected'])
      expect(statuses).toContain(s);
    const town = await ds.getRepository(Region).findOneByOrFail({ code: '330110118000' });
    const admin = await staffAs(t, { username: 'seedtest.cases', roles: ['town_admin'], region: town });
    const list = await t.http().get('/api/admin/cases?pageSize=5').set('Authorization', admin.auth);
    expect(list.status).toBe(200);
    expect(list.body.page.total).toBe(80);
  });

  it('leaves everything alone when run again', async () => {
    const ds = await dataSourceOf(t);
    const before = await ds.getRepository(Person).count();
    const again = await seed(ds, { size: 'small', cipher: await t.get(PiiCipher), today: TODAY });
    expect(again.town.created).toBe(false);
    expect(again.adminCreated).toBe(false);
    expect(await ds.getRepository(Person).count()).toBe(before);
    expect(again.casesCreated).toBe(0);
    expect(await ds.getRepository(CaseRecord).count()).toBe(80);
  });
});
