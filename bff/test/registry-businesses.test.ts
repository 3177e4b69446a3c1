import { creditCodeCheckChar } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';
import { Business } from '../src/modules/registry';

const backend = currentBackend();

/** A well-formed credit code with a correct check character (organisation part `seq`). */
const uscc = (seq: string): string => {
  const first17 = `91330102MA${seq.padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

describe(`registry businesses API on ${backend.name}`, () => {
  let t: TestApp;
  let town: Region;
  let east: Region;
  let eastGrid: Region;
  let west: Region;
  let eastAdmin: StaffWithAuth;
  let westAdmin: StaffWithAuth;
  let eastWorker: StaffWithAuth;
  let piiReader: StaffWithAuth;

  beforeAll(async () => {
    t = await startTestApp(backend);
    town = await createRegion(t, '青山镇', 'town');
    east = await createRegion(t, '东村', 'village', town);
    eastGrid = await createRegion(t, '东村一网格', 'grid', east);
    west = await createRegion(t, '西村', 'village', town);
    eastAdmin = await staffAs(t, { username: 'east.admin', roles: ['village_admin'], region: east });
    westAdmin = await staffAs(t, { username: 'west.admin', roles: ['village_admin'], region: west });
    eastWorker = await staffAs(t, { username: 'east.worker', roles: ['grid_worker'], region: east });
    piiReader = await staffAs(t, {
      username: 'east.pii',
      roles: ['village_admin'],
      grants: ['person:pii:read'],
      region: east,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (who: { auth: string }, path: string) => t.http().get(`/api/admin${path}`).set('Authorization', who.auth);
  const post = (who: { auth: string }, body: object) =>
    t.http().post('/api/admin/businesses').set('Authorization', who.auth).send(body);
  const patch = (who: { auth: string }, id: string, body: object) =>
    t.http().patch(`/api/admin/businesses/${id}`).set('Authorization', who.auth).send(body);
  const del = (who: { auth: string }, id: string) =>
    t.http().delete(`/api/admin/businesses/${id}`).set('Authorization', who.auth);

  const restaurant = () => ({
    name: '东村好味餐馆',
    creditCode: uscc('1').toLowerCase(),
    legalRepresentative: '王五',
    contactPhone: '+86 138-1234-5678',
    address: '东村 18 号',
    type: 'catering',
    regionId: eastGrid.id,
    location: [120.1, 30.2],
  });

  async function audits(action: string): Promise<AuditLog[]> {
    return (await dataSourceOf(t)).getRepository(AuditLog).find({ where: { action }, order: { seq: 'DESC' } });
  }

  let restaurantId: string;

  it('registers a business: code upper-cased, phone masked in the view and encrypted at rest, audited', async () => {
    const res = await post(eastAdmin, restaurant());
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({
      id: expect.any(String),
      name: '东村好味餐馆',
      creditCode: uscc('1'),
      legalRepresentative: '王五',
      contactPhone: '138****5678',
      address: '东村 18 号',
      type: 'catering',
      status: 'open',
      regionId: eastGrid.id,
      regionName: '东村一网格',
      location: [120.1, 30.2],
    });
    restaurantId = res.body.data.id;
    const stored = await (await dataSourceOf(t)).getRepository(Business).findOneByOrFail({ id: restaurantId });
    expect(stored.contactPhone.cipher).toBeTruthy();
    expect(stored.contactPhone.cipher).not.toContain('13812345678');
    const [audit] = await audits('business.create');
    expect(audit).toMatchObject({
      actorId: eastAdmin.id,
      resourceType: 'business',
      resourceId: restaurantId,
      result: 'success',
    });
  });

  it('refuses a malformed credit code with a Chinese field message', async () => {
    const res = await post(eastAdmin, { ...restaurant(), creditCode: '91330102MA2H0000I1' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([
      { field: 'creditCode', message: '统一社会信用代码格式不正确（18 位数字或大写字母）' },
    ]);
    const short = await post(eastAdmin, { ...restaurant(), creditCode: '12345' });
    expect(short.body.error.details[0].field).toBe('creditCode');
  });

  it('refuses a bad contact phone and an unknown type', async () => {
    const phone = await post(eastAdmin, { ...restaurant(), creditCode: uscc('2'), contactPhone: '12345' });
    expect(phone.status).toBe(400);
    expect(phone.body.error.details).toEqual([{ field: 'contactPhone', message: '联系电话应为 11 位手机号' }]);
    expect((await post(eastAdmin, { ...restaurant(), creditCode: uscc('2'), type: 'casino' })).status).toBe(400);
  });

  it('answers 409 BUSINESS_DUPLICATE for a code already registered, also in another village', async () => {
    const res = await post(eastAdmin, { ...restaurant(), name: '另一家' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('BUSINESS_DUPLICATE');
    const elsewhere = await post(westAdmin, { ...restaurant(), regionId: west.id });
    expect(elsewhere.status).toBe(409);
    const other = await post(eastAdmin, {
      ...restaurant(),
      name: '东村小卖部',
      creditCode: uscc('3'),
      type: 'retail',
      contactPhone: null,
    });
    expect(other.status).toBe(201);
    expect(other.body.data.contactPhone).toBeNull();
    const clash = await patch(eastAdmin, other.body.data.id, { creditCode: uscc('1') });
    expect(clash.status).toBe(409);
  });

  it('lists with filters and pagination', async () => {
    await post(westAdmin, {
      ...restaurant(),
      name: '西村农家乐',
      creditCode: uscc('4'),
      regionId: west.id,
      type: 'lodging',
    });
    const mine = await get(eastAdmin, '/businesses');
    expect(mine.body.page).toEqual({ page: 1, pageSize: 20, total: 2 });
    expect(mine.body.data.map((b: { name: string }) => b.name)).toEqual(['东村好味餐馆', '东村小卖部']);
    expect((await get(eastAdmin, '/businesses?type=retail')).body.data.map((b: { name: string }) => b.name)).toEqual([
      '东村小卖部',
    ]);
    expect((await get(eastAdmin, `/businesses?q=${encodeURIComponent('餐馆')}`)).body.page.total).toBe(1);
    expect((await get(eastAdmin, `/businesses?regionId=${eastGrid.id}`)).body.page.total).toBe(2);
    expect((await get(eastAdmin, '/businesses?status=closed')).body.page.total).toBe(0);
    expect((await get(eastAdmin, `/businesses?regionId=${west.id}`)).status).toBe(404);
    const paged = await get(eastAdmin, '/businesses?page=2&pageSize=1');
    expect(paged.body.data.map((b: { name: string }) => b.name)).toEqual(['东村小卖部']);
  });

  it('updates fields, re-seals the phone, and audits', async () => {
    const res = await patch(eastAdmin, restaurantId, {
      status: 'suspended',
      contactPhone: '13900001111',
      location: null,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'suspended', contactPhone: '139****1111', location: null });
    const [audit] = await audits('business.update');
    expect(audit).toMatchObject({ resourceId: restaurantId, result: 'success' });
  });

  it('gives the unmasked phone only with person:pii:read, and audits each read', async () => {
    expect((await get(eastAdmin, `/businesses/${restaurantId}/pii`)).status).toBe(403);
    const before = (await audits('pii.read')).length;
    const res = await get(piiReader, `/businesses/${restaurantId}/pii`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ contactPhone: '13900001111' });
    const reads = await audits('pii.read');
    expect(reads).toHaveLength(before + 1);
    expect(reads[0]).toMatchObject({
      actorId: piiReader.id,
      resourceType: 'business',
      resourceId: restaurantId,
      result: 'success',
    });
  });

  it('hides another village’s business (404) and refuses records there', async () => {
    const westBusiness = (await get(westAdmin, '/businesses')).body.data[0] as { id: string };
    expect((await get(eastAdmin, `/businesses/${westBusiness.id}`)).status).toBe(404);
    expect((await get(piiReader, `/businesses/${westBusiness.id}/pii`)).status).toBe(404);
    expect((await patch(eastAdmin, westBusiness.id, { name: '改名' })).status).toBe(404);
    expect((await del(eastAdmin, westBusiness.id)).status).toBe(404);
    expect((await post(eastAdmin, { ...restaurant(), creditCode: uscc('5'), regionId: west.id })).status).toBe(404);
    expect((await patch(eastAdmin, restaurantId, { regionId: west.id })).status).toBe(404);
    expect((await get(westAdmin, `/businesses/${westBusiness.id}`)).body.data.name).toBe('西村农家乐');
  });

  it('lets a grid worker read but not write (403)', async () => {
    expect((await get(eastWorker, `/businesses/${restaurantId}`)).status).toBe(200);
    expect((await post(eastWorker, { ...restaurant(), creditCode: uscc('6') })).status).toBe(403);
    expect((await patch(eastWorker, restaurantId, { name: '改名' })).status).toBe(403);
    expect((await del(eastWorker, restaurantId)).status).toBe(403);
  });

  it('deletes and audits', async () => {
    expect((await del(eastAdmin, restaurantId)).status).toBe(204);
    expect((await get(eastAdmin, `/businesses/${restaurantId}`)).status).toBe(404);
    const [audit] = await audits('business.delete');
    expect(audit).toMatchObject({ actorId: eastAdmin.id, resourceId: restaurantId, result: 'success' });
  });
});
