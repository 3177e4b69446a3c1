import { caseDeadlines } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { staffWithToken } from './support/staff-fixtures';
import { CaseTown, setupCaseTown, submitCase } from './support/case-fixtures';
import { AuditLog } from '../src/core/audit';
import { CaseCalendarService, CaseRecord } from '../src/modules/case';

const backend = currentBackend();

/** Categories and the holiday calendar (`/api/admin/case-categories`, `/api/admin/holidays`). */
describe(`case configuration API on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  /** Holds case:manage but is bound to a village: the town-wide lists are not theirs to change. */
  let villageManager: { auth: string; id: string };

  const as = (who: { auth: string }) => ({
    get: (path: string) => t.http().get(`/api/admin${path}`).set('Authorization', who.auth),
    post: (path: string, body: object) => t.http().post(`/api/admin${path}`).set('Authorization', who.auth).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/admin${path}`).set('Authorization', who.auth).send(body),
    put: (path: string, body: object) => t.http().put(`/api/admin${path}`).set('Authorization', who.auth).send(body),
  });
  const audits = (action: string, result: 'success' | 'denied' = 'success') =>
    town.ds.getRepository(AuditLog).countBy({ action, result });
  const category = {
    code: 'manhole',
    name: '井盖缺失',
    icon: 'road',
    department: '城建办',
    slaHours: 8,
    acceptHours: 2,
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    villageManager = await staffWithToken(t, {
      username: 'cfg.village.mgr',
      roles: ['village_admin'],
      grants: ['case:manage'],
      region: town.villageA,
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  describe('categories', () => {
    it('lists every category, inactive ones too, to staff with case:read', async () => {
      const res = await as(town.staff.staffWorkerA1).get('/case-categories');
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThanOrEqual(11);
      expect(res.body.data.find((c: { code: string }) => c.code === 'road')).toEqual({
        code: 'road',
        name: '道路破损',
        icon: 'road',
        description: null,
        department: '城建办',
        slaHours: 24,
        acceptHours: 2,
        active: true,
        sortOrder: expect.any(Number),
        isPublic: true,
      });
      expect(res.body.data.find((c: { code: string }) => c.code === 'dispute')).toMatchObject({ isPublic: false });
    });

    it('refuses writers without case:manage (403) and managers below the town (403, audited)', async () => {
      const village = await as(town.staff.villageA).post('/case-categories', category);
      expect(village.status).toBe(403);
      expect(village.body.error.code).toBe('FORBIDDEN');
      expect((await as(town.staff.villageA).patch('/case-categories/road', { name: '道路' })).status).toBe(403);
      const below = await as(villageManager).post('/case-categories', category);
      expect(below.status).toBe(403);
      expect(await audits('case.category.create', 'denied')).toBe(1);
    });

    it('creates a category (201, last in order, audited) and refuses a duplicate code (409)', async () => {
      const created = await as(town.staff.town).post('/case-categories', category);
      expect(created.status).toBe(201);
      // A new category is not public on Open311 until staff switch it on (privacy by default).
      expect(created.body.data).toMatchObject({ ...category, description: null, active: true, isPublic: false });
      const list = (await as(town.staff.town).get('/case-categories')).body.data as {
        code: string;
        sortOrder: number;
      }[];
      expect(list[list.length - 1].code).toBe('manhole');
      expect(await audits('case.category.create')).toBe(1);
      const again = await as(town.staff.town).post('/case-categories', { ...category, name: '另一个' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('CONFLICT');
    });

    it.each([
      ['code', { code: 'Bad-Code' }],
      ['code', { code: 'x' }],
      ['name', { name: '名'.repeat(33) }],
      ['icon', { icon: 'rocket' }],
      ['department', { department: '部'.repeat(65) }],
      ['slaHours', { slaHours: 0 }],
      ['slaHours', { slaHours: 721 }],
      ['acceptHours', { acceptHours: 73 }],
      ['acceptHours', { slaHours: 4, acceptHours: 8 }],
    ])('refuses an invalid %s (400 with the field)', async (field, patch) => {
      const res = await as(town.staff.town).post('/case-categories', { ...category, code: 'valid_code', ...patch });
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('edits a category; deactivating keeps its existing cases and refuses new ones', async () => {
      const existing = await submitCase(t, town, { categoryCode: 'manhole' });
      const res = await as(town.staff.town).patch('/case-categories/manhole', {
        active: false,
        slaHours: 16,
        name: '井盖问题',
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        code: 'manhole',
        active: false,
        slaHours: 16,
        name: '井盖问题',
        acceptHours: 2,
      });
      expect((await as(town.staff.town).patch('/case-categories/manhole', { acceptHours: 20 })).status).toBe(400);
      expect((await as(town.staff.town).patch('/case-categories/nope', { name: 'x' })).status).toBe(404);
      const kept = await town.ds.getRepository(CaseRecord).findOneByOrFail({ id: existing.id });
      expect(kept.categoryCode).toBe('manhole');
      await expect(submitCase(t, town, { categoryCode: 'manhole' })).rejects.toMatchObject({
        code: 'CASE_CATEGORY_INVALID',
      });
      expect(await audits('case.category.update')).toBe(1);
    });
  });

  describe('holidays', () => {
    const days2027 = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'workday', name: '春节调休' },
    ];

    it('lists a year (default this year) to case:read staff', async () => {
      const res = await as(town.staff.staffWorkerA1).get('/holidays?year=2026');
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(res.body.data.every((d: { date: string }) => d.date.startsWith('2026-'))).toBe(true);
      expect((await as(town.staff.staffWorkerA1).get('/holidays')).status).toBe(200);
      expect((await as(town.staff.staffWorkerA1).get('/holidays?year=99')).status).toBe(400);
    });

    it('replaces a whole year in one go (audited) and leaves other years alone', async () => {
      const before2026 = (await as(town.staff.town).get('/holidays?year=2026')).body.data;
      const first = await as(town.staff.town).put('/holidays/2027', {
        days: [...days2027, { date: '2027-05-03', kind: 'holiday', name: '劳动节' }],
      });
      expect(first.status).toBe(200);
      expect(first.body.data).toHaveLength(3);
      const second = await as(town.staff.town).put('/holidays/2027', { days: days2027 });
      expect(second.body.data).toEqual(days2027);
      expect((await as(town.staff.town).get('/holidays?year=2027')).body.data).toEqual(days2027);
      expect((await as(town.staff.town).get('/holidays?year=2026')).body.data).toEqual(before2026);
      expect(await audits('case.holidays.update')).toBe(2);
    });

    it.each([
      ['a date of another year', [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }], 'days.0.date'],
      ['an impossible date', [{ date: '2027-02-30', kind: 'holiday', name: '无' }], 'days.0.date'],
      ['a malformed date', [{ date: '2027-1-1', kind: 'holiday', name: '元旦' }], 'days.0.date'],
      ['an unknown kind', [{ date: '2027-01-01', kind: 'vacation', name: '元旦' }], 'days.0.kind'],
      ['a long name', [{ date: '2027-01-01', kind: 'holiday', name: '节'.repeat(33) }], 'days.0.name'],
      ['a duplicate date', [days2027[0], { ...days2027[0], name: '又一个' }], 'days.1'],
    ])('refuses %s (400) and changes nothing', async (_label, days, field) => {
      const res = await as(town.staff.town).put('/holidays/2027', { days });
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field).join(' ')).toContain(field);
      expect((await as(town.staff.town).get('/holidays?year=2027')).body.data).toEqual(days2027);
    });

    it('is written only by town-level case:manage staff', async () => {
      expect((await as(town.staff.villageA).put('/holidays/2027', { days: [] })).status).toBe(403);
      expect((await as(villageManager).put('/holidays/2027', { days: [] })).status).toBe(403);
      expect((await as(town.staff.town).put('/holidays/20x7', { days: [] })).status).toBe(400);
    });

    it('moves deadlines computed afterwards: a new holiday pushes an SLA deadline back one working day', async () => {
      // Monday 2027-03-01 09:00 (Asia/Shanghai); road = 24 working hours → Thursday 10:30 without holidays.
      const monday = new Date('2027-03-01T01:00:00Z');
      const before = await submitCase(t, town, { categoryCode: 'road', now: monday });
      expect(before.dueAt?.toISOString()).toBe('2027-03-04T02:30:00.000Z');
      const put = await as(town.staff.town).put('/holidays/2027', {
        days: [...days2027, { date: '2027-03-02', kind: 'holiday', name: '测试假日' }],
      });
      expect(put.status).toBe(200);
      const after = await submitCase(t, town, { categoryCode: 'road', now: monday });
      expect(after.dueAt?.toISOString()).toBe('2027-03-05T02:30:00.000Z');
      const calendar = await (await t.get(CaseCalendarService)).calendar();
      expect(caseDeadlines(monday, 24, 2, 'normal', calendar).dueAt.toISOString()).toBe('2027-03-05T02:30:00.000Z');
    });
  });
});
