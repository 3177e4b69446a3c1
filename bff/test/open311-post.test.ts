import { XMLParser } from 'fast-xml-parser';
import { gcj02ToWgs84, wgs84ToGcj02 } from '@zhili/shared';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { staffWithToken } from './support/staff-fixtures';
import { CaseTown, setupCaseTown } from './support/case-fixtures';
import { AuditLog } from '../src/core/audit';
import { CaseCategory, CaseEvent, CaseRecord } from '../src/modules/case';
import { Open311Key } from '../src/modules/open311';
import { PiiCipher } from '../src/core/crypto/pii-cipher';

const backend = currentBackend();

/**
 * Open311 POST Service Request and GET service_request_id from a token, from the spec's text, and
 * the api keys issued in the admin (`/api/admin/open311/keys`).
 */
describe(`Open311 POST requests and api keys on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  let key: string;
  let keyId: string;
  const xml = new XMLParser({
    parseTagValue: false,
    isArray: (_n, jpath) => ['service_requests.request', 'errors.error'].includes(String(jpath)),
  });
  const admin = (who: { auth: string }) => ({
    get: (path: string) => t.http().get(`/api/admin${path}`).set('Authorization', who.auth),
    post: (path: string, body: object) => t.http().post(`/api/admin${path}`).set('Authorization', who.auth).send(body),
    del: (path: string) => t.http().delete(`/api/admin${path}`).set('Authorization', who.auth),
  });
  /** A form post exactly as the spec's example: application/x-www-form-urlencoded. */
  const post = (format: string, fields: Record<string, string>) =>
    t
      .http()
      .post(`/open311/v2/requests.${format}`)
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-8')
      .send(new URLSearchParams(fields).toString());
  /** A WGS84 position (as a GPS would give it) whose GCJ-02 shift lies inside grid A1. */
  const wgsA1 = () => gcj02ToWgs84(town.points.A1).map((n) => n.toFixed(7)) as [string, string];
  const minimal = () => ({
    api_key: key,
    service_code: 'road',
    lat: wgsA1()[1],
    long: wgsA1()[0],
    description: '路面塌陷一个大坑，请尽快处理',
  });
  const caseOf = (no: string) => town.ds.getRepository(CaseRecord).findOneByOrFail({ no });

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    town = await setupCaseTown(t);
    const issued = await admin(town.staff.town).post('/open311/keys', { name: '市民服务 App' });
    key = issued.body.data.key;
    keyId = issued.body.data.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('api keys (admin)', () => {
    it('issues a key once (32 random bytes, base64url) and stores only a keyed hash and a prefix', async () => {
      const res = await admin(town.staff.town).post('/open311/keys', { name: '第二个对接方' });
      expect(res.status).toBe(201);
      const { key: shown, ...vo } = res.body.data;
      expect(shown).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(shown, 'base64url')).toHaveLength(32);
      expect(vo).toEqual({
        id: expect.any(String),
        name: '第二个对接方',
        prefix: shown.slice(0, 8),
        createdAt: expect.any(String),
        lastUsedAt: null,
        revokedAt: null,
      });
      const row = await town.ds.getRepository(Open311Key).findOneByOrFail({ id: vo.id });
      expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.keyHash).not.toContain(shown);
      expect(row.scopePath).toBe(town.town.path);
      const list = await admin(town.staff.town).get('/open311/keys');
      expect(list.body.data.find((k: { id: string }) => k.id === vo.id)).toEqual(vo);
      expect(JSON.stringify(list.body)).not.toContain(shown);
      expect(await town.ds.getRepository(AuditLog).countBy({ action: 'open311.key.issue', result: 'success' })).toBe(2);
    });

    it('refuses staff without case:manage (403) and hides keys outside the caller’s scope (404)', async () => {
      expect((await admin(town.staff.villageA).get('/open311/keys')).status).toBe(403);
      expect((await admin(town.staff.villageA).post('/open311/keys', { name: 'x' })).status).toBe(403);
      expect((await admin(town.staff.villageA).del(`/open311/keys/${keyId}`)).status).toBe(403);
      const managerB = await staffWithToken(t, {
        username: 'o311.mgr.b',
        roles: ['village_admin'],
        grants: ['case:manage'],
        region: town.villageB,
      });
      expect((await admin(managerB).get('/open311/keys')).body.data).toEqual([]);
      expect((await admin(managerB).del(`/open311/keys/${keyId}`)).status).toBe(404);
      expect((await admin(town.staff.town).post('/open311/keys', { name: '' })).status).toBe(400);
    });

    it('refuses a revoked key at once (403 in the spec’s error list)', async () => {
      const issued = (await admin(town.staff.town).post('/open311/keys', { name: '将被吊销' })).body.data;
      expect((await post('json', { ...minimal(), api_key: issued.key })).status).toBe(200);
      expect((await admin(town.staff.town).del(`/open311/keys/${issued.id}`)).status).toBe(204);
      const listed = (await admin(town.staff.town).get('/open311/keys')).body.data.find(
        (k: { id: string }) => k.id === issued.id,
      );
      expect(listed.revokedAt).toEqual(expect.any(String));
      expect(listed.lastUsedAt).toEqual(expect.any(String));
      const refused = await post('json', { ...minimal(), api_key: issued.key });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual([{ code: 403, description: expect.any(String) }]);
      expect(
        await town.ds.getRepository(AuditLog).countBy({ action: 'open311.key.revoke', resourceId: issued.id }),
      ).toBe(1);
    });
  });

  describe('POST Service Request', () => {
    it('creates a case: GCJ-02 stored, WGS84 answered back, reporter kept private', async () => {
      const [long, lat] = wgsA1();
      const res = await post('json', {
        ...minimal(),
        address_string: '幸福村村口东侧',
        email: 'wang@example.org',
        device_id: 'dev-1',
        account_id: 'acct-1',
        first_name: '小明',
        last_name: '王',
        phone: '139 1234 5678',
        media_url: 'https://example.org/p/1.jpg',
        'attribute[WHISPAWN]': '123456',
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body).toEqual([
        {
          service_request_id: expect.stringMatching(/^\d{12}$/),
          service_notice: expect.any(String),
          account_id: 'acct-1',
        },
      ]);
      const record = await caseOf(res.body[0].service_request_id);
      expect(record).toMatchObject({
        source: 'open311',
        status: 'submitted',
        regionId: town.gridA1.id,
        categoryCode: 'road',
        reporterKind: 'external',
        reporterId: `open311:${keyId}`,
        reporterName: '王小明',
        externalSystem: 'open311',
        address: '幸福村村口东侧',
      });
      const [gLng, gLat] = wgs84ToGcj02([Number(long), Number(lat)]);
      expect(Math.abs(Number(record.lng) - gLng)).toBeLessThan(1e-9);
      expect(Math.abs(Number(record.lat) - gLat)).toBeLessThan(1e-9);
      expect((await t.get(PiiCipher)).open(record.contactPhone)).toBe('13912345678');
      const note = await town.ds.getRepository(CaseEvent).findOneByOrFail({ caseId: record.id, type: 'note' });
      expect(note.data).toEqual({ mediaUrl: 'https://example.org/p/1.jpg' });
      expect((await town.ds.getRepository(Open311Key).findOneByOrFail({ id: keyId })).lastUsedAt).not.toBeNull();

      const read = await t.http().get(`/open311/v2/requests/${record.no}.json`);
      expect(read.status).toBe(200);
      expect(read.body).toHaveLength(1);
      expect(Math.abs(read.body[0].lat - Number(lat))).toBeLessThan(1e-5);
      expect(Math.abs(read.body[0].long - Number(long))).toBeLessThan(1e-5);
      expect(read.body[0].media_url).toBe('https://example.org/p/1.jpg');
      for (const secret of ['王小明', '小明', '5678', 'acct-1', 'wang@example.org', 'open311:'])
        expect(read.text).not.toContain(secret);
    });

    it('answers in XML as <service_requests><request> with the request id', async () => {
      const res = await post('xml', minimal());
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      const [request] = xml.parse(res.text).service_requests.request;
      expect(request.service_request_id).toMatch(/^\d{12}$/);
      expect(request.account_id).toBe('');
      expect(request.token).toBeUndefined();
    });

    it('files a report without coordinates under the key’s region', async () => {
      const { lat: _lat, long: _long, ...noPoint } = minimal();
      const res = await post('json', { ...noPoint, address_string: '青山镇政府门口' });
      expect(res.status).toBe(200);
      const record = await caseOf(res.body[0].service_request_id);
      expect(record).toMatchObject({ regionId: town.town.id, lng: null, lat: null, address: '青山镇政府门口' });
      const read = await t.http().get(`/open311/v2/requests/${record.no}.xml`);
      expect(xml.parse(read.text).service_requests.request[0]).toMatchObject({
        lat: '',
        long: '',
        address: '青山镇政府门口',
      });
    });

    it('answers 403 without a valid api_key (JSON and XML)', async () => {
      const { api_key: _k, ...noKey } = minimal();
      const missing = await post('json', noKey);
      expect(missing.status).toBe(403);
      expect(missing.body).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
      const wrong = await post('xml', { ...minimal(), api_key: 'A'.repeat(43) });
      expect(wrong.status).toBe(403);
      expect(xml.parse(wrong.text).errors.error).toEqual([
        { code: '403', description: expect.stringContaining('api_key') },
      ]);
    });

    it('answers 400 listing every problem of a malformed form', async () => {
      const { service_code: _c, long: _l, ...broken } = minimal();
      const res = await post('json', broken);
      expect(res.status).toBe(400);
      expect(res.body.length).toBeGreaterThanOrEqual(2);
      expect(res.body.every((e: { code: number }) => e.code === 400)).toBe(true);
      expect(res.body.map((e: { description: string }) => e.description).join(' ')).toMatch(/service_code[\s\S]*long/);
      const xmlRes = await post('xml', { ...minimal(), description: '长'.repeat(501) });
      expect(xmlRes.status).toBe(400);
      expect(xml.parse(xmlRes.text).errors.error[0].code).toBe('400');
      const { lat: _a, long: _b, ...nowhere } = minimal();
      expect((await post('json', nowhere)).status).toBe(400);
      expect((await post('json', { ...minimal(), lat: '95' })).status).toBe(400);
      const outside = gcj02ToWgs84(town.points.outside);
      expect((await post('json', { ...minimal(), lat: String(outside[1]), long: String(outside[0]) })).status).toBe(
        400,
      );
    });

    it('applies the central input rules to the form after the api_key (control characters: 400, nothing stored)', async () => {
      const cases = town.ds.getRepository(CaseRecord);
      const before = await cases.count();
      const res = await post('json', { ...minimal(), description: '路面塌陷\u0000一个大坑', first_name: '小\n明' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual([
        { code: 400, description: 'description：不能包含控制字符（换行和制表符除外）' },
        { code: 400, description: 'first_name：不能包含控制字符或换行' },
      ]);
      const { api_key: _k, ...noKey } = minimal();
      expect((await post('json', { ...noKey, description: '路面\u0000塌陷' })).status).toBe(403);
      // Another jurisdiction does not exist, whoever asks and whatever the form holds.
      const other = await post('xml', { ...noKey, jurisdiction_id: 'sfgov.org', lat: 'x' });
      expect([other.status, xml.parse(other.text).errors.error[0].code]).toEqual([404, '404']);
      expect(await cases.count()).toBe(before);
    });

    it('answers 404 for an unknown or deactivated service_code', async () => {
      expect((await post('json', { ...minimal(), service_code: 'pothole' })).status).toBe(404);
      await town.ds.getRepository(CaseCategory).update({ code: 'noise' }, { active: false });
      const res = await post('xml', { ...minimal(), service_code: 'noise' });
      expect(res.status).toBe(404);
      expect(xml.parse(res.text).errors.error[0].code).toBe('404');
    });

    it('keeps a key issued at village level to its own village (400 elsewhere)', async () => {
      const managerA = await staffWithToken(t, {
        username: 'o311.mgr.a',
        roles: ['village_admin'],
        grants: ['case:manage'],
        region: town.villageA,
      });
      const villageKey = (await admin(managerA).post('/open311/keys', { name: '幸福村小程序' })).body.data
        .key as string;
      const at = (p: [number, number]) => gcj02ToWgs84(p).map((n) => n.toFixed(7));
      const [bLng, bLat] = at(town.points.B1);
      const refused = await post('json', { ...minimal(), api_key: villageKey, lat: bLat, long: bLng });
      expect(refused.status).toBe(400);
      const [aLng, aLat] = at(town.points.A2);
      const ok = await post('json', { ...minimal(), api_key: villageKey, lat: aLat, long: aLng });
      expect(ok.status).toBe(200);
      expect((await caseOf(ok.body[0].service_request_id)).regionId).toBe(town.gridA2.id);
    });
  });

  it('limits posts per client address (429, still in the spec’s error format)', async () => {
    const from = (format: string) => post(format, { service_code: 'road' }).set('X-Forwarded-For', '203.0.113.9');
    for (let i = 0; i < 120; i += 1) expect((await from('json')).status).toBe(403);
    const limited = await from('xml');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toEqual(expect.any(String));
    expect(xml.parse(limited.text).errors.error[0].code).toBe('429');
    expect((await post('json', minimal())).status).toBe(200);
  });

  describe('GET service_request_id from a token', () => {
    it('resolves the reference a posted request is filed under (JSON and XML), 404 otherwise', async () => {
      const posted = await post('json', minimal());
      const record = await caseOf(posted.body[0].service_request_id);
      const token = record.externalId as string;
      const res = await t.http().get(`/open311/v2/tokens/${token}.json`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([{ service_request_id: record.no, token }]);
      const xmlRes = await t.http().get(`/open311/v2/tokens/${token}.xml`);
      expect(xml.parse(xmlRes.text).service_requests.request).toEqual([{ service_request_id: record.no, token }]);
      const unknown = await t.http().get('/open311/v2/tokens/00000000-0000-4000-8000-000000000000.json');
      expect(unknown.status).toBe(404);
      expect(unknown.body[0].code).toBe(404);
    });
  });
});
