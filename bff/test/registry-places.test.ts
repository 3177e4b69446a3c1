import { randomUUID } from 'crypto';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import type { Region } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';
import { Household, Person } from '../src/modules/registry';
import { PiiCipher } from '../src/core/crypto/pii-cipher';

const backend = currentBackend();

describe(`registry places API on ${backend.name}`, () => {
  let t: TestApp;
  let town: Region;
  let east: Region;
  let eastGrid: Region;
  let eastGrid2: Region;
  let west: Region;
  let westGrid: Region;
  let eastAdmin: StaffWithAuth;
  let westAdmin: StaffWithAuth;
  let eastWorker: StaffWithAuth;

  beforeAll(async () => {
    t = await startTestApp(backend);
    town = await createRegion(t, '青山镇', 'town');
    east = await createRegion(t, '东社区', 'community', town);
    eastGrid = await createRegion(t, '东社区一网格', 'grid', east);
    eastGrid2 = await createRegion(t, '东社区二网格', 'grid', east);
    west = await createRegion(t, '西村', 'village', town);
    westGrid = await createRegion(t, '西村一网格', 'grid', west);
    eastAdmin = await staffAs(t, { username: 'east.admin', roles: ['community_admin'], region: east });
    westAdmin = await staffAs(t, { username: 'west.admin', roles: ['village_admin'], region: west });
    eastWorker = await staffAs(t, { username: 'east.worker', roles: ['grid_worker'], region: east });
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (who: { auth: string }, path: string) => t.http().get(`/api/admin${path}`).set('Authorization', who.auth);
  const post = (who: { auth: string }, path: string, body: object) =>
    t.http().post(`/api/admin${path}`).set('Authorization', who.auth).send(body);
  const patch = (who: { auth: string }, path: string, body: object) =>
    t.http().patch(`/api/admin${path}`).set('Authorization', who.auth).send(body);
  const del = (who: { auth: string }, path: string) =>
    t.http().delete(`/api/admin${path}`).set('Authorization', who.auth);

  /** A person of the registry, inserted directly (the persons API is another module's). */
  async function insertPerson(region: Region, name: string, idNumber: string, phone: string): Promise<string> {
    const cipher = await t.get(PiiCipher);
    const ds = await dataSourceOf(t);
    const id = randomUUID();
    await ds.getRepository(Person).insert({
      id,
      name,
      gender: 'male',
      birthDate: '1980-01-01',
      idNumber: cipher.seal(idNumber),
      phone: cipher.seal(phone),
      hukouType: 'local',
      regionId: region.id,
      scopePath: region.path,
      status: 'active',
    });
    return id;
  }

  async function lastAudit(action: string): Promise<AuditLog | undefined> {
    const [row] = await (
      await dataSourceOf(t)
    )
      .getRepository(AuditLog)
      .find({ where: { action }, order: { seq: 'DESC' }, take: 1 });
    return row;
  }

  describe('estate → building → unit → house', () => {
    let estateId: string;
    let buildingId: string;
    let unitId: string;
    let houseId: string;

    it('creates an estate in the caller’s community and audits it', async () => {
      const res = await post(eastAdmin, '/estates', { name: '阳光小区', regionId: east.id, address: '青山路 88 号' });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({
        name: '阳光小区',
        address: '青山路 88 号',
        regionId: east.id,
        regionName: '东社区',
        buildingCount: 0,
        houseCount: 0,
      });
      estateId = res.body.data.id;
      expect(await lastAudit('estate.create')).toMatchObject({
        actorId: eastAdmin.id,
        resourceType: 'estate',
        resourceId: estateId,
        result: 'success',
      });
    });

    it('places a building in a grid inside the estate’s region, or in the estate’s region by default', async () => {
      const inGrid = await post(eastAdmin, '/buildings', {
        estateId,
        name: '3号楼',
        floors: 18,
        regionId: eastGrid.id,
      });
      expect(inGrid.status).toBe(201);
      expect(inGrid.body.data).toMatchObject({
        estateId,
        estateName: '阳光小区',
        name: '3号楼',
        floors: 18,
        regionId: eastGrid.id,
        regionName: '东社区一网格',
        unitCount: 0,
      });
      buildingId = inGrid.body.data.id;
      const inherited = await post(eastAdmin, '/buildings', { estateId, name: '5号楼' });
      expect(inherited.body.data.regionId).toBe(east.id);
      const list = await get(eastAdmin, `/buildings?estateId=${estateId}`);
      expect(list.body.data.map((b: { name: string }) => b.name)).toEqual(['3号楼', '5号楼']);
      expect(list.body.page).toEqual({ page: 1, pageSize: 20, total: 2 });
    });

    it('refuses a building region outside the estate’s region', async () => {
      const res = await post(eastAdmin, '/buildings', { estateId, name: '越界楼', regionId: westGrid.id });
      expect(res.status).toBe(404);
      const notGrid = await post(eastAdmin, '/buildings', { estateId, name: '越界楼', regionId: town.id });
      expect(notGrid.status).toBe(404);
    });

    it('creates units that follow the building, and lists them', async () => {
      const res = await post(eastAdmin, `/buildings/${buildingId}/units`, { name: '1单元' });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ buildingId, name: '1单元', houseCount: 0 });
      unitId = res.body.data.id;
      await post(eastAdmin, `/buildings/${buildingId}/units`, { name: '2单元' });
      const units = await get(eastAdmin, `/buildings/${buildingId}/units`);
      expect(units.body.data.map((u: { name: string }) => u.name)).toEqual(['1单元', '2单元']);
    });

    it('composes a flat’s address and inherits the unit’s region', async () => {
      const res = await post(eastAdmin, '/houses', { unitId, roomNo: '302', use: 'rented', areaM2: 89.5 });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({
        address: '阳光小区3号楼1单元302',
        estateId,
        buildingId,
        unitId,
        regionId: eastGrid.id,
        roomNo: '302',
        use: 'rented',
        areaM2: 89.5,
        residentCount: 0,
        residents: [],
      });
      houseId = res.body.data.id;
      const other = await post(eastAdmin, '/houses', { buildingId, roomNo: '101', use: 'self_occupied' });
      expect(other.body.data.address).toBe('阳光小区3号楼101');
      const mismatch = await post(eastAdmin, '/houses', {
        unitId,
        buildingId: other.body.data.id,
        roomNo: '1',
        use: 'vacant',
      });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.error.details[0]).toEqual({ field: 'unitId', message: '单元不属于所选楼栋' });
    });

    it('re-composes the address when the room number changes', async () => {
      const res = await patch(eastAdmin, `/houses/${houseId}`, { roomNo: '303', use: 'self_occupied' });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ roomNo: '303', address: '阳光小区3号楼1单元303', use: 'self_occupied' });
    });

    it('counts buildings, units and houses', async () => {
      expect((await get(eastAdmin, `/estates/${estateId}`)).body.data).toMatchObject({
        buildingCount: 2,
        houseCount: 2,
      });
      expect((await get(eastAdmin, `/buildings/${buildingId}`)).body.data).toMatchObject({
        unitCount: 2,
        houseCount: 2,
      });
      expect((await get(eastAdmin, `/buildings/${buildingId}/units`)).body.data[0]).toMatchObject({
        name: '1单元',
        houseCount: 1,
      });
    });

    it('refuses to delete an estate with buildings, a building or unit with houses', async () => {
      for (const path of [`/estates/${estateId}`, `/buildings/${buildingId}`, `/units/${unitId}`]) {
        const res = await del(eastAdmin, path);
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('RECORD_IN_USE');
      }
    });

    it('lists houses with filters, sort and pagination', async () => {
      await post(eastAdmin, '/houses', { regionId: eastGrid2.id, address: '东社区平房 7 号', use: 'vacant' });
      const all = await get(eastAdmin, '/houses?sort=address&order=asc');
      // Natural order: 3号楼 → unit 1 → room 303 comes before room 101 of the building itself (1 < 101).
      expect(all.body.data.map((h: { address: string }) => h.address)).toEqual([
        '东社区平房 7 号',
        '阳光小区3号楼1单元303',
        '阳光小区3号楼101',
      ]);
      const byGrid = await get(eastAdmin, `/houses?regionId=${eastGrid.id}`);
      expect(byGrid.body.page.total).toBe(2);
      expect((await get(eastAdmin, `/houses?unitId=${unitId}`)).body.data.map((h: { id: string }) => h.id)).toEqual([
        houseId,
      ]);
      expect((await get(eastAdmin, '/houses?use=vacant')).body.data.map((h: { address: string }) => h.address)).toEqual(
        ['东社区平房 7 号'],
      );
      expect((await get(eastAdmin, `/houses?q=${encodeURIComponent('1单元')}`)).body.page.total).toBe(1);
      const paged = await get(eastAdmin, '/houses?sort=createdAt&order=desc&page=2&pageSize=2');
      expect(paged.body.page).toEqual({ page: 2, pageSize: 2, total: 3 });
      expect(paged.body.data).toHaveLength(1);
      expect((await get(eastAdmin, '/houses?pageSize=101')).status).toBe(400);
    });

    it('shows residents with masked ID number and phone, and audits the relation', async () => {
      const personId = await insertPerson(east, '张三', '110101198001011234', '13812345678');
      const res = await post(eastAdmin, `/houses/${houseId}/residents`, {
        personId,
        relation: 'tenant',
        since: '2024-03-01',
      });
      expect(res.status).toBe(201);
      expect(res.body.data.residents).toEqual([
        {
          personId,
          name: '张三',
          relation: 'tenant',
          since: '2024-03-01',
          idNumber: '110***********1234',
          phone: '138****5678',
        },
      ]);
      expect(res.body.data.residentCount).toBe(1);
      const detail = await get(eastWorker, `/houses/${houseId}`);
      expect(JSON.stringify(detail.body)).not.toContain('13812345678');
      expect(JSON.stringify(detail.body)).not.toContain('110101198001011234');
      expect(await lastAudit('house.resident.add')).toMatchObject({ resourceId: houseId, result: 'success' });

      const again = await post(eastAdmin, `/houses/${houseId}/residents`, { personId, relation: 'owner' });
      expect(again.body.data.residents).toHaveLength(1);
      expect(again.body.data.residents[0]).toMatchObject({ relation: 'owner', since: null });
      const bad = await post(eastAdmin, `/houses/${houseId}/residents`, { personId, relation: 'landlord' });
      expect(bad.status).toBe(400);

      const refused = await del(eastAdmin, `/houses/${houseId}`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('RECORD_IN_USE');
      expect((await del(eastAdmin, `/houses/${houseId}/residents/${personId}`)).status).toBe(204);
      expect((await del(eastAdmin, `/houses/${houseId}/residents/${personId}`)).status).toBe(404);
    });

    it('refuses to add a person of another village', async () => {
      const stranger = await insertPerson(west, '李四', '110101198202021234', '13900001111');
      expect(
        (await post(eastAdmin, `/houses/${houseId}/residents`, { personId: stranger, relation: 'resident' })).status,
      ).toBe(404);
    });

    it('refuses to delete a house a household is registered at', async () => {
      const ds = await dataSourceOf(t);
      const householdId = randomUUID();
      await ds
        .getRepository(Household)
        .insert({ id: householdId, type: 'resident', houseId, regionId: east.id, scopePath: east.path });
      expect((await del(eastAdmin, `/houses/${houseId}`)).status).toBe(409);
      await ds.getRepository(Household).delete({ id: householdId });
    });

    it('deletes bottom-up once nothing depends on a record, and audits it', async () => {
      const houses = await get(eastAdmin, `/houses?estateId=${estateId}`);
      for (const h of houses.body.data as { id: string }[])
        expect((await del(eastAdmin, `/houses/${h.id}`)).status).toBe(204);
      expect((await get(eastAdmin, `/houses/${houseId}`)).status).toBe(404);
      expect(await lastAudit('house.delete')).toMatchObject({ actorId: eastAdmin.id, result: 'success' });
      expect((await del(eastAdmin, `/units/${unitId}`)).status).toBe(204);
      const buildings = await get(eastAdmin, `/buildings?estateId=${estateId}`);
      for (const b of buildings.body.data as { id: string }[])
        expect((await del(eastAdmin, `/buildings/${b.id}`)).status).toBe(204);
      expect((await del(eastAdmin, `/estates/${estateId}`)).status).toBe(204);
      expect((await get(eastAdmin, `/estates/${estateId}`)).status).toBe(404);
    });
  });

  describe('scope and permissions', () => {
    let westHouseId: string;
    let westEstateId: string;

    beforeAll(async () => {
      westEstateId = (await post(westAdmin, '/estates', { name: '西村安置小区', regionId: west.id })).body.data.id;
      const res = await post(westAdmin, '/houses', {
        regionId: westGrid.id,
        address: '西村 12 号',
        use: 'self_occupied',
      });
      expect(res.status).toBe(201);
      westHouseId = res.body.data.id;
    });

    it('answers 404 for another village’s records, reads and writes alike', async () => {
      expect((await get(eastAdmin, `/houses/${westHouseId}`)).status).toBe(404);
      expect((await patch(eastAdmin, `/houses/${westHouseId}`, { use: 'vacant' })).status).toBe(404);
      expect((await del(eastAdmin, `/houses/${westHouseId}`)).status).toBe(404);
      expect((await get(eastAdmin, `/estates/${westEstateId}`)).status).toBe(404);
      expect((await post(eastAdmin, '/buildings', { estateId: westEstateId, name: '1号楼' })).status).toBe(404);
      const list = await get(eastAdmin, '/houses');
      expect(list.body.data.map((h: { id: string }) => h.id)).not.toContain(westHouseId);
      expect((await get(eastAdmin, `/houses?regionId=${west.id}`)).status).toBe(404);
      // and the other way round: the village admin of 西村 does not see 东社区's houses either
      const eastHouse = (await get(eastAdmin, '/houses')).body.data[0] as { id: string };
      expect((await get(westAdmin, `/houses/${eastHouse.id}`)).status).toBe(404);
      expect(
        (await post(westAdmin, `/houses/${eastHouse.id}/residents`, { personId: 'p', relation: 'owner' })).status,
      ).toBe(404);
    });

    it('cannot create records in another village or move one there', async () => {
      expect((await post(eastAdmin, '/estates', { name: '越界小区', regionId: west.id })).status).toBe(404);
      expect(
        (await post(eastAdmin, '/houses', { regionId: westGrid.id, address: '越界 1 号', use: 'vacant' })).status,
      ).toBe(404);
      const own = await post(eastAdmin, '/houses', { regionId: eastGrid.id, address: '东社区 3 号', use: 'vacant' });
      expect((await patch(eastAdmin, `/houses/${own.body.data.id}`, { regionId: westGrid.id })).status).toBe(404);
      expect((await get(eastAdmin, `/houses/${own.body.data.id}`)).body.data.regionId).toBe(eastGrid.id);
    });

    it('places records only in a community, village or grid', async () => {
      const townAdmin = await staffAs(t, { username: 'town.clerk', roles: ['community_admin'], region: town });
      const res = await post(townAdmin, '/estates', { name: '镇直小区', regionId: town.id });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0]).toEqual({ field: 'regionId', message: '只能登记到社区、村或网格' });
      const noRegion = await post(townAdmin, '/houses', { address: '无区域', use: 'vacant' });
      expect(noRegion.status).toBe(400);
      expect(noRegion.body.error.details[0].field).toBe('regionId');
    });

    it('lets a grid worker read but not write (403)', async () => {
      expect((await get(eastWorker, '/houses')).status).toBe(200);
      expect((await get(eastWorker, '/estates')).status).toBe(200);
      expect((await post(eastWorker, '/estates', { name: '小区', regionId: east.id })).status).toBe(403);
      expect(
        (await post(eastWorker, '/houses', { regionId: eastGrid.id, address: '1 号', use: 'vacant' })).status,
      ).toBe(403);
      const house = (await get(eastWorker, '/houses')).body.data[0] as { id: string };
      expect((await patch(eastWorker, `/houses/${house.id}`, { use: 'rented' })).status).toBe(403);
      expect((await del(eastWorker, `/houses/${house.id}`)).status).toBe(403);
    });

    it('validates bodies with Chinese messages', async () => {
      const res = await post(eastAdmin, '/houses', { regionId: eastGrid.id, address: '东社区 9 号', use: 'palace' });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe('use');
      const noName = await post(eastAdmin, '/estates', { name: '', regionId: east.id });
      expect(noName.status).toBe(400);
      expect(noName.body.error.details[0].field).toBe('name');
      const badDate = await post(eastAdmin, `/houses/${westHouseId}/residents`, {
        personId: 'x',
        relation: 'owner',
        since: '2024/03/01',
      });
      expect(badDate.status).toBe(400);
      expect(badDate.body.error.details[0]).toEqual({ field: 'since', message: '日期格式应为 YYYY-MM-DD' });
    });

    it('registers a rural house with the nulls the portal sends for "no estate"', async () => {
      const placement = { estateId: null, buildingId: null, unitId: null };
      const res = await post(eastAdmin, '/houses', {
        regionId: eastGrid.id,
        address: '东社区 11 号',
        use: 'vacant',
        roomNo: null,
        areaM2: null,
        ...placement,
      });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({
        ...placement,
        regionId: eastGrid.id,
        address: '东社区 11 号',
        residents: [],
      });
    });
  });
});
