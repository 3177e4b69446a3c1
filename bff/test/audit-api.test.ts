import { MidwayWebRouterService } from '@midwayjs/core';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import { AuditService } from '../src/core/audit';

const backend = currentBackend();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Row {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRoles: string[];
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  result: string;
  detail: unknown;
}

describe(`audit viewer API on ${backend.name}`, () => {
  let t: TestApp;
  let auditor: StaffWithAuth;
  let between: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    const town = await createRegion(t, '青山镇', 'town');
    auditor = await staffAs(t, { username: 'the.auditor', roles: ['auditor'], region: town });
    const audit = await t.get(AuditService);
    const alice = { kind: 'staff' as const, id: 'id-alice', roles: ['village_admin' as const] };
    const bob = { kind: 'staff' as const, id: 'id-bob', roles: ['grid_worker' as const] };
    await audit.record({
      actor: alice,
      actorName: 'alice.admin',
      action: 'user.create',
      resourceType: 'staff_user',
      resourceId: 'u-1',
      result: 'success',
      detail: { roles: ['grid_worker'] },
    });
    await audit.record({
      actor: alice,
      actorName: 'alice.admin',
      action: 'user.update',
      resourceType: 'staff_user',
      resourceId: 'u-1',
      result: 'denied',
      detail: { reason: 'x' },
    });
    await sleep(20);
    between = new Date().toISOString();
    await sleep(20);
    await audit.record({
      actor: bob,
      actorName: 'bob.worker',
      action: 'region.create',
      resourceType: 'region',
      resourceId: 'r-1',
      result: 'success',
    });
    await audit.record({ actor: null, action: 'auth.login', result: 'failure', detail: { username: 'ghost' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, who: { auth: string } = auditor) => t.http().get(url).set('Authorization', who.auth);
  const rows = async (query: string): Promise<Row[]> => {
    const res = await get(`/api/admin/audit${query}`);
    expect(res.status).toBe(200);
    return res.body.data as Row[];
  };

  it('lists newest first with a page envelope, roles as a list and the detail parsed', async () => {
    const res = await get('/api/admin/audit?pageSize=2');
    expect(res.status).toBe(200);
    expect(res.body.page).toMatchObject({ page: 1, pageSize: 2 });
    expect(res.body.page.total).toBeGreaterThanOrEqual(4);
    const [first, second] = res.body.data as Row[];
    expect(first.seq).toBeGreaterThan(second.seq);
    const all = await rows('?pageSize=200');
    const create = all.find((r) => r.action === 'user.create' && r.actorId === 'id-alice');
    expect(create).toMatchObject({
      actorName: 'alice.admin',
      actorRoles: ['village_admin'],
      detail: { roles: ['grid_worker'] },
    });
    expect(create).toHaveProperty('hash');
    expect(create).toHaveProperty('prevHash');
  });

  it.each([
    ['actor id', '?actor=id-alice', 2],
    ['actor name prefix', '?actor=bob', 1],
    ['exact action', '?action=user.update', 1],
    ['action prefix', '?action=user.', 2],
    ['resource type', '?resourceType=region', 1],
    ['resource id', '?resourceType=staff_user&resourceId=u-1', 2],
    ['result', '?result=denied&actor=id-alice', 1],
  ])('filters by %s', async (_label, query, count) => {
    expect(await rows(query)).toHaveLength(count);
  });

  it('filters by time', async () => {
    const later = await rows(`?from=${encodeURIComponent(between)}&resourceType=region`);
    expect(later.map((r) => r.actorId)).toEqual(['id-bob']);
    const earlier = await rows(`?to=${encodeURIComponent(between)}&resourceType=staff_user&resourceId=u-1`);
    expect((await rows(`?from=${encodeURIComponent(between)}&resourceId=u-1`)).length).toBe(0);
    expect(earlier.map((r) => r.actorId)).toEqual(['id-alice', 'id-alice']);
    expect((await get('/api/admin/audit?from=yesterday')).status).toBe(400);
  });

  it('is for holders of audit:read only — not even the super admin', async () => {
    const superAdmin = await staffAs(t, { username: 'root.admin', roles: ['super_admin'] });
    const villageAdmin = await staffAs(t, { username: 'east.admin', roles: ['village_admin'] });
    for (const who of [superAdmin, villageAdmin]) {
      expect((await get('/api/admin/audit', who)).status).toBe(403);
      expect((await get('/api/admin/audit/verify', who)).status).toBe(403);
    }
  });

  it('verifies the chain, audits the check, and rate-limits it', async () => {
    const res = await get('/api/admin/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body.data.broken).toBeNull();
    expect(res.body.data.records).toBeGreaterThanOrEqual(4);
    const [latest] = await rows('?action=audit.verify');
    expect(latest).toMatchObject({ actorId: auditor.id, actorName: 'the.auditor', result: 'success' });
    let last = res;
    for (let i = 0; i < 5 && last.status === 200; i += 1) last = await get('/api/admin/audit/verify');
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe('RATE_LIMITED');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('has no route that changes or deletes audit records', async () => {
    const routes = await (await t.get(MidwayWebRouterService)).getFlattenRouterTable();
    const auditRoutes = routes.filter((r) => String(r.fullUrl ?? r.url).includes('audit'));
    expect(auditRoutes.length).toBeGreaterThan(0);
    expect(auditRoutes.map((r) => r.requestMethod.toUpperCase()).filter((m) => m !== 'GET')).toEqual([]);
    const [record] = await rows('?pageSize=1');
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      for (const url of ['/api/admin/audit', `/api/admin/audit/${record.seq}`, '/api/admin/audit/verify']) {
        const res = await t.http()[method](url).set('Authorization', auditor.auth).send({ result: 'success' });
        expect([404, 405]).toContain(res.status);
      }
    }
  });

  it('reports the first tampered record', async () => {
    const db = await dataSourceOf(t);
    const [victim] = await rows('?action=region.create');
    // A DBA can drop the trigger; the hash chain still gives the edit away.
    await db.query('DROP TRIGGER audit_log_no_update');
    await db.query(`UPDATE audit_log SET result = 'failure' WHERE seq = ?`, [victim.seq]);
    const other = await staffAs(t, { username: 'second.auditor', roles: ['auditor'] });
    const res = await get('/api/admin/audit/verify', other);
    expect(res.body.data.broken).toEqual({ seq: victim.seq, reason: 'content' });
    const [check] = await rows('?action=audit.verify&actor=second.auditor');
    expect(check.result).toBe('failure');
  });
});
