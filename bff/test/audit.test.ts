import { TypeORMDataSourceManager } from '@midwayjs/typeorm';
import type { DataSource } from 'typeorm';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { AuditLog, AuditService } from '../src/core/audit';

const backend = currentBackend();

describe(`audit log on ${backend.name}`, () => {
  let t: TestApp;
  let audit: AuditService;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await startTestApp(backend);
    audit = await t.get(AuditService);
    dataSource = (await t.get(TypeORMDataSourceManager)).getDataSource('default');
  });
  afterAll(async () => {
    await t?.close();
  });

  const actor = { kind: 'staff' as const, id: 'u-1', roles: ['town_admin' as const] };

  it('chains records and verifies an untouched log', async () => {
    for (let i = 0; i < 5; i += 1) {
      await audit.record({
        actor,
        actorName: 'town.admin',
        action: 'user.update',
        resourceType: 'staff_user',
        resourceId: `id-${i}`,
        result: 'success',
        detail: { field: i },
      });
    }
    const rows = await dataSource.getRepository(AuditLog).find({ order: { seq: 'ASC' } });
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(await audit.verify()).toBeNull();
  });

  it('keeps concurrent appends on one chain', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        audit.record({ actor, action: 'auth.login', result: 'success', detail: { i } }),
      ),
    );
    expect(await audit.verify()).toBeNull();
  });

  it('never stores secrets even when a caller passes them', async () => {
    await audit.record({
      actor,
      action: 'user.reset_password',
      result: 'success',
      detail: { password: 'Hunter2-Hunter2', username: 'x' },
    });
    const last = await dataSource.getRepository(AuditLog).find({ order: { seq: 'DESC' }, take: 1 });
    expect(last[0].detail).toContain('[redacted]');
    expect(last[0].detail).not.toContain('Hunter2');
  });

  it('refuses UPDATE and DELETE at the database level', async () => {
    await expect(dataSource.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('names the first edited record when someone with DBA rights tampers with a row', async () => {
    const rows = await dataSource.getRepository(AuditLog).find({ order: { seq: 'ASC' } });
    const victim = rows[2];
    // A privileged insider can drop the trigger; the hash chain still gives them away.
    await dataSource.query('DROP TRIGGER audit_log_no_update');
    await dataSource.query(`UPDATE audit_log SET result = 'failure' WHERE seq = ?`, [victim.seq]);
    expect(await audit.verify()).toEqual({ seq: victim.seq, reason: 'content' });
  });

  it('detects a deleted record as a broken link', async () => {
    // Restore the edited row first so only the deletion is wrong.
    const rows = await dataSource.getRepository(AuditLog).find({ order: { seq: 'ASC' } });
    await dataSource.query(`UPDATE audit_log SET result = 'success' WHERE seq = ?`, [rows[2].seq]);
    expect(await audit.verify()).toBeNull();
    await dataSource.query('DROP TRIGGER audit_log_no_delete');
    await dataSource.query('DELETE FROM audit_log WHERE seq = ?', [rows[4].seq]);
    expect(await audit.verify()).toEqual({ seq: rows[5].seq, reason: 'link' });
  });
});
