import { randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import type { Role } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { mpLogin, MpFixture } from './support/mp-fixtures';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { Person, Visit } from '../src/modules/registry';
import { PiiCipher } from '../src/core/crypto/pii-cipher';
import { MpRoleGrant, MpUser } from '../src/modules/mp-user';
import { BindingCode } from '../src/modules/binding';
import { backfillRoleGrants } from '../src/core/db/migrations/1764100000000-MpRoleGrants';

const backend = currentBackend();

/**
 * Issue #11, security item 1: a binding code must not move a user's data scope. The first two tests
 * replay the attacks as found (a party member code redeemed by a grid worker widened their registry
 * scope to another village, and to the whole town); the others pin the rules that close them.
 */
describe(`binding codes and data scope on ${backend.name}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let town: Region;
  let xingfu: Region;
  let xingfuGrid2: Region;
  let xingfuGrid1: Region;
  let qingshan: Region;
  let qingshanGrid: Region;
  let xingfuAdmin: StaffWithAuth;
  let qingshanSecretary: StaffWithAuth;
  let townSecretary: StaffWithAuth;
  let townAdmin: StaffWithAuth;
  let own: Person;
  let neighbour: Person;
  let foreign: Person[];

  async function person(name: string, region: Region): Promise<Person> {
    const cipher = await t.get(PiiCipher);
    const p = ds.getRepository(Person).create({
      id: randomUUID(),
      regionId: region.id,
      scopePath: region.path,
      name,
      gender: 'female',
      birthDate: '1950-03-01',
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
      lastVisitedAt: null,
    });
    await ds.getRepository(Person).insert(p);
    return p;
  }

  beforeAll(async () => {
    t = await startTestApp(backend);
    ds = await dataSourceOf(t);
    town = await createRegion(t, '示范镇', 'town');
    xingfu = await createRegion(t, '幸福村', 'village', town);
    xingfuGrid1 = await createRegion(t, '幸福村第一网格', 'grid', xingfu);
    xingfuGrid2 = await createRegion(t, '幸福村第二网格', 'grid', xingfu);
    qingshan = await createRegion(t, '青山村', 'village', town);
    qingshanGrid = await createRegion(t, '青山村第一网格', 'grid', qingshan);
    own = await person('王自家', xingfuGrid2);
    neighbour = await person('李邻格', xingfuGrid1);
    foreign = [
      await person('赵青山', qingshanGrid),
      await person('钱青山', qingshan),
      await person('孙青山', qingshanGrid),
    ];
    xingfuAdmin = await staffAs(t, { username: 'scope.xingfu', roles: ['village_admin'], region: xingfu });
    qingshanSecretary = await staffAs(t, {
      username: 'scope.qs.secretary',
      roles: ['party_secretary'],
      region: qingshan,
    });
    townSecretary = await staffAs(t, { username: 'scope.town.secretary', roles: ['party_secretary'], region: town });
    townAdmin = await staffAs(t, { username: 'scope.town.admin', roles: ['town_admin'], region: town });
    // Four logins (scrypt) and two TOTP enrolments: slow on a busy machine.
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const issue = (who: { auth: string }, body: object) =>
    t.http().post('/api/admin/bindings').set('Authorization', who.auth).send(body);
  const codeFor = async (who: { auth: string }, role: string, region: Region): Promise<string> => {
    const res = await issue(who, { role, regionId: region.id });
    if (res.status !== 200)
      throw new Error(`issue ${role}@${region.name} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.code as string;
  };
  /** Redeems and swaps in the token the redemption hands out (it carries the new role). */
  const redeem = async (user: MpFixture, code: string): Promise<MpFixture> => {
    const res = await t.http().post('/api/mp/bindings/redeem').set('Authorization', user.auth).send({ code });
    if (res.status !== 200) throw new Error(`redeem failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: user.id, auth: `Bearer ${res.body.data.accessToken}`, refreshToken: res.body.data.refreshToken };
  };
  const grid = (who: { auth: string }, path: string) =>
    t.http().get(`/api/mp/grid${path}`).set('Authorization', who.auth);
  const visit = (who: { auth: string }, personId: string) =>
    t.http().post('/api/mp/grid/visits').set('Authorization', who.auth).send({ personId, note: '越界走访' });

  async function gridWorkerOf(identity: string, region: Region): Promise<MpFixture> {
    const user = await mpLogin(t, identity, '王网格');
    return redeem(user, await codeFor(xingfuAdmin, 'grid_worker', region));
  }

  it('attack 1: a party member code for 青山村 leaves a 幸福村第二网格 worker inside their grid (404, no visit)', async () => {
    let worker = await gridWorkerOf('scope-attack-1', xingfuGrid2);
    expect((await grid(worker, `/persons/${own.id}`)).status).toBe(200);
    worker = await redeem(worker, await codeFor(qingshanSecretary, 'party_member', qingshan));

    for (const p of foreign) expect((await grid(worker, `/persons/${p.id}`)).status).toBe(404);
    const list = await grid(worker, '/persons?pageSize=100');
    expect(list.body.data.map((p: { id: string }) => p.id)).toEqual([own.id]);
    const overview = (await grid(worker, '/overview')).body.data;
    expect(overview.region).toMatchObject({ id: xingfuGrid2.id });
    expect((await visit(worker, foreign[0].id)).status).toBe(404);
    expect(await ds.getRepository(Visit).countBy({ personId: foreign[0].id })).toBe(0);

    // Both grants are kept, each with its own region.
    const me = (await t.http().get('/api/mp/me').set('Authorization', worker.auth)).body.data;
    expect(me.roles).toEqual(['resident', 'grid_worker', 'party_member']);
    expect(me.region).toEqual({ id: xingfuGrid2.id, name: '幸福村第二网格' });
    expect(me.grants).toEqual([
      { role: 'grid_worker', region: { id: xingfuGrid2.id, name: '幸福村第二网格' }, registryScope: true },
      { role: 'party_member', region: { id: qingshan.id, name: '青山村' }, registryScope: false },
    ]);
  });

  it('attack 2: a town-level party code from a party secretary does not open the town to the worker', async () => {
    let worker = await gridWorkerOf('scope-attack-2', xingfuGrid2);
    worker = await redeem(worker, await codeFor(townSecretary, 'party_member', town));
    const list = await grid(worker, '/persons?pageSize=100');
    expect(list.body.page.total).toBe(1);
    expect((await grid(worker, `/persons/${neighbour.id}`)).status).toBe(404);
    expect((await grid(worker, `/persons/${foreign[1].id}`)).status).toBe(404);
    expect((await grid(worker, '/overview')).body.data.counts.persons).toBe(1);
  });

  it('the order of redemption does not matter: party first, then grid, gives the grid as scope', async () => {
    let user = await mpLogin(t, 'scope-order');
    user = await redeem(user, await codeFor(townSecretary, 'party_member', qingshan));
    // A party member alone has no desk and no scope.
    expect((await grid(user, '/overview')).status).toBe(403);
    user = await redeem(user, await codeFor(xingfuAdmin, 'grid_worker', xingfuGrid2));
    expect((await grid(user, '/persons?pageSize=100')).body.data.map((p: { id: string }) => p.id)).toEqual([own.id]);
  });

  it('a later grid worker code moves the worker to the new grid (the old one is closed to them)', async () => {
    let worker = await gridWorkerOf('scope-move', xingfuGrid2);
    worker = await redeem(worker, await codeFor(xingfuAdmin, 'grid_worker', xingfuGrid1));
    expect((await grid(worker, `/persons/${neighbour.id}`)).status).toBe(200);
    expect((await grid(worker, `/persons/${own.id}`)).status).toBe(404);
    const me = (await t.http().get('/api/mp/me').set('Authorization', worker.auth)).body.data;
    expect(me.grants).toEqual([
      { role: 'grid_worker', region: { id: xingfuGrid1.id, name: '幸福村第一网格' }, registryScope: true },
    ]);
  });

  it('issues only roles the issuer may grant (per the shared table) and only inside their scope', async () => {
    // A village admin holds the grid worker's permissions but not party affairs.
    const partyByAdmin = await issue(xingfuAdmin, { role: 'party_member', regionId: xingfu.id });
    expect([partyByAdmin.status, partyByAdmin.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    // A party secretary holds no person:read: no grid worker codes.
    const gridBySecretary = await issue(townSecretary, { role: 'grid_worker', regionId: xingfuGrid2.id });
    expect([gridBySecretary.status, gridBySecretary.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    // Inside the issuer's scope only.
    expect((await issue(xingfuAdmin, { role: 'grid_worker', regionId: qingshanGrid.id })).status).toBe(404);
    expect((await issue(qingshanSecretary, { role: 'party_member', regionId: xingfu.id })).status).toBe(404);
    // The town admin may issue both.
    expect((await issue(townAdmin, { role: 'grid_worker', regionId: qingshanGrid.id })).status).toBe(200);
    expect((await issue(townAdmin, { role: 'party_member', regionId: qingshan.id })).status).toBe(200);
  });

  it('requires a grid for a grid worker code, and no grid for a party member code (400 on regionId)', async () => {
    for (const [who, role, region] of [
      [xingfuAdmin, 'grid_worker', xingfu],
      [townAdmin, 'grid_worker', town],
      [townAdmin, 'party_member', qingshanGrid],
    ] as const) {
      const res = await issue(who, { role, regionId: region.id });
      expect([role, region.name, res.status, res.body.error?.code]).toEqual([
        role,
        region.name,
        400,
        'VALIDATION_FAILED',
      ]);
      expect(res.body.error.details).toEqual([{ field: 'regionId', message: expect.any(String) }]);
    }
  });

  it('shows a party member (no grid) to the staff of their grant region only, with no registry scope', async () => {
    const member = await redeem(
      await mpLogin(t, 'scope-party-only'),
      await codeFor(qingshanSecretary, 'party_member', qingshan),
    );
    expect((await grid(member, '/persons')).status).toBe(403);
    const resident = (who: { auth: string }) =>
      t.http().get(`/api/admin/residents/${member.id}`).set('Authorization', who.auth);
    expect((await resident(townAdmin)).status).toBe(200);
    expect((await resident(xingfuAdmin)).status).toBe(404);
    const [row] = (await ds.query('SELECT region_id, scope_path FROM mp_user WHERE id = ?', [member.id])) as {
      region_id: string | null;
      scope_path: string | null;
    }[];
    expect(row).toEqual({ region_id: null, scope_path: null });
  });

  it('migrates existing users: an attacked worker gets their grid back, party members keep their region as a grant', async () => {
    const users = ds.getRepository(MpUser);
    const legacy = async (identity: string, roles: Role[], region: Region | null): Promise<MpFixture> => {
      const user = await mpLogin(t, identity);
      await users.update({ id: user.id }, { roles, regionId: region?.id ?? null, scopePath: region?.path ?? null });
      await ds.getRepository(MpRoleGrant).delete({ userId: user.id });
      return user;
    };
    const redeemed = async (user: MpFixture, role: string, region: Region, minutesAgo: number) =>
      ds.getRepository(BindingCode).insert({
        id: randomUUID(),
        codeHash: randomUUID().replace(/-/g, ''),
        role: role as BindingCode['role'],
        regionId: region.id,
        scopePath: region.path,
        note: null,
        issuedBy: xingfuAdmin.id,
        expiresAt: new Date(Date.now() + 3600_000),
        redeemedBy: user.id,
        redeemedAt: new Date(Date.now() - minutesAgo * 60_000),
      });
    // As the bug left them: the party code (later) overwrote the grid worker's region with 青山村.
    const attacked = await legacy('legacy-attacked', ['resident', 'grid_worker', 'party_member'], qingshan);
    await redeemed(attacked, 'grid_worker', xingfuGrid2, 30);
    await redeemed(attacked, 'party_member', qingshan, 10);
    // Seeded users (no codes): a party member of a village, a grid worker of a grid, and a worker
    // whose region is not a grid (nothing trustworthy to keep: no grid, no scope).
    const member = await legacy('legacy-member', ['resident', 'party_member'], xingfu);
    const worker = await legacy('legacy-worker', ['resident', 'grid_worker'], xingfuGrid1);
    const stray = await legacy('legacy-stray', ['resident', 'grid_worker', 'party_member'], town);
    const resident = await legacy('legacy-resident', ['resident'], xingfu);

    for (let run = 0; run < 2; run += 1) {
      const q = ds.createQueryRunner();
      try {
        await backfillRoleGrants(q); // the second run proves it idempotent
      } finally {
        await q.release();
      }
    }
    const grantsOf = async (u: MpFixture) =>
      (await ds.getRepository(MpRoleGrant).find({ where: { userId: u.id }, order: { role: 'ASC' } })).map((g) => [
        g.role,
        g.regionId,
      ]);
    expect(await grantsOf(attacked)).toEqual([
      ['grid_worker', xingfuGrid2.id],
      ['party_member', qingshan.id],
    ]);
    expect(await grantsOf(member)).toEqual([['party_member', xingfu.id]]);
    expect(await grantsOf(worker)).toEqual([['grid_worker', xingfuGrid1.id]]);
    expect(await grantsOf(stray)).toEqual([['party_member', town.id]]);
    expect(await grantsOf(resident)).toEqual([]);
    const regionOf = async (u: MpFixture) => (await users.findOneByOrFail({ id: u.id })).regionId;
    expect([
      await regionOf(attacked),
      await regionOf(member),
      await regionOf(worker),
      await regionOf(stray),
      await regionOf(resident),
    ]).toEqual([xingfuGrid2.id, null, xingfuGrid1.id, null, xingfu.id]);
    // The repaired worker's desk is their grid again.
    const fresh = await mpLogin(t, 'legacy-attacked');
    expect((await grid(fresh, '/persons?pageSize=100')).body.data.map((p: { id: string }) => p.id)).toEqual([own.id]);
    expect((await grid(fresh, `/persons/${foreign[0].id}`)).status).toBe(404);
  });
});
