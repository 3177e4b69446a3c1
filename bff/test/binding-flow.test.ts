import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { mpLogin, MpFixture } from './support/mp-fixtures';
import { createRegion, dataSourceOf, staffWithToken } from './support/staff-fixtures';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';
import { BindingCode } from '../src/modules/binding';

const backend = currentBackend();
const CODE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/;

describe(`binding codes on ${backend.name}`, () => {
  let t: TestApp;
  let villageA: Region;
  let gridA: Region;
  let villageB: Region;
  let adminA: { id: string; auth: string };
  let adminB: { id: string; auth: string };
  let partyOnly: { id: string; auth: string };
  let bareIssuer: { id: string; auth: string };
  let gridWorker: { id: string; auth: string };

  beforeAll(async () => {
    t = await startTestApp(backend);
    const town = await createRegion(t, '示范镇', 'town');
    villageA = await createRegion(t, '幸福村', 'village', town);
    gridA = await createRegion(t, '幸福村一网格', 'grid', villageA);
    villageB = await createRegion(t, '和谐村', 'village', town);
    // A village admin who also runs party affairs: may issue both kinds of code (bindingRoleRules).
    adminA = await staffWithToken(t, {
      username: 'bind.a',
      roles: ['village_admin'],
      grants: ['party:member:manage'],
      region: villageA,
    });
    adminB = await staffWithToken(t, { username: 'bind.b', roles: ['community_admin'], region: villageB });
    // binding:issue and party affairs without the grid worker's permissions (like a party secretary).
    partyOnly = await staffWithToken(t, {
      username: 'bind.party',
      roles: [],
      grants: ['binding:issue', 'party:member:manage'],
      region: villageA,
    });
    bareIssuer = await staffWithToken(t, {
      username: 'bind.bare',
      roles: [],
      grants: ['binding:issue'],
      region: villageA,
    });
    gridWorker = await staffWithToken(t, { username: 'bind.grid', roles: ['grid_worker'], region: gridA });
  });
  afterAll(async () => {
    await t?.close();
  });

  const issue = (auth: string, body: object) =>
    t.http().post('/api/admin/bindings').set('Authorization', auth).send(body);
  const redeem = (user: MpFixture, code: string) =>
    t.http().post('/api/mp/bindings/redeem').set('Authorization', user.auth).send({ code });
  const list = (auth: string, query = '') => t.http().get(`/api/admin/bindings${query}`).set('Authorization', auth);

  it('issues a one-time 8-character code with a QR image, valid 72 hours, stored only as a keyed hash', async () => {
    const before = Date.now();
    const res = await issue(adminA.auth, { role: 'grid_worker', regionId: gridA.id, note: '王网格员' });
    expect(res.status).toBe(200);
    const { id, code, expiresAt, qrDataUrl } = res.body.data;
    expect(code).toMatch(CODE);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const ttl = Date.parse(expiresAt) - before;
    expect(ttl).toBeGreaterThan(72 * 3600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(72 * 3600_000 + 1000);
    const [row] = (await (await dataSourceOf(t)).query('SELECT * FROM binding_code WHERE id = ?', [id])) as Record<
      string,
      unknown
    >[];
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .findBy({ action: 'binding.issue', resourceId: id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: adminA.id, result: 'success' });
    expect(audit[0].detail).not.toContain(code);
  });

  it("binds only inside the issuer's scope and only roles within the issuer's permissions", async () => {
    expect((await issue(adminA.auth, { role: 'party_member', regionId: villageB.id })).status).toBe(404);
    expect((await issue(adminA.auth, { role: 'party_member', regionId: 'no-such-region' })).status).toBe(404);
    expect((await issue(adminA.auth, { role: 'town_admin', regionId: villageA.id })).status).toBe(400);
    const tooMuch = await issue(partyOnly.auth, { role: 'grid_worker', regionId: villageA.id });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body.error.code).toBe('FORBIDDEN');
    expect((await issue(partyOnly.auth, { role: 'party_member', regionId: villageA.id })).status).toBe(200);
    // binding:issue alone grants nothing: a party member code needs member files (party:member:manage).
    expect((await issue(bareIssuer.auth, { role: 'party_member', regionId: villageA.id })).status).toBe(403);
    expect((await issue(gridWorker.auth, { role: 'party_member', regionId: gridA.id })).status).toBe(403);
  });

  it('redeems: adds the role and region, answers a token pair carrying the new role', async () => {
    const { code } = (await issue(adminA.auth, { role: 'grid_worker', regionId: gridA.id })).body.data;
    const user = await mpLogin(t, 'binding-worker', '王五');
    // Typed by hand in lower case with a dash: still the same code.
    const res = await redeem(user, `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      role: 'grid_worker',
      profile: { id: user.id, roles: ['resident', 'grid_worker'], region: { id: gridA.id, name: '幸福村一网格' } },
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
    });
    const claims = JSON.parse(Buffer.from(res.body.data.accessToken.split('.')[1], 'base64url').toString());
    expect(claims.rol).toEqual(['resident', 'grid_worker']);
    const me = await t.http().get('/api/mp/me').set('Authorization', `Bearer ${res.body.data.accessToken}`);
    expect(me.body.data.roles).toEqual(['resident', 'grid_worker']);
    // The old refresh token reloads roles from the database, so it yields the new role too.
    const refreshed = await t.http().post('/api/mp/auth/refresh').send({ refreshToken: user.refreshToken });
    expect(
      JSON.parse(Buffer.from(refreshed.body.data.accessToken.split('.')[1], 'base64url').toString()).rol,
    ).toContain('grid_worker');

    // Now a resident of region A: visible to region A's staff, not to region B's.
    expect((await t.http().get(`/api/admin/residents/${user.id}`).set('Authorization', adminA.auth)).status).toBe(200);
    expect((await t.http().get(`/api/admin/residents/${user.id}`).set('Authorization', adminB.auth)).status).toBe(404);

    const audit = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .findBy({ action: 'binding.redeem', actorId: user.id });
    expect(audit.map((r) => r.result)).toEqual(['success']);
  });

  it('accepts the scanned QR text and adds a second role without dropping the first', async () => {
    const user = await mpLogin(t, 'binding-both');
    const first = (await issue(adminA.auth, { role: 'party_member', regionId: villageA.id })).body.data.code;
    const second = (await issue(adminA.auth, { role: 'grid_worker', regionId: gridA.id })).body.data.code;
    const party = (await redeem(user, `ZHILI-BIND:${first}`)).body.data;
    expect(party.profile.roles).toEqual(['resident', 'party_member']);
    expect(party.region).toEqual({ id: villageA.id, name: '幸福村' });
    const res = await redeem(user, second);
    expect(res.body.data.profile.roles).toEqual(['resident', 'party_member', 'grid_worker']);
    expect(res.body.data.profile.region.id).toBe(gridA.id);
    expect(res.body.data.region).toEqual({ id: gridA.id, name: '幸福村一网格' });
  });

  it('is single-use: a second redeemer, even concurrently, gets 400 BINDING_CODE_INVALID', async () => {
    const { code } = (await issue(adminA.auth, { role: 'party_member', regionId: villageA.id })).body.data;
    const users = await Promise.all(['race-1', 'race-2', 'race-3'].map((id) => mpLogin(t, id)));
    const results = await Promise.all(users.map((u) => redeem(u, code)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    for (const r of results.filter((x) => x.status === 400)) {
      expect(r.body.error).toEqual({ code: 'BINDING_CODE_INVALID', message: '绑定码无效、已使用或已过期' });
    }
    const winner = users[results.findIndex((r) => r.status === 200)];
    const row = await (await dataSourceOf(t)).getRepository(BindingCode).findOneByOrFail({ redeemedBy: winner.id });
    expect(row.redeemedAt).not.toBeNull();
  });

  it('refuses an expired code and lists it as expired', async () => {
    const { id, code } = (await issue(adminA.auth, { role: 'party_member', regionId: villageA.id })).body.data;
    await (await dataSourceOf(t)).getRepository(BindingCode).update({ id }, { expiresAt: new Date(Date.now() - 1000) });
    const user = await mpLogin(t, 'binding-late');
    const res = await redeem(user, code);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BINDING_CODE_INVALID');
    expect((await t.http().get('/api/mp/me').set('Authorization', user.auth)).body.data.roles).toEqual(['resident']);
    const expired = await list(adminA.auth, '?status=expired&pageSize=100');
    expect(expired.body.data.map((b: { id: string }) => b.id)).toContain(id);
  });

  it('lists codes within scope, newest first, with status and paging', async () => {
    const own = await list(adminA.auth, '?page=1&pageSize=100');
    expect(own.status).toBe(200);
    expect(own.body.page).toMatchObject({ page: 1, pageSize: 100 });
    expect(own.body.page.total).toBe(own.body.data.length);
    const statuses = new Set(own.body.data.map((b: { status: string }) => b.status));
    expect([...statuses].sort()).toEqual(['expired', 'pending', 'redeemed']);
    expect(own.body.data[0]).toMatchObject({
      role: expect.any(String),
      regionName: expect.any(String),
      issuedBy: expect.any(String),
    });
    expect(own.body.data[0]).not.toHaveProperty('code');
    const times = own.body.data.map((b: { createdAt: string }) => Date.parse(b.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const redeemed = await list(adminA.auth, '?status=redeemed&pageSize=100');
    expect(
      redeemed.body.data.every(
        (b: { status: string; redeemedBy: string | null }) => b.status === 'redeemed' && b.redeemedBy,
      ),
    ).toBe(true);
    const paged = await list(adminA.auth, '?page=2&pageSize=2');
    expect(paged.body.data).toHaveLength(2);
    expect(paged.body.data[0].id).toBe(own.body.data[2].id);
    // Region B's admin sees none of region A's codes; the grid worker may not list at all.
    expect((await list(adminB.auth)).body.data).toEqual([]);
    expect((await list(gridWorker.auth)).status).toBe(403);
    expect((await list(adminA.auth, '?status=bogus')).status).toBe(400);
  });

  it('limits redeem attempts to 10 an hour per user, so codes cannot be guessed', async () => {
    const { code } = (await issue(adminA.auth, { role: 'party_member', regionId: villageA.id })).body.data;
    const guesser = await mpLogin(t, 'binding-guesser');
    for (let i = 0; i < 10; i += 1) {
      const res = await redeem(guesser, `ZZZZZZZ${'23456789AB'[i]}`);
      expect(res.status).toBe(400);
    }
    const limited = await redeem(guesser, code);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    // The code was not consumed by the refused attempt.
    expect((await redeem(await mpLogin(t, 'binding-honest'), code)).status).toBe(200);
    const failures = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .findBy({ action: 'binding.redeem', actorId: guesser.id, result: 'failure' });
    expect(failures).toHaveLength(10);
  });

  it('keeps each front door to its own tokens', async () => {
    const user = await mpLogin(t, 'binding-door');
    expect((await issue(user.auth, { role: 'party_member', regionId: villageA.id })).status).toBe(403);
    expect(
      (await t.http().post('/api/mp/bindings/redeem').set('Authorization', adminA.auth).send({ code: 'AAAAAAAA' }))
        .status,
    ).toBe(403);
  });
});
