import type { LngLat, PolygonGeometry, RegionFeatureCollection } from '@zhili/shared';
import { metresPerDegree, pointInGeometry } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { staffAs, StaffWithAuth } from './support/staff-session';
import { Region } from '../src/modules/region';
import { BOUNDARIES_CHANGED_CHANNEL } from '../src/modules/region';
import { AuditLog } from '../src/core/audit';
import { InfraService } from '../src/core/infra/infra.service';

/**
 * Region boundaries over HTTP: drawing them, point → grid resolution (edges, holes, tolerance,
 * scope), the index following boundary changes (also those announced by other nodes), GeoJSON
 * export and import.
 */

const backend = currentBackend();

const ring = (x0: number, y0: number, w: number, h: number): LngLat[] => [
  [x0, y0],
  [x0 + w, y0],
  [x0 + w, y0 + h],
  [x0, y0 + h],
  [x0, y0],
];
const rect = (x0: number, y0: number, w: number, h: number, ...holes: LngLat[][]): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [ring(x0, y0, w, h), ...holes],
});

// Village 东村 (x 120.10–120.12) tiled by 东一 (with a pond, x 120.103–120.107) and 东二; 西村 (x 120.05–120.07) with one grid.
const EAST = rect(120.1, 30.2, 0.02, 0.01);
const EAST1 = rect(120.1, 30.2, 0.01, 0.01, ring(120.103, 30.203, 0.004, 0.004));
const EAST2 = rect(120.11, 30.2, 0.01, 0.01);
const WEST = rect(120.05, 30.2, 0.02, 0.01);
const WEST1 = rect(120.05, 30.2, 0.02, 0.01);
const mx = metresPerDegree(30.205).x;
const my = metresPerDegree(30.205).y;

