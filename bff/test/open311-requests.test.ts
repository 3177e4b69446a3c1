import { randomUUID } from 'crypto';
import { XMLParser } from 'fast-xml-parser';
import { defaultCaseCategories, gcj02ToWgs84, metresPerDegree } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { caseInProgress, CaseTown, setupCaseTown, submitCase, townDispatcher } from './support/case-fixtures';
import { CaseCategory, CaseRecord, CaseWorkflowService } from '../src/modules/case';
import { AuditLog } from '../src/core/audit';
import { coarseCoordinate, OPEN311_COARSE_GRID_DEG } from '../src/modules/open311/georeport/open311-request-view';

const backend = currentBackend();
const DAY = 86_400_000;

/** The fields of a service request in GET Service Requests / GET Service Request (spec order). */
const SPEC_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const W3 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

interface Req {
  service_request_id: string;
  status: string;
  status_notes: string;
  service_code: string;
  [k: string]: unknown;
}

/** Open311 GET Service Requests and GET Service Request, from the spec's text. */
describe(`Open311 GET requests on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let c: Record<'old' | 'open' | 'rejected' | 'resolved' | 'merged' | 'held', CaseRecord>;
  const xml = new XMLParser({
    parseTagValue: false,
    isArray: (_n, jpath) => ['service_requests.request', 'errors.error'].includes(String(jpath)),
  });
  const get = (path: string) => t.http().get(`/open311/v2${path}`);
  const ids = (body: Req[]) => body.map((r) => r.service_request_id);
  const w3 = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    const now = Date.now();
    const workflow = await t.get(CaseWorkflowService);
    const dispatcher = await townDispatcher(t, town);
    const old = await submitCase(t, town, { now: new Date(now - 100 * DAY), description: '一百天前的路面坑洼' });
    const rejected = await submitCase(t, town, { now: new Date(now - 10 * DAY) });
    await workflow.apply(rejected.id, 'reject', dispatcher, { reason: '经核实，该问题已处理完毕。' });
    const inProgress = await caseInProgress(t, town, { categoryCode: 'garbage', now: new Date(now - 5 * DAY) });
    const worker = {
      role: 'assignee' as const,
      kind: 'mp' as const,
      id: town.mp.workerA1.id,
      name: '王五',
      principal: { kind: 'mp' as const, id: town.mp.workerA1.id, roles: ['resident' as const, 'grid_worker' as const] },
    };
    await workflow.apply(inProgress.id, 'resolve', worker, { result: '垃圾已清运完毕' });
    const open = await submitCase(t, town, { description: '井盖松动，联系我 13812345678', now: new Date(now - DAY) });
    const merged = await submitCase(t, town, { now: new Date(now - 2 * DAY) });
    await workflow.apply(merged.id, 'merge', dispatcher, { mergeIntoId: open.id });
    const held = await submitCase(t, town, { hold: true });
    const reload = (r: CaseRecord) => town.ds.getRepository(CaseRecord).findOneByOrFail({ id: r.id });
    c = {
      old: await reload(old),
      open: await reload(open),
      rejected: await reload(rejected),
      resolved: await reload(inProgress),
      merged: await reload(merged),
      held: await reload(held),
    };
    // A real app, a town and six cases through the workflow: more than 30 s on a busy machine.
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists the last 90 days by default, newest first, with exactly the spec’s fields', async () => {
    const res = await get('/requests.json');
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([c.open.no, c.merged.no, c.resolved.no, c.rejected.no]);
    for (const r of res.body as Req[]) {
      expect(Object.keys(r)).toEqual(SPEC_FIELDS);
      expect(['open', 'closed']).toContain(r.status);
      expect(r.requested_datetime).toMatch(W3);
      expect(r.updated_datetime).toMatch(W3);
    }
  });

  it('describes an open case of a public category: status open, SLA as expected_datetime, exact WGS84 position, no resident text', async () => {
    const [r] = (await get(`/requests/${c.open.no}.json`)).body as Req[];
    const [lng, lat] = gcj02ToWgs84([Number(c.open.lng), Number(c.open.lat)]);
    expect(r).toMatchObject({
      status: 'open',
      status_notes: '待受理',
      service_name: '道路破损',
      service_code: 'road',
      agency_responsible: '城建办',
      description: null,
      requested_datetime: w3(c.open.createdAt),
      expected_datetime: w3(c.open.dueAt as Date),
      address: '幸福村村口',
      media_url: null,
    });
    expect(Math.abs((r.lat as number) - lat)).toBeLessThan(1e-5);
    expect(Math.abs((r.long as number) - lng)).toBeLessThan(1e-5);
  });

  it('maps resolved, rejected and merged to closed with notes for the public', async () => {
    const body = (await get(`/requests.json?service_request_id=${c.resolved.no},${c.rejected.no},${c.merged.no}`))
      .body as Req[];
    const byNo = new Map(body.map((r) => [r.service_request_id, r]));
    expect(byNo.get(c.resolved.no)).toMatchObject({
      status: 'closed',
      status_notes: '已办结：垃圾已清运完毕',
      updated_datetime: w3(c.resolved.resolvedAt as Date),
    });
    expect(byNo.get(c.rejected.no)).toMatchObject({
      status: 'closed',
      status_notes: '不予受理：经核实，该问题已处理完毕。',
    });
    expect(byNo.get(c.merged.no)).toMatchObject({ status: 'closed', status_notes: `已合并：与工单 ${c.open.no} 重复` });
  });

  it('filters by status (comma list allowed) and refuses other values (400)', async () => {
    expect(ids((await get('/requests.json?status=open')).body)).toEqual([c.open.no]);
    expect(ids((await get('/requests.json?status=closed')).body)).toEqual([c.merged.no, c.resolved.no, c.rejected.no]);
    expect((await get('/requests.json?status=open,closed')).body).toHaveLength(4);
    const bad = await get('/requests.json?status=pending');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([{ code: 400, description: expect.stringContaining('status') }]);
  });

  it('applies the central input rules (400 in the spec’s list) after the jurisdiction (404 first)', async () => {
    const res = await get('/requests.json?service_code=a%01b');
    expect(res.status).toBe(400);
    expect(res.body).toEqual([{ code: 400, description: 'service_code：不能包含控制字符或换行' }]);
    const path = await get('/requests/1%00.xml');
    expect(path.status).toBe(400);
    expect(xml.parse(path.text).errors.error[0].description).toBe('id：不能包含控制字符或换行');
    expect((await get('/requests.json?jurisdiction_id=sfgov.org&status=pending&start_date=x')).status).toBe(404);
  });

  it('filters by service_code (comma list allowed)', async () => {
    expect(ids((await get('/requests.json?service_code=garbage')).body)).toEqual([c.resolved.no]);
    expect((await get('/requests.json?service_code=garbage,road')).body).toHaveLength(4);
    expect((await get('/requests.json?service_code=none')).body).toEqual([]);
  });

  it('selects a date range of at most 90 days in w3 format (400 otherwise)', async () => {
    const now = Date.now();
    const range = `start_date=${w3(new Date(now - 110 * DAY))}&end_date=${w3(new Date(now - 80 * DAY))}`;
    expect(ids((await get(`/requests.json?${range}`)).body)).toEqual([c.old.no]);
    expect(ids((await get(`/requests.json?start_date=${w3(new Date(now - 105 * DAY))}`)).body)).toEqual([c.old.no]);
    const offset = encodeURIComponent(
      new Date(now - 3 * DAY + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00'),
    );
    expect(ids((await get(`/requests.json?start_date=${offset}`)).body)).toEqual([c.open.no, c.merged.no]);
    for (const bad of [
      `start_date=${w3(new Date(now - 120 * DAY))}&end_date=${w3(new Date(now))}`,
      `start_date=${w3(new Date(now))}&end_date=${w3(new Date(now - DAY))}`,
      'start_date=2026-01-01',
      'start_date=2026-01-01T00:00:00',
      'end_date=2026-02-30T00:00:00Z',
    ]) {
      const res = await get(`/requests.json?${bad}`);
      expect([bad, res.status, res.body[0]?.code]).toEqual([bad, 400, 400]);
    }
    const xmlRes = await get('/requests.xml?start_date=yesterday');
    expect(xmlRes.status).toBe(400);
    expect(xml.parse(xmlRes.text).errors.error[0].description).toContain('start_date');
  });

  it('lets service_request_id override every other argument, and never shows held cases', async () => {
    const res = await get(
      `/requests.json?service_request_id=${c.old.no},${c.open.no},${c.held.no}&status=closed&start_date=2000-01-01T00:00:00Z&end_date=2000-01-02T00:00:00Z`,
    );
    expect(ids(res.body).sort()).toEqual([c.old.no, c.open.no].sort());
    expect((await get('/requests.json')).text).not.toContain(c.held.no);
    expect((await get(`/requests/${c.held.no}.json`)).status).toBe(404);
  });

  it('answers GET Service Request in both formats, 404 for an unknown id', async () => {
    const res = await get(`/requests/${c.rejected.no}.xml`);
    expect(res.status).toBe(200);
    expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<service_requests>')).toBe(true);
    const [request] = xml.parse(res.text).service_requests.request;
    expect(Object.keys(request)).toEqual(SPEC_FIELDS);
    expect(request).toMatchObject({
      service_request_id: c.rejected.no,
      status: 'closed',
      address_id: '',
      media_url: '',
    });
    const missing = await get('/requests/199901010001.xml');
    expect(missing.status).toBe(404);
    expect(xml.parse(missing.text).errors.error[0].code).toBe('404');
    expect((await get('/requests/199901010001.json')).body).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it('lists the same requests in XML as <service_requests><request>…, and an empty list as an empty root', async () => {
    const json = (await get('/requests.json')).body as Req[];
    const res = await get('/requests.xml');
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.parse(res.text).service_requests.request.map((r: Req) => r.service_request_id)).toEqual(ids(json));
    const empty = await get('/requests.xml?service_code=none');
    expect(empty.text).toContain('<service_requests/>');
  });

  it('never exposes the reporter', async () => {
    const text = (await get('/requests.json')).text + (await get('/requests.xml')).text;
    for (const secret of ['张三', '13800138000', town.mp.residentA.id]) expect(text).not.toContain(secret);
  });

  describe('privacy (issue #11 item 7)', () => {
    const put = (id: string, auth: string, body: object) =>
      t.http().put(`/api/admin/cases/${id}/publication`).set('Authorization', auth).send(body);
    const one = async (no: string) => ((await get(`/requests/${no}.json`)).body as Req[])[0];
    /** Metres between two WGS84 points (local equirectangular; fine at these distances). */
    const metres = (a: [number, number], b: [number, number]) => {
      const k = metresPerDegree(a[1]);
      return Math.hypot((a[0] - b[0]) * k.x, (a[1] - b[1]) * k.y);
    };
    const wgsOf = (r: CaseRecord) => gcj02ToWgs84([Number(r.lng), Number(r.lat)]);

    it('starts with the public-space categories public and the others not, as shared documents', async () => {
      const rows = await town.ds.getRepository(CaseCategory).find();
      const stored = Object.fromEntries(rows.map((r) => [r.code, Boolean(r.isPublic)]));
      expect(stored).toMatchObject(Object.fromEntries(defaultCaseCategories.map((d) => [d.code, d.isPublic])));
      expect(defaultCaseCategories.filter((d) => d.isPublic).map((d) => d.code)).toEqual([
        'road',
        'streetlight',
        'garbage',
        'sewage',
        'greenery',
        'parking',
      ]);
      const api = await t.http().get('/api/mp/case-categories').set('Authorization', town.mp.residentA.auth);
      expect(api.status).toBe(200);
      expect((api.body.data as { code: string; isPublic: boolean }[]).find((x) => x.code === 'dispute')).toMatchObject({
        isPublic: false,
      });
      expect((api.body.data as { code: string; isPublic: boolean }[]).find((x) => x.code === 'road')).toMatchObject({
        isPublic: true,
      });
    });

    it('never publishes the resident’s own words; staff-reviewed public text goes out (numbers still masked), and clearing it withdraws it', async () => {
      expect((await get('/requests.json')).text).not.toContain('井盖松动');
      const res = await put(c.open.id, town.staff.town.auth, {
        publicDescription: '村口井盖松动，已安排更换。热线 13812345678',
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        publishable: true,
        categoryPublic: true,
        anonymous: false,
        publicDescription: '村口井盖松动，已安排更换。热线 13812345678',
      });
      expect((await one(c.open.no)).description).toBe('村口井盖松动，已安排更换。热线 138****5678');
      const audit = await town.ds
        .getRepository(AuditLog)
        .findOneByOrFail({ action: 'case.publication.update', resourceId: c.open.id });
      expect(audit.result).toBe('success');
      expect(
        (await put(c.open.id, town.staff.town.auth, { publicDescription: null })).body.data.publicDescription,
      ).toBeNull();
      expect((await one(c.open.no)).description).toBeNull();
    });

    it('lists a non-public category (邻里纠纷) with no text, address, photo or staff notes, its position on a ~500 m grid', async () => {
      const dispute = await caseInProgress(t, town, {
        categoryCode: 'dispute',
        description: '楼上张三家每晚吵闹，电话 13912345678',
        at: [120.1083, 30.2117],
      });
      const worker = {
        role: 'assignee' as const,
        kind: 'mp' as const,
        id: town.mp.workerA1.id,
        name: '王五',
        principal: {
          kind: 'mp' as const,
          id: town.mp.workerA1.id,
          roles: ['resident' as const, 'grid_worker' as const],
        },
      };
      await (
        await t.get(CaseWorkflowService)
      ).apply(dispute.id, 'resolve', worker, { result: '已调解张三与李四的纠纷' });
      await town.ds.getRepository(CaseRecord).update({ id: dispute.id }, { publicDescription: '邻里纠纷已调解' });
      const r = await one(dispute.no);
      expect(r).toMatchObject({
        service_code: 'dispute',
        status: 'closed',
        status_notes: '已办结',
        description: null,
        address: null,
        media_url: null,
      });
      const exact = wgsOf(dispute);
      expect([r.long, r.lat]).toEqual([coarseCoordinate(exact[0]), coarseCoordinate(exact[1])]);
      const offset = metres([r.long as number, r.lat as number], exact);
      expect(offset).toBeGreaterThan(1);
      // At most half a cell's diagonal away; the cell is ~555 m × ~480 m here.
      expect(offset).toBeLessThanOrEqual(
        metres([0, 30.2], [OPEN311_COARSE_GRID_DEG / 2, 30.2 + OPEN311_COARSE_GRID_DEG / 2]),
      );
      const text = (await get('/requests.json')).text + (await get('/requests.xml')).text;
      for (const secret of ['张三', '李四', '13912345678', '139****5678', '已调解', '邻里纠纷已调解'])
        expect(text).not.toContain(secret);
    });

    it('publishes an anonymous report of a public category like a non-public one: nothing tied to the reporter', async () => {
      const anonymous = await submitCase(t, town, { anonymous: true, description: '我家门口路面塌陷' });
      await town.ds.getRepository(CaseRecord).update({ id: anonymous.id }, { publicDescription: '路面塌陷' });
      const r = await one(anonymous.no);
      expect(r).toMatchObject({ service_code: 'road', description: null, address: null, media_url: null });
      const exact = wgsOf(anonymous);
      expect([r.long, r.lat]).toEqual([coarseCoordinate(exact[0]), coarseCoordinate(exact[1])]);
      const view = await t
        .http()
        .get(`/api/admin/cases/${anonymous.id}/publication`)
        .set('Authorization', town.staff.town.auth);
      expect(view.body.data).toEqual({
        publishable: false,
        categoryPublic: true,
        anonymous: true,
        publicDescription: '路面塌陷',
      });
    });

    it('follows the category switch at once (a public category made private loses its text and exact place)', async () => {
      await put(c.open.id, town.staff.town.auth, { publicDescription: '井盖更换中' });
      const patch = (body: object) =>
        t.http().patch('/api/admin/case-categories/road').set('Authorization', town.staff.town.auth).send(body);
      expect((await patch({ isPublic: 'yes' })).status).toBe(400);
      const off = await patch({ isPublic: false });
      expect([off.status, off.body.data.isPublic]).toEqual([200, false]);
      expect(await one(c.open.no)).toMatchObject({ description: null, address: null });
      expect((await patch({ isPublic: true })).body.data.isPublic).toBe(true);
      expect(await one(c.open.no)).toMatchObject({ description: '井盖更换中', address: '幸福村村口' });
    });

    it('lets only staff who may dispatch in the case’s scope write the public text (403 / 404 / 400)', async () => {
      expect((await put(c.open.id, town.staff.staffWorkerA1.auth, { publicDescription: 'x' })).status).toBe(403);
      const other = await put(c.open.id, town.staff.villageB.auth, { publicDescription: 'x' });
      expect([other.status, other.body.error?.code]).toEqual([404, 'CASE_NOT_FOUND']);
      const long = await put(c.open.id, town.staff.town.auth, { publicDescription: '长'.repeat(501) });
      expect([long.status, long.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await put(c.open.id, town.staff.town.auth, {})).status).toBe(400);
      expect(
        (await t.http().put(`/api/admin/cases/${c.open.id}/publication`).send({ publicDescription: 'x' })).status,
      ).toBe(401);
    });
  });

  it('answers at most 1000 requests', async () => {
    const repo = town.ds.getRepository(CaseRecord);
    const base = await repo.findOneByOrFail({ id: c.open.id });
    const clones = Array.from({ length: 1005 }, (_, i) =>
      repo.create({
        ...base,
        id: randomUUID(),
        no: `20990101${String(i).padStart(4, '0')}`,
        idempotencyKey: randomUUID(),
        externalId: null,
        externalSystem: null,
        createdAt: new Date(Date.now() - 3 * DAY),
      }),
    );
    for (let i = 0; i < clones.length; i += 100) await repo.insert(clones.slice(i, i + 100));
    const res = await get('/requests.json');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1000);
  });
});
