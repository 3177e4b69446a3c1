import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { allAuditActions, auditActionLabels, isAuditAction } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { mpLogin } from './support/mp-fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import { AuditService } from '../src/core/audit';
import { StaffUser } from '../src/modules/staff/staff-user.entity';

const backend = currentBackend();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Joi message keys share the dotted shape of audit codes (`any.required`); they are not codes. */
const JOI_KEY = /^(any|string|number|array|object|date|alternatives|boolean)\./;

describe('audit action codes written by the BFF', () => {
  it('each literal code on an audit call has a label in the shared table', () => {
    const written = new Set<string>();
    for (const file of sources(join(__dirname, '../src'))) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!/\baction\b|record\(acting,|deny\(acting,|assert\(acting,|assertTownLevel\(acting,/.test(line)) continue;
        for (const [, code] of line.matchAll(/'([a-z_0-9]+(?:\.[a-z_0-9]+)+)'/g))
          if (!JOI_KEY.test(code)) written.add(code);
      }
    }
    // The scan must see the codes of every area, or it proves nothing.
    for (const sample of ['auth.login', 'visit.create', 'registry.import', 'user.reset_password', 'house.resident.add'])
      expect(written).toContain(sample);
    expect([...written].filter((code) => !isAuditAction(code))).toEqual([]);
    expect(allAuditActions.every((code) => auditActionLabels[code].length > 0)).toBe(true);
  });
});

interface Row {
  actorId: string | null;
  actorKind: string | null;
  actorName: string | null;
  actorDisplayName: string | null;
  action: string;
  actionLabel: string;
}

describe(`audit viewer names on ${backend.name}`, () => {
  let t: TestApp;
  let auditor: StaffWithAuth;
  let resident: { id: string };
  let officer: StaffWithAuth;

  beforeAll(async () => {
    t = await startTestApp(backend);
    const town = await createRegion(t, '青山镇', 'town');
    auditor = await staffAs(t, { username: 'zhen.auditor', roles: ['auditor'], region: town });
    officer = await staffAs(t, { username: 'wang.officer', roles: ['village_admin'], region: town });
    await (await dataSourceOf(t)).getRepository(StaffUser).update({ id: officer.id }, { displayName: '王建国' });
    resident = await mpLogin(t, 'resident-li', '李秀英');
    const audit = await t.get(AuditService);
    await audit.record({
      actor: { kind: 'mp', id: resident.id, roles: ['resident'] },
      action: 'mp.phone.bind',
      resourceType: 'mp_user',
      resourceId: resident.id,
      result: 'success',
    });
    await audit.record({
      actor: { kind: 'staff', id: officer.id, roles: ['village_admin'] },
      actorName: 'wang.officer',
      action: 'visit.create',
      resourceType: 'person',
      resourceId: 'p-1',
      result: 'success',
    });
    await audit.record({
      actor: { kind: 'staff', id: officer.id, roles: ['village_admin'] },
      actorName: 'wang.officer',
      action: 'case.transfer',
      resourceType: 'case',
      resourceId: 'c-1',
      result: 'success',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = async (query: string): Promise<Row[]> => {
    const res = await t.http().get(`/api/admin/audit${query}`).set('Authorization', auditor.auth);
    expect(res.status).toBe(200);
    return res.body.data as Row[];
  };

  it('answers each record with the Chinese label of its action', async () => {
    const [visit] = await rows('?action=visit.create');
    const [transfer] = await rows('?action=case.transfer');
    expect(visit).toMatchObject({ action: 'visit.create', actionLabel: '登记走访' });
    expect(transfer).toMatchObject({ action: 'case.transfer', actionLabel: '转办工单' });
  });

  it('names staff by display name and mini-program users by nickname instead of their ids', async () => {
    const [bind] = await rows('?action=mp.phone.bind');
    expect(bind).toMatchObject({ actorKind: 'mp', actorId: resident.id, actorName: null, actorDisplayName: '李秀英' });
    const [visit] = await rows('?action=visit.create');
    expect(visit).toMatchObject({ actorName: 'wang.officer', actorDisplayName: '王建国' });
  });

  it('finds records by the names the viewer shows, as well as by username and id', async () => {
    expect((await rows(`?actor=${encodeURIComponent('李秀')}`)).map((r) => r.action)).toEqual(['mp.phone.bind']);
    // staffAs signed the officer in: that login is theirs too.
    expect((await rows(`?actor=${encodeURIComponent('王建国')}`)).map((r) => r.action).sort()).toEqual([
      'auth.login',
      'case.transfer',
      'visit.create',
    ]);
    expect(await rows('?actor=wang.off')).toHaveLength(3);
    expect(await rows(`?actor=${resident.id}`)).toHaveLength(1);
    expect(await rows(`?actor=${encodeURIComponent('%')}`)).toHaveLength(0);
  });
});