describe(`region boundaries and point → grid on ${backend.name}`, () => {
  let t: TestApp;
  let town: Region;
  let townStaff: StaffWithAuth;
  let eastAdmin: StaffWithAuth;
  let eastWorker: StaffWithAuth;
  const ids: Record<'east' | 'east1' | 'east2' | 'west' | 'west1', string> = {
    east: '',
    east1: '',
    east2: '',
    west: '',
    west1: '',
  };

  const get = (who: { auth: string }, url: string) => t.http().get(url).set('Authorization', who.auth);
  const post = (who: { auth: string }, url: string, body: object) =>
    t.http().post(url).set('Authorization', who.auth).send(body);
  const patch = (who: { auth: string }, url: string, body: object) =>
    t.http().patch(url).set('Authorization', who.auth).send(body);
  const resolve = (who: { auth: string }, lng: number, lat: number, toleranceM?: number) =>
    get(
      who,
      `/api/admin/regions/resolve?lng=${lng}&lat=${lat}${toleranceM === undefined ? '' : `&toleranceM=${toleranceM}`}`,
    );
  const lastAudit = async (action: string) =>
    (
      await (await dataSourceOf(t)).getRepository(AuditLog).find({ where: { action }, order: { seq: 'DESC' }, take: 1 })
    )[0];

  beforeAll(async () => {
    t = await startTestApp(backend);
    town = await createRegion(t, '青山镇', 'town');
    townStaff = await staffAs(t, { username: 'geo.town', roles: ['village_admin'], region: town });
    const create = async (name: string, level: string, parentId: string, boundary: PolygonGeometry, code?: string) => {
      const res = await post(townStaff, '/api/admin/regions', {
        name,
        level,
        parentId,
        boundary,
        ...(code ? { code } : {}),
      });
      if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.data.id as string;
    };
    ids.east = await create('东村', 'village', town.id, EAST, '330100000001');
    ids.east1 = await create('东一网格', 'grid', ids.east, EAST1, '330100000011');
    ids.east2 = await create('东二网格', 'grid', ids.east, EAST2, '330100000012');
    ids.west = await create('西村', 'village', town.id, WEST, '330100000002');
    ids.west1 = await create('西一网格', 'grid', ids.west, WEST1, '330100000021');
    const regions = await (await dataSourceOf(t)).getRepository(Region).findBy({});
    const east = regions.find((r) => r.id === ids.east) as Region;
    eastAdmin = await staffAs(t, { username: 'geo.east', roles: ['village_admin'], region: east });
    eastWorker = await staffAs(t, { username: 'geo.east.worker', roles: ['grid_worker'], region: east });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('drawing boundaries', () => {
    it('stores the boundary and computes a centre inside it (never in a hole)', async () => {
      const res = await get(eastAdmin, `/api/admin/regions/${ids.east1}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        id: ids.east1,
        name: '东一网格',
        level: 'grid',
        parentId: ids.east,
        hasBoundary: true,
        boundary: EAST1,
        childCount: 0,
        workers: [],
      });
      // The outer ring's centroid lies in the pond: the label point must not.
      expect(pointInGeometry(res.body.data.center, EAST1)).toBe(true);
      const list = await get(eastAdmin, '/api/admin/regions');
      const east2 = list.body.data.find((r: { id: string }) => r.id === ids.east2);
      expect(east2.hasBoundary).toBe(true);
      expect(east2.center[0]).toBeCloseTo(120.115, 9);
      expect(east2.center[1]).toBeCloseTo(30.205, 9);
      expect(east2).not.toHaveProperty('boundary');
    });

    it('refuses invalid geometry with GEOMETRY_INVALID and a message naming the problem', async () => {
      const open = { type: 'Polygon', coordinates: [ring(120.1, 30.2, 0.01, 0.01).slice(0, 4)] };
      const res = await post(eastAdmin, '/api/admin/regions', {
        name: '坏网格',
        level: 'grid',
        parentId: ids.east,
        boundary: open,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('GEOMETRY_INVALID');
      expect(res.body.error.details[0]).toMatchObject({
        field: 'boundary',
        message: expect.stringContaining('未闭合'),
      });
      const swapped = { type: 'Polygon', coordinates: [ring(30.2, 120.1, 0.01, 0.01)] };
      const res2 = await patch(eastAdmin, `/api/admin/regions/${ids.east2}`, { boundary: swapped });
      expect(res2.status).toBe(400);
      expect(res2.body.error.message).toContain('不在中国境内');
      expect((await patch(eastAdmin, `/api/admin/regions/${ids.east2}`, { center: [200, 30] })).status).toBe(400);
      // Nothing was created or changed.
      expect((await get(eastAdmin, `/api/admin/regions/${ids.east2}`)).body.data.boundary).toEqual(EAST2);
    });
  });

  describe('resolve', () => {
    it('answers the grid containing the point', async () => {
      const res = await resolve(eastAdmin, 120.115, 30.205);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        regionId: ids.east2,
        name: '东二网格',
        path: expect.stringContaining(`/${ids.east2}/`),
        exact: true,
        distanceM: 0,
      });
    });

    it('counts edges and vertices as inside', async () => {
      const shared = (await resolve(eastAdmin, 120.11, 30.205)).body.data;
      expect([ids.east1, ids.east2]).toContain(shared.regionId);
      expect(shared.exact).toBe(true);
      expect((await resolve(eastAdmin, 120.12, 30.21)).body.data).toMatchObject({ regionId: ids.east2, exact: true });
      expect((await resolve(eastAdmin, 120.1, 30.2)).body.data).toMatchObject({ regionId: ids.east1, exact: true });
    });

    it('treats the pond (a hole) as outside the grid: nearest grid within tolerance, else the village', async () => {
      // Centre of the pond: 0.002° of longitude (~192 m) from its shore.
      const near = (await resolve(eastAdmin, 120.105, 30.205)).body.data;
      expect(near).toMatchObject({ regionId: ids.east1, exact: false });
      expect(near.distanceM).toBeCloseTo(0.002 * mx, 0);
      expect((await resolve(eastAdmin, 120.105, 30.205, 100)).body.data).toMatchObject({
        regionId: ids.east,
        exact: true,
        distanceM: 0,
      });
      // On the shore: the grid's boundary.
      expect((await resolve(eastAdmin, 120.103, 30.205)).body.data).toMatchObject({ regionId: ids.east1, exact: true });
    });

    it('takes the nearest grid within the tolerance and nothing beyond it', async () => {
      // 0.0005° (~56 m) north of 东二.
      const near = (await resolve(eastAdmin, 120.115, 30.2105)).body.data;
      expect(near).toMatchObject({ regionId: ids.east2, exact: false });
      expect(near.distanceM).toBeCloseTo(0.0005 * my, 0);
      expect((await resolve(eastAdmin, 120.115, 30.2105, 50)).body.data).toEqual({
        regionId: null,
        name: null,
        path: null,
        exact: false,
        distanceM: 0,
      });
      expect((await resolve(eastAdmin, 121, 31)).body.data.regionId).toBeNull();
    });

    it('answers only within the caller’s scope and validates the query', async () => {
      expect((await resolve(townStaff, 120.06, 30.205)).body.data.regionId).toBe(ids.west1);
      expect((await resolve(eastAdmin, 120.06, 30.205)).body.data.regionId).toBeNull();
      expect((await resolve(eastWorker, 120.115, 30.205)).body.data.regionId).toBe(ids.east2);
      expect((await get(eastAdmin, '/api/admin/regions/resolve?lng=abc&lat=30')).status).toBe(400);
      expect((await get(eastAdmin, '/api/admin/regions/resolve?lat=30')).status).toBe(400);
      expect((await resolve(eastAdmin, 120.1, 30.2, 99999)).status).toBe(400);
    });
  });

  describe('keeping the index current', () => {
    it('follows a PATCHed boundary at once, and audits the change', async () => {
      expect((await resolve(townStaff, 120.06, 30.205)).body.data.regionId).toBe(ids.west1);
      const moved = rect(120.05, 30.22, 0.02, 0.01);
      const res = await patch(townStaff, `/api/admin/regions/${ids.west1}`, { boundary: moved });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ boundary: moved, hasBoundary: true });
      expect(res.body.data.center[1]).toBeCloseTo(30.225, 9);
      // The old place now only lies in the village; the new one is the grid.
      expect((await resolve(townStaff, 120.06, 30.205)).body.data).toMatchObject({ regionId: ids.west, exact: true });
      expect((await resolve(townStaff, 120.06, 30.225)).body.data).toMatchObject({ regionId: ids.west1, exact: true });
      expect(await lastAudit('region.update')).toMatchObject({
        resourceType: 'region',
        resourceId: ids.west1,
        actorId: townStaff.id,
        result: 'success',
      });
      expect(JSON.parse((await lastAudit('region.update')).detail as string)).toMatchObject({
        boundary: { fromPositions: 5, toPositions: 5 },
      });
    });

    it('clears a boundary (and its computed centre) with null, and sets a centre alone', async () => {
      const cleared = await patch(townStaff, `/api/admin/regions/${ids.west1}`, { boundary: null });
      expect(cleared.body.data).toMatchObject({ boundary: null, hasBoundary: false, center: null });
      expect((await resolve(townStaff, 120.06, 30.225)).body.data.regionId).toBeNull();
      const centred = await patch(townStaff, `/api/admin/regions/${ids.west1}`, {
        center: [120.06, 30.205],
        name: '西村一网格',
      });
      expect(centred.body.data).toMatchObject({ center: [120.06, 30.205], hasBoundary: false, name: '西村一网格' });
      await patch(townStaff, `/api/admin/regions/${ids.west1}`, { boundary: WEST1 });
      expect((await resolve(townStaff, 120.06, 30.205)).body.data).toMatchObject({
        regionId: ids.west1,
        name: '西村一网格',
      });
    });

    it('marks the index stale when another node announces a change', async () => {
      expect((await resolve(townStaff, 120.115, 30.205)).body.data.regionId).toBe(ids.east2);
      // Another node moved 东二 (written straight to the shared database) and announced it.
      const repo = (await dataSourceOf(t)).getRepository(Region);
      await repo.update({ id: ids.east2 }, { boundary: JSON.stringify(rect(120.11, 30.25, 0.01, 0.01)) });
      expect((await resolve(townStaff, 120.115, 30.205)).body.data.regionId).toBe(ids.east2); // still the built index
      await (await t.get(InfraService)).infra.pubsub.publish(BOUNDARIES_CHANGED_CHANNEL, 'another-node');
      await new Promise((r) => setTimeout(r, 100));
      expect((await resolve(townStaff, 120.115, 30.205)).body.data).toMatchObject({ regionId: ids.east, exact: true });
      expect((await resolve(townStaff, 120.115, 30.255)).body.data.regionId).toBe(ids.east2);
      await repo.update({ id: ids.east2 }, { boundary: JSON.stringify(EAST2) });
      await (await t.get(InfraService)).infra.pubsub.publish(BOUNDARIES_CHANGED_CHANNEL, 'another-node');
      await new Promise((r) => setTimeout(r, 100));
      expect((await resolve(townStaff, 120.115, 30.205)).body.data.regionId).toBe(ids.east2);
    });
  });

  describe('scope', () => {
    it('hides other villages’ regions from a village admin (404 on read, edit, delete, overview, map)', async () => {
      for (const id of [ids.west, ids.west1]) {
        expect((await get(eastAdmin, `/api/admin/regions/${id}`)).status).toBe(404);
        expect((await patch(eastAdmin, `/api/admin/regions/${id}`, { name: '改名' })).status).toBe(404);
        expect((await t.http().delete(`/api/admin/regions/${id}`).set('Authorization', eastAdmin.auth)).status).toBe(
          404,
        );
        expect((await get(eastAdmin, `/api/admin/regions/${id}/overview`)).status).toBe(404);
        expect((await get(eastAdmin, `/api/admin/regions/geojson?rootId=${id}`)).status).toBe(404);
      }
      expect((await get(eastAdmin, `/api/admin/regions/${ids.west1}`)).body.error.code).toBe('NOT_FOUND');
    });

    it('needs region:manage to edit (a grid worker may only read)', async () => {
      expect((await get(eastWorker, `/api/admin/regions/${ids.east2}`)).status).toBe(200);
      expect((await patch(eastWorker, `/api/admin/regions/${ids.east2}`, { name: 'x' })).status).toBe(403);
      expect(
        (
          await post(eastWorker, '/api/admin/regions/import', {
            featureCollection: { type: 'FeatureCollection', features: [] },
            dryRun: true,
          })
        ).status,
      ).toBe(403);
    });
  });

  describe('GeoJSON', () => {
    it('maps the caller’s subtree as a FeatureCollection with counts and workers', async () => {
      const res = await get(eastAdmin, '/api/admin/regions/geojson');
      expect(res.status).toBe(200);
      const fc = res.body.data as RegionFeatureCollection;
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features.map((f) => f.id).sort()).toEqual([ids.east, ids.east1, ids.east2].sort());
      const f = fc.features.find((x) => x.id === ids.east2);
      expect(f).toEqual({
        type: 'Feature',
        id: ids.east2,
        geometry: EAST2,
        properties: {
          id: ids.east2,
          name: '东二网格',
          level: 'grid',
          parentId: ids.east,
          code: '330100000012',
          center: [expect.closeTo(120.115, 9), expect.closeTo(30.205, 9)],
          counts: { persons: 0, households: 0, houses: 0, businesses: 0 },
          workers: [],
        },
      });
      const village = fc.features.find((x) => x.id === ids.east);
      expect(village?.properties.workers).toEqual([
        { name: 'geo.east', role: 'village_admin' },
        { name: 'geo.east.worker', role: 'grid_worker' },
      ]);
      const sub = await get(townStaff, `/api/admin/regions/geojson?rootId=${ids.west}`);
      expect(sub.body.data.features.map((x: { id: string }) => x.id).sort()).toEqual([ids.west, ids.west1].sort());
    });

    it('exports the same collection as an audited download', async () => {
      const res = await get(eastAdmin, '/api/admin/regions/export.geojson')
        .buffer(true)
        .parse((r, cb) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (chunk: string) => (text += chunk));
          r.on('end', () => cb(null, text));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="regions-\d{4}-\d{2}-\d{2}\.geojson"$/);
      const fc = JSON.parse(res.body as string) as RegionFeatureCollection;
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features).toHaveLength(3);
      expect(await lastAudit('region.export')).toMatchObject({ actorId: eastAdmin.id, result: 'success' });
      // Boundaries are not personal data: a grid worker who sees the map may download them too.
      expect((await get(eastWorker, '/api/admin/regions/export.geojson')).status).toBe(200);
    });

    it('imports boundaries: a dry run reports every problem and writes nothing; a run with errors writes nothing', async () => {
      const moved1 = rect(120.1, 30.3, 0.01, 0.01);
      const moved2 = rect(120.11, 30.3, 0.01, 0.01);
      const fc = {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { id: ids.east1, name: 'ignored' }, geometry: moved1 },
          { type: 'Feature', properties: { code: '330100000012' }, geometry: moved2 },
          {
            type: 'Feature',
            properties: { name: '东村', parentId: town.id },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [120.1, 30.3],
                  [120.2, 30.3],
                  [120.1, 30.3],
                ],
              ],
            },
          },
          { type: 'Feature', properties: { id: ids.west1 }, geometry: moved1 },
          { type: 'Feature', properties: { name: '不存在的网格' }, geometry: moved1 },
          { type: 'Feature', properties: { id: ids.east1 }, geometry: moved1 },
          { type: 'Point' },
        ],
      };
      const dry = await post(eastAdmin, '/api/admin/regions/import', { featureCollection: fc, dryRun: true });
      expect(dry.status).toBe(200);
      expect(dry.body.data.dryRun).toBe(true);
      expect(dry.body.data.matched).toBe(3); // 东一, 东二 and 东村 (whose geometry is bad)
      expect(dry.body.data.updated).toBe(0);
      expect(dry.body.data.errors.map((e: { feature: number }) => e.feature)).toEqual([3, 4, 5, 6, 7]);
      expect(dry.body.data.errors[0].message).toContain('东村');
      expect(dry.body.data.errors[1].message).toContain('不在您的管辖范围内'); // 西一 is another village's
      expect(dry.body.data.errors[3].message).toContain('第 1 个要素');
      const real = await post(eastAdmin, '/api/admin/regions/import', { featureCollection: fc, dryRun: false });
      expect(real.status).toBe(200);
      expect(real.body.data).toMatchObject({ dryRun: false, matched: 3, updated: 0 });
      expect(real.body.data.errors).toHaveLength(5);
      expect((await get(eastAdmin, `/api/admin/regions/${ids.east1}`)).body.data.boundary).toEqual(EAST1);
      expect(await lastAudit('region.import')).toMatchObject({ actorId: eastAdmin.id, result: 'failure' });
    });

    it('imports boundaries all together when every feature is valid, and resolves with them', async () => {
      const moved1 = rect(120.1, 30.3, 0.01, 0.01);
      const moved2 = rect(120.11, 30.3, 0.01, 0.01);
      const fc = {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { id: ids.east1 }, geometry: moved1 },
          { type: 'Feature', properties: { code: '330100000012' }, geometry: moved2 },
          { type: 'Feature', properties: { name: '东村', parentId: town.id }, geometry: rect(120.1, 30.3, 0.02, 0.01) },
        ],
      };
      const dry = await post(eastAdmin, '/api/admin/regions/import', { featureCollection: fc, dryRun: true });
      expect(dry.body.data).toEqual({ dryRun: true, matched: 3, updated: 0, errors: [] });
      expect((await resolve(eastAdmin, 120.115, 30.305)).body.data.regionId).toBeNull();
      const real = await post(eastAdmin, '/api/admin/regions/import', { featureCollection: fc, dryRun: false });
      expect(real.body.data).toEqual({ dryRun: false, matched: 3, updated: 3, errors: [] });
      expect((await get(eastAdmin, `/api/admin/regions/${ids.east2}`)).body.data).toMatchObject({
        boundary: moved2,
        center: [expect.closeTo(120.115, 9), expect.closeTo(30.305, 9)],
      });
      expect((await resolve(eastAdmin, 120.115, 30.305)).body.data).toMatchObject({ regionId: ids.east2, exact: true });
      expect((await resolve(eastAdmin, 120.115, 30.205)).body.data.regionId).toBeNull();
      const audit = await lastAudit('region.import');
      expect(audit).toMatchObject({ actorId: eastAdmin.id, result: 'success' });
      expect(JSON.parse(audit.detail as string)).toMatchObject({ matched: 3, updated: 3 });
    });

    it('rejects a body that is not a FeatureCollection', async () => {
      const res = await post(eastAdmin, '/api/admin/regions/import', {
        featureCollection: { type: 'Feature' },
        dryRun: true,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe('featureCollection');
      expect(
        (
          await post(eastAdmin, '/api/admin/regions/import', {
            featureCollection: { type: 'FeatureCollection', features: [] },
          })
        ).status,
      ).toBe(400);
    });
  });
});
