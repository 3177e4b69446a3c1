import { allPermissions, allRoles, rolePermissions } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion } from './support/staff-fixtures';
import { staffAs } from './support/staff-session';

const backend = currentBackend();

describe(`GET /api/admin/roles on ${backend.name}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the shared role → permission table with Chinese labels and the MFA flag', async () => {
    const town = await createRegion(t, '青山镇', 'town');
    const admin = await staffAs(t, { username: 'east.admin', roles: ['village_admin'], region: town });
    const res = await t.http().get('/api/admin/roles').set('Authorization', admin.auth);
    expect(res.status).toBe(200);
    const table = res.body.data as {
      role: string;
      label: string;
      permissions: { permission: string; label: string }[];
      mfaRequired: boolean;
    }[];
    expect(table.map((r) => r.role)).toEqual([...allRoles]);
    for (const row of table) {
      expect(row.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(row.permissions.map((p) => p.permission)).toEqual(
        rolePermissions[row.role as keyof typeof rolePermissions],
      );
      for (const p of row.permissions) {
        expect(allPermissions).toContain(p.permission);
        expect(p.label).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
    const mfa = Object.fromEntries(table.map((r) => [r.role, r.mfaRequired]));
    expect(mfa).toMatchObject({
      super_admin: true,
      auditor: true,
      town_admin: true,
      party_secretary: true,
      village_admin: false,
      grid_worker: false,
    });
  });

  it('needs role:read (a grid worker has none) and a staff token', async () => {
    const worker = await staffAs(t, { username: 'grid.worker', roles: ['grid_worker'] });
    expect((await t.http().get('/api/admin/roles').set('Authorization', worker.auth)).status).toBe(403);
    expect((await t.http().get('/api/admin/roles')).status).toBe(401);
  });
});
